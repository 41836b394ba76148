using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SolidWall.Mime.Sources;

namespace SolidWall.Mime.Tests.Sources;

/// <summary>Process-wide memory figures: these tests run alone, not next to tests that allocate.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>Memory must not grow with the archive: the reader holds one buffer and at most one message.</summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class MboxStreamingTests
{
    [Fact]
    public void LargeMbox_ReadsWithBoundedLiveMemory()
    {
        const long targetBytes = 256L << 20;
        var path = Path.Combine(Path.GetTempPath(), $"solidwall-large-{Guid.NewGuid():N}.mbox");
        try
        {
            long count = WriteMbox(path, targetBytes);
            var fileBytes = new FileInfo(path).Length;

            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0, n = 0, bytes = 0;
            var stopwatch = Stopwatch.StartNew();
            foreach (var message in MessageSources.Open(path).Read(p => Assert.Fail(p.ToString()), TestContext.Current.CancellationToken))
            {
                bytes += message.Bytes.Length;
                _ = message.Sha256;
                if (++n % 8192 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
            stopwatch.Stop();

            Assert.Equal(count, n);
            Assert.True(bytes > fileBytes * 9 / 10);
            // One 1 MB read buffer, one scratch buffer, one message: far below the 256 MB read.
            Assert.True(peak < 16L << 20, $"live memory grew by {peak / 1024 / 1024} MB while reading {fileBytes / 1024 / 1024} MB");
            TestContext.Current.SendDiagnosticMessage($"read {fileBytes / 1e6:F0} MB, {n} messages, split + SHA-256 with forced GCs: {fileBytes / 1e6 / stopwatch.Elapsed.TotalSeconds:F0} MB/s");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes ~4 KB messages with mboxrd quoting in a few of them; returns how many.</summary>
    internal static long WriteMbox(string path, long targetBytes)
    {
        var body = new StringBuilder();
        for (int i = 0; i < 50; i++) body.Append("The quick brown fox jumps over the lazy dog, line ").Append(i).Append(" of the body.....\n");
        var plain = Encoding.ASCII.GetBytes("Subject: test message\nFrom: a@example.org\nTo: b@example.org\n\n" + body + "\n");
        var quoted = Encoding.ASCII.GetBytes("Subject: quoted\nFrom: a@example.org\n\n>From the desk\n" + body + "\n");
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        long count = 0;
        while (stream.Length < targetBytes)
        {
            stream.Write(Encoding.ASCII.GetBytes($"From sender{count}@example.org Mon Jan  1 10:00:00 2024\n"));
            stream.Write(count % 100 == 0 ? quoted : plain);
            count++;
        }
        return count;
    }

    [Fact]
    public void HundredMegabyteLine_AllocatesOnlyUpToTheMessageLimit()
    {
        const long lineBytes = 100L << 20;
        var limits = new MimeLimits { MaxMessageBytes = 1 << 20 };
        var head = Encoding.ASCII.GetBytes("From a@example.org Mon Jan  1 10:00:00 2024\nSubject: long\n\n");
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        expected.AppendData(head.AsSpan(head.IndexOf((byte)'\n') + 1));
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)'a');
        for (long left = lineBytes; left > 0; left -= chunk.Length) expected.AppendData(chunk, 0, (int)Math.Min(left, chunk.Length));
        expected.AppendData("\n"u8);

        long before = GC.GetAllocatedBytesForCurrentThread();
        using var stream = new LongLineStream(head, lineBytes);
        var message = Assert.Single(new MboxReader(stream, "long", limits, MboxFormat.Auto, p => Assert.Fail(p.ToString())).Read(TestContext.Current.CancellationToken));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(message.Truncated);
        Assert.Equal(1 << 20, message.Bytes.Length);
        Assert.Equal(head.Length - (head.AsSpan().IndexOf((byte)'\n') + 1) + lineBytes + 1, message.OriginalLength);
        Assert.Equal(Convert.ToHexStringLower(expected.GetHashAndReset()), message.Sha256);
        Assert.True(allocated < 8L << 20, $"allocated {allocated / 1024 / 1024} MB for a 100 MB line");
    }

    /// <summary>A non-seekable stream: a head, then one line of 'a' bytes, then a newline; nothing held in memory.</summary>
    private sealed class LongLineStream(byte[] head, long lineBytes) : Stream
    {
        private long _position;
        private long Total => head.Length + lineBytes + 1;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _position < Total)
            {
                if (_position < head.Length)
                {
                    int take = (int)Math.Min(count - n, head.Length - _position);
                    Array.Copy(head, _position, buffer, offset + n, take);
                    n += take; _position += take;
                }
                else if (_position < head.Length + lineBytes)
                {
                    int take = (int)Math.Min(count - n, head.Length + lineBytes - _position);
                    buffer.AsSpan(offset + n, take).Fill((byte)'a');
                    n += take; _position += take;
                }
                else
                {
                    buffer[offset + n++] = (byte)'\n';
                    _position++;
                }
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
