using Microsoft.Data.Sqlite;

namespace SolidWall.Storage.Sqlite;

/// <summary>Connection settings: WAL so readers never wait for the writer, and a page cache sized for batches of messages.</summary>
internal static class Pragmas
{
    public static void ForWriter(SqliteConnection connection) => Execute(connection, """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -65536;
        PRAGMA temp_store = MEMORY;
        PRAGMA wal_autocheckpoint = 2000;
        """);

    // Whole-case streams read the file once from end to end: memory-mapped pages are read in place instead of being
    // copied out of the OS cache page by page (that copy was a tenth of a report's time on a million messages).
    public static void ForReader(SqliteConnection connection) => Execute(connection, """
        PRAGMA cache_size = -32768;
        PRAGMA temp_store = MEMORY;
        PRAGMA query_only = 1;
        """);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
