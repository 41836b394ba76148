namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Finds a message's postscript: the paragraph that starts with "P.S." (or "PS", "P.P.S.", Spanish "P.D.", French
/// "P.-S.", Vietnamese "T.B.", Arabic "ملاحظة", Chinese "附言" / "又及") at the start of a line below the first, up to
/// the next blank line, and any postscript paragraphs after it. A campaign ask hidden in the P.S. of a routine class
/// newsletter is a handful of words after hundreds of ordinary ones: read with the whole text, whose vector has
/// unit length, its words weigh little, so the text model also reads the postscript on its own
/// (<see cref="TextModel.Score(string?, string, int)"/>). Quoted lines ("&gt; …") are never a postscript.
/// </summary>
internal static class Postscript
{
    /// <summary>Where the postscript starts in <paramref name="text"/> and how long it is; null when there is none.</summary>
    public static (int Start, int Length)? Find(string text)
    {
        var start = -1;
        var end = -1;
        var lineStart = text.IndexOf('\n') + 1; // never the first line: a message that is all postscript is read whole
        while (lineStart > 0 && lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimStart();
            if (line.IsEmpty || line[0] == '>')
            {
                // A blank line ends the postscript's paragraph; a later marker may open another.
                if (start >= 0 && end < 0)
                {
                    end = lineStart - 1;
                }
            }
            else if (MarkerLength(line) > 0)
            {
                if (start < 0)
                {
                    start = lineEnd - line.Length;
                }

                end = -1;
            }

            lineStart = lineEnd + 1;
        }

        if (start < 0)
        {
            return null;
        }

        end = end < 0 ? text.Length : end;
        var length = text.AsSpan(start, end - start).TrimEnd().Length;
        return length > 0 ? (start, length) : null;
    }

    /// <summary>
    /// The length of the postscript marker <paramref name="line"/> starts with, 0 when none: "P.S.", "P. S.",
    /// "P.P.S.", "PS:" or "ps " (a lone "PS" needs a colon, a comma, a dash or a blank after it), "P.D." or "PD:" (not
    /// "PD day"), "P.-S.", "T.B.", "ملاحظة", "附言", "又及".
    /// </summary>
    internal static int MarkerLength(ReadOnlySpan<char> line)
    {
        // Every marker starts with one of these: most lines are turned away on their first character.
        if (line.IsEmpty || line[0] is not ('p' or 'P' or 't' or 'T' or 'م' or '附' or '又'))
        {
            return 0;
        }

        foreach (var word in (ReadOnlySpan<string>)["ملاحظة", "附言", "又及"])
        {
            if (line.StartsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }

        if (line.Length < 2)
        {
            return 0;
        }

        var first = char.ToLowerInvariant(line[0]);
        if (first == 't')
        {
            return line.StartsWith("T.B.", StringComparison.Ordinal) || line.StartsWith("T.B:", StringComparison.Ordinal) ? 4 : 0;
        }

        if (first != 'p')
        {
            return 0;
        }

        // P, then an optional ".", ". ", ".-" or ".P." before the S (or D).
        var i = 1;
        var dotted = false;
        if (i < line.Length && line[i] == '.')
        {
            dotted = true;
            i++;
            if (i < line.Length && (line[i] == ' ' || line[i] == '-'))
            {
                i++;
            }

            if (i + 1 < line.Length && char.ToLowerInvariant(line[i]) == 'p' && line[i + 1] == '.')
            {
                i += 2;
            }
        }

        if (i >= line.Length)
        {
            return 0;
        }

        var letter = char.ToLowerInvariant(line[i]);
        if (letter != 's' && letter != 'd')
        {
            return 0;
        }

        i++;
        if (i == line.Length)
        {
            return 0;
        }

        var next = line[i];
        if (next == '.' || next == ':')
        {
            return i + 1;
        }

        if (char.IsLetterOrDigit(next))
        {
            return 0;
        }

        // "P.S ", "PS -", "ps, " — but an undotted "PD" only with a colon: "PD day" and "PD hours" are training days.
        return letter == 's' || dotted ? i : 0;
    }
}
