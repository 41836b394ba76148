using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SolidWall.Core;
using SolidWall.Core.Case;
using SolidWall.Storage;

namespace SolidWall.Bench;

/// <summary>
/// Case-store figures: messages/s stored in batches (items, messages with ~2 KB of text, fingerprints, FTS index),
/// then the streams and a search on the file written. Usage: <c>store [MESSAGES] [BATCH] [--keep FILE]</c>
/// (defaults 100000 and 1000; the file is deleted unless kept). Only the time inside Add is counted: the synthetic
/// messages are made between batches.
/// </summary>
internal static class StoreBench
{
    public static int Run(string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var keep = Array.IndexOf(args, "--keep") is var k and >= 0 && k + 1 < args.Length ? args[k + 1] : null;
        var total = positional.Length > 0 && keep != positional[0] ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
        var batchSize = positional.Length > 1 && keep != positional[1] ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 1_000;
        var path = keep ?? Path.Combine(Path.GetTempPath(), $"solidwall-store-bench-{Environment.ProcessId}.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var generator = new Generator(seed: 20261127);
        long textChars = 0, items = 0;
        var addTime = TimeSpan.Zero;
        var addCpu = TimeSpan.Zero;
        using (var store = SqliteCaseStore.Open(path))
        {
            // Warm-up batch (JIT, statement preparation), not counted.
            var (warmItems, warmMessages) = generator.Batch(batchSize);
            store.Add(warmItems, warmMessages, []);
            var stored = 0;
            var stopwatch = new Stopwatch();
            while (stored < total)
            {
                var (batchItems, batchMessages) = generator.Batch(Math.Min(batchSize, total - stored));
                textChars += batchMessages.Sum(m => (long)m.Text.Length);
                items += batchItems.Length;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                stopwatch.Restart();
                store.Add(batchItems, batchMessages, []);
                addTime += stopwatch.Elapsed;
                addCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
                stored += batchMessages.Length;
            }

            Console.WriteLine($"store: {total:N0} messages ({items:N0} items, average text {textChars / total:N0} chars) in batches of {batchSize:N0}");
            Console.WriteLine($"  add: {total / addTime.TotalSeconds:N0} messages/s wall, {total / addCpu.TotalSeconds:N0} per CPU-second ({addTime.TotalSeconds:F2} s, {addCpu.TotalSeconds:F2} s CPU)");
        }

        var size = new FileInfo(path).Length;
        Console.WriteLine($"  file: {size / 1e6:N1} MB after checkpoint, {size / (double)(total + batchSize):N0} bytes per message");

        using (var store = SqliteCaseStore.Open(path))
        {
            Time("  stream Items()", () => store.Items().Count());
            Time("  stream Messages(withText: false)", () => store.Messages(withText: false).Count());
            Time("  stream Messages()", () => store.Messages().Sum(m => m.Text.Length > 0 ? 1 : 0));
            Time("  search \"volunteer weekend\" (50 best)", () => store.Search(new SearchQuery { Text = "volunteer weekend" }).Count, repeat: 20);
            Time("  search electioneering, newest 50", () => store.Search(new SearchQuery { Verdict = "electioneering" }).Count, repeat: 20);
        }

        var peak = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        Console.WriteLine($"  peak memory: {peak?["VmHWM:".Length..].Trim()} (whole process, generated batches included)");
        if (keep is null)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }

        return 0;
    }

    private static void Time(string what, Func<int> run, int repeat = 1)
    {
        var stopwatch = Stopwatch.StartNew();
        var count = 0;
        for (var i = 0; i < repeat; i++)
        {
            count = run();
        }

        var each = stopwatch.Elapsed.TotalMilliseconds / repeat;
        Console.WriteLine($"{what}: {count:N0} rows in {each:N1} ms{(count > 1000 ? $" ({count / each * 1000:N0}/s)" : "")}");
    }

