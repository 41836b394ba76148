using System.Security.Cryptography;

namespace SolidWall.Mime.Sources;

/// <summary>
/// Splits an mbox byte stream into messages, streaming: one reusable read buffer plus one scratch buffer that never
/// grows past <see cref="MimeLimits.MaxMessageBytes"/>, so a 10 GB file reads in the same memory as a 10 MB one.
/// </summary>
/// <remarks>
/// <para>Separators follow <see cref="FromLine"/>. The blank line before a separator (or before the end of the file)
/// belongs to the mbox, not to the message. Everything before the first From_ line is reported as a problem.</para>
/// <para>Evidence: each message records the offset of its From_ line, the offset and length of its stored bytes
/// (after the From_ line, up to the separating blank line) and the SHA-256 of exactly those stored bytes, so
/// <c>dd</c> and <c>sha256sum</c> can check it. While the parsed bytes equal the stored ones the hash is left to
/// <see cref="RawMessage.Sha256"/> (computed lazily, often on a worker thread); once quoting is undone or the
/// message is truncated the stored bytes are hashed incrementally as they stream past.</para>
/// <para>Content-Length (mboxcl, mboxcl2, <see cref="MboxFormat.Auto"/>): when it lands exactly on a From_ line, a blank
/// line and a From_ line, or the end of the file, it decides where the message ends even if the body holds From_
/// lines. When it does not, the reader seeks back to the message's From_ line and splits it by From_ lines
/// instead; that is not a loss, so it is not reported. Content-Length needs a seekable stream and is ignored otherwise.</para>
/// </remarks>
internal sealed class MboxReader
{
    /// <summary>Bytes of a line's start that must be in the buffer to classify it (From_ line, quoting, blank).</summary>
    private const int Probe = 1024;

    private static readonly byte[] Lf = "\n"u8.ToArray();
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly string _source;
    private readonly MboxFormat _format;
    private readonly Action<SourceProblem> _problems;
    private readonly int _max;
    private readonly bool _honourLength;
    private readonly bool _unquoteDeep;   // mboxrd: >+From
    private readonly bool _unquoteOne;    // mboxo: >From

    // Read buffer: _buf[_pos.._end) is unread; _bufOffset is the stream offset of _buf[0].
    private readonly byte[] _buf;
    private int _pos, _end;
    private long _bufOffset;
    private bool _eof;

    // Current message.
    private bool _inMessage;
    private long _msgOffset, _storedStart;
    private bool _inHeaders;
    private int _pendingBlank;           // length (1 or 2) of a blank line that may be the separator, 0 if none
    private long _clEnd = -1;            // where Content-Length says the message ends, -1 when not in use
    private bool _clBlankSeen;           // the blank line exactly at _clEnd has been seen
    private long _clRejectedAt = -1;     // From_ offset of a message whose Content-Length failed: split it by From_ lines
    private IReadOnlyList<string>? _labels;
    private byte[] _scratch;
    private int _scratchLen;
    private long _parsedLen;
    private bool _hashing;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _copyFrom = -1, _hashFrom = -1; // unflushed runs in _buf (parsed copy, stored hash); -1 when inactive

    // Bytes before the first From_ line.
    private long _junkStart = -1;
    private bool _junkNonBlank;

    public MboxReader(Stream stream, string source, MimeLimits limits, MboxFormat format, Action<SourceProblem> problems, int bufferSize = 1 << 20)
    {
        _stream = stream;
        _source = source;
        _format = format;
        _problems = problems;
        _max = limits.MaxMessageBytes;
        _honourLength = stream.CanSeek && format is MboxFormat.Auto or MboxFormat.Mboxcl or MboxFormat.Mboxcl2;
        _unquoteDeep = format is MboxFormat.Auto or MboxFormat.Mboxrd;
        _unquoteOne = format is MboxFormat.Mboxo or MboxFormat.Mboxcl;
        _buf = new byte[Math.Max(bufferSize, Probe * 4)];
        _scratch = new byte[Math.Min(64 * 1024, Math.Max(_max, 1))];
        _bufOffset = stream.CanSeek ? stream.Position : 0;
    }

    public IEnumerable<RawMessage> Read(CancellationToken cancellationToken = default)
    {
        while (TryReadNext(cancellationToken, out var message))
            yield return message;
    }

