using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// Brings a case database up to <see cref="Schema.Latest"/>, one migration per transaction, and refuses files that
/// are not SolidWall case databases or that a newer SolidWall wrote (opening those could corrupt them).
/// </summary>
internal static class Migrator
{
    public static void Migrate(SqliteConnection connection, string path)
    {
        var (applicationId, version) = ReadHeader(connection);
        Check(connection, path, applicationId, version);
        if (version == 0)
        {
            // Only takes effect on a file without tables, which is what version 0 is here (Check made sure).
            using var pageSize = connection.CreateCommand();
            pageSize.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {Schema.PageSize}");
            pageSize.ExecuteNonQuery();
        }

        while (version < Schema.Latest)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            // Another process may have migrated the file between our read and our write lock.
            (applicationId, version) = ReadHeader(connection);
            Check(connection, path, applicationId, version);
            if (version < Schema.Latest)
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Schema.Migrations[version]
                    + string.Create(CultureInfo.InvariantCulture, $";\nPRAGMA user_version = {version + 1};\nPRAGMA application_id = {Schema.ApplicationId};");
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            (_, version) = ReadHeader(connection);
        }
    }

    private static void Check(SqliteConnection connection, string path, long applicationId, long version)
    {
        if (applicationId != 0 && applicationId != Schema.ApplicationId)
        {
            throw new CaseStoreException($"{path}: not a SolidWall case database (SQLite application_id 0x{applicationId:x8}); give --db a new file or an existing case");
        }

        if (applicationId == 0 && version == 0 && HasTables(connection))
        {
            throw new CaseStoreException($"{path}: an SQLite database, but not a SolidWall case database; give --db a new file or an existing case");
        }

        if (version > Schema.Latest)
        {
            throw new CaseStoreException($"{path}: this case database has schema version {version}, written by a newer SolidWall; this one reads versions up to {Schema.Latest}. Open it with the newer solidwall.");
        }
    }

    private static (long ApplicationId, long Version) ReadHeader(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static bool HasTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
