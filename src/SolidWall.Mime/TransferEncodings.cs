using SolidWall.Mime.Decoding;

namespace SolidWall.Mime;

/// <summary>Content-Transfer-Encoding decoders (RFC 2045 section 6): base64, quoted-printable, 7bit, 8bit, binary, x-uuencode.</summary>
public static class TransferEncodings
{
    /// <summary>The encodings this reader understands, as <see cref="Identify"/> names them.</summary>
    internal enum Kind
    {
        Identity,
        Base64,
        QuotedPrintable,
        UuEncode,
        Unknown,
    }

    /// <summary>
    /// Decodes a body. Unknown encodings leave the bytes as they are and record a defect; malformed input is
    /// decoded as far as it goes, leniently, as mail clients do. Never throws.
    /// </summary>
    public static byte[] Decode(ReadOnlySpan<byte> body, string? encoding, DefectSink? defects = null, long offset = -1)
    {
        switch (Identify(encoding))
        {
            case Kind.Base64:
                return Base64Lenient.Decode(body, defects, offset);
            case Kind.QuotedPrintable:
                return QuotedPrintable.Decode(body, defects, offset);
            case Kind.UuEncode:
                return UuEncoding.Decode(body, defects, offset);
            case Kind.Unknown:
                defects?.Add("transfer-encoding-unknown", $"Content-Transfer-Encoding '{Shorten(encoding!)}' is not known; body left as it is", offset);
                return body.ToArray();
            default:
                return body.ToArray();
        }
    }

    /// <summary>
    /// Names the encoding behind a header value, forgiving case, quotes, blanks and trailing junk
    /// ("Base64;", "\"quoted-printable\"", "8-bit"). Null or empty means 7bit (RFC 2045 section 6.1).
    /// </summary>
    internal static Kind Identify(string? encoding)
    {
        if (encoding is null)
        {
            return Kind.Identity;
        }
        var e = encoding.AsSpan().Trim().Trim("\"'");
        var cut = e.IndexOfAny(";, \t\r\n\"'(");
        if (cut >= 0)
        {
            e = e[..cut];
        }
        if (e.IsEmpty)
        {
            return Kind.Identity;
        }
        if (e.Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Base64;
        }
        if (e.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase)
            || e.Equals("quotedprintable", StringComparison.OrdinalIgnoreCase)
            || e.Equals("qp", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.QuotedPrintable;
        }
        if (e.Equals("7bit", StringComparison.OrdinalIgnoreCase) || e.Equals("8bit", StringComparison.OrdinalIgnoreCase)
            || e.Equals("binary", StringComparison.OrdinalIgnoreCase) || e.Equals("7-bit", StringComparison.OrdinalIgnoreCase)
            || e.Equals("8-bit", StringComparison.OrdinalIgnoreCase) || e.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Identity;
        }
        if (e.Equals("x-uuencode", StringComparison.OrdinalIgnoreCase) || e.Equals("uuencode", StringComparison.OrdinalIgnoreCase)
            || e.Equals("x-uue", StringComparison.OrdinalIgnoreCase) || e.Equals("uue", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.UuEncode;
        }
        return Kind.Unknown;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