    private bool TryReadNext(CancellationToken ct, out RawMessage message)
    {
        while (true)
        {
            if (!EnsureLineStart())
            {
                if (_inMessage && _clEnd >= 0 && !_clBlankSeen && _bufOffset + _pos != _clEnd)
                {
                    RejectContentLength();
                    continue;
                }
                Flush(_pos);
                if (_inMessage)
                {
                    message = Finish(_bufOffset + _pos);
                    return true;
                }
                ReportJunk(last: true);
                message = null!;
                return false;
            }

            var line = _buf.AsSpan(_pos, _end - _pos);
            long lineOffset = _bufOffset + _pos;
            bool blank = line[0] == (byte)'\n' || (line.Length > 1 && line[0] == (byte)'\r' && line[1] == (byte)'\n');
            bool from = FromLine.StartsWithFrom(line);

            if (!_inMessage)
            {
                if (from && (lineOffset == 0 || lineOffset == _clRejectedAt || FromLine.LooksLikeFromLine(line)))
                {
                    ReportJunk(last: false);
                    ct.ThrowIfCancellationRequested();
                    StartMessage(lineOffset);
                    continue;
                }
                if (_junkStart < 0) _junkStart = lineOffset;
                if (!blank) _junkNonBlank = true;
                SkipLine();
                continue;
            }

            if (_clEnd >= 0)
            {
                if (lineOffset < _clEnd)
                {
                    ConsumeContentLine(line);
                    if (_bufOffset + _pos > _clEnd) RejectContentLength();
                    continue;
                }
                if (from)
                {
                    message = EndAt(lineOffset);
                    return true;
                }
                if (blank && lineOffset == _clEnd)
                {
                    _clBlankSeen = true;
                    MakePendingBlank(line);
                    continue;
                }
                RejectContentLength();
                continue;
            }

            if (from && FromLine.LooksLikeFromLine(line))
            {
                message = EndAt(lineOffset);
                return true;
            }

            if (blank)
            {
                FlushPendingBlank();
                MakePendingBlank(line);
                if (_inHeaders) EndOfHeaders(lineOffset + _pendingBlank);
                continue;
            }

            ConsumeContentLine(line);
        }
    }

    private RawMessage EndAt(long separatorOffset)
    {
        Flush(_pos);
        var message = Finish(separatorOffset);
        StartMessage(separatorOffset);
        return message;
    }

