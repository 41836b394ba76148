using System.Diagnostics;
using SolidWall.Cli;
using SolidWall.Cli.Commands;
using SolidWall.Core.Demo;

namespace SolidWall.Bench;

/// <summary>
/// <c>scan [DIR]</c>: the investigator's command end to end on the default demo archive (32,566 messages): read,
/// parse, classify, fingerprint and store into a fresh SQLite case, then analyse and write the report. Prints
/// messages/s, the report's time and the process's peak working set. The archive is generated once under DIR
/// (default: a folder in the temp directory) and reused.
/// </summary>
internal static class ScanBench
{
    public static int Run(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "solidwall-bench-demo");
        var truthFile = Path.Combine(dir, "ground-truth.json");
        if (!File.Exists(truthFile))
        {
            var generate = Stopwatch.StartNew();
            new DistrictArchiveGenerator(new DemoOptions()).Generate(dir);
            Console.WriteLine($"generated the demo archive under {dir} in {generate.Elapsed.TotalSeconds:F1} s");
        }

        var archive = Path.Combine(dir, "archive");
        var bytes = Directory.EnumerateFiles(archive, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var db = Path.Combine(dir, "bench.db");
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        var output = new StringWriter();
        var clock = Stopwatch.StartNew();
        var exit = ScanCommand.Run(new ScanCommand.Settings([archive], db,
            Registry: Path.Combine(dir, "registry.yaml"),
            Directory: Path.Combine(dir, "directory.csv"),
            StaffDomains: [DemoDistrict.StaffDomain],
            StudentDomains: [DemoDistrict.StudentDomain],
            Custodians: Path.Combine(dir, "custodians.txt")), output, Console.Error);
        var scan = clock.Elapsed.TotalSeconds;
        if (exit == ExitCodes.Usage)
        {
            Console.Error.Write(output);
            return 1;
        }

        using (var store = SolidWall.Storage.SqliteCaseStore.Open(db))
        {
            var items = store.ItemCount();
            Console.WriteLine($"scan: {items:N0} messages ({bytes / 1e6:F0} MB) in {scan:F1} s = {items / scan:N0} messages/s, {bytes / 1e6 / scan:F1} MB/s, " +
                              $"{Environment.ProcessorCount} cores (parse, normalise, classify, fingerprint, store)");
        }

        clock.Restart();
        var report = ReportCommand.Write(db, Path.Combine(dir, "bench-report"), new StringWriter(), Console.Error);
        Console.WriteLine($"report: {clock.Elapsed.TotalSeconds:F2} s ({report?.Evidence.Count:N0} evidence items)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; case file {new FileInfo(db).Length / 1e6:F0} MB");
        Console.WriteLine(output.ToString().TrimEnd());
        return 0;
    }
}
