using SolidWall.Core.Detection.Model;

namespace SolidWall.Cli.Commands;

/// <summary>Finds and loads the training data for `train` and `eval` (shared so that both read the same examples).</summary>
internal static class ModelData
{
    public static bool Resolve(string command, string? data, string? district, TextWriter stderr, out string corpora, out string? districtDir, out string? root)
    {
        root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory) ?? TrainingData.FindRepositoryRoot(AppContext.BaseDirectory);
        corpora = data ?? (root is null ? "" : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora")));
        districtDir = district ?? (root is null ? null : Path.Combine(root, "data", "district"));
        if (!File.Exists(Path.Combine(corpora, TrainingData.PoliticalFile)))
        {
            stderr.WriteLine($"solidwall {command}: no {TrainingData.PoliticalFile} under '{corpora}'; give the corpora folder with --data DIR");
            return false;
        }

        if (district is not null && !Directory.Exists(district))
        {
            stderr.WriteLine($"solidwall {command}: no such folder '{district}' (--district)");
            return false;
        }

        return true;
    }

    public static List<TrainingExample> Load(string corpora, string? districtDir, TextWriter stderr, string command)
    {
        var problems = 0;
        var examples = TrainingData.Load(corpora, districtDir, p =>
        {
            Interlocked.Increment(ref problems);
            lock (stderr)
            {
                stderr.WriteLine($"solidwall {command}: skipped {p}");
            }
        });
        return examples;
    }
}
