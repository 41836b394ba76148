using System.Globalization;
using System.Text;

namespace SolidWall.Core.Analysis;

/// <summary>Readable ids from names: lower-case ASCII words joined by hyphens ("Committee to Re-elect Dana Ortiz" → "committee-to-re-elect-dana-ortiz").</summary>
internal static class Slug
{
    public static string Of(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "campaign" : slug;
    }
}
