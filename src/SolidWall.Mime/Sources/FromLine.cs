namespace SolidWall.Mime.Sources;

/// <summary>
/// Recognises the mbox "From " separator line (the From_ line: <c>From sender date</c>).
/// </summary>
/// <remarks>
/// The rule, chosen to split the way mutt and Thunderbird do without splitting a body line such as
/// "From the desk of the principal":
/// <list type="bullet">
/// <item>The first line of a file that starts with "From " is always a separator.</item>
/// <item>Elsewhere a line is a separator when it starts with "From ", then a sender (a word, or a quoted string),
/// then a date: a time token (<c>hh:mm</c> or <c>hh:mm:ss</c>) and a four-digit year together with a month name
/// (ctime / asctime, with or without weekday and zone), or an ISO date <c>yyyy-mm-dd</c>. A preceding blank line is
/// not required, since real files written by careless tools lack it.</item>
/// <item>When a Content-Length header lands exactly on a line starting with "From ", that line is a separator even
/// if its date is unusual.</item>
/// </list>
/// </remarks>
internal static class FromLine
{
    private static ReadOnlySpan<byte> Prefix => "From "u8;

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>True when the line starts with "From " (case-sensitive, as every mbox writer writes it).</summary>
    public static bool StartsWithFrom(ReadOnlySpan<byte> line) => line.StartsWith(Prefix);

    /// <summary>True when <paramref name="line"/> (up to its line end, which may be missing) has the shape <c>From sender date</c>.</summary>
    public static bool LooksLikeFromLine(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith(Prefix)) return false;
        int nl = line.IndexOf((byte)'\n');
        if (nl >= 0) line = line[..nl];
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        var rest = line[Prefix.Length..];

        // The sender: a quoted string or a run of non-blank bytes.
        if (rest.IsEmpty || rest[0] == (byte)' ' || rest[0] == (byte)'\t') return false;
        int senderEnd;
        if (rest[0] == (byte)'"')
        {
            int close = rest[1..].IndexOf((byte)'"');
            if (close < 0) return false;
            senderEnd = close + 2;
        }
        else
        {
            senderEnd = rest.IndexOfAny((byte)' ', (byte)'\t');
            if (senderEnd < 0) return false;
        }

        bool time = false, year = false, month = false, iso = false;
        var date = rest[senderEnd..];
        while (!date.IsEmpty)
        {
            int start = date.IndexOfAnyExcept((byte)' ', (byte)'\t');
            if (start < 0) break;
            date = date[start..];
            int end = date.IndexOfAny((byte)' ', (byte)'\t');
            var token = end < 0 ? date : date[..end];
            date = end < 0 ? ReadOnlySpan<byte>.Empty : date[end..];
            if (IsTime(token)) time = true;
            else if (token.Length == 4 && IsDigits(token)) year = true;
            else if (IsMonth(token)) month = true;
            else if (IsIsoDate(token)) iso = true;
        }

        return (time && year && month) || iso;
    }

    private static bool IsDigits(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
            if (b is < (byte)'0' or > (byte)'9') return false;
        return !s.IsEmpty;
    }

    private static bool IsTime(ReadOnlySpan<byte> t)
    {
        // h:mm, hh:mm, hh:mm:ss
        int c1 = t.IndexOf((byte)':');
        if (c1 is < 1 or > 2 || !IsDigits(t[..c1])) return false;
        var rest = t[(c1 + 1)..];
        if (rest.Length == 2) return IsDigits(rest);
        return rest.Length == 5 && rest[2] == (byte)':' && IsDigits(rest[..2]) && IsDigits(rest[3..]);
    }

    private static bool IsMonth(ReadOnlySpan<byte> t)
    {
        if (t.Length < 3) return false;
        Span<char> m = stackalloc char[3];
        for (int i = 0; i < 3; i++) m[i] = (char)(t[i] | 0x20);
        foreach (var name in Months)
            if (m.SequenceEqual(name)) return t.Length == 3 || t[3] == (byte)',';
        return false;
    }

    private static bool IsIsoDate(ReadOnlySpan<byte> t) =>
        t.Length >= 10 && IsDigits(t[..4]) && t[4] == (byte)'-' && IsDigits(t[5..7]) && t[7] == (byte)'-' && IsDigits(t[8..10]);
}
