namespace SolidWall.Storage.Tests;

/// <summary>A case database path in a fresh temporary folder, deleted (with its WAL files) when the test ends.</summary>
internal sealed class TempCase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "solidwall-store-" + Guid.NewGuid().ToString("N"));

    public TempCase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "case.db");
    }

    public string Path { get; }

    public SqliteCaseStore Open() => SqliteCaseStore.Open(Path);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
