using System.Buffers;
using System.Buffers.Text;

namespace SolidWall.Mime.Decoding;

/// <summary>
/// Base64 (RFC 2045 section 6.8) as mail clients read it: line breaks and invalid characters are skipped,
/// missing padding is tolerated, and whatever follows the padding is ignored. Clean input (only line breaks
/// besides the alphabet) takes the vectorised <see cref="Base64"/> path.
/// </summary>
internal static class Base64Lenient
{
    private static readonly sbyte[] Values = BuildValues();

    private static sbyte[] BuildValues()
    {
        var t = new sbyte[256];
        Array.Fill(t, (sbyte)-1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < alphabet.Length; i++)
        {
            t[alphabet[i]] = (sbyte)i;
        }
        return t;
    }

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
            // Squeeze out the line breaks so one vectorised call can decode the whole body.
            var n = 0;
            var rest = src;
            while (true)
            {
                var k = rest.IndexOfAny((byte)'\r', (byte)'\n');
                if (k < 0)
                {
                    rest.CopyTo(rented.AsSpan(n));
                    n += rest.Length;
                    break;
                }
                rest[..k].CopyTo(rented.AsSpan(n));
                n += k;
                rest = rest[(k + 1)..];
            }
            var compact = rented.AsSpan(0, n);
            if ((n & 3) == 0)
            {
                var pads = n == 0 ? 0 : compact[^1] == (byte)'=' ? (compact[^2] == (byte)'=' ? 2 : 1) : 0;
                var result = new byte[n / 4 * 3 - pads];
                if (Base64.DecodeFromUtf8(compact, result, out var consumed, out var written) == OperationStatus.Done
                    && consumed == n && written == result.Length)
                {
                    return result;
                }
            }
            var w = DecodeLenient(src, rented, out var problem);
            if (problem is not null)
            {
                defects?.Add("base64-invalid", problem, offset);
            }
            return rented.AsSpan(0, w).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The most bytes <paramref name="length"/> base64 characters can decode to.</summary>
    public static int MaxDecodedLength(int length) => (length / 4 * 3) + 3;

    /// <summary>
    /// Decodes skipping anything outside the alphabet; stops at the first alphabet character after padding.
    /// <paramref name="dest"/> must hold <see cref="MaxDecodedLength"/> bytes. Returns the bytes written.
    /// </summary>
    public static int DecodeLenient(ReadOnlySpan<byte> src, Span<byte> dest, out string? problem)
    {
        problem = null;
        int acc = 0, n = 0, w = 0;
        var padded = false;
        foreach (var b in src)
        {
            var v = Values[b];
            if (v >= 0)
            {
                if (padded)
                {
                    problem = "data after base64 padding ignored";
                    return w;
                }
                acc = (acc << 6) | (byte)v;
                if (++n == 4)
                {
                    dest[w] = (byte)(acc >> 16);
                    dest[w + 1] = (byte)(acc >> 8);
                    dest[w + 2] = (byte)acc;
                    w += 3;
                    n = 0;
                    acc = 0;
                }
            }
            else if (b == (byte)'=')
            {
                w = Flush(acc, n, dest, w);
                n = 0;
                acc = 0;
                padded = true;
            }
            else if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t'))
            {
                problem ??= $"invalid base64 character 0x{b:X2} skipped";
            }
        }
        if (n == 1)
        {
            problem ??= "base64 ends with a lone character";
        }
        return Flush(acc, n, dest, w);
    }

    // The bits of a partial final quad: two characters hold one byte, three hold two.
    private static int Flush(int acc, int n, Span<byte> dest, int w)
    {
        if (n == 2)
        {
            dest[w++] = (byte)(acc >> 4);
        }
        else if (n == 3)
        {
            dest[w++] = (byte)(acc >> 10);
            dest[w++] = (byte)(acc >> 2);
        }
        return w;
    }
}