    /// <summary>Makes sure a whole line, or at least <see cref="Probe"/> bytes of it, is buffered at _pos; false at the end of the stream.</summary>
    private bool EnsureLineStart()
    {
        if (_end - _pos >= Probe || (_eof && _pos < _end)) return true;
        if (_buf.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n') >= 0) return true;
        Refill();
        return _pos < _end;
    }

    /// <summary>Moves the unread bytes to the front of the buffer and reads more, flushing pending runs first.</summary>
    private void Refill()
    {
        Flush(_pos);
        if (_eof) return;
        int keep = _end - _pos;
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, keep);
            _bufOffset += _pos;
            if (_copyFrom >= 0) { _copyFrom -= _pos; _hashFrom -= _pos; }
            _pos = 0;
            _end = keep;
        }
        while (_end < _buf.Length)
        {
            int n = _stream.Read(_buf, _end, _buf.Length - _end);
            if (n == 0) { _eof = true; break; }
            _end += n;
            if (_end - _pos >= Probe) break;
        }
    }

    /// <summary>Advances past the current line (which may be longer than the buffer), keeping runs flowing.</summary>
    private void SkipLine()
    {
        while (true)
        {
            int nl = _buf.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _pos += nl + 1;
                return;
            }
            _pos = _end;
            if (_eof) return;
            Refill();
            if (_pos >= _end) return;
        }
    }

    private void ConsumeContentLine(ReadOnlySpan<byte> line)
    {
        FlushPendingBlank();
        if (line[0] == (byte)'>' && IsQuotedFrom(line))
        {
            // Undo one level of quoting: the stored line is hashed whole, the parsed copy skips the first '>'.
            Flush(_pos);
            if (!_hashing) StartHashing(_pos);
            _copyFrom = _pos + 1;
        }
        SkipLine();
    }

    private bool IsQuotedFrom(ReadOnlySpan<byte> line)
    {
        if (_unquoteOne) return line[1..].StartsWith("From "u8);
        if (!_unquoteDeep) return false;
        int i = line.IndexOfAnyExcept((byte)'>');
        return i > 0 && line[i..].StartsWith("From "u8);
    }

    private void MakePendingBlank(ReadOnlySpan<byte> line)
    {
        Flush(_pos);
        _pendingBlank = line[0] == (byte)'\n' ? 1 : 2;
        _pos += _pendingBlank;
        _copyFrom = _hashFrom = _pos;
    }

    private void FlushPendingBlank()
    {
        if (_pendingBlank == 0) return;
        var blank = _pendingBlank == 1 ? Lf : CrLf;
        _pendingBlank = 0;
        if (!_hashing && _parsedLen + blank.Length > _max) StartHashing(_copyFrom);
        if (_hashing) _hash.AppendData(blank);
        Append(blank);
    }

    private void EndOfHeaders(long bodyOffset)
    {
        _inHeaders = false;
        var header = _scratch.AsSpan(0, _scratchLen);
        _labels = MboxHeaders.GmailLabels(header);
        if (!_honourLength || _msgOffset == _clRejectedAt) return;
        long length = MboxHeaders.ContentLength(header);
        if (length < 0) return;
        // The blank line ending the header is part of the counted message, not a separator.
        FlushPendingBlank();
        _clEnd = bodyOffset + length;
    }

    private void RejectContentLength()
    {
        _clRejectedAt = _msgOffset;
        if (_hashing) _hash.GetHashAndReset();
        _stream.Seek(_msgOffset, SeekOrigin.Begin);
        _bufOffset = _msgOffset;
        _pos = _end = 0;
        _eof = false;
        _copyFrom = _hashFrom = -1;
        _inMessage = false;
        _pendingBlank = 0;
        _clEnd = -1;
        Refill();
    }

    private void StartMessage(long lineOffset)
    {
        _inMessage = true;
        _msgOffset = lineOffset;
        _copyFrom = _hashFrom = -1;
        SkipLine();
        _storedStart = _bufOffset + _pos;
        _copyFrom = _hashFrom = _pos;
        _inHeaders = true;
        _pendingBlank = 0;
        _clEnd = -1;
        _clBlankSeen = false;
        _labels = null;
        _scratchLen = 0;
        _parsedLen = 0;
        _hashing = false;
    }

    private RawMessage Finish(long separatorOffset)
    {
        if (_inHeaders) _labels = MboxHeaders.GmailLabels(_scratch.AsSpan(0, _scratchLen));
        long storedEnd = separatorOffset - _pendingBlank;
        var bytes = _scratch.AsSpan(0, _scratchLen).ToArray();
        string? sha = _hashing ? Convert.ToHexStringLower(_hash.GetHashAndReset()) : null;
        _inMessage = false;
        _copyFrom = _hashFrom = -1;
        _pendingBlank = 0;
        return new RawMessage(_source, _msgOffset, bytes, _labels, sha, _parsedLen, _storedStart, storedEnd - _storedStart);
    }

    /// <summary>Moves the buffered runs up to <paramref name="upTo"/> into the hash and the scratch copy.</summary>
    private void Flush(int upTo)
    {
        if (_copyFrom < 0) return;
        int n = upTo - _copyFrom;
        if (!_hashing && _parsedLen + n > _max) StartHashing(_copyFrom);
        if (_hashing && upTo > _hashFrom) _hash.AppendData(_buf, _hashFrom, upTo - _hashFrom);
        if (n > 0) Append(_buf.AsSpan(_copyFrom, n));
        _copyFrom = _hashFrom = upTo;
    }

    /// <summary>
    /// Switches to incremental hashing: up to now the scratch copy equals the stored bytes, so it seeds the hash,
    /// and stored bytes from <paramref name="hashFrom"/> on are hashed as they are flushed.
    /// </summary>
    private void StartHashing(int hashFrom)
    {
        _hash.AppendData(_scratch, 0, _scratchLen);
        _hashing = true;
        _hashFrom = hashFrom;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        _parsedLen += data.Length;
        int room = _max - _scratchLen;
        if (room <= 0) return;
        if (data.Length > room) data = data[..room];
        if (_scratchLen + data.Length > _scratch.Length)
        {
            long size = Math.Max((long)_scratch.Length * 2, _scratchLen + data.Length);
            Array.Resize(ref _scratch, (int)Math.Min(size, _max));
        }
        data.CopyTo(_scratch.AsSpan(_scratchLen));
        _scratchLen += data.Length;
    }

    private void ReportJunk(bool last)
    {
        if (_junkStart < 0) return;
        long length = _bufOffset + _pos - _junkStart;
        if (_junkNonBlank)
        {
            _problems(new SourceProblem(_source, _junkStart, last && _junkStart == 0
                ? $"not an mbox: no From_ line in {length} bytes; skipped"
                : $"{length} bytes before the first From_ line are not part of any message; skipped"));
        }
        _junkStart = -1;
        _junkNonBlank = false;
    }
}
