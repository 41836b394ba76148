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
