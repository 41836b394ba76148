using System.CommandLine;
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

    /// <summary>Options for mail an investigator labelled, which `train` learns from and `eval` measures on.</summary>
    public static Option<string[]> LabelledOption(string name, string what) => new(name) { Description = what };

    /// <summary>Whether every labelled path exists (standard input is no labelled folder); prints the first that does not.</summary>
    public static bool LabelledPathsExist(string command, IEnumerable<string> paths, TextWriter stderr)
    {
        foreach (var path in paths)
        {
            if (path == SolidWall.Mime.Sources.StreamSource.StandardInput || !(File.Exists(path) || Directory.Exists(path)))
            {
                stderr.WriteLine($"solidwall {command}: {path}: no such file or folder");
                return false;
            }
        }

        return true;
    }

    /// <summary>The mail in <paramref name="electioneering"/> and <paramref name="allowed"/> as labelled rows; an item that is not mail is printed and counted.</summary>
    public static List<TrainingExample> LoadLabelled(IReadOnlyList<string> electioneering, IReadOnlyList<string> allowed, TextWriter stderr, string command, out int skipped)
    {
        var problems = 0;
        void Skipped(string problem)
        {
            Interlocked.Increment(ref problems);
            lock (stderr)
            {
                stderr.WriteLine($"solidwall {command}: skipped {problem}");
            }
        }

        var labelled = new List<TrainingExample>();
        if (electioneering.Count > 0)
        {
            labelled.AddRange(TrainingData.LoadLabelled(electioneering, electioneering: true, Skipped));
        }

        if (allowed.Count > 0)
        {
            labelled.AddRange(TrainingData.LoadLabelled(allowed, electioneering: false, Skipped));
        }

        skipped = problems;
        return labelled;
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
