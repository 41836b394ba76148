using System.Diagnostics;
using SolidWall.Core;
using SolidWall.Core.Analysis;

namespace SolidWall.Bench;

/// <summary>
/// Blast grouping at archive scale: generates N messages (default 1,000,000: blasts of 100–5,000 near-copies making
/// up about a tenth, the rest unique), fingerprints them on every core, then times <see cref="NearDuplicates.Group"/>
/// alone and checks the groups against the planted blasts. Usage: <c>blasts [--messages N] [--threshold T]</c>.
/// </summary>
internal static class BlastBench
{
    public static int Run(string[] args)
    {
        var count = Option(args, "--messages", 1_000_000);
        var threshold = Option(args, "--threshold", 0.8);
        var mail = new SyntheticMail(seed: 4);
        var random = new Random(5);

        // truth[i] = blast number, or -1 for a unique message; the archive order is shuffled.
        var blastSizes = new List<int>();
        for (var total = 0; total < count / 10;)
        {
            var size = Math.Min(100 + random.Next(4_901), (count / 10) - total);
            blastSizes.Add(size);
            total += size;
        }

        var truth = new int[count];
        var copyNumber = new int[count];
        var at = 0;
        for (var b = 0; b < blastSizes.Count; b++)
        {
            for (var c = 0; c < blastSizes[b]; c++, at++)
            {
                truth[at] = b;
                copyNumber[at] = c;
            }
        }

        for (; at < count; at++)
        {
            truth[at] = -1;
            copyNumber[at] = at;
        }

        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var templates = Enumerable.Range(0, blastSizes.Count).Select(mail.Template).ToArray();

        var fingerprinter = new Fingerprinter();
        var signatures = new uint[count][];
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long chars = 0;
        Parallel.For(0, count, () => 0L, (i, _, local) =>
        {
            var k = order[i];
            var text = truth[k] >= 0 ? mail.Copy(templates[truth[k]], truth[k], copyNumber[k]) : mail.Unique(copyNumber[k]);
            signatures[i] = fingerprinter.Fingerprint(SegmentKind.Body, text).MinHash;
            return local + text.Length;
        }, local => Interlocked.Add(ref chars, local));
        var generateWall = stopwatch.Elapsed.TotalSeconds;
        var generateCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"generate + fingerprint: {count:N0} messages ({blastSizes.Count} blasts of {blastSizes.Min():N0}–{blastSizes.Max():N0} copies, {blastSizes.Sum():N0} in all; {chars / count:N0} chars on average) in {generateWall:F1} s wall, {generateCpu:F1} s CPU, {Environment.ProcessorCount} cores");

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        stopwatch.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var groups = NearDuplicates.Group(signatures, threshold);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var groupCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var process = Process.GetCurrentProcess();
        var (bands, rows) = (new LshIndex(fingerprinter.Hashes, threshold).Bands, new LshIndex(fingerprinter.Hashes, threshold).Rows);
        Console.WriteLine($"group: {count:N0} signatures of {fingerprinter.Hashes} slots, threshold {threshold}, {bands} bands × {rows} rows: {wall:F2} s wall, {groupCpu:F2} s CPU; {groups.Max() + 1:N0} groups");
        Console.WriteLine($"memory: working set {before / 1e6:N0} MB before grouping (the signatures), peak {process.PeakWorkingSet64 / 1e6:N0} MB for the whole run");

        // Against the plan: each blast should be one group holding nothing else; each unique message alone.
        var groupSizes = new Dictionary<int, int>();
        foreach (var g in groups)
        {
            groupSizes[g] = groupSizes.GetValueOrDefault(g) + 1;
        }

        var whole = 0;
        var strays = 0;
        var joinedUniques = 0;
        var byBlast = new Dictionary<int, Dictionary<int, int>>();
        for (var i = 0; i < count; i++)
        {
            var t = truth[order[i]];
            if (t >= 0)
            {
                var counts = byBlast.TryGetValue(t, out var c) ? c : byBlast[t] = [];
                counts[groups[i]] = counts.GetValueOrDefault(groups[i]) + 1;
            }
            else if (groupSizes[groups[i]] > 1)
            {
                joinedUniques++;
            }
        }

        foreach (var (blast, counts) in byBlast)
        {
            var main = counts.MaxBy(kv => kv.Value);
            strays += blastSizes[blast] - main.Value;
            if (counts.Count == 1 && groupSizes[main.Key] == blastSizes[blast])
            {
                whole++;
            }
        }

        var split = blastSizes.Count - whole;
        Console.WriteLine($"check: {whole} of {blastSizes.Count} blasts found whole and alone, {split} split or merged ({strays:N0} copies outside their blast's main group); {joinedUniques:N0} unique messages joined to another");
        return whole == blastSizes.Count && joinedUniques == 0 ? 0 : 1;
    }

    private static T Option<T>(string[] args, string name, T fallback)
        where T : IParsable<T>
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? T.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
