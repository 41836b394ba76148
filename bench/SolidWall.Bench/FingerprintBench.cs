using System.Diagnostics;
using SolidWall.Core;
using SolidWall.Core.Analysis;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Bench;

/// <summary>
/// Fingerprinting throughput on one thread and on every core, over the corpora's message texts (political CSV and
/// ham/spam, already parsed) and over generated 2 KB texts, with the bytes allocated per message.
/// Usage: <c>fingerprint [CORPORA_DIR]</c>.
/// </summary>
internal static class FingerprintBench
{
    public static int Run(string[] args)
    {
        var root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory) ?? TrainingData.FindRepositoryRoot(AppContext.BaseDirectory);
        var corpora = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(root ?? ".", "..", "shared", "corpora"));
        var examples = TrainingData.Load(corpora, districtDir: null);
        var corpusTexts = examples.Select(e => e.Text).Where(t => t.Length > 0).ToArray();
        var mail = new SyntheticMail(seed: 4);
        var generated = Enumerable.Range(0, 5_000).Select(i => mail.Unique(i)).Select(t => t.Length > 2048 ? t[..2048] : t).ToArray();

        var fingerprinter = new Fingerprinter();
        Measure("corpora (political + ham/spam)", corpusTexts, fingerprinter);
        Measure("generated ~2 KB texts", generated, fingerprinter);
        return 0;
    }

    private static void Measure(string name, string[] texts, Fingerprinter fingerprinter)
    {
        var chars = texts.Sum(t => (long)t.Length);
        // Warm up for a second and a half, so that tiered compilation has finished even on a busy machine.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1.5)
        {
            foreach (var t in texts)
            {
                fingerprinter.Fingerprint(SegmentKind.Body, t);
            }
        }

        var done = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed.TotalSeconds < 3)
        {
            foreach (var t in texts)
            {
                fingerprinter.Fingerprint(SegmentKind.Body, t);
            }

            done += texts.Length;
        }

        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)done;
        var passes = done / texts.Length;
        Console.WriteLine($"{name}: {texts.Length:N0} texts, {chars / texts.Length:N0} chars on average");
        Console.WriteLine($"  1 thread: {done / seconds:N0} messages per CPU second, {passes * chars * 2 / seconds / 1e6:N0} MB/s of UTF-16 text, {perMessage:N0} bytes allocated per message");

        stopwatch.Restart();
        var parallelDone = 0L;
        while (stopwatch.Elapsed.TotalSeconds < 3)
        {
            Parallel.ForEach(texts, t => fingerprinter.Fingerprint(SegmentKind.Body, t));
            parallelDone += texts.Length;
        }

        Console.WriteLine($"  {Environment.ProcessorCount} threads: {parallelDone / stopwatch.Elapsed.TotalSeconds:N0} messages/s wall");
    }
}
