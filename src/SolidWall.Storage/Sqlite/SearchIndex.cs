using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// Keeps the full-text index (<c>message_search</c>) up to date with <c>messages</c>. Messages are indexed in large
/// chunks after they are stored, not row by row inside each batch: FTS5 costs about half as much per message that
/// way (fewer, larger index segments to write and merge), and indexing is most of what storing a message costs.
/// Message ids only grow, so one number, <c>search_index_state.indexed_through</c>, says what is indexed; it is
/// updated in the same transaction as the index, so a killed process leaves the index consistent.
/// </summary>
internal static class SearchIndex
{
    /// <summary>Messages indexed per transaction: bounds the pending-terms memory and what a kill loses.</summary>
    public const int Chunk = 20_000;

    /// <summary>How many stored messages are not yet indexed (read without taking the write lock).</summary>
    public static long Pending(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce((SELECT max(id) FROM messages), 0) - (SELECT indexed_through FROM search_index_state)";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Indexes every stored message not yet indexed, <see cref="Chunk"/> messages per transaction.</summary>
    public static void CatchUp(SqliteConnection connection)
    {
        while (Pending(connection) > 0)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Read again under the write lock: another process may have indexed meanwhile.
            command.CommandText = """
                INSERT INTO message_search(rowid, subject, sender, recipients, text)
                    SELECT id, subject, sender, recipients, text FROM message_search_content
                    WHERE id > (SELECT indexed_through FROM search_index_state)
                      AND id <= (SELECT indexed_through FROM search_index_state) + $chunk
                    ORDER BY id;
                UPDATE search_index_state SET indexed_through = min(indexed_through + $chunk, coalesce((SELECT max(id) FROM messages), 0));
                """;
            command.Parameters.AddWithValue("$chunk", Chunk);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
