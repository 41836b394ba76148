using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Bench;

/// <summary>
/// Reads one mbox on several threads at once by cutting the file into byte ranges that each start at a From_ line,
/// with one streaming mbox reader per range. Unlike <see cref="ParallelMessages"/>, whose single reader thread
/// splits the whole file while the workers parse, the splitting itself is spread over the cores, which is what a
/// two-core machine needs to come close to twice one core. Results are not kept in order: a benchmark needs none.
/// </summary>
internal static class MboxPartitions
{
    /// <summary>Applies <paramref name="work"/> to every message of <paramref name="path"/> on <paramref name="threads"/> threads; returns the message count and the sum of the results.</summary>
    public static (long Messages, long Sum) Run(string path, int threads, Func<RawMessage, long> work, Action<SourceProblem> problems)
    {
        var bounds = Boundaries(path, threads);
        var messages = new long[threads];
        var sums = new long[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var slot = t;
            workers[t] = new Thread(() =>
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                using var window = new WindowStream(file, bounds[slot], bounds[slot + 1]);
                var reader = new MboxReader(window, path, MimeLimits.Default, MboxFormat.Auto, problems);
                foreach (var m in reader.Read())
                {
                    sums[slot] += work(m);
                    messages[slot]++;
                }
            })
            { Name = "bench partition " + t };
            workers[t].Start();
        }
        foreach (var w in workers)
        {
            w.Join();
        }
        return (messages.Sum(), sums.Sum());
    }

    /// <summary>threads + 1 offsets: 0, then the first "\n\nFrom " separator after each even share of the file, then its length.</summary>
    internal static long[] Boundaries(string path, int threads)
    {
        var length = new FileInfo(path).Length;
        var bounds = new long[threads + 1];
        bounds[threads] = length;
        using var file = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        for (var t = 1; t < threads; t++)
        {
            var at = Math.Max(bounds[t - 1], length * t / threads);
            bounds[t] = length;
            while (at < length)
            {
                file.Position = at;
                var n = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                var i = buffer.AsSpan(0, n).IndexOf("\n\nFrom "u8);
                if (i >= 0 && FromLine.LooksLikeFromLine(buffer.AsSpan(i + 2, n - i - 2)))
                {
                    bounds[t] = at + i + 2;
                    break;
                }
                at += i >= 0 ? i + 1 : Math.Max(1, n - 8);
                if (n == 0)
                {
                    break;
                }
            }
        }
        return bounds;
    }

    /// <summary>A read-only view of [start, end) of a seekable stream that keeps the file's own offsets, so the mbox reader's positions stay true.</summary>
    private sealed class WindowStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _end;

        public WindowStream(Stream inner, long start, long end)
        {
            _inner = inner;
            _end = end;
            _inner.Position = start;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _end;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = Math.Min(value, _end);
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            _inner.Read(buffer, offset, (int)Math.Max(0, Math.Min(count, _end - _inner.Position)));

        public override int Read(Span<byte> buffer) =>
            _inner.Read(buffer[..(int)Math.Max(0, Math.Min(buffer.Length, _end - _inner.Position))]);

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => _end + offset,
        };

        public override void Flush() { }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
