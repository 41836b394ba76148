using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using SolidWall.Core.Detection;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// Signals-only figures on the hand-written district set (data/district): precision, recall and speed. The set
/// is for evaluation; these floors guard against a signal turning noisy. The traps were written while looking at
/// this set, so the figures are not held-out figures.
/// </summary>
public sealed partial class DistrictSetFigures(ITestOutputHelper output)
{
    [GeneratedRegex("https?://[^\\s<>\"')]+")]
    private static partial Regex Url();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
    }

    private static IEnumerable<(string Id, bool Electioneering, Message Message)> Load()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "data", "district"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var body = r.GetProperty("body").GetString() ?? "";
                var from = r.GetProperty("from").GetString() ?? "x@x";
                var lt = from.IndexOf('<', StringComparison.Ordinal);
                var address = lt >= 0 ? from[(lt + 1)..].TrimEnd('>') : from;
                var at = address.LastIndexOf('@');
                var message = new Message
                {
                    Source = Path.GetFileName(file),
                    Offset = 0,
                    Sha256 = new string('0', 64),
                    MessageId = r.GetProperty("id").GetString(),
                    Subject = r.GetProperty("subject").GetString(),
                    Text = body,
                    From = [new MailboxAddress(null, address[..Math.Max(at, 0)], address[(at + 1)..])],
                    Links = Url().Matches(body).Select(m => m.Value.TrimEnd('.', ',')).Distinct().ToArray(),
                    Segments = [new Segment(SegmentKind.Body, body)],
                };
                yield return (r.GetProperty("id").GetString()!, r.GetProperty("label").GetString() == "electioneering", message);
            }
        }
    }

    [Fact]
    public void Signals_alone_are_precise_on_the_district_set()
    {
        var detector = new Detector();
        var set = Load().ToList();
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (id, positive, message) in set)
        {
            var verdict = detector.Classify(message);
            switch ((positive, verdict.IsElectioneering))
            {
                case (true, true): tp++; break;
                case (false, true): fp++; output.WriteLine($"FP {id}: {string.Join(", ", verdict.Reasons.Select(r => r.Signal + " " + r.Evidence[0]))}"); break;
                case (true, false): fn++; output.WriteLine($"FN {id}"); break;
                default: tn++; break;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var rounds = 20;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (_, _, message) in set)
            {
                detector.Classify(message);
            }
        }

        var perSecond = rounds * set.Count / stopwatch.Elapsed.TotalSeconds;
        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        output.WriteLine($"n={set.Count} tp={tp} fp={fp} fn={fn} tn={tn} precision={precision:0.000} recall={recall:0.000} speed={perSecond:0} msg/s (one thread)");
        Assert.True(set.Count > 400);
        Assert.True(precision >= 0.8, $"precision {precision:0.000}");
        Assert.True(recall >= 0.6, $"recall {recall:0.000}");
    }
}
