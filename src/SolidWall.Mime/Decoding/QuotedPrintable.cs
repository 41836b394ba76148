using System.Buffers;

namespace SolidWall.Mime.Decoding;

/// <summary>
/// Quoted-printable (RFC 2045 section 6.7) read leniently: soft breaks with CRLF or bare LF (and with the
/// trailing blanks transports add after the "="), lower-case hex, invalid "=XY" kept as written, and
/// trailing whitespace on each line removed as rule 3 requires.
/// </summary>
internal static class QuotedPrintable
{
    /// <summary>Decodes a body to an exactly-sized array.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> src, DefectSink? defects, long offset)
    {
        if (src.IsEmpty)
        {
            return [];
        }
        var rented = ArrayPool<byte>.Shared.Rent(src.Length);
        try
        {
            var w = Decode(src, rented, out var invalid);
            if (invalid)
            {
                defects?.Add("qp-invalid-escape", "'=' not followed by two hex digits or a line break; kept as written", offset);
            }
            return rented.AsSpan(0, w).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes into <paramref name="dest"/>, which must be at least as long as the input.</summary>
    public static int Decode(ReadOnlySpan<byte> src, Span<byte> dest, out bool invalid)
    {
        invalid = false;
        var w = 0;
        // Output before this index is decoded escapes or an earlier line: never trimmed as trailing blanks.
        var keep = 0;
        var i = 0;
        while (i < src.Length)
        {
            var k = src[i..].IndexOfAny((byte)'=', (byte)'\n');
            if (k < 0)
            {
                src[i..].CopyTo(dest[w..]);
                w += src.Length - i;
                w = TrimBlanks(dest, w, keep);
                break;
            }
            src.Slice(i, k).CopyTo(dest[w..]);
            w += k;
            i += k;
            if (src[i] == (byte)'\n')
            {
                // A hard line break: drop the line's trailing blanks, keep the break as written.
                var hadCr = w > keep && dest[w - 1] == (byte)'\r';
                if (hadCr)
                {
                    w--;
                }
                w = TrimBlanks(dest, w, keep);
                if (hadCr)
                {
                    dest[w++] = (byte)'\r';
                }
                dest[w++] = (byte)'\n';
                i++;
                keep = w;
                continue;
            }
            // src[i] is '='.
            var j = i + 1;
            if (j + 1 < src.Length && IsHex(src[j]) && IsHex(src[j + 1]))
            {
                dest[w++] = (byte)((Hex(src[j]) << 4) | Hex(src[j + 1]));
                keep = w;
                i = j + 2;
                continue;
            }
            // A soft break: "=" then optional blanks then CRLF, LF or the end of the body.
            while (j < src.Length && (src[j] == (byte)' ' || src[j] == (byte)'\t'))
            {
                j++;
            }
            if (j == src.Length)
            {
                i = j;
                keep = w;
                continue;
            }
            if (src[j] == (byte)'\n' || (src[j] == (byte)'\r' && (j + 1 == src.Length || src[j + 1] == (byte)'\n')))
            {
                i = src[j] == (byte)'\r' ? j + 2 : j + 1;
                keep = w;
                continue;
            }
            invalid = true;
            dest[w++] = (byte)'=';
            keep = w;
            i++;
        }
        return w;
    }

    private static int TrimBlanks(Span<byte> dest, int w, int keep)
    {
        while (w > keep && (dest[w - 1] == (byte)' ' || dest[w - 1] == (byte)'\t'))
        {
            w--;
        }
        return w;
    }

    internal static bool IsHex(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 5;

    internal static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
