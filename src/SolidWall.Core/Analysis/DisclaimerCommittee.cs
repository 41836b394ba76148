using System.Text.RegularExpressions;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Reads the committee a campaign disclaimer names: "Paid for by [the] Committee to Re-elect Dana Ortiz",
/// "Authorized by Doe for Mayor", "Pagado por [el] Comité …", and as the district's other languages write it (French
/// "Payé par", Polish "Opłacone przez", Haitian Creole "Peye pa", Tagalog "Binayaran ng", Vietnamese "Được trả bởi", and
/// on a line of its own Ukrainian "Оплачено" and Arabic "مدفوع من": the forms <c>PaidForByDisclaimer</c> reads that put
/// the payer after them). The name runs to the end of its line or sentence and
/// loses what follows it ("and not authorized by any candidate", a street address, a link) and trailing
/// corporate noise ("Inc.", "LLC"). "Paid for by the PTA / the district / a grant" names no committee.
/// </summary>
internal static partial class DisclaimerCommittee
{
    private const int MaxName = 100;

    [GeneratedRegex(
        @"(?:\bpaid\s*for\s*by|\bpagad[oa]\s+por|(?<!not\s{1,3})(?<!no\s{1,3})\bauthori[sz]ed\s+by|(?<!no\s{1,3})\bautorizad[oa]\s+por"
        + @"|\bpay[ée]e?\s+par|\bop[łl]acon[eya]\s+przez|\bpeye\s+pa|\bbinayaran\s+ng|\bđược\s+trả\s+(?:tiền\s+)?bởi"
        + @"|(?:^|\n)[ \t>]*(?:оплачено|оплачений|оплачена)|(?:^|\n)[ \t>]*(?:مدفوع|مدفوعة)\s+(?:من|بواسطة))"
        + @"[\s:\-–]*(?:(?:the|el|la|los|las|le|les|ang|mga)\s+|l['’])?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trigger();

    // Whatever follows the name: the not-authorised clause, a street address, a link or a second sentence.
    [GeneratedRegex(
        @"(?:[,;]?\s+(?:and|y)\s+(?:is\s+)?not\s+authori|[,;]?\s+(?:y\s+)?no\s+(?:est[aá]\s+)?autorizad|[,;]?\s*not\s+authori|\s+https?://|\s+www\.|,\s*\d|\s+\d{2,}\s|\s+-\s|\s+—\s|\s+\|)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tail();

    [GeneratedRegex(@"(?:[,\s]+(?:inc|llc|l\.l\.c|ltd|corp|pac\s+inc)\.?)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CorporateNoise();

    [GeneratedRegex(
        @"^(?:our|your|their|a|an|its|his|her|my|tu|su|sus|una?|nuestr[oa]s?)\b|^(?:pta|pto|district|school|board\s+of\s+education|city|state|county|parents?|families|taxpayers?|tax|grants?|title\s+i|federal|own|tuition|donations?|sponsors?|foundation|company|employer|insurance|department|university|college|students?|teachers?|staff|escuela|distrito|padres|familias|beca|ciudad|estado|fondos|any\s+candidate|ning[uú]n\s+candidato"
        + @"|[ée]cole|ape|parents|familles|ville|mairie|bourse|subvention|szko[łl]\w*|rad\w*\s+rodzic\w*|gmin\w*|miast\w*"
        + @"|lek[òo]l|distri|paran|fanmi|paaralan|magulang|lungsod)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InnocentPayer();

    /// <summary>The committee named by the last disclaimer in the text (the one at the foot), or null.</summary>
    public static string? Find(string text)
    {
        if (string.IsNullOrEmpty(text) || !MayHold(text))
        {
            return null;
        }

        string? found = null;
        foreach (Match match in Trigger().Matches(text))
        {
            if (NameAt(text, match.Index + match.Length) is { } name)
            {
                found = name;
            }
        }

        return found;
    }

    private static readonly System.Buffers.SearchValues<string> Words = System.Buffers.SearchValues.Create(
        ["paid", "pagad", "authori", "autorizad", "payé", "paye p", "opłacon", "oplacon", "peye", "binayaran", "được trả", "оплачен", "مدفوع"],
        StringComparison.OrdinalIgnoreCase);

    private static bool MayHold(string text) => text.AsSpan().ContainsAny(Words);

    private static string? NameAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && end - start < MaxName && text[end] is not ('\n' or '\r' or '|' or '(' or '[' or '<'))
        {
            // A full stop ends the name unless it closes an initial ("J. Smith") or an abbreviation ("Inc.", "St.").
            if (text[end] == '.' && (end + 1 >= text.Length || char.IsWhiteSpace(text[end + 1])) && !IsAbbreviation(text, start, end))
            {
                break;
            }

            end++;
        }

        var name = text[start..end];
        if (Tail().Match(name) is { Success: true } tail)
        {
            name = name[..tail.Index];
        }

        name = CorporateNoise().Replace(name.Trim(), "");
        name = name.Trim().TrimEnd('.', ',', ';', ':', '!', '?', '"', '\'', '”', '’', ')', '*', '-').Trim();
        // A name is capitalised, or written in a script without capitals (Arabic, Chinese).
        if (name.Length < 3 || InnocentPayer().IsMatch(name) || !name.Any(c => char.IsUpper(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter))
        {
            return null;
        }

        return string.Join(' ', name.Split((char[])[' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || word is "Inc" or "St" or "Jr" or "Sr" or "Mt" or "Ft" or "Dr" or "Co";
    }
}
