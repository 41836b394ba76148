using Microsoft.Data.Sqlite;
using SolidWall.Storage.Sqlite;

namespace SolidWall.Storage;

/// <summary>
/// The embedded case store: one SQLite file (WAL journal), versioned schema, FTS5 search. One writer at a time;
/// other processes may open the same file to read, and <see cref="Items"/> and <see cref="Messages"/> stream on
/// their own read connection so they neither load the case into memory nor block the writer. An instance is not
/// thread-safe: call it from one thread at a time.
/// </summary>
public sealed partial class SqliteCaseStore : ICaseStore
{
    private readonly SqliteConnection _connection;
    private readonly string _connectionString;
    private BatchWriter? _writer;
    private bool _disposed;

    private readonly int _indexEvery;

    private SqliteCaseStore(string path, SqliteConnection connection, string connectionString, int indexEvery)
    {
        _indexEvery = indexEvery;
        Path = path;
        _connection = connection;
        _connectionString = connectionString;
    }

    /// <summary>The database file, made absolute.</summary>
    public string Path { get; }

    /// <summary>
    /// Creates the case database at <paramref name="path"/>, or opens it and brings its schema up to date. Refuses,
    /// with a <see cref="CaseStoreException"/> naming the file, one that is not a SolidWall case database or that a
    /// newer SolidWall wrote.
    /// </summary>
    public static SqliteCaseStore Open(string path) => Open(path, SearchIndex.Chunk);

    /// <param name="path">The database file.</param>
    /// <param name="indexEvery">Index stored messages for search once this many wait (tests make it small).</param>
    internal static SqliteCaseStore Open(string path, int indexEvery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // a pooled connection keeps the file open after Dispose; a case file should be free to move
            DefaultTimeout = 60,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Migrator.Migrate(connection, full);
            Pragmas.ForWriter(connection);
            return new SqliteCaseStore(full, connection, connectionString, indexEvery);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            connection.Dispose();
            throw new CaseStoreException($"{full}: not a SolidWall case database, or a damaged one ({e.Message})", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 /* SQLITE_CANTOPEN */ or 8 /* SQLITE_READONLY */)
        {
            connection.Dispose();
            throw new CaseStoreException($"{full}: cannot open the case database for writing ({e.Message}); check that the folder exists and is writable", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_writer is not null)
            {
                // A case closed cleanly is searchable as it is, from the sqlite3 shell too.
                _writer.Dispose();
                SearchIndex.CatchUp(_connection);
            }

            // Fold the WAL back into the main file so the case is one file again for whoever copies it next.
            Execute("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
            // Another process holding the file busy: the data is safe; the next Search indexes what is left and a
            // later close checkpoints.
        }

        _connection.Dispose();
    }

    public void Add(IReadOnlyList<Core.Case.CaseItem> items, IReadOnlyList<Core.Case.CaseMessage> messages, IReadOnlyList<Core.Case.SkippedItem> skipped)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(skipped);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer ??= new BatchWriter(_connection, _indexEvery);
        _writer.Add(items, messages, skipped);
    }

    public void MarkSourceComplete(string source, int items, int skipped)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var command = Command("""
            INSERT INTO sources(path, items, skipped, completed_at) VALUES($path, $items, $skipped, $at)
            ON CONFLICT(path) DO UPDATE SET items = excluded.items, skipped = excluded.skipped, completed_at = excluded.completed_at
            """);
        command.Parameters.AddWithValue("$path", source);
        command.Parameters.AddWithValue("$items", items);
        command.Parameters.AddWithValue("$skipped", skipped);
        command.Parameters.AddWithValue("$at", DateCodec.ToUtcText(DateTimeOffset.UtcNow));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<SourceStatus> Sources()
    {
        using var command = Command("SELECT path, items, skipped, completed_at FROM sources WHERE completed_at IS NOT NULL ORDER BY path");
        using var reader = command.ExecuteReader();
        var list = new List<SourceStatus>();
        while (reader.Read())
        {
            list.Add(new SourceStatus(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), DateCodec.FromUtcText(reader.GetString(3), 0)));
        }

        return list;
    }

    public string? GetSetting(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var command = Command("SELECT value FROM settings WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetSetting(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        using var command = Command("INSERT INTO settings(key, value) VALUES($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public int ItemCount() => Count("SELECT count(*) FROM items");

    public int MessageCount() => Count("SELECT count(*) FROM messages");

    private int Count(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A second connection, read-only, for a stream that must not hold up (or be disturbed by) the writer.</summary>
    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var builder = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Pragmas.ForReader(connection);
        return connection;
    }
}
