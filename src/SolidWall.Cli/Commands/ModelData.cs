using SolidWall.Core.Detection.Model;
using SolidWall.Mime.Sources;

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

    /// <summary>
    /// Whether every labelled path opens as a mail source (as every command opens its paths, MessageSources); standard
    /// input is no labelled folder. Prints the first that does not open.
    /// </summary>
    public static bool LabelledPathsExist(string command, IEnumerable<string> paths, TextWriter stderr)
    {
        foreach (var path in paths)
        {
            if (path == StreamSource.StandardInput)
            {
                stderr.WriteLine($"solidwall {command}: -: standard input cannot be labelled mail; give a folder or an mbox file");
                return false;
            }

            try
            {
                MessageSources.Open(path);
            }
            catch (SourceException ex)
            {
                stderr.WriteLine($"solidwall {command}: {ex.Message}");
                return false;
            }
        }

        return true;
    }

    /// <summary>The mail in <paramref name="electioneering"/> and <paramref name="allowed"/> as labelled rows; an item that is not mail is printed and counted.</summary>
    public static List<TrainingExample> LoadLabelled(IReadOnlyList<string> electioneering, IReadOnlyList<string> allowed, TextWriter stderr, string command, out int skipped)
    {
        var report = Skipped(stderr, command);
        var labelled = new List<TrainingExample>();
        if (electioneering.Count > 0)
        {
            labelled.AddRange(TrainingData.LoadLabelled(electioneering, electioneering: true, report.Print));
        }

        if (allowed.Count > 0)
        {
            labelled.AddRange(TrainingData.LoadLabelled(allowed, electioneering: false, report.Print));
        }

        skipped = report.Count;
        return labelled;
    }

    public static List<TrainingExample> Load(string corpora, string? districtDir, TextWriter stderr, string command) =>
        TrainingData.Load(corpora, districtDir, Skipped(stderr, command).Print);

    // Prints each item the loading skipped, from any thread, and counts them.
    private static SkipReport Skipped(TextWriter stderr, string command) => new(stderr, command);

    private sealed class SkipReport(TextWriter stderr, string command)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Print(string problem)
        {
            Interlocked.Increment(ref _count);
            lock (stderr)
            {
                stderr.WriteLine($"solidwall {command}: skipped {problem}");
            }
        }
    }
}
