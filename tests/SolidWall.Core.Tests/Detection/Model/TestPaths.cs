namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>Finds the repository root (the folder with SolidWall.slnx) and the shared corpora next to it.</summary>
internal static class TestPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string Corpora() => Path.GetFullPath(Path.Combine(Root(), "..", "shared", "corpora"));

    public static string District() => Path.Combine(Root(), "data", "district");

    /// <summary>Each district row's subject and body, a line apart, lower-cased as the signals read them.</summary>
    public static IEnumerable<string> DistrictTextsLowerCased()
    {
        foreach (var file in Directory.GetFiles(District(), "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var row = System.Text.Json.JsonDocument.Parse(line);
                yield return SolidWall.Core.Detection.InvariantLower.Of(row.RootElement.GetProperty("subject").GetString() + "\n" + row.RootElement.GetProperty("body").GetString());
            }
        }
    }
}
