using System.Globalization;
using SolidWall.Core.Demo;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The detector against the demo archive, an independent check: nothing in the training data comes from the demo
/// generator, whose ground truth (<c>ground-truth-items.csv</c>) is its own record of what it sent. Every mailbox
/// copy is classified and counted by the generator's kind of mail.
/// </summary>
public static class DemoArchiveCheck
{
    /// <summary>The generator's kinds that are electioneering; the others (bulletins, look-alikes, union, coursework, colleagues) are not.</summary>
    public static readonly IReadOnlyList<string> ElectioneeringKinds = ["campaign", "campaign-webmail", "relay-forward", "relay-copy", "principal-push", "signup"];

    /// <summary>
    /// Generates the archive under <paramref name="directory"/> and classifies every item in it with the detector
    /// <paramref name="detectorFor"/> builds from the registry the generator wrote beside the archive, as `solidwall
    /// demo` reads it (a detector that ignores it checks the registry-free path).
    /// </summary>
    public static DemoCheckReport Run(string directory, DemoOptions options, Func<Registry, Detector> detectorFor)
    {
        ArgumentNullException.ThrowIfNull(detectorFor);
        new DistrictArchiveGenerator(options).Generate(directory);
        return Classify(directory, detectorFor(Registry.Load(Path.Combine(directory, "registry.yaml"))));
    }

    /// <summary>Classifies the archive already generated under <paramref name="directory"/> against its ground truth.</summary>
    public static DemoCheckReport Classify(string directory, Detector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var archive = Path.Combine(directory, "archive");
        var truth = ReadTruth(Path.Combine(directory, "ground-truth-items.csv"));
        var raws = MessageSources.Open(archive).Read(_ => { }).ToList();
        var results = new (string Kind, bool Electioneering, bool Flagged, string Item)?[raws.Count];
        Parallel.For(0, raws.Count, i =>
        {
            var raw = raws[i];
            var key = Key(Path.GetRelativePath(archive, raw.Source), raw.Offset);
            if (truth.TryGetValue(key, out var t))
            {
                results[i] = (t.Kind, t.Electioneering, detector.Classify(TrainingMail.Normalize(raw)).IsElectioneering, key);
            }
        });

        var matched = results.OfType<(string Kind, bool Electioneering, bool Flagged, string Item)>().ToList();
        var byKind = matched.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => BinaryMetrics.From(g.Select(r => (r.Electioneering, r.Flagged))), StringComparer.Ordinal);
        var errors = matched.Where(r => r.Electioneering != r.Flagged).Select(r => $"{(r.Flagged ? "FP" : "FN")} {r.Kind} {r.Item}").ToList();
        return new DemoCheckReport(truth.Count, matched.Count, BinaryMetrics.From(matched.Select(r => (r.Electioneering, r.Flagged))), byKind, errors);
    }

    private static string Key(string path, long offset) => path.Replace('\\', '/') + "#" + offset.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, (string Kind, bool Electioneering)> ReadTruth(string csvPath)
    {
        // The generator writes its CSV unquoted and Maildir names hold a comma ("…demo:2,S"), so a row with more
        // fields than the header gives the extra ones back to the path, its first column.
        var rows = CsvReader.Parse(File.ReadAllText(csvPath));
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name) is var c and >= 1 ? c : throw new InvalidDataException($"{csvPath}: no '{name}' column after 'path'");
        var (offset, label, kind) = (Column("offset"), Column("label"), Column("kind"));
        var truth = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Length >= header.Length))
        {
            var extra = row.Length - header.Length;
            var path = string.Join(",", row[..(extra + 1)]);
            truth[Key(path, long.Parse(row[offset + extra], CultureInfo.InvariantCulture))] = (row[kind + extra], row[label + extra] == "electioneering");
        }

        return truth;
    }
}

/// <summary>The detector on the demo archive: items in the ground truth, items matched and classified, figures overall and per kind, and the items it got wrong ("FP kind path#offset").</summary>
public sealed record DemoCheckReport(int Items, int Classified, BinaryMetrics Overall, IReadOnlyDictionary<string, BinaryMetrics> ByKind, IReadOnlyList<string> Errors);
