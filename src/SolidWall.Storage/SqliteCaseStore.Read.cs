using Microsoft.Data.Sqlite;
using SolidWall.Core.Case;
using SolidWall.Storage.Sqlite;

namespace SolidWall.Storage;

/// <summary>Reading a case back: streams for whole-case passes, lists for the small questions.</summary>
public sealed partial class SqliteCaseStore
{
    /// <summary>Offsets of the items and of the skipped items already stored for the source: a resumed scan reads neither again.</summary>
    public IReadOnlySet<long> StoredOffsets(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = Command("""
            SELECT offset FROM items WHERE source_id = (SELECT id FROM sources WHERE path = $path)
            UNION ALL
            SELECT offset FROM skipped WHERE source_id = (SELECT id FROM sources WHERE path = $path)
            """);
        command.Parameters.AddWithValue("$path", source);
        using var reader = command.ExecuteReader();
        var offsets = new HashSet<long>();
        while (reader.Read())
        {
            offsets.Add(reader.GetInt64(0));
        }

        return offsets;
    }

    public IEnumerable<CaseItem> Items()
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.path, i.offset, i.sha256, i.length, i.mailbox, i.labels
            FROM sources s JOIN items i ON i.source_id = s.id
            ORDER BY s.path, i.offset
            """;
        using var reader = command.ExecuteReader();
        var sourceId = -1L;
        var source = "";
        while (reader.Read())
        {
            // One string per source, not one per item: a million items often come from a handful of files.
            if (reader.GetInt64(0) != sourceId)
            {
                sourceId = reader.GetInt64(0);
                source = reader.GetString(1);
            }

            yield return new CaseItem(
                reader.GetString(3),
                source,
                reader.GetInt64(2),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                JsonLists.Read(reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
    }

    public IEnumerable<CaseMessage> Messages(bool withText = true) => withText
        ? Stream($"SELECT {MessageRows.Columns}{MessageRows.TextColumns} FROM messages m JOIN message_texts t ON t.id = m.id ORDER BY m.sha256", withText: true)
        : Stream($"SELECT {MessageRows.Columns} FROM messages m ORDER BY m.sha256", withText: false);

    /// <summary>
    /// What <see cref="ElectioneeringMessages"/> asks: the partial index <c>messages_electioneering</c> (schema
    /// migration 2) holds exactly these rows, in this order, so SQLite reads no other row and sorts nothing.
    /// </summary>
    internal const string ElectioneeringQuery = $"SELECT {MessageRows.Columns} FROM messages m WHERE m.electioneering = 1 ORDER BY m.sha256";

    public IEnumerable<CaseMessage> ElectioneeringMessages() => Stream(ElectioneeringQuery, withText: false);

    public IEnumerable<CaseMessage> MessagesAsStored() =>
        Stream($"SELECT {MessageRows.Columns} FROM messages m ORDER BY m.id", withText: false);

    private IEnumerable<CaseMessage> Stream(string sql, bool withText)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return MessageRows.Read(reader, withText);
        }
    }

    public IReadOnlyList<CaseMessage> MessagesBySha(IReadOnlyCollection<string> sha256s)
    {
        ArgumentNullException.ThrowIfNull(sha256s);
        if (sha256s.Count == 0)
        {
            return [];
        }

        using var command = Command($"""
            SELECT {MessageRows.Columns}{MessageRows.TextColumns}
            FROM messages m JOIN message_texts t ON t.id = m.id
            WHERE m.sha256 IN (SELECT value FROM json_each($shas))
            ORDER BY m.sha256
            """);
        command.Parameters.AddWithValue("$shas", new JsonLists().Write([.. sha256s]));
        using var reader = command.ExecuteReader();
        var list = new List<CaseMessage>();
        while (reader.Read())
        {
            list.Add(MessageRows.Read(reader, withText: true));
        }

        return list;
    }

    public IReadOnlyList<SkippedItem> Skipped()
    {
        using var command = Command("""
            SELECT s.path, k.offset, k.reason FROM skipped k JOIN sources s ON s.id = k.source_id
            ORDER BY s.path, k.offset
            """);
        using var reader = command.ExecuteReader();
        var list = new List<SkippedItem>();
        while (reader.Read())
        {
            list.Add(new SkippedItem(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return list;
    }
}
