namespace SolidWall.Core.Text;

/// <summary>
/// Reads the charset an HTML part declares in its own &lt;meta&gt; when the MIME header gives none: many bulk
/// mailers leave Content-Type's charset out and rely on the page, as browsers do (HTML's prescan looks at the
/// first 1024 bytes; mail is sloppier, so a little more is read).
/// </summary>
internal static class HtmlCharset
{
    private const int PrescanBytes = 4096;

    public static string? Sniff(ReadOnlySpan<byte> html)
    {
        if (html.Length > PrescanBytes)
        {
            html = html[..PrescanBytes];
        }
        var i = 0;
        while (i < html.Length)
        {
            var found = IndexOfIgnoreCase(html[i..], "charset"u8);
            if (found < 0)
            {
                return null;
            }
            var j = i + found + 7;
            while (j < html.Length && html[j] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                j++;
            }
            if (j < html.Length && html[j] == '=')
            {
                j++;
                while (j < html.Length && html[j] is (byte)' ' or (byte)'"' or (byte)'\'')
                {
                    j++;
                }
                var start = j;
                while (j < html.Length && j - start < 40 && (char.IsAsciiLetterOrDigit((char)html[j]) || html[j] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.'))
                {
                    j++;
                }
                if (j > start)
                {
                    return System.Text.Encoding.ASCII.GetString(html[start..j]);
                }
            }
            i = j;
        }
        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var k = 0;
            while (k < lowerNeedle.Length && (haystack[i + k] | 0x20) == lowerNeedle[k])
            {
                k++;
            }
            if (k == lowerNeedle.Length)
            {
                return i;
            }
        }
        return -1;
    }
}