    /// <summary>Mail-like messages: a Zipf-distributed vocabulary, a few senders and many staff recipients, one or two segments, 128-value MinHashes.</summary>
    private sealed class Generator(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly string[] _words = MakeWords(new Random(seed), 20_000);
        private readonly string[] _senders = [.. Enumerable.Range(0, 300).Select(i => $"sender{i}@org{i % 40}.example")];
        private readonly string[] _staff = [.. Enumerable.Range(0, 3000).Select(i => $"staff{i}@school{i % 60}.district.k12.us")];
        private int _next;

        public (CaseItem[] Items, CaseMessage[] Messages) Batch(int count)
        {
            var messages = new CaseMessage[count];
            var items = new List<CaseItem>(count * 2);
            for (var i = 0; i < count; i++)
            {
                var n = _next++;
                var m = Message(n);
                messages[i] = m;
                // About one message in three sits in more than one mailbox.
                var copies = _random.Next(3) == 0 ? 1 + _random.Next(1, 4) : 1;
                for (var c = 0; c < copies; c++)
                {
                    items.Add(new CaseItem(m.Sha256, $"/vault/custodian{(n + c) % 500}.mbox", n * 4096L, 2500 + _random.Next(3000), $"custodian{(n + c) % 500}@district.k12.us", c == 0 ? ["Inbox"] : ["Inbox", "Important"]));
                }
            }

            return ([.. items], messages);
        }

        private CaseMessage Message(int n)
        {
            var body = Words(250 + _random.Next(150));
            var segments = new List<Segment> { new(SegmentKind.Body, body) };
            var text = body;
            if (_random.Next(4) == 0)
            {
                var quote = Words(60 + _random.Next(60));
                text = body + "\n\nOn Monday, someone wrote:\n> " + quote.Replace("\n", "\n> ", StringComparison.Ordinal);
                segments.Add(new Segment(SegmentKind.Quote, quote, "On Monday, someone wrote:"));
            }

            var electioneering = _random.Next(10) == 0;
            return new CaseMessage
            {
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(n))),
                MessageId = $"<{n}.{_random.Next()}@mail.example>",
                InReplyTo = segments.Count > 1 ? [$"<{n - 1}@mail.example>"] : [],
                References = segments.Count > 1 ? [$"<{n - 2}@mail.example>", $"<{n - 1}@mail.example>"] : [],
                Date = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-6)).AddSeconds(n * 37L),
                From = _senders[_random.Next(_senders.Length)],
                FromName = "Sender Name",
                To = [.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => _staff[_random.Next(_staff.Length)])],
                Cc = _random.Next(5) == 0 ? [_staff[_random.Next(_staff.Length)]] : [],
                Subject = Words(6),
                Text = text,
                Segments = segments,
                Links = _random.Next(3) == 0 ? ["https://www.example.org/page?id=" + n] : [],
                Electioneering = electioneering,
                Score = _random.NextDouble(),
                Categories = electioneering ? ["volunteer_recruitment"] : [],
                VerdictJson = electioneering
                    ? """{"verdict":"electioneering","score":0.93,"categories":["volunteer_recruitment"],"reasons":[{"signal":"DonationPlatformLink","weight":2.5,"evidence":"https://secure.actblue.com/donate/x"},{"signal":"TextModel","weight":1.7,"evidence":"volunteer, weekend, canvass"}]}"""
                    : """{"verdict":"allowed","score":0.04,"categories":[],"reasons":[]}""",
                Fingerprints = [.. segments.Select(s => new SegmentFingerprint(s.Kind, MinHash(), 200))],
            };
        }

        private uint[] MinHash()
        {
            var values = new uint[128];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (uint)_random.NextInt64(uint.MaxValue);
            }

            return values;
        }

        private string Words(int count)
        {
            var builder = new StringBuilder(count * 7);
            for (var i = 0; i < count; i++)
            {
                // Zipf-like: the square of a uniform index favours the common words.
                var u = _random.NextDouble();
                builder.Append(_words[(int)(u * u * u * _words.Length)]);
                builder.Append(i % 14 == 13 ? ".\n" : " ");
            }

            return builder.ToString();
        }

        private static string[] MakeWords(Random random, int count)
        {
            string[] common = ["the", "and", "to", "of", "a", "in", "for", "is", "on", "that", "with", "you", "this", "be", "are", "we", "our", "students", "school", "please", "volunteer", "weekend", "meeting", "vote", "campaign", "class", "teachers"];
            const string consonants = "bcdfghklmnprstvwz";
            const string vowels = "aeiou";
            var words = new string[count];
            for (var i = 0; i < count; i++)
            {
                if (i < common.Length)
                {
                    words[i] = common[i];
                    continue;
                }

                var syllables = 1 + random.Next(4);
                var builder = new StringBuilder();
                for (var s = 0; s < syllables; s++)
                {
                    builder.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
                }

                words[i] = builder.ToString();
            }

            return words;
        }
    }
}
