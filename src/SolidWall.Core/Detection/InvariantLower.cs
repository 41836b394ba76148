using System.Text;

namespace SolidWall.Core.Detection;

/// <summary>
/// <see cref="string.ToLowerInvariant()"/>, with the same result, without its cost on mail holding one non-ASCII
/// character (a curly quote, a non-breaking space): from there the runtime hands the rest of the string to ICU,
/// one call per character. Here every character of the Basic Multilingual Plane is looked up in a table built
/// once from <see cref="char.ToLowerInvariant(char)"/>, which is the same mapping character by character; a
/// string holding a surrogate, whose pair lower-cases as one code point, is left to the runtime.
/// </summary>
internal static class InvariantLower
{
    private static readonly char[] Table = BuildTable();

    public static string Of(string text)
    {
        // All ASCII, or holding a surrogate: the runtime's own path, vectorised for the first (and returning the text
        // itself when it holds no capital).
        var firstOther = text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
        if (firstOther < 0 || text.AsSpan(firstOther).ContainsAnyInRange('\ud800', '\udfff'))
        {
            return text.ToLowerInvariant();
        }

        return string.Create(text.Length, text, static (span, source) => TryInto(source, span));
    }

    /// <summary>
    /// Writes <paramref name="text"/> lower-cased to the start of <paramref name="to"/>; false, with <paramref name="to"/>
    /// partly written, when the text holds a surrogate, whose pair lower-cases as one code point (<see cref="Of"/> then).
    /// </summary>
    public static bool TryInto(string text, Span<char> to)
    {
        // ASCII runs vectorised, the characters between them from the table.
        var table = Table;
        var j = 0;
        while (j < text.Length)
        {
            var run = text.AsSpan(j).IndexOfAnyExceptInRange('\0', '\x7f');
            var end = run < 0 ? text.Length : j + run;
            Ascii.ToLower(text.AsSpan(j, end - j), to[j..end], out _);
            for (j = end; j < text.Length && text[j] > '\x7f'; j++)
            {
                var c = text[j];
                if (char.IsSurrogate(c))
                {
                    return false;
                }

                to[j] = table[c];
            }
        }

        return true;
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = c is >= 0xd800 and <= 0xdfff ? (char)c : char.ToLowerInvariant((char)c);
        }

        return table;
    }
}
