using System.Buffers;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Detection;

/// <summary>
/// Finds where a text model term stands in a field's text, so that a verdict's evidence points at the words the
/// model read rather than at the term as the model spells it: the model folds digits to 0 ("0th and" is "5th and",
/// "00" is "28"), accents away ("sabado" is "sábado"), keeps a long word's stem ("jedyn…" is "jedynka") and pairs
/// words across punctuation, a line break or, in Chinese, nothing at all ("大 家" is "大家"); a link or an address is
/// read as its host or domain ("host:secure.actblue.com", alone or in a pair), and the stem all hosts share ("host:…", the
/// model's count of a message's links) as the first link. A word ends before an apostrophe that no letter follows
/// ("parents' night"), as the tokenizer ends it.
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

        // The stem of every link's host ("host:…") or every address's domain ("domai…"): the model counts the message's links
        // or addresses there, and the first one stands for them.
        if (term is LinksStem or AddressesStem)
        {
            return term == LinksStem ? FirstHost(lower) : FirstDomain(lower);
        }

        // A link's host or an address's domain, alone or in a pair ("url host:www.example.org", "domain:gmail.com email"):
        // the host as written in the link, which is what sets the term apart.
        if (HostIn(term) is { } host)
        {
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

    /// <summary>The model's term for the stem every link's host shares: the message's links, counted.</summary>
    public const string LinksStem = "host:…";

    /// <summary>The model's term for the stem every address's domain shares: the message's e-mail addresses, counted.</summary>
    public const string AddressesStem = "domai…";

    // The host of the first link in the text, as the tokenizer reads one: after a scheme's "://", or from a "www." that
    // starts a word.
    private static (int Start, int Length) FirstHost(ReadOnlySpan<char> lower)
    {
        var first = -1;
        for (var from = 0; from < lower.Length;)
        {
            var scheme = lower[from..].IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                break;
            }

            scheme += from;
            if (scheme > 0 && char.IsAsciiLetter(lower[scheme - 1]))
            {
                first = scheme + 3;
                break;
            }

            from = scheme + 3;
        }

        for (var from = 0; from < lower.Length;)
        {
            var www = lower[from..].IndexOf("www.", StringComparison.Ordinal);
            if (www < 0 || (first >= 0 && www + from >= first))
            {
                break;
            }

            www += from;
            if (www == 0 || !char.IsLetterOrDigit(lower[www - 1]))
            {
                first = www;
                break;
            }

            from = www + 4;
        }

        return first < 0 ? (-1, 0) : (first, HostLength(lower, first));
    }

    // The domain of the first e-mail address in the text: after an '@' with a letter or digit before it and a dot after.
    private static (int Start, int Length) FirstDomain(ReadOnlySpan<char> lower)
    {
        for (var from = 0; from < lower.Length;)
        {
            var at = lower[from..].IndexOf('@');
            if (at < 0)
            {
                break;
            }

            at += from;
            var length = HostLength(lower, at + 1);
            if (at > 0 && char.IsLetterOrDigit(lower[at - 1]) && lower.Slice(at + 1, length).Contains('.'))
            {
                return (at + 1, length);
            }

            from = at + 1;
        }

        return (-1, 0);
    }

    private static int HostLength(ReadOnlySpan<char> lower, int start)
    {
        var end = start;
        while (end < lower.Length && (char.IsLetterOrDigit(lower[end]) || lower[end] is '.' or '-' or '_'))
        {
            end++;
        }

        return lower[start..end].TrimEnd('.').Length;
    }

    // The host or domain of the first link or address token of a term ("host:www.example.org" in "url host:www.example.org"),
    // or null when it has none. A term that ends at the token's stem ("host:…") names no host.
    private static string? HostIn(string term)
    {
        // Words never hold a ':' (the tokenizer splits there): most terms are passed at once.
        var colon = term.IndexOf(':');
        if (colon < 0)
        {
            return null;
        }

        var start = term.LastIndexOf(' ', colon) + 1;
        var prefix = term.AsSpan(start, colon + 1 - start);
        if (!prefix.SequenceEqual("host:") && !prefix.SequenceEqual("domain:"))
        {
            return null;
        }

        var end = term.IndexOf(' ', colon);
        var host = term[(colon + 1)..(end < 0 ? term.Length : end)];
        return host.Length == 0 || host.EndsWith('…') ? null : host;
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
                while (j < text.Length && !char.IsLetterOrDigit(text[j]))
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
            while (j < text.Length && ContinuesAWord(text, j))
            {
                j++;
            }

            return j;
        }

        return j < text.Length && ContinuesAWord(text, j) && !IsIdeograph(term[^1]) && !IsIdeograph(text[j]) ? -1 : j;
    }

    // Whether the char at j goes on with the word before it: a letter or digit, or an apostrophe before a letter ("Kurt's"),
    // as the tokenizer keeps it. An apostrophe that ends a word ("parents' night", "candidates’ filings") ends it here too.
    private static bool ContinuesAWord(string text, int j) =>
        char.IsLetterOrDigit(text[j]) || (text[j] is '\'' or '\u2019' && j + 1 < text.Length && char.IsLetter(text[j + 1]));

    // Words the mail system wrote (a gateway's warning, a confidentiality notice: blanked in the lower-cased copy,
    // MailBoilerplate) are not the sender's, and the model never read them: a term is not pointed at there.
    private static bool Blanked(string text, ReadOnlySpan<char> lower, int i) => lower[i] == ' ' && text[i] != ' ';

    // A char of the text against a char of the term: the term's '0' stands for any digit.
    private static bool Same(char textChar, char termChar) =>
        termChar == '0' ? char.IsDigit(textChar) : TextFolding.Fold(textChar) == termChar;

    private static bool IsIdeograph(char c) => c >= '\u2E80' && char.IsLetter(c);
}
