using SolidWall.Core.Analysis;
using SolidWall.Core.Case;
using SolidWall.Core.Demo;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Tests.Analysis;

/// <summary>
/// A small demo archive run through the whole chain a scan and a report run (read, parse, normalise, classify,
/// build, analyse), generated once for all the tests that read it.
/// </summary>
public sealed class DemoCase : IDisposable
{
    public static readonly DemoOptions Options = new() { TeachersPerSchool = 6, StudentsPerSchool = 30, Weeks = 3 };

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sw-analysis-" + Guid.NewGuid().ToString("N"));

    public DemoCase()
    {
        Truth = new DistrictArchiveGenerator(Options).Generate(_dir);
        var registry = Registry.Load(Path.Combine(_dir, "registry.yaml"));
        var roster = InstitutionDirectory.ParseRoster(File.ReadAllText(Path.Combine(_dir, "directory.csv")), "directory.csv");
        Directory = new InstitutionDirectory(["lakeshore-schools.example"], ["students.lakeshore-schools.example"], roster);
        var detector = new Detector(Policy.Default, registry, Directory, TextModel.LoadEmbedded());
        var builder = new CaseBuilder(registry);

        var items = new List<CaseItem>();
        var messages = new Dictionary<string, CaseMessage>(StringComparer.Ordinal);
        var skipped = new List<SkippedItem>();
        var kinds = ReadKinds();
        var source = MessageSources.OpenAll([Path.Combine(_dir, "archive")]);
        foreach (var raw in source.Read(p => skipped.Add(new SkippedItem(p.Path, p.Offset, p.Reason))))
        {
            var message = MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);
            var verdict = detector.Classify(message);
            var (item, stored) = builder.Build(raw, message, verdict);
            items.Add(item);
            messages.TryAdd(stored.Sha256, stored);
            if (message.MessageId is { } id && kinds.TryGetValue(id, out var kind) && kind.Electioneering != verdict.IsElectioneering)
            {
                Misclassified.Add($"{kind.Kind}{(kind.Electioneering ? " missed" : " flagged")}: {message.Subject}");
                if (!kind.Electioneering)
                {
                    FlaggedItems++;
                }
                else if (kind.Kind.StartsWith("campaign", StringComparison.Ordinal))
                {
                    MissedCampaignItems++;
                }
            }
        }

        Items = items;
        Messages = messages.Values.ToList();
        Skipped = skipped;
        Custodians = File.ReadAllLines(Path.Combine(_dir, "custodians.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Registry = registry;
        Report = new CaseAnalyzer(new AnalysisOptions
        {
            Registry = registry,
            Directory = Directory,
            Custodians = Custodians,
            CaseName = "demo",
            GeneratedAt = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero),
        }).Analyse(Items, Messages, Skipped);
    }

    public DemoGroundTruth Truth { get; }

    public InstitutionDirectory Directory { get; }

    public Registry Registry { get; }

    public IReadOnlyList<CaseItem> Items { get; }

    public IReadOnlyList<CaseMessage> Messages { get; }

    public IReadOnlyList<SkippedItem> Skipped { get; }

    public IReadOnlyList<string> Custodians { get; }

    public CaseReport Report { get; }

    /// <summary>Detector verdicts that disagree with the generator's label, one per item, as "kind missed|flagged: subject".</summary>
    public List<string> Misclassified { get; } = [];

    /// <summary>Items of messages the generator sent as allowed and the detector flags.</summary>
    public int FlaggedItems { get; private set; }

    /// <summary>Items of campaign messages the detector misses (relays and sign-ups count by rule, whatever the detector says).</summary>
    public int MissedCampaignItems { get; private set; }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
    }

    // The generator's label of each message, by Message-ID, from ground-truth-items.csv (path,offset,messageId,label,kind,…).
    private Dictionary<string, (bool Electioneering, string Kind)> ReadKinds()
    {
        var kinds = new Dictionary<string, (bool, string)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(_dir, "ground-truth-items.csv")).Skip(1))
        {
            var f = line.Split(',');
            kinds.TryAdd(f[2], (f[3] == "electioneering", f[4]));
        }

        return kinds;
    }
}
