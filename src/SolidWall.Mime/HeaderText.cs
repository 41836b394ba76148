using System.Buffers;
using System.Text;
using System.Text.Unicode;
using SolidWall.Mime.Decoding;

namespace SolidWall.Mime;

/// <summary>
/// Turns raw header bytes into text: unfolding (RFC 5322 section 2.2.3), RFC 2047 encoded words (with the
/// breakage real clients produce) and raw 8-bit bytes (UTF-8 per RFC 6532, else a legacy fallback).
/// </summary>
public static class HeaderText
{
    /// <summary>
    /// Unfolds and decodes an unstructured value such as Subject. Encoded words are decoded wherever they stand
    /// (inside words and quotes too, as clients do); blanks between adjacent encoded words are dropped
    /// (RFC 2047 section 6.2); adjacent words in one charset are joined as bytes before decoding, so a character
    /// split across two words survives. Never throws.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1) =>
        DecodeCore(raw, phrase: false, defects, offset);

    /// <summary>
    /// Decodes an RFC 5322 phrase such as a display name: like <see cref="Decode"/>, but double quotes are
    /// removed and backslash escapes inside them resolved, with encoded words inside the quotes still decoded
    /// (Outlook and Thunderbird write <c>"=?utf-8?Q?J=C3=B6rg?="</c>).
    /// </summary>
    public static string DecodePhrase(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1) =>
        DecodeCore(raw, phrase: true, defects, offset);

