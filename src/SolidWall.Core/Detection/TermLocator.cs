using System.Buffers;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Detection;

/// <summary>
/// Finds where a text model term stands in a field's text, so that a verdict's evidence points at the words the
/// model read rather than at the term as the model spells it: the model folds digits to 0 ("0th and" is "5th and",
/// "00" is "28"), accents away ("sabado" is "sábado"), keeps a long word's stem ("jedyn…" is "jedynka") and pairs
/// words across punctuation, a line break or, in Chinese, nothing at all ("大 家" is "大家"); a link or an address is
/// read as its host or domain ("host:secure.actblue.com").
/// </summary>
internal static class TermLocator
{
    /// <summary>
    /// The first place in <paramref name="text"/> that reads as <paramref name="term"/> (lower case, as the model
    /// spells it; a trailing "…" marks a stem), whole words only: start and length, or (-1, 0).
    /// </summary>
    public static (int Start, int Length) Find(string text, string term) => Find(text, InvariantLower.Of(text), term);

    /// <summary>
    /// <see cref="Find(string, string)"/> with the text's lower-cased copy (<see cref="InvariantLower"/>, the same
    /// length), which a detection context already holds: a term is looked for in it by an ordinal search, where a
    /// search ignoring case ran char by char over any text holding a letter outside ASCII (a curly quote, an accent),
    /// and was half of what quoting the model's terms cost a verdict. Where the copy is blanked (a gateway's banner, a
    /// list's footer: <see cref="Text.MailBoilerplate"/>), no term is pointed at: the model never read those words.
    /// </summary>
    public static (int Start, int Length) Find(string text, ReadOnlySpan<char> lower, string term)
    {
        if (lower.Length != text.Length)
        {
            throw new ArgumentException("the lower-cased copy is not the text's", nameof(lower));
        }

        if (term.StartsWith("host:", StringComparison.Ordinal) || term.StartsWith("domain:", StringComparison.Ordinal))
        {
            var host = term.AsSpan(term.IndexOf(':') + 1);
            var at = lower.IndexOf(host, StringComparison.Ordinal);
            return at >= 0 ? (at, host.Length) : (-1, 0);
        }

        var stem = term.EndsWith('…');
        var core = stem ? term.AsSpan(0, term.Length - 1) : term.AsSpan();
        if (core.IsEmpty || text.Length == 0)
        {
            return (-1, 0);
        }

        // Most terms stand in the text as the model spells them: a vectorised search first, the char-by-char reading
        // only when that finds no whole word.
        if (!core.Contains('0'))
        {
            for (var from = 0; from < text.Length;)
            {
                var at = lower[from..].IndexOf(core, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                at += from;
                var end = MatchAt(text, at, core, stem);
                if (end > at && StartsAWord(text, at, core[0]))
                {
                    return (at, end - at);
                }

                from = at + 1;
            }
        }

        // The char-by-char reading, jumping (vectorised) between the places where the term's first char can stand.
        var first = core[0];
        var skip = first < 128 ? Skips[first] : null;
        for (var i = 0; i < text.Length; i++)
        {
            var next = skip is not null ? text.AsSpan(i).IndexOfAnyExcept(skip)
                : text.AsSpan(i).IndexOfAny(first, char.ToUpperInvariant(first));
            if (next < 0)
            {
                break;
            }

            i += next;
            if (!Same(text[i], first) || !StartsAWord(text, i, first) || Blanked(text, lower, i))
            {
                continue;
            }

            var end = MatchAt(text, i, core, stem);
            if (end > i)
            {
                return (i, end - i);
            }
        }

        return (-1, 0);
    }

    // For each ASCII first char of a term, the ASCII chars that cannot stand for it: all but the char in either case,
    // or all but the digits for '0'. Any other char (an accented letter folds to a plain one) is looked at.
    private static readonly SearchValues<char>?[] Skips = BuildSkips();

    private static SearchValues<char>?[] BuildSkips()
    {
        var skips = new SearchValues<char>?[128];
        for (var c = 0; c < 128; c++)
        {
            var others = new List<char>(128);
            for (var a = 0; a < 128; a++)
            {
                var standsFor = c == '0' ? a is >= '0' and <= '9' : char.ToLowerInvariant((char)a) == (char)c;
                if (!standsFor)
                {
                    others.Add((char)a);
                }
            }

            skips[c] = SearchValues.Create(others.ToArray());
        }

        return skips;
    }

    // A word starts after anything but a letter or digit ("Kurt's people" holds "s people"), and anywhere beside
    // Chinese, which runs its words and numbers together ("晚上6点").
    private static bool StartsAWord(string text, int i, char first) =>
        i == 0 || !char.IsLetterOrDigit(text[i - 1]) || IsIdeograph(first) || IsIdeograph(text[i - 1]);

    // Where a match of the term that starts at `start` ends, or -1.
    private static int MatchAt(string text, int start, ReadOnlySpan<char> term, bool stem)
    {
        var j = start;
        for (var k = 0; k < term.Length; k++)
        {
            var c = term[k];
            if (c == ' ')
            {
                // Between the words of a pair: anything that is no letter or digit, and nothing at all beside Chinese.
                var from = j;
                while (j < text.Length && !IsWordChar(text[j]))
                {
                    j++;
                }

                if (j == from && !(k > 0 && IsIdeograph(term[k - 1])) && !(k + 1 < term.Length && IsIdeograph(term[k + 1])))
                {
                    return -1;
                }

                continue;
            }

            if (j >= text.Length || !Same(text[j], c))
            {
                return -1;
            }

            j++;
        }

        if (stem)
        {
            while (j < text.Length && IsWordChar(text[j]))
            {
                j++;
            }

            return j;
        }

        return j < text.Length && IsWordChar(text[j]) && !IsIdeograph(term[^1]) && !IsIdeograph(text[j]) ? -1 : j;
    }

    // Words the mail system wrote (a gateway's warning, a confidentiality notice: blanked in the lower-cased copy,
    // MailBoilerplate) are not the sender's, and the model never read them: a term is not pointed at there.
    private static bool Blanked(string text, ReadOnlySpan<char> lower, int i) => lower[i] == ' ' && text[i] != ' ';

    // A char of the text against a char of the term: the term's '0' stands for any digit.
    private static bool Same(char textChar, char termChar) =>
        termChar == '0' ? char.IsDigit(textChar) : TextFolding.Fold(textChar) == termChar;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'' || c == '\u2019';

    private static bool IsIdeograph(char c) => c >= '\u2E80' && char.IsLetter(c);
}
