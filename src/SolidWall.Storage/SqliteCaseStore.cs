namespace SolidWall.Storage;

/// <summary>The embedded case store: one SQLite file, FTS5 for search. (Being written; see ICaseStore.)</summary>
public sealed partial class SqliteCaseStore
{
}