    /// <summary>Removes folding line breaks and decodes raw bytes (UTF-8, else windows-1252), without touching encoded words.</summary>
    public static string Unfold(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return DecodeRaw(raw);
        }
        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            return DecodeRaw(rented.AsSpan(0, RemoveLineBreaks(raw, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string DecodeRaw(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            return Encoding.Latin1.GetString(bytes);
        }
        return Utf8.IsValid(bytes) ? Charsets.Utf8Lossy.GetString(bytes) : Charsets.Windows1252.GetString(bytes);
    }

    private static int RemoveLineBreaks(ReadOnlySpan<byte> src, Span<byte> dest)
    {
        var n = 0;
        while (true)
        {
            var k = src.IndexOfAny((byte)'\r', (byte)'\n');
            if (k < 0)
            {
                src.CopyTo(dest[n..]);
                return n + src.Length;
            }
            src[..k].CopyTo(dest[n..]);
            n += k;
            src = src[(k + 1)..];
        }
    }

    private static string DecodeCore(ReadOnlySpan<byte> raw, bool phrase, DefectSink? defects, long offset)
    {
        raw = raw.Trim(" \t\r\n"u8);
        if (raw.IsEmpty)
        {
            return "";
        }
        var plain = raw.IndexOf("=?"u8) < 0 && !raw.ContainsAnyExceptInRange((byte)0, (byte)0x7F)
                    && (!phrase || raw.IndexOfAny((byte)'"', (byte)'\\') < 0);
        if (plain)
        {
            // The common case: ASCII, nothing encoded. One allocation.
            var breaks = raw.Count((byte)'\r') + raw.Count((byte)'\n');
            if (breaks == 0)
            {
                return Encoding.Latin1.GetString(raw);
            }
            return string.Create(raw.Length - breaks, raw, static (dest, src) =>
            {
                var n = 0;
                foreach (var b in src)
                {
                    if (b is not ((byte)'\r' or (byte)'\n'))
                    {
                        dest[n++] = (char)b;
                    }
                }
            });
        }

        var unfoldedArray = ArrayPool<byte>.Shared.Rent(raw.Length);
        var scratchArray = ArrayPool<byte>.Shared.Rent(raw.Length + 8);
        var output = new CharBuilder(raw.Length + 16);
        try
        {
            var s = unfoldedArray.AsSpan(0, RemoveLineBreaks(raw, unfoldedArray));
            var rawIsUtf8 = !s.ContainsAnyExceptInRange((byte)0, (byte)0x7F) || Utf8.IsValid(s);
            if (!rawIsUtf8)
            {
                defects?.Add("header-8bit-not-utf8", "raw 8-bit header bytes are not UTF-8; read as windows-1252", offset);
            }
            var state = new DecodeState(s, scratchArray, phrase, rawIsUtf8, defects, offset);
            state.Run(ref output);
            return output.Build();
        }
        finally
        {
            output.Dispose();
            ArrayPool<byte>.Shared.Return(unfoldedArray);
            ArrayPool<byte>.Shared.Return(scratchArray);
        }
    }

    /// <summary>The scan over one unfolded value: literal runs, encoded words, and the pending bytes of a run of same-charset words.</summary>
    private ref struct DecodeState
    {
        private readonly ReadOnlySpan<byte> _s;
        private readonly byte[] _scratch;
        private readonly bool _phrase;
        private readonly bool _rawIsUtf8;
        private readonly DefectSink? _defects;
        private readonly long _offset;

        // Bytes decoded from consecutive encoded words that share a charset, decoded together at the end of the run.
        private int _pendingLength;
        private CharsetInfo? _pendingCharset;
        private ReadOnlySpan<byte> _pendingLabel;
        private bool _inQuote;

        public DecodeState(ReadOnlySpan<byte> s, byte[] scratch, bool phrase, bool rawIsUtf8, DefectSink? defects, long offset)
        {
            _s = s;
            _scratch = scratch;
            _phrase = phrase;
            _rawIsUtf8 = rawIsUtf8;
            _defects = defects;
            _offset = offset;
        }

        public void Run(ref CharBuilder output)
        {
            var s = _s;
            var literalStart = 0;
            var lastWasWord = false;
            var i = 0;
            while (i < s.Length)
            {
                var k = s[i..].IndexOf("=?"u8);
                if (k < 0)
                {
                    break;
                }
                k += i;
                if (!EncodedWord.TryParse(s, k, out var word))
                {
                    i = k + 1;
                    continue;
                }
                var gap = s[literalStart..k];
                var gapIsBlank = !gap.ContainsAnyExcept((byte)' ', (byte)'\t');
                if (!(lastWasWord && gapIsBlank))
                {
                    Flush(ref output);
                    AppendLiteral(ref output, gap);
                }
                var info = Charsets.Resolve(word.Charset);
                if (_pendingLength > 0 && !SameCharset(info, word.Charset))
                {
                    Flush(ref output);
                }
                if (_pendingLength == 0)
                {
                    _pendingCharset = info;
                    _pendingLabel = word.Charset;
                }
                _pendingLength += word.DecodeTo(_scratch.AsSpan(_pendingLength), out var damaged);
                if (damaged)
                {
                    _defects?.Add("encoded-word-damaged", "an encoded word has invalid base64 or a stray '=' in Q text", _offset);
                }
                // An empty word still ends a run, so its charset counts even with no bytes.
                if (_pendingLength == 0)
                {
                    _pendingLabel = word.Charset;
                }
                i = literalStart = word.End;
                lastWasWord = true;
            }
            Flush(ref output);
            AppendLiteral(ref output, s[literalStart..]);
        }

        private readonly bool SameCharset(CharsetInfo? info, ReadOnlySpan<byte> label) =>
            info is not null && _pendingCharset is not null
                ? ReferenceEquals(info, _pendingCharset) || info.Name == _pendingCharset.Name
                : info is null && _pendingCharset is null && Ascii.EqualsIgnoreCase(label, _pendingLabel);

        private void Flush(ref CharBuilder output)
        {
            if (_pendingLength == 0)
            {
                return;
            }
            var bytes = _scratch.AsSpan(0, _pendingLength);
            _pendingLength = 0;
            if (_pendingCharset is null)
            {
                _defects?.Add("charset-unknown", $"encoded-word charset '{Encoding.Latin1.GetString(_pendingLabel)}' is not known; decoded by guessing", _offset);
                output.Append(Charsets.Guess(bytes));
            }
            else if (_pendingCharset.IsUtf8 && Utf8.IsValid(bytes))
            {
                var dest = output.GetSpan(bytes.Length);
                output.Advance(Charsets.Utf8Lossy.GetChars(bytes, dest));
            }
            else
            {
                output.Append(Charsets.Decode(bytes, _pendingCharset, _defects, _offset));
            }
        }

        private void AppendLiteral(ref CharBuilder output, ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return;
            }
            if (_phrase)
            {
                // Quotes delimit; a backslash inside quotes escapes the next byte (RFC 5322 quoted-pair).
                var filtered = _scratch.AsSpan(_pendingLength);
                var n = 0;
                for (var j = 0; j < bytes.Length; j++)
                {
                    var b = bytes[j];
                    if (b == (byte)'"')
                    {
                        _inQuote = !_inQuote;
                        continue;
                    }
                    if (b == (byte)'\\' && _inQuote && j + 1 < bytes.Length)
                    {
                        b = bytes[++j];
                    }
                    filtered[n++] = b;
                }
                bytes = filtered[..n];
            }
            var dest = output.GetSpan(bytes.Length);
            if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            {
                output.Advance(Encoding.Latin1.GetChars(bytes, dest));
            }
            else if (_rawIsUtf8)
            {
                output.Advance(Charsets.Utf8Lossy.GetChars(bytes, dest));
            }
            else
            {
                output.Advance(Charsets.Windows1252.GetChars(bytes, dest));
            }
        }
    }
}
