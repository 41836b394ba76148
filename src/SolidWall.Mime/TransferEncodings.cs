namespace SolidWall.Mime;

/// <summary>Content-Transfer-Encoding decoders (RFC 2045 section 6): base64, quoted-printable, 7bit, 8bit, binary, x-uuencode.</summary>
public static class TransferEncodings
{
    /// <summary>
    /// Decodes a body. Unknown encodings leave the bytes as they are and record a defect; malformed input is
    /// decoded as far as it goes, leniently, as mail clients do.
    /// </summary>
    public static byte[] Decode(ReadOnlySpan<byte> body, string? encoding, DefectSink? defects = null, long offset = -1)
    {
        // Placeholder until the real decoders land.
        return body.ToArray();
    }
}
