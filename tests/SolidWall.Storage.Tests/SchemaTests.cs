using Microsoft.Data.Sqlite;
using SolidWall.Storage.Sqlite;

namespace SolidWall.Storage.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void A_new_file_gets_the_latest_schema_in_WAL_mode()
    {
        using var temp = new TempCase();
        temp.Open().Dispose();

        using var connection = Raw(temp.Path);
        Assert.Equal((long)Schema.Latest, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal((long)Schema.ApplicationId, Scalar(connection, "PRAGMA application_id"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)Schema.PageSize, Scalar(connection, "PRAGMA page_size"));
        var tables = Strings(connection, "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name");
        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "items", "messages", "message_texts", "skipped", "sources", "settings", "message_search", "item_locations" });
    }

    [Fact]
    public void Reopening_keeps_the_data_and_does_not_migrate_again()
    {
        using var temp = new TempCase();
        using (var store = temp.Open())
        {
            store.SetSetting("staff-domain", "district.k12.us");
        }

        using var again = temp.Open();
        Assert.Equal("district.k12.us", again.GetSetting("staff-domain"));
    }

    [Fact]
    public void A_file_from_a_newer_SolidWall_is_refused_with_its_name()
    {
        using var temp = new TempCase();
        temp.Open().Dispose();
        using (var connection = Raw(temp.Path))
        {
            Scalar(connection, $"PRAGMA user_version = {Schema.Latest + 1}");
        }

        var error = Assert.Throws<CaseStoreException>(temp.Open);
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("newer SolidWall", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {Schema.Latest + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_programs_database_is_refused_and_left_alone()
    {
        using var temp = new TempCase();
        using (var connection = Raw(temp.Path))
        {
            Scalar(connection, "CREATE TABLE accounts(id INTEGER)");
        }

        var error = Assert.Throws<CaseStoreException>(temp.Open);
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SolidWall case database", error.Message, StringComparison.Ordinal);
        using var check = Raw(temp.Path);
        Assert.Equal(0L, Scalar(check, "PRAGMA user_version"));
    }

    [Fact]
    public void A_file_that_is_not_SQLite_is_refused_with_its_name()
    {
        using var temp = new TempCase();
        File.WriteAllText(temp.Path, "From someone Mon Jan  1 00:00:00 2024\nSubject: not a database\n\n" + new string('x', 5000));

        var error = Assert.Throws<CaseStoreException>(temp.Open);
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_are_set_replaced_and_read()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        Assert.Null(store.GetSetting("policy"));
        store.SetSetting("policy", "a");
        store.SetSetting("policy", "b");
        store.SetSetting("registry-sha256", "");
        Assert.Equal("b", store.GetSetting("policy"));
        Assert.Equal("", store.GetSetting("registry-sha256"));
    }

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
