using Microsoft.Data.Sqlite;
using SolidWall.Core.Case;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// Writes batches of items, messages and skipped items, each batch in one transaction, through statements prepared
/// once and reused for every row of every batch (parsing SQL per row would cost more than the insert).
/// </summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly JsonLists _lists = new();
    private readonly SegmentCodec _segments = new();
    private readonly Dictionary<string, long> _sourceIds = new(StringComparer.Ordinal);
    private readonly int _indexEvery;
    private long _unindexed;

    private readonly Statement _source;
    private readonly Statement _messageExists;
    private readonly Statement _message;
    private readonly Statement _text;
    private readonly Statement _item;
    private readonly Statement _skipped;

    /// <param name="indexEvery">Bring the search index up to date once this many stored messages wait for it.</param>
    public BatchWriter(SqliteConnection connection, int indexEvery)
    {
        _connection = connection;
        _indexEvery = indexEvery;
        _unindexed = SearchIndex.Pending(connection);
        _source = new(connection, """
            INSERT INTO sources(path) VALUES($path)
            ON CONFLICT(path) DO UPDATE SET path = excluded.path
            RETURNING id
            """, "$path");
        _messageExists = new(connection, "SELECT 1 FROM messages WHERE sha256 = $sha256", "$sha256");
        _message = new(connection, """
            INSERT OR IGNORE INTO messages(sha256, message_id, in_reply_to, reference_ids, date, date_offset, from_address, from_name,
                to_addresses, cc_addresses, bcc_addresses, subject, links, electioneering, score, categories,
                registered_campaign, committee, verdict_json, fingerprints, encryption, unread_attachments)
            VALUES($sha256, $message_id, $in_reply_to, $reference_ids, $date, $date_offset, $from_address, $from_name,
                $to, $cc, $bcc, $subject, $links, $electioneering, $score, $categories,
                $registered_campaign, $committee, $verdict_json, $fingerprints, $encryption, $unread_attachments)
            RETURNING id
            """,
            "$sha256", "$message_id", "$in_reply_to", "$reference_ids", "$date", "$date_offset", "$from_address", "$from_name",
            "$to", "$cc", "$bcc", "$subject", "$links", "$electioneering", "$score", "$categories",
            "$registered_campaign", "$committee", "$verdict_json", "$fingerprints", "$encryption", "$unread_attachments");
        _text = new(connection, "INSERT INTO message_texts(id, text, segments, attachments) VALUES($id, $text, $segments, $attachments)", "$id", "$text", "$segments", "$attachments");
        _item = new(connection, """
            INSERT OR IGNORE INTO items(source_id, offset, sha256, length, mailbox, labels)
            VALUES($source_id, $offset, $sha256, $length, $mailbox, $labels)
            """, "$source_id", "$offset", "$sha256", "$length", "$mailbox", "$labels");
        _skipped = new(connection, "INSERT OR IGNORE INTO skipped(source_id, offset, reason) VALUES($source_id, $offset, $reason)",
            "$source_id", "$offset", "$reason");
    }

    public void Add(IReadOnlyList<CaseItem> items, IReadOnlyList<CaseMessage> messages, IReadOnlyList<SkippedItem> skipped)
    {
        if (items.Count == 0 && messages.Count == 0 && skipped.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        var committed = false;
        try
        {
            foreach (var statement in All())
            {
                statement.Command.Transaction = transaction;
            }

            foreach (var message in messages)
            {
                AddMessage(message);
            }

            foreach (var item in items)
            {
                var p = _item.Parameters;
                p[0].Value = SourceId(item.Source);
                p[1].Value = item.Offset;
                p[2].Value = item.Sha256;
                p[3].Value = item.Length;
                p[4].Value = (object?)item.Mailbox ?? DBNull.Value;
                p[5].Value = _lists.Write(item.Labels);
                _item.Command.ExecuteNonQuery();
            }

            foreach (var item in skipped)
            {
                var p = _skipped.Parameters;
                p[0].Value = SourceId(item.Source);
                p[1].Value = item.Offset;
                p[2].Value = item.Reason;
                _skipped.Command.ExecuteNonQuery();
            }

            transaction.Commit();
            committed = true;
        }

        finally
        {
            if (!committed)
            {
                // Source ids handed out inside the rolled-back transaction no longer exist. (_unindexed may now count
                // messages that were rolled back: that only brings the next catch-up forward.)
                _sourceIds.Clear();
            }
        }

        if (_unindexed >= _indexEvery)
        {
            SearchIndex.CatchUp(_connection);
            _unindexed = 0;
        }
    }

    private void AddMessage(CaseMessage m)
    {
        _messageExists.Parameters[0].Value = m.Sha256;
        if (_messageExists.Command.ExecuteScalar() is not null)
        {
            return; // kept as first stored: a message's facts do not change with the mailbox it was found in
        }

        var p = _message.Parameters;
        p[0].Value = m.Sha256;
        p[1].Value = (object?)m.MessageId ?? DBNull.Value;
        p[2].Value = _lists.Write(m.InReplyTo);
        p[3].Value = _lists.Write(m.References);
        p[4].Value = m.Date is { } date ? DateCodec.ToUtcText(date) : DBNull.Value;
        p[5].Value = m.Date is { } d ? (long)d.Offset.TotalMinutes : DBNull.Value;
        p[6].Value = (object?)m.From ?? DBNull.Value;
        p[7].Value = (object?)m.FromName ?? DBNull.Value;
        p[8].Value = _lists.Write(m.To);
        p[9].Value = _lists.Write(m.Cc);
        p[10].Value = _lists.Write(m.Bcc);
        p[11].Value = m.Subject;
        p[12].Value = _lists.Write(m.Links);
        p[13].Value = m.Electioneering ? 1L : 0L;
        p[14].Value = m.Score;
        p[15].Value = _lists.Write(m.Categories);
        p[16].Value = (object?)m.RegisteredCampaign ?? DBNull.Value;
        p[17].Value = (object?)m.Committee ?? DBNull.Value;
        p[18].Value = m.VerdictJson;
        p[19].Value = FingerprintCodec.Encode(m.Fingerprints);
        p[20].Value = (object?)m.Encryption ?? DBNull.Value;
        p[21].Value = m.UnreadAttachments.Count == 0 ? DBNull.Value : _lists.Write(m.UnreadAttachments);
        if (_message.Command.ExecuteScalar() is not long id)
        {
            return;
        }

        var t = _text.Parameters;
        t[0].Value = id;
        t[1].Value = m.Text;
        t[2].Value = _segments.Write(m.Segments, m.Text, out var attachments);
        t[3].Value = (object?)attachments ?? DBNull.Value;
        _text.Command.ExecuteNonQuery();
        _unindexed++;
    }

    private long SourceId(string source)
    {
        if (!_sourceIds.TryGetValue(source, out var id))
        {
            _source.Parameters[0].Value = source;
            id = (long)_source.Command.ExecuteScalar()!;
            _sourceIds.Add(source, id);
        }

        return id;
    }

    private IEnumerable<Statement> All() => [_source, _messageExists, _message, _text, _item, _skipped];

    public void Dispose()
    {
        foreach (var statement in All())
        {
            statement.Command.Dispose();
        }
    }

    /// <summary>A prepared command and its parameters in the order the SQL names them.</summary>
    private sealed class Statement
    {
        public Statement(SqliteConnection connection, string sql, params string[] names)
        {
            Command = connection.CreateCommand();
            Command.CommandText = sql;
            Parameters = [.. names.Select(name => Command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value }))];
            Command.Prepare();
        }

        public SqliteCommand Command { get; }

        public SqliteParameter[] Parameters { get; }
    }
}
