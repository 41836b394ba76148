using SolidWall.Core.Case;
using SolidWall.Mime.Sources;

namespace SolidWall.Storage.Tests;

/// <summary>The scanner reads the sources it is given, once each, and keeps its per-source counts by full path.</summary>
public sealed class CaseScannerTests
{
    [Fact]
    public void The_scanner_reads_each_given_source_once_and_marks_it_complete_with_its_counts()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        // In memory, under paths that exist nowhere: a scanner that opened the paths again would fail or read nothing.
        var alice = new CountingSource("no-such-dir/alice.mbox", 3);
        var bob = new CountingSource("no-such-dir/bob.mbox", 2, failAt: 1);
        var scanner = new CaseScanner(store, raw =>
        {
            if (raw.Bytes.IsEmpty)
            {
                throw new InvalidDataException("no bytes");
            }

            var message = Sample.Message(raw.Source + raw.Offset);
            return ScannedMessage.Of(Sample.Item(message, Path.GetFullPath(raw.Source), raw.Offset), message);
        }, threads: 2, batchSize: 2);

        var result = scanner.Run([alice, bob], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (alice.Reads, bob.Reads));
        Assert.Equal((4L, 1L, false), (result.Stored, result.Skipped, result.Cancelled));
        Assert.Equal(
            [(Path.GetFullPath("no-such-dir/alice.mbox"), 0), (Path.GetFullPath("no-such-dir/bob.mbox"), 1)],
            store.Sources().Select(s => (s.Source, s.Skipped)).OrderBy(s => s.Source, StringComparer.Ordinal));
        Assert.Contains("InvalidDataException: no bytes", Assert.Single(store.Skipped()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_read_before_in_the_scan_are_not_read_again_and_the_case_is_the_one_reading_every_copy_writes()
    {
        // Eight items of three texts, as a blast lands in several mailboxes: "ask" (electioneering) four times.
        string[] bodies = ["ask", "note", "ask", "ask", "memo", "note", "ask", "memo"];
        var (fullCopies, fullResult, fullReads) = ScanWith(bodies, copies: false);
        var (dedupCopies, dedupResult, dedupReads) = ScanWith(bodies, copies: true);

        Assert.Equal((8, 0), (fullReads, fullCopies));
        Assert.Equal((3, 5), (dedupReads, dedupCopies));
        Assert.Equal(fullResult.Items, dedupResult.Items);
        Assert.Equal(fullResult.Messages, dedupResult.Messages);
        Assert.Equal((8L, 4L), (dedupResult.Stored, dedupResult.Electioneering));
        Assert.Equal(fullResult.Electioneering, dedupResult.Electioneering);
        Assert.Equal(3, dedupResult.Messages.Count);
    }

    [Fact]
    public void A_copy_whose_first_reading_failed_is_read_in_full_and_its_message_is_kept()
    {
        // The first reading of "ask" throws; the next copy must not be stored as an item without a message.
        string[] bodies = ["ask", "note", "ask", "ask"];
        var (copies, result, reads) = ScanWith(bodies, copies: true, failFirstReadOf: "ask");
        // Read in full: the first "ask" (failed), "note", and the second "ask", which a worker had taken as a copy.
        Assert.Equal((3, 2), (reads, copies));
        Assert.Equal((3L, 1L), (result.Stored, result.Skipped));
        Assert.Equal(2, result.Messages.Count);
        Assert.All(result.Items, i => Assert.Contains(result.Messages, m => m == i.Sha));
        Assert.Equal(2L, result.Electioneering);
    }

    private sealed record Scanned(long Stored, long Skipped, long Electioneering, List<(string Sha, long Offset)> Items, List<string> Messages);

    private static (int Copies, Scanned Result, int Reads) ScanWith(string[] bodies, bool copies, string? failFirstReadOf = null)
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var source = new BodiesSource("no-such-dir/box.mbox", bodies);
        int reads = 0, copied = 0;
        var failed = failFirstReadOf is null;
        var scanner = new CaseScanner(store, raw =>
        {
            Interlocked.Increment(ref reads);
            var body = System.Text.Encoding.ASCII.GetString(raw.Bytes.Span)[(raw.Bytes.Length - 6)..].Trim();
            if (!failed && body == failFirstReadOf)
            {
                failed = true;
                throw new InvalidDataException("first reading fails");
            }

            var message = Sample.Message(body, electioneering: body == "ask") with { Sha256 = raw.Sha256 };
            return ScannedMessage.Of(Sample.Item(message, Path.GetFullPath(raw.Source), raw.Offset), message);
        }, threads: 2, batchSize: 3, copy: copies ? raw =>
        {
            Interlocked.Increment(ref copied);
            return new CaseItem(raw.Sha256, Path.GetFullPath(raw.Source), raw.Offset, 1000 + raw.Offset, null, []);
        } : null);

        var result = scanner.Run([source], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(reads, scanner.ReadInFull);
        var items = store.Items().Select(i => (i.Sha256, i.Offset)).OrderBy(i => i.Offset).ToList();
        var messages = store.Messages(withText: false).Select(m => m.Sha256).Order(StringComparer.Ordinal).ToList();
        return (copied, new Scanned(result.Stored, result.Skipped, result.Electioneering, items, messages), reads);
    }

    /// <summary>One message per body, at offsets 0, 100, …: equal bodies are equal bytes.</summary>
    private sealed class BodiesSource(string path, string[] bodies) : IMessageSource
    {
        public string Path { get; } = path;

        public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                yield return new RawMessage(Path, i * 100, System.Text.Encoding.ASCII.GetBytes($"Subject: x\r\n\r\n{bodies[i],6}"));
            }
        }
    }

    /// <summary>A source of <c>count</c> one-line messages at offsets 0, 100, …; the one at <c>failAt</c> has no bytes.</summary>
    private sealed class CountingSource(string path, int count, int failAt = -1) : IMessageSource
    {
        public string Path { get; } = path;

        public int Reads { get; private set; }

        public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default)
        {
            Reads++;
            for (var i = 0; i < count; i++)
            {
                yield return new RawMessage(Path, i * 100, i == failAt ? [] : "Subject: x\r\n\r\nbody\r\n"u8.ToArray());
            }
        }
    }
}
