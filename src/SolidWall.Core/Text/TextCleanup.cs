using System.Text;

namespace SolidWall.Core.Text;

/// <summary>
/// The last step for every text SolidWall keeps: line breaks as LF, no trailing whitespace on a line, no NULs,
/// no zero-width characters, no leading or trailing blank lines. Fingerprints and detectors compare words, so
/// invisible differences between two copies of the same message must not survive.
/// </summary>
internal static class TextCleanup
{
    public static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        AppendNormalized(sb, text);
        return sb.ToString();
    }

    /// <summary>
    /// Adds one line of a text being built line by line, as the attachment readers build theirs: an empty line only
    /// marks a paragraph break (<paramref name="blank"/>), so that no blank line stands at the start nor two in a row, and
    /// a line after one is set off by a blank line.
    /// </summary>
    public static void AppendLine(StringBuilder output, ReadOnlySpan<char> line, ref bool blank)
    {
        if (line.IsEmpty)
        {
            blank = output.Length > 0;
            return;
        }

        if (output.Length > 0)
        {
            output.Append(blank ? "\n\n" : "\n");
        }

        output.Append(line);
        blank = false;
    }

    /// <summary>Appends <paramref name="text"/> cleaned; the caller's earlier content is left alone.</summary>
    public static void AppendNormalized(StringBuilder sb, ReadOnlySpan<char> text)
    {
        var pendingSpaceStart = -1; // index in text where the run of not-yet-written blanks began
        var pendingBlankLines = 0;
        var anyContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        continue;
                    }
                    goto case '\n';
                case '\n':
                    pendingSpaceStart = -1;
                    if (anyContent)
                    {
                        pendingBlankLines++;
                    }
                    continue;
                case ' ' or '\t' or '\f' or '\v':
                    if (pendingSpaceStart < 0)
                    {
                        pendingSpaceStart = i;
                    }
                    continue;
                // Zero-width space, word joiner, BOM, soft hyphen: invisible, and a known way to split "d​o​n​a​t​e" past filters.
                case '\0' or '\u200B' or '\u2060' or '\uFEFF' or '\u00AD':
                    continue;
            }
            if (char.IsWhiteSpace(c))
            {
                // No-break and other Unicode spaces: kept inside a line, trimmed at its end like any blank.
                if (pendingSpaceStart < 0)
                {
                    pendingSpaceStart = i;
                }
                continue;
            }
            if (pendingBlankLines > 0)
            {
                sb.Append('\n', pendingBlankLines);
                pendingBlankLines = 0;
            }
            if (pendingSpaceStart >= 0)
            {
                for (var j = pendingSpaceStart; j < i; j++)
                {
                    var blank = text[j];
                    if (char.IsWhiteSpace(blank))
                    {
                        sb.Append(blank is '\f' or '\v' ? ' ' : blank);
                    }
                }
                pendingSpaceStart = -1;
            }
            sb.Append(c);
            anyContent = true;
        }
    }
}
