using System.Text;

namespace SolidWall.Mime.Sources;

/// <summary>
/// The two header fields the mbox reader itself needs before the MIME parser sees the message: Content-Length
/// (mboxcl, mboxcl2) and X-Gmail-Labels (Google Vault and Takeout exports).
/// </summary>
internal static class MboxHeaders
{
    /// <summary>Finds the first field named <paramref name="name"/> in a header block and returns its raw value, folded lines included.</summary>
    public static bool TryGetField(ReadOnlySpan<byte> header, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int pos = 0;
        while (pos < header.Length)
        {
            var rest = header[pos..];
            int nl = rest.IndexOf((byte)'\n');
            int lineLen = nl < 0 ? rest.Length : nl + 1;
            if (rest.Length > name.Length && Ascii.EqualsIgnoreCase(rest[..name.Length], name))
            {
                var after = rest[name.Length..];
                int colon = after.IndexOfAnyExcept((byte)' ', (byte)'\t');
                if (colon >= 0 && after[colon] == (byte)':')
                {
                    // Value runs to the end of the last continuation line (lines starting with space or tab).
                    int end = lineLen;
                    while (end < rest.Length && (rest[end] == (byte)' ' || rest[end] == (byte)'\t'))
                    {
                        int next = rest[end..].IndexOf((byte)'\n');
                        end = next < 0 ? rest.Length : end + next + 1;
                    }
                    value = rest[(name.Length + colon + 1)..end];
                    return true;
                }
            }
            pos += lineLen;
        }
        value = default;
        return false;
    }

    /// <summary>The Content-Length value when it is a plain non-negative decimal number.</summary>
    public static long ContentLength(ReadOnlySpan<byte> header)
    {
        if (!TryGetField(header, "Content-Length"u8, out var value)) return -1;
        value = value.Trim(" \t\r\n"u8);
        if (value.IsEmpty || value.Length > 18) return -1;
        long n = 0;
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9') return -1;
            n = n * 10 + (b - '0');
        }
        return n;
    }

    /// <summary>
    /// The labels of an X-Gmail-Labels field: comma-separated, each optionally a quoted string
    /// (<c>Inbox,Important,"Category Personal"</c>); null when the field is absent.
    /// </summary>
    public static IReadOnlyList<string>? GmailLabels(ReadOnlySpan<byte> header)
    {
        if (!TryGetField(header, "X-Gmail-Labels"u8, out var value)) return null;
        var text = HeaderText.Unfold(value);
        var labels = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < text.Length) current.Append(text[++i]);
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') { quoted = true; any = true; }
            else if (c == ',') { Add(); }
            else if (c is '\r' or '\n') { }
            else current.Append(c);
        }
        Add();
        return labels;

        void Add()
        {
            var label = current.ToString().Trim();
            if (label.Length > 0 || any) labels.Add(label);
            current.Clear();
            any = false;
        }
    }
}
