namespace SolidWall.Core.Text;

/// <summary>
/// A writer's own signature block under her words: from the line that is her name, as her display name gives it ("Gail
/// Henshaw", "Dr. Rosalind Teague", "Mr. Leary"), to the end of the text, when what follows the name is a few short lines
/// of title, school, address and telephone. The same block stands under everything a member of staff writes and says
/// nothing of what she asks; read as her words, its school words and its length outweighed a relayed ask (held out,
/// a five-line block under every ask from staff hid 225 of them with the district's registry, docs/DETECTION.md "stop
/// 37"). The text model reads it as blanks (<see cref="Blank"/>, offsets kept); the signals read it as written, since a
/// block can name a campaign ("Volunteer Coordinator, Friends of Dana Ortiz").
/// </summary>
internal static class SignatureBlock
{
    /// <summary>A block has at most this many lines, the name's included.</summary>
    public const int MaxLines = 8;

    /// <summary>A block's line is at most this long: a title, a school, an address, a telephone.</summary>
    public const int MaxLineLength = 80;

    private static readonly HashSet<string> Titles = new(["dr", "mr", "mrs", "ms", "mx", "prof", "coach", "sr", "sra", "srta", "pani", "pan"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="text"/> with the signature block of the writer named <paramref name="displayName"/> turned into
    /// blanks (line breaks kept); the same instance when there is none or no name.
    /// </summary>
    public static string Blank(string text, string? displayName) =>
        string.IsNullOrEmpty(text) || Find(text, displayName) is not { } start ? text : BlankFrom(text, start);

    /// <summary><paramref name="text"/> from <paramref name="start"/> on turned into blanks, line breaks kept.</summary>
    public static string BlankFrom(string text, int start) => string.Create(text.Length, (text, start), static (span, state) =>
    {
        state.text.CopyTo(span);
        for (var i = state.start; i < span.Length; i++)
        {
            if (span[i] is not ('\n' or '\r'))
            {
                span[i] = ' ';
            }
        }
    });

    /// <summary>Where the block starts (its name line), or null: the text's last lines are not the named writer's block.</summary>
    public static int? Find(string text, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return null;
        }

        // Read from the display name only once a line could be the name line: most texts end in a sentence.
        string[]? name = null;

        // The text's last lines, bottom up, trailing blank lines aside, while each is a name line or reads as a signature's
        // (a title, a school, an address, a telephone); the highest name line found so far starts the block.
        var end = text.AsSpan().TrimEnd().Length;
        int? start = null;
        var lines = 0;
        for (var lineEnd = end; lineEnd > 0 && lines < MaxLines;)
        {
            var lineStart = text.LastIndexOf('\n', lineEnd - 1) + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart).Trim();
            if (line.IsEmpty || line.Length > MaxLineLength || IsSentence(line))
            {
                break;
            }

            lines++;
            if (IsNameLine(line, name ??= NameWords(displayName)))
            {
                start = lineStart;
            }
            else if (!IsSignatureLine(line))
            {
                break;
            }

            lineEnd = lineStart - 1;
        }

        // A name alone is a sign-off, not a block.
        return start is { } s && text.AsSpan(s, end - s).Contains('\n') ? s : null;
    }

    // A line that asks or tells: it ends a sentence with "!" or "?", or is a quoted line or a postscript.
    private static bool IsSentence(ReadOnlySpan<char> line) =>
        line[^1] is '!' or '?' || line[0] == '>' || line.StartsWith("P.S", StringComparison.OrdinalIgnoreCase) || line.StartsWith("PS", StringComparison.Ordinal);

    // A title, a school, an address or a telephone: a digit, an address or a link, or most of its words capitalised
    // ("Science Department Chair", "Escuela Primaria Farragut", "Department of Education"). "Please sign up for Saturday"
    // is a sentence, however short.
    private static bool IsSignatureLine(ReadOnlySpan<char> line)
    {
        if (line.ContainsAnyInRange('0', '9') || line.Contains('@') || line.Contains("www.", StringComparison.OrdinalIgnoreCase) || line.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        var (words, capitalised) = (0, 0);
        foreach (var range in line.SplitAny(" \t,|/"))
        {
            var word = line[range];
            if (word.IsEmpty || !char.IsLetter(word[0]))
            {
                continue;
            }

            words++;
            capitalised += char.IsUpper(word[0]) ? 1 : 0;
        }

        return words > 0 && capitalised * 10 >= words * 6;
    }

    // Every word of the line is one of the writer's name words or a title, and one at least is a name word.
    private static bool IsNameLine(ReadOnlySpan<char> line, string[] name)
    {
        var named = false;
        foreach (var range in line.SplitAny(" \t,.-"))
        {
            var word = line[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (Contains(name, word))
            {
                named = true;
            }
            else if (!Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return false;
            }
        }

        return named;
    }

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "Gail Henshaw" gives gail, henshaw; "Henshaw, Gail (Harborview HS)" gives henshaw, gail, harborview, hs: every word of
    // two letters or more that is no title.
    private static string[] NameWords(string displayName) =>
        [.. displayName.Split([' ', '\t', ',', '.', '(', ')', '"', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 2 && w.All(char.IsLetter) && !Titles.Contains(w))];
}
