using System.Globalization;
using System.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Lower-cases a character and folds its accents away, so that "Votación", "votación" and "votacion" become one
/// word for the model. A table covers the Basic Multilingual Plane, built once from Unicode decomposition; no
/// culture is involved, so the result is the same on every machine.
/// </summary>
internal static class TextFolding
{
    private static readonly char[] Table = Build();

    /// <summary>The folded form of <paramref name="c"/>: lower case, accents removed ('ß' and ligatures stay one char).</summary>
    public static char Fold(char c) => Table[c];

    private static char[] Build()
    {
        var table = new char[0x10000];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = c;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            table[i] = lower;
            if (lower < 0x80 || char.GetUnicodeCategory(lower) is not (UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter))
            {
                continue;
            }

            // Decompose (NFD) and keep the base letter when everything after it is a combining mark.
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x250 && char.IsLetter(decomposed[0]))
            {
                var allMarks = true;
                for (var k = 1; k < decomposed.Length; k++)
                {
                    allMarks &= CharUnicodeInfo.GetUnicodeCategory(decomposed[k]) == UnicodeCategory.NonSpacingMark;
                }

                if (allMarks)
                {
                    table[i] = decomposed[0];
                }
            }
        }

        // Letters that do not decompose but that writers often replace by their plain form.
        table['ł'] = 'l';
        table['Ł'] = 'l';
        table['đ'] = 'd';
        table['Đ'] = 'd';
        table['ø'] = 'o';
        table['Ø'] = 'o';
        table['\u2019'] = '\'';
        table['\u2018'] = '\'';
        table['\u02BC'] = '\'';
        return table;
    }
}
