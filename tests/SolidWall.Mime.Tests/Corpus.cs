namespace SolidWall.Mime.Tests;

/// <summary>Finds ../shared/corpora from the repository root, which is the folder holding SolidWall.slnx.</summary>
internal static class Corpus
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory);
        }
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
    });

    public static string Root => RootPath.Value;

    /// <summary>Every message file listed in MANIFEST.csv (ham, spam and fixtures; not the political CSV), relative to the corpora root.</summary>
    public static IReadOnlyList<string> MessageFiles(string? subsetPrefix = null)
    {
        var list = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(Root, "MANIFEST.csv")).Skip(1))
        {
            var path = line[..line.IndexOf(',', StringComparison.Ordinal)];
            if ((path.StartsWith("ham-spam/", StringComparison.Ordinal) || path.StartsWith("mime-torture/", StringComparison.Ordinal))
                && (subsetPrefix is null || path.StartsWith(subsetPrefix, StringComparison.Ordinal)))
            {
                list.Add(path);
            }
        }
        return list;
    }

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));
}
