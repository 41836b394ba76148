using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SolidWall.Cli.Commands;
using SolidWall.Core.Case;
using SolidWall.Core.Detection;
using SolidWall.Storage;

namespace SolidWall.Bench;

/// <summary>
/// <c>report1m [--items N] [--dir DIR] [--streams]</c>: <c>solidwall report</c> on a case of a million mailbox items. The case is
/// built once (cached under DIR, default a folder in the temp directory) through the real store API from the demo
/// case, cloned until it holds N items (default 1,000,000): each clone gets new SHA-256s, Message-IDs (threads
/// kept within the clone), addresses (a staff member stays staff, a student a student; roster entries such as
/// principals and offices, whose role comes from the roster, and domains, are kept), sources, mailboxes and dates (two days later per clone), and
/// keeps the texts, verdicts and fingerprints, so blasts grow, relays and sign-ups repeat, and every campaign's
/// text is seen again. Then, in a fresh process (so that the peak working set is the report's, not the build's),
/// it times <c>ReportCommand.Write</c> (analysis and every file of the report) and prints the time and the peak
/// working set; with --streams it first times the store's two streams alone.
/// </summary>
internal static class Report1mBench
{
    public static int Run(string[] args)
    {
        var items = Option(args, "--items") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000;
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "solidwall-report1m");
        var db = Path.Combine(dir, $"case-{items}.db");
        if (args.Contains("--measure"))
        {
            return Measure(db, Path.Combine(dir, "report"), args);
        }

        if (!File.Exists(db))
        {
            var demo = Path.Combine(dir, "demo");
            if (!File.Exists(Path.Combine(demo, "bench.db")))
            {
                Console.WriteLine("scanning the demo archive for the case to clone:");
                ScanBench.Run([demo]);
            }

            var clock = Stopwatch.StartNew();
            Build(Path.Combine(demo, "bench.db"), db, items);
            Console.WriteLine($"built {db} in {clock.Elapsed.TotalSeconds:F0} s ({new FileInfo(db).Length / 1e6:N0} MB)");
        }

