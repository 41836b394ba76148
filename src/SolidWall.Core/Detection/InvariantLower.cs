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
        // All ASCII, or holding a surrogate: the runtime's own path, vectorised for the first.
        var firstOther = text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
        if (firstOther < 0 || text.AsSpan(firstOther).ContainsAnyInRange('\ud800', '\udfff'))
        {
            return text.ToLowerInvariant();
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            // ASCII runs vectorised, the characters between them from the table.
            var table = Table;
            var j = 0;
            while (j < source.Length)
            {
                var run = source.AsSpan(j).IndexOfAnyExceptInRange('\0', '\x7f');
                var end = run < 0 ? source.Length : j + run;
                Ascii.ToLower(source.AsSpan(j, end - j), span[j..end], out _);
                for (j = end; j < source.Length && source[j] > '\x7f'; j++)
                {
                    span[j] = table[source[j]];
                }
            }
        });
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
