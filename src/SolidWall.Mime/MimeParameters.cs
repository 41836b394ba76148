using System.Buffers;
using System.Text;
using SolidWall.Mime.Decoding;

namespace SolidWall.Mime;

/// <summary>
/// Reads a structured MIME header value: a leading token (such as "text/plain" or "attachment") followed by
/// ";"-separated parameters, with RFC 2231 continuations and charsets, and the RFC 2047 encoded words that
/// real clients put in file names.
/// </summary>
public static class MimeParameters
{
    /// <summary>
    /// Returns the leading value; <paramref name="parameters"/> gets names compared case-insensitively, values
    /// with case kept. Tolerates comments, unquoted values with blanks, missing semicolons and junk; the first of
    /// duplicate parameters wins (an RFC 2231 form wins over the plain one). Never throws.
    /// </summary>
    public static string Parse(ReadOnlySpan<byte> raw, out IReadOnlyDictionary<string, string> parameters, DefectSink? defects = null, long offset = -1)
    {
        var dict = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        parameters = dict;
        if (raw.IsEmpty)
        {
            return "";
        }
        var unfoldedArray = ArrayPool<byte>.Shared.Rent(raw.Length);
        var valuesArray = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            var s = unfoldedArray.AsSpan(0, Unfold(raw, unfoldedArray));
            var pos = 0;
            var leading = ReadLeadingValue(s, ref pos);
            if (leading.Contains('=', StringComparison.Ordinal))
            {
                // No leading value at all ("filename=a.pdf"): what was read is the first parameter.
                defects?.Add("parameter-value-missing", "the field has parameters but no leading value", offset);
                leading = "";
                pos = 0;
            }
            var list = ReadParameters(s, pos, valuesArray, defects, offset);
            if (list is not null)
            {
                Rfc2231.Assemble(list, valuesArray, dict, defects, offset);
            }
            return leading;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(unfoldedArray);
            ArrayPool<byte>.Shared.Return(valuesArray);
        }
    }

    private static int Unfold(ReadOnlySpan<byte> src, Span<byte> dest)
    {
        var n = 0;
        foreach (var b in src)
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                dest[n++] = b;
            }
        }
        return n;
    }

    private static string ReadLeadingValue(ReadOnlySpan<byte> s, ref int pos)
    {
        Span<byte> buf = stackalloc byte[128];
        var n = 0;
        SkipCfws(s, ref pos);
        while (pos < s.Length)
        {
            var start = pos;
            while (pos < s.Length && s[pos] is not ((byte)' ' or (byte)'\t' or (byte)';' or (byte)'(' or (byte)'"'))
            {
                pos++;
            }
            foreach (var b in s[start..pos])
            {
                if (n < buf.Length)
                {
                    buf[n++] = b;
                }
            }
            // "text / plain": a slash after blanks or comments continues the value.
            var save = pos;
            SkipCfws(s, ref pos);
            var endsWithSlash = n > 0 && buf[n - 1] == (byte)'/';
            if (pos < s.Length && (s[pos] == (byte)'/' || (endsWithSlash && s[pos] is not ((byte)';' or (byte)'"'))) && n > 0)
            {
                continue;
            }
            pos = save;
            break;
        }
        return n == 0 ? "" : HeaderText.Unfold(buf[..n]);
    }

    /// <summary>Reads name=value pairs; values land unescaped in <paramref name="values"/>.</summary>
    private static List<Rfc2231.RawParameter>? ReadParameters(ReadOnlySpan<byte> s, int pos, byte[] values, DefectSink? defects, long offset)
    {
        List<Rfc2231.RawParameter>? list = null;
        var valuesLength = 0;
        var separated = true;
        var reportedSemicolon = false;
        var reportedJunk = false;
        while (pos < s.Length)
        {
            SkipCfws(s, ref pos);
            if (pos >= s.Length)
            {
                break;
            }
            if (s[pos] == (byte)';')
            {
                pos++;
                separated = true;
                continue;
            }
            if (!separated && !reportedSemicolon)
            {
                defects?.Add("parameter-missing-semicolon", "parameters not separated by ';'", offset);
                reportedSemicolon = true;
            }
            separated = false;
            var nameStart = pos;
            while (pos < s.Length && s[pos] is not ((byte)' ' or (byte)'\t' or (byte)';' or (byte)'=' or (byte)'"' or (byte)'('))
            {
                pos++;
            }
            var name = s[nameStart..pos];
            SkipCfws(s, ref pos);
            if (name.IsEmpty || pos >= s.Length || s[pos] != (byte)'=')
            {
                if (!reportedJunk)
                {
                    defects?.Add("parameter-invalid", "text that is not name=value in a parameter list skipped", offset);
                    reportedJunk = true;
                }
                SkipToSemicolon(s, ref pos);
                continue;
            }
            pos++;
            while (pos < s.Length && s[pos] is (byte)' ' or (byte)'\t')
            {
                pos++;
            }
            var valueStart = valuesLength;
            var quoted = pos < s.Length && s[pos] == (byte)'"';
            if (quoted)
            {
                pos++;
                var closed = false;
                while (pos < s.Length)
                {
                    var b = s[pos++];
                    if (b == (byte)'"')
                    {
                        closed = true;
                        break;
                    }
                    // Only \" and \\ are escapes: Outlook writes Windows paths with bare backslashes.
                    if (b == (byte)'\\' && pos < s.Length && s[pos] is (byte)'"' or (byte)'\\')
                    {
                        b = s[pos++];
                    }
                    values[valuesLength++] = b;
                }
                if (!closed)
                {
                    defects?.Add("parameter-unterminated-quote", "a quoted parameter value has no closing quote", offset);
                }
                // Junk after the closing quote ("name="a"b) is dropped up to the next parameter.
                var afterQuote = pos;
                SkipCfws(s, ref afterQuote);
                if (afterQuote < s.Length && s[afterQuote] != (byte)';' && !LooksLikeParameter(s, afterQuote))
                {
                    SkipToSemicolon(s, ref pos);
                }
            }
            else
            {
                var end = UnquotedValueEnd(s, pos);
                var v = s[pos..end].TrimEnd(" \t"u8);
                v.CopyTo(values.AsSpan(valuesLength));
                valuesLength += v.Length;
                pos = end;
            }
            (list ??= []).Add(Rfc2231.RawParameter.Create(name, valueStart, valuesLength - valueStart));
        }
        return list;
    }

    // An unquoted value runs to ';', but stops early at blanks followed by "name=" (a missing semicolon) or at
    // a trailing comment such as RFC 2045's "charset=us-ascii (Plain text)". Blanks inside are kept.
    private static int UnquotedValueEnd(ReadOnlySpan<byte> s, int pos)
    {
        var i = pos;
        while (i < s.Length)
        {
            var b = s[i];
            if (b == (byte)';')
            {
                return i;
            }
            if (b is (byte)' ' or (byte)'\t')
            {
                var j = i;
                while (j < s.Length && s[j] is (byte)' ' or (byte)'\t')
                {
                    j++;
                }
                if (j < s.Length && LooksLikeParameter(s, j))
                {
                    return i;
                }
                if (j < s.Length && s[j] == (byte)'(')
                {
                    var k = j;
                    SkipComment(s, ref k);
                    while (k < s.Length && s[k] is (byte)' ' or (byte)'\t')
                    {
                        k++;
                    }
                    if (k >= s.Length || s[k] == (byte)';' || LooksLikeParameter(s, k))
                    {
                        return i;
                    }
                }
                i = j;
                continue;
            }
            i++;
        }
        return i;
    }

    private static bool LooksLikeParameter(ReadOnlySpan<byte> s, int i)
    {
        var start = i;
        while (i < s.Length && IsTokenByte(s[i]))
        {
            i++;
        }
        if (i == start)
        {
            return false;
        }
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }
        return i < s.Length && s[i] == (byte)'=';
    }

    // RFC 2045 token: printable ASCII except blanks and tspecials.
    private static bool IsTokenByte(byte b) =>
        b is > 32 and < 127 && b is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'@' or (byte)',' or (byte)';'
            or (byte)':' or (byte)'\\' or (byte)'"' or (byte)'/' or (byte)'[' or (byte)']' or (byte)'?' or (byte)'=');

    private static void SkipToSemicolon(ReadOnlySpan<byte> s, ref int pos)
    {
        var inQuote = false;
        while (pos < s.Length)
        {
            var b = s[pos];
            if (b == (byte)'"')
            {
                inQuote = !inQuote;
            }
            else if (b == (byte)';' && !inQuote)
            {
                return;
            }
            pos++;
        }
    }

    private static void SkipCfws(ReadOnlySpan<byte> s, ref int pos)
    {
        while (pos < s.Length)
        {
            if (s[pos] is (byte)' ' or (byte)'\t')
            {
                pos++;
            }
            else if (s[pos] == (byte)'(')
            {
                SkipComment(s, ref pos);
            }
            else
            {
                return;
            }
        }
    }

    // Comments nest and may hold quoted pairs (RFC 5322 section 3.2.2); an unclosed one runs to the end.
    private static void SkipComment(ReadOnlySpan<byte> s, ref int pos)
    {
        var depth = 0;
        while (pos < s.Length)
        {
            var b = s[pos++];
            if (b == (byte)'\\')
            {
                pos++;
            }
            else if (b == (byte)'(')
            {
                depth++;
            }
            else if (b == (byte)')' && --depth == 0)
            {
                return;
            }
        }
        pos = Math.Min(pos, s.Length);
    }

    internal static string DecodeValueBytes(ReadOnlySpan<byte> value, string name, DefectSink? defects, long offset)
    {
        // Boundaries are compared byte for byte later; never reinterpret them as encoded words.
        if (value.IndexOf("=?"u8) >= 0 && !name.Equals("boundary", StringComparison.OrdinalIgnoreCase))
        {
            return HeaderText.Decode(value, defects, offset);
        }
        return HeaderText.Unfold(value);
    }

    internal static string Latin1(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b);
}