        // The measurement runs in a process of its own, with the same runtime settings as this one.
        var self = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("SolidWall.Bench", StringComparison.Ordinal))
        {
            self.ArgumentList.Add(typeof(Report1mBench).Assembly.Location);
        }

        foreach (var arg in new[] { "report1m", "--items", items.ToString(CultureInfo.InvariantCulture), "--dir", dir, "--measure" }.Concat(args.Where(a => a == "--streams")))
        {
            self.ArgumentList.Add(arg);
        }

        using var child = Process.Start(self)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    private static int Measure(string db, string output, string[] args)
    {
        using (var store = SqliteCaseStore.Open(db))
        {
            Console.WriteLine($"case {db}: {store.ItemCount():N0} items, {store.MessageCount():N0} distinct messages, {new FileInfo(db).Length / 1e6:N0} MB");
        }

        if (args.Contains("--streams"))
        {
            using var store = SqliteCaseStore.Open(db);
            Time("Items()", () => store.Items().Count());
            Time("Messages(withText: false)", () => store.Messages(withText: false).Count());
            Time("ElectioneeringMessages()", () => store.ElectioneeringMessages().Count());
            Time("MessagesAsStored()", () => store.MessagesAsStored().Count());
        }

        var printed = new StringWriter();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = ReportCommand.Write(db, output, printed, Console.Error);
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (report is null)
        {
            return 1;
        }

        Console.WriteLine($"report: {elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU ({report.Evidence.Count:N0} evidence items)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB (whole process)");
        Console.WriteLine(printed.ToString().TrimEnd());
        return 0;
    }

    private static void Build(string template, string db, int wanted)
    {
        List<CaseMessage> messages;
        Dictionary<string, List<CaseItem>> itemsBySha;
        List<SkippedItem> skipped;
        int itemCount;
        CaseSetup? setup;
        using (var demo = SqliteCaseStore.Open(template))
        {
            messages = [.. demo.Messages()];
            var items = demo.Items().ToList();
            itemCount = items.Count;
            itemsBySha = items.GroupBy(i => i.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            skipped = [.. demo.Skipped()];
            setup = CaseSetup.Load(demo);
        }

        var directory = setup?.BuildDirectory() ?? InstitutionDirectory.Empty;
        var clones = (wanted + itemCount - 1) / itemCount;
        Console.WriteLine($"cloning the demo case ({itemCount:N0} items, {messages.Count:N0} messages) {clones} times");
        var temp = db + ".building";
        foreach (var file in new[] { temp, temp + "-wal", temp + "-shm" })
        {
            File.Delete(file);
        }

        using (var store = SqliteCaseStore.Open(temp))
        {
            setup?.Save(store);
            for (var k = 0; k < clones; k++)
            {
                var clone = new Clone(k, directory);
                var batchItems = new List<CaseItem>();
                var batchMessages = new List<CaseMessage>();
                var perSource = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var m in messages)
                {
                    var copy = clone.Message(m);
                    batchMessages.Add(copy);
                    foreach (var item in itemsBySha.GetValueOrDefault(m.Sha256) ?? [])
                    {
                        var cloned = clone.Item(item, copy.Sha256);
                        perSource[cloned.Source] = perSource.GetValueOrDefault(cloned.Source) + 1;
                        batchItems.Add(cloned);
                    }

                    if (batchMessages.Count == 1000)
                    {
                        store.Add(batchItems, batchMessages, []);
                        batchItems.Clear();
                        batchMessages.Clear();
                    }
                }

                var skips = skipped.Select(s => s with { Source = clone.Source(s.Source) }).ToList();
                store.Add(batchItems, batchMessages, skips);
                foreach (var (source, count) in perSource)
                {
                    store.MarkSourceComplete(source, count, skips.Count(s => s.Source == source));
                }

                foreach (var source in skips.Select(s => s.Source).Where(s => !perSource.ContainsKey(s)).Distinct())
                {
                    store.MarkSourceComplete(source, 0, skips.Count(s => s.Source == source));
                }

                Console.Write($"\r  clone {k + 1}/{clones}");
            }

            Console.WriteLine();
        }

        File.Move(temp, db);
    }

    private static void Time(string what, Func<int> run)
    {
        var clock = Stopwatch.StartNew();
        var count = run();
        Console.WriteLine($"  stream {what}: {count:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:N0}/s)");
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>One copy of the demo case: the same mail, other people, other ids, later dates.</summary>
    private sealed class Clone(int k, InstitutionDirectory directory)
    {
        private readonly Dictionary<string, string> _addresses = new(StringComparer.Ordinal);
        private readonly TimeSpan _shift = TimeSpan.FromDays(2 * k);

        public CaseMessage Message(CaseMessage m) => k == 0 ? m : m with
        {
            Sha256 = Sha(m.Sha256),
            MessageId = m.MessageId is null ? null : Id(m.MessageId),
            InReplyTo = [.. m.InReplyTo.Select(Id)],
            References = [.. m.References.Select(Id)],
            Date = m.Date + _shift,
            From = m.From is null ? null : Address(m.From),
            To = [.. m.To.Select(Address)],
            Cc = [.. m.Cc.Select(Address)],
            Bcc = [.. m.Bcc.Select(Address)],
        };

        public CaseItem Item(CaseItem item, string sha256) => k == 0 ? item : item with
        {
            Sha256 = sha256,
            Source = Source(item.Source),
            Mailbox = item.Mailbox is null ? null : Address(item.Mailbox),
        };

        public string Source(string source) => k == 0 ? source : $"/clone{k:D3}{source}";

        private string Sha(string sha256) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"{sha256}:{k}")));

        private string Id(string id) => id.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? $"{id[..at]}.c{k}{id[at..]}" : $"{id}.c{k}";

        // Another person of the same kind: an address whose new name would change its role (a principal, an office,
        // anyone the roster names with a role its domain does not give) stays as it is.
        private string Address(string address)
        {
            if (!_addresses.TryGetValue(address, out var renamed))
            {
                var at = address.IndexOf('@', StringComparison.Ordinal);
                renamed = at > 0 ? $"{address[..at]}.c{k}{address[at..]}" : address;
                if (directory.RoleOf(renamed) != directory.RoleOf(address))
                {
                    renamed = address;
                }

                _addresses[address] = renamed;
            }

            return renamed;
        }
    }
}
