using System.Text;
using Microsoft.Data.Sqlite;
using SolidWall.Storage.Sqlite;

namespace SolidWall.Storage;

/// <summary>Full-text search (FTS5, bm25 ranking) with sender, recipient, date and verdict filters.</summary>
public sealed partial class SqliteCaseStore
{
    private const int SnippetTokens = 16;
    private const int PlainSnippetChars = 160;

    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0)
        {
            throw new CaseStoreException($"search limit must be at least 1 (got {query.Limit})");
        }

        var text = query.Text.Trim();
        if (text.Length > 0)
        {
            SearchIndex.CatchUp(_connection);
        }

        using var command = Command("");
        var filters = SearchFilters.Build(query, command.Parameters);
        var sql = new StringBuilder();
        if (text.Length > 0)
        {
            sql.Append(CultureInvariant($"""
                SELECT m.id, m.sha256, m.date, m.date_offset, m.from_address, m.subject, m.electioneering, m.score,
                       snippet(message_search, -1, '[', ']', '…', {SnippetTokens})
                FROM message_search JOIN messages m ON m.id = message_search.rowid
                WHERE message_search MATCH $text {filters}
                ORDER BY message_search.rank
                LIMIT $limit
                """));
            command.Parameters.AddWithValue("$text", text);
        }
        else
        {
            sql.Append(CultureInvariant($"""
                SELECT m.id, m.sha256, m.date, m.date_offset, m.from_address, m.subject, m.electioneering, m.score,
                       (SELECT substr(t.text, 1, {PlainSnippetChars}) FROM message_texts t WHERE t.id = m.id)
                FROM messages m
                WHERE 1 {filters}
                ORDER BY m.date DESC, m.id DESC
                LIMIT $limit
                """));
        }

        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();

        var rows = new List<(string Sha, DateTimeOffset? Date, string? From, string Subject, bool Electioneering, double Score, string Snippet)>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : DateCodec.FromUtcText(reader.GetString(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetString(5),
                    reader.GetInt64(6) != 0,
                    reader.GetDouble(7),
                    OneLine(reader.IsDBNull(8) ? "" : reader.GetString(8))));
            }
        }
        catch (SqliteException e) when (text.Length > 0 && e.SqliteErrorCode == 1 /* SQLITE_ERROR: the query did not parse */)
        {
            throw new CaseStoreException(
                $"search query \"{text}\" is not understood: {SqliteMessage(e)}. Use words, \"quoted phrases\", AND, OR, NOT, prefix* "
                + "and column:word with the columns subject, sender, recipients and text; put anything else in double quotes.", e);
        }

        return [.. rows.Select(row =>
        {
            var (source, offset, copies) = FirstCopy(row.Sha);
            return new SearchHit(row.Sha, source, offset, row.Date, row.From, row.Subject, row.Electioneering ? "electioneering" : "allowed", row.Score, row.Snippet, copies);
        })];
    }

    /// <summary>Where the first copy of a message lies (by source path, then offset), and how many copies there are.</summary>
    private (string Source, long Offset, int Copies) FirstCopy(string sha256)
    {
        using var command = Command("""
            SELECT s.path, i.offset, (SELECT count(*) FROM items c WHERE c.sha256 = $sha256)
            FROM items i JOIN sources s ON s.id = i.source_id
            WHERE i.sha256 = $sha256
            ORDER BY s.path, i.offset
            LIMIT 1
            """);
        command.Parameters.AddWithValue("$sha256", sha256);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)) : ("", -1, 0);
    }

    private static string OneLine(string snippet)
    {
        var builder = new StringBuilder(snippet.Length);
        var space = false;
        foreach (var c in snippet)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>SQLite's own words without Microsoft.Data.Sqlite's "SQLite Error 1: '...'" wrapping.</summary>
    private static string SqliteMessage(SqliteException e)
    {
        var message = e.Message;
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end].TrimEnd('.') : message;
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);
}
