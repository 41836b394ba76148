using SolidWall.Storage;

namespace SolidWall.Cli;

/// <summary>Opens a case database for a command, or prints why it cannot and returns null (a usage error).</summary>
internal static class CaseStores
{
    public static ICaseStore? Open(string path, string command, TextWriter errors, bool mustExist = false)
    {
        if (mustExist && !File.Exists(path))
        {
            errors.WriteLine($"solidwall {command}: {path}: no such case database (make one with 'solidwall scan --db {path} PATH...')");
            return null;
        }

        try
        {
            return SqliteCaseStore.Open(path);
        }
        catch (CaseStoreException ex)
        {
            errors.WriteLine($"solidwall {command}: {ex.Message}");
            return null;
        }
    }
}
