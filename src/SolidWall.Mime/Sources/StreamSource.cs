using System.Security.Cryptography;

namespace SolidWall.Mime.Sources;

/// <summary>
/// Mail piped in: standard input (the path <c>-</c>), or any stream, read once and as a file is read
/// (<see cref="MessageFile"/>): an mbox when it starts with a From_ line or has one after a preamble in its first 64 KB,
/// a single message when it starts with a header field, anything else reported as not mail. Offsets count from the
/// stream's first byte. Nothing is written to disk: a single message is held in memory (its first
/// <see cref="MimeLimits.MaxMessageBytes"/> bytes, the rest hashed), an mbox read as it streams.
/// </summary>
public sealed class StreamSource : IMessageSource
{
    /// <summary>The path that names standard input on a command line.</summary>
    public const string StandardInput = "-";

    private readonly Func<Stream> _open;
    private readonly MimeLimits _limits;
    private readonly MboxFormat _format;
    private int _read;

    /// <param name="name">What verdicts and problems name as the source (<c>-</c> for standard input).</param>
    /// <param name="open">Opens the stream, once, when the source is read.</param>
    public StreamSource(string name, Func<Stream> open, MimeLimits? limits = null, MboxFormat format = MboxFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(open);
        Path = name;
        _open = open;
        _limits = limits ?? MimeLimits.Default;
        _format = format;
    }

    public string Path { get; }

    /// <summary>Standard input as a source named <c>-</c>.</summary>
    public static StreamSource OfStandardInput(MimeLimits? limits = null, MboxFormat format = MboxFormat.Auto) =>
        new(StandardInput, Console.OpenStandardInput, limits, format);

    public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Interlocked.Exchange(ref _read, 1) == 1)
        {
            problems(new SourceProblem(Path, -1, "already read: a stream is read once (name standard input once)"));
            return [];
        }

        return ReadOnce(problems, cancellationToken);
    }

    private IEnumerable<RawMessage> ReadOnce(Action<SourceProblem> problems, CancellationToken cancellationToken)
    {
        Stream stream;
        byte[] head;
        int n;
        try
        {
            stream = _open();
            head = new byte[MessageFile.SniffBytes];
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problems(new SourceProblem(Path, -1, $"cannot read: {e.Message}"));
            yield break;
        }

        using (stream)
        {
            var kind = MessageFile.Classify(head.AsSpan(0, n), out var reason);
            if (kind == MessageFile.Kind.NotMail)
            {
                problems(new SourceProblem(Path, -1, reason));
                yield break;
            }

            var whole = new PrefixedStream(head, n, stream);
            if (kind == MessageFile.Kind.Single)
            {
                RawMessage single;
                try
                {
                    single = ReadWhole(whole);
                }
                catch (IOException e)
                {
                    problems(new SourceProblem(Path, -1, $"read failed part way: {e.Message}"));
                    yield break;
                }

                yield return single;
                yield break;
            }

            using var messages = new MboxReader(whole, Path, _limits, _format, problems).Read(cancellationToken).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!messages.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (IOException e)
                {
                    problems(new SourceProblem(Path, -1, $"read failed part way: {e.Message}"));
                    yield break;
                }

                yield return messages.Current;
            }
        }
    }

    // One message: its first MaxMessageBytes bytes kept, all of it hashed (MessageFile.ReadWhole, for a stream of unknown length).
    private RawMessage ReadWhole(Stream stream)
    {
        var max = _limits.MaxMessageBytes;
        var kept = new MemoryStream();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            var keep = (int)Math.Clamp(max - kept.Length, 0, read);
            kept.Write(chunk, 0, keep);
            hash.AppendData(chunk, 0, read);
            total += read;
        }

        var bytes = kept.ToArray();
        return total <= bytes.Length
            ? new RawMessage(Path, 0, bytes)
            : new RawMessage(Path, 0, bytes, null, Convert.ToHexStringLower(hash.GetHashAndReset()), total, 0, total);
    }

    /// <summary>The bytes already read to decide what the stream holds, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] head, int length, Stream rest) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_at < length)
            {
                var n = Math.Min(buffer.Length, length - _at);
                head.AsSpan(_at, n).CopyTo(buffer);
                _at += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
