using System.Text;

namespace SolidWall.Mime.Decoding;

/// <summary>
/// Decodes UTF-7 (RFC 2152), which old clients still label some mail with and which .NET no longer decodes
/// without an obsolete switch: "+" opens modified base64 of UTF-16 code units, "+-" is a literal "+".
/// </summary>
internal static class Utf7Decoder
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i++];
            if (b != (byte)'+')
            {
                sb.Append(b < 0x80 ? (char)b : '\uFFFD');
                continue;
            }
            if (i < bytes.Length && bytes[i] == (byte)'-')
            {
                sb.Append('+');
                i++;
                continue;
            }
            int bits = 0, acc = 0;
            while (i < bytes.Length)
            {
                var v = Base64Value(bytes[i]);
                if (v < 0)
                {
                    break;
                }
                i++;
                acc = (acc << 6) | v;
                bits += 6;
                if (bits >= 16)
                {
                    bits -= 16;
                    sb.Append((char)((acc >> bits) & 0xFFFF));
                    acc &= (1 << bits) - 1;
                }
            }
            // The '-' that closes a base64 run is absorbed (RFC 2152, rule 2).
            if (i < bytes.Length && bytes[i] == (byte)'-')
            {
                i++;
            }
        }
        return sb.ToString();
    }

    private static int Base64Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
