namespace SolidWall.Core.Analysis;

/// <summary>
/// Finds the salutation a mail merge puts at the top of each copy ("Hi Maria,", "Dear Mr. Lopez,", "Estimado/a Ana:",
/// "Chère Claire,"), so that per-recipient copies of one blast normalise to the same words. Only a short line (or
/// the short clause before the first comma or colon of a line) that starts with a greeting word, among the first
/// three non-blank lines, is taken; anything else is left alone.
/// </summary>
internal static class Greetings
{
    private const int LinesToLook = 3;
    private const int MaxGreetingLine = 60;
    private const int MaxGreetingClause = 40;
    private const int MaxGreetingWords = 6;

    // Folded (lower-case, accents removed): one word, or the first two words of a two-word greeting.
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // English
        "hi", "hello", "hey", "heya", "hiya", "howdy", "dear", "dearest", "greetings", "good morning", "good afternoon",
        "good evening", "good day", "mr", "mrs", "ms", "mx", "dr",
        // Spanish
        "hola", "estimado", "estimada", "estimados", "estimadas", "querido", "querida", "queridos", "queridas",
        "apreciado", "apreciada", "apreciados", "apreciadas", "distinguido", "distinguida", "saludos", "buenos dias",
        "buenas tardes", "buenas noches", "senor", "senora", "senorita", "sr", "sra", "srta",
        // French
        "bonjour", "bonsoir", "salut", "coucou", "cher", "chere", "chers", "cheres", "madame", "monsieur", "mesdames",
        "messieurs",
        // German, Italian, Portuguese, Dutch
        "hallo", "liebe", "lieber", "liebes", "sehr geehrte", "sehr geehrter", "guten tag", "guten morgen", "guten abend",
        "moin", "servus", "ciao", "caro", "cara", "cari", "care", "gentile", "gentili", "gentilissimo", "gentilissima",
        "egregio", "buongiorno", "buonasera", "salve", "ola", "oi", "prezado", "prezada", "prezados", "bom dia",
        "boa tarde", "boa noite", "beste", "geachte", "hoi",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The range [start, end) of <paramref name="text"/> that holds the greeting, or (0, 0) when there is none.
    /// <paramref name="text"/> may be in Unicode form KD (accents as separate combining marks).
    /// </summary>
    public static (int Start, int End) Find(string text)
    {
        var lineStart = 0;
        var looked = 0;
        while (lineStart < text.Length && looked < LinesToLook)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var next = newline < 0 ? text.Length : newline + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var lead = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
            {
                lineStart = next;
                continue;
            }

            looked++;
            if (StartsWithGreeting(trimmed))
            {
                if (trimmed.Length <= MaxGreetingLine && CountWords(trimmed) <= MaxGreetingWords && (EndsLikeGreeting(trimmed) || trimmed.Length <= MaxGreetingClause))
                {
                    return (lineStart, next);
                }

                var cut = trimmed[..Math.Min(trimmed.Length, MaxGreetingClause)].IndexOfAny(",:!");
                if (cut > 0 && CountWords(trimmed[..cut]) <= MaxGreetingWords)
                {
                    return (lineStart, lineStart + lead + cut + 1);
                }
            }

            lineStart = next;
        }

        return (0, 0);
    }

    private static bool EndsLikeGreeting(ReadOnlySpan<char> line) => line[^1] is ',' or ':' or '!' or ';';

    private static bool StartsWithGreeting(ReadOnlySpan<char> line)
    {
        Span<char> buffer = stackalloc char[40];
        var length = 0;
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (c is >= '\u0300' and <= '\u036f')
            {
                continue; // an accent after KD decomposition: "señor" reads as "senor"
            }

            if (char.IsLetter(c))
            {
                if (length == buffer.Length)
                {
                    break;
                }

                buffer[length++] = char.ToLowerInvariant(c);
                inWord = true;
                continue;
            }

            if (!inWord)
            {
                return false; // a greeting line starts with its greeting word
            }

            if (words == 0 && Lookup.Contains(buffer[..length]))
            {
                return true;
            }

            words++;
            if (words == 2 || c is not (' ' or '.'))
            {
                break;
            }

            if (c == '.' || length == buffer.Length)
            {
                return false;
            }

            buffer[length++] = ' ';
            inWord = false;
        }

        return Lookup.Contains(buffer[..length]);
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = !char.IsWhiteSpace(c);
            if (word && !inWord)
            {
                count++;
            }

            inWord = word;
        }

        return count;
    }
}
