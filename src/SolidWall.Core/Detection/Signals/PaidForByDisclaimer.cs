using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// The disclaimer campaign communications must carry: "Paid for by Doe for Mayor", "Not authorized by any
/// candidate or candidate's committee", and as a campaign's mail in the district's other languages translates it:
/// Spanish "Pagado por …", French "Payé par …", Polish "Opłacone przez …", Haitian Creole "Peye pa …", Tagalog
/// "Binayaran ng …", and on a line of its own Ukrainian "Оплачено …", Arabic "مدفوع من …", Chinese "由…支付" or
/// "…委员会支付", Vietnamese "Được trả bởi …". Flattened exports run words together
/// ("Paid for byMark", "Notauthorized"), so spaces are optional. Traps: "paid for by the PTA / the district /
/// a grant / your tuition", and ethics lessons that quote the rule.
/// Two signals read it, so that each has its own weight: <c>PaidForByDisclaimer</c> where the disclaimer stands in the
/// message's own words (a campaign's mail carries its own), and <c>PaidForByDisclaimerQuoted</c> where it stands only in
/// what the message quotes or forwards: a relay, but as often a report to the ethics office quoting the blast.
/// </summary>
/// <param name="place">Where a disclaimer counts: <see cref="Place.Anywhere"/> is campaign context for <see cref="NoCampaignContext"/>.</param>
internal sealed class PaidForByDisclaimer(PaidForByDisclaimer.Place place = PaidForByDisclaimer.Place.OwnWords) : ISignal
{
    internal enum Place
    {
        OwnWords,
        Quoted,
        Anywhere,
    }

    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "paid\\s*for\\s*by|pagad[oa]\\s+por\\b|pay[ée]e?\\s+par\\b|op[łl]acon[eya]\\s+przez\\b|peye\\s+pa\\b|binayaran\\s+ng\\b"
        + "|not\\s*authori[sz]ed\\s*by\\s*any\\s*candidate|no\\s+(?:est[aá]\\s+)?autorizad[oa]\\s+por\\s+ning[uú]n\\s+candidato",
        ["paid", "pagad", "payé", "paye", "opłacon", "oplacon", "peye", "binayaran", "authori", "autorizad"]);

    // The disclaimer in the scripts the lexicon leaves out, where a campaign's translated mail puts it: on a line of its
    // own ("Оплачено: Zielińska for the 33rd", "مدفوع من أصدقاء دانا أورتيز", "Friends of Dana Ortiz 竞选委员会支付"). Not
    // a word in a sentence: "مدفوعة" is also a paid internship, "оплачено" the benches a ward's fund paid for.
    private static readonly LazyRegex OtherScriptsTrigger = PhraseScan.Lazy(
        "(?:^|\\n)[ \\t>]*(?:оплачено|оплачений|оплачена)\\b"
        + "|(?:^|\\n)[ \\t>]*(?:مدفوع|مدفوعة)\\s+(?:من|بواسطة)\\s"
        + "|(?:^|\\n)[ \\t>]*由[^\\n。]{1,60}(?:支付|出资|出資)"
        + "|(?:^|\\n)[^\\n]{0,80}(?:委员会|委員會)\\s*(?:支付|出资|出資)[ \\t。.]*(?:$|\\n)"
        + "|(?:^|\\n)[ \\t>]*(?:được\\s+trả\\s+(?:tiền\\s+)?bởi|do\\s+[^\\n]{1,60}\\s+chi\\s+trả[ \\t.]*(?:$|\\n))");

    // What follows an innocent "paid for by".
    private static readonly LazyRegex InnocentPayer = PhraseScan.Lazy(
        "^[\\s:]*(?:the\\s+|our\\s+|your\\s+|their\\s+|a\\s+|an\\s+|la\\s+|el\\s+|los\\s+|las\\s+|una?\\s+|tu\\s+|su\\s+|sus\\s+|nuestr[oa]s?\\s+"
        + "|l['’]|le\\s+|les\\s+|notre\\s+|nos\\s+|vos\\s+|votre\\s+|ang\\s+|mga\\s+|aming\\s+|inyong\\s+)?"
        + "(?:pta|pto|district|school|board\\s+of\\s+education|city|state|county|parents?|families|taxpayers?|tax|grants?|title\\s+i|federal\\s+funds|"
        + "federal|own|tuition|donations?|sponsors?|foundation|company|employer|insurance|department|university|college|students?|teachers?|staff|"
        + "escuela|distrito|padres|familias|asociaci[oó]n|beca|subvenci[oó]n|adelantado|cliente|empresa|tarjeta|cheque|efectivo|ciudad|estado|fondos|"
        // French, Polish, Haitian Creole, Tagalog: the school, the district, the parents, the city, a grant.
        + "[ée]cole|district|ape|parents|familles|ville|mairie|association|bourse|subvention|employeur|"
        + "szko[łl]\\w*|rad\\w*\\s+rodzic\\w*|rodzic\\w*|gmin\\w*|miast\\w*|dystrykt\\w*|"
        + "lek[òo]l|distri|paran|fanmi|vil|leta|"
        + "paaralan|distrito|magulang|lungsod|pamahalaan)\\b");

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy("\\bdisclaimers?\\b|\\baviso\\s+legal\\b|\\bmust\\s+(?:include|carry|say)\\b");

    public string Name => place == Place.Quoted ? "PaidForByDisclaimerQuoted" : "PaidForByDisclaimer";

    public double Weight => 4.0;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Literature];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (place == Place.Quoted && context.OwnWordsEnd >= context.Text.Length)
        {
            return null; // nothing quoted or forwarded in the text
        }

        // The quoted signal fires only where the message's own words carry no disclaimer, in any language.
        var found = place switch
        {
            Place.Anywhere => Find(context, Anywhere, AnywhereOnALine),
            Place.OwnWords => Find(context, OwnWords, OwnWordsOnALine),
            _ => Find(context, OwnWords, OwnWordsOnALine) is null ? Find(context, QuotedOnly, QuotedOnALine) : null,
        };
        if (found is null)
        {
            return null;
        }

        // Quote the disclaimer up to the end of its sentence or line, which names the payer.
        for (var i = 0; i < found.Count; i++)
        {
            var e = found[i];
            var field = e.Where == "subject" ? context.Subject : context.Text;
            var start = e.Offset - field.BaseOffset;
            var end = start + e.Length;
            // A disclaimer found on a line of its own is quoted from its first word, not from the line break before it.
            while (start < end && field.Original[start] is '\n' or '\r' or ' ' or '\t' or '>')
            {
                start++;
            }

            while (end < field.Length && end - start < 100 && field.Original[end] is not ('\n' or '\r' or '.' or '|' or '[' or '('))
            {
                end++;
            }

            found[i] = field.At(start, end - start);
        }

        return new SignalHit(Categories, found);
    }

    // What a match must be to count, for the lexicon's trigger (which names a payer that may be innocent) and for the
    // other scripts' (a line of its own already).
    private static readonly Func<DetectionContext, TextField, int, int, bool> Anywhere = static (_, field, index, length) => IsDisclaimer(field, index, length);
    private static readonly Func<DetectionContext, TextField, int, int, bool> OwnWords = static (ctx, field, index, length) => InOwnWords(ctx, field, index) && IsDisclaimer(field, index, length);
    private static readonly Func<DetectionContext, TextField, int, int, bool> QuotedOnly = static (ctx, field, index, length) => !InOwnWords(ctx, field, index) && IsDisclaimer(field, index, length);
    private static readonly Func<DetectionContext, TextField, int, int, bool> AnywhereOnALine = static (_, _, _, _) => true;
    private static readonly Func<DetectionContext, TextField, int, int, bool> OwnWordsOnALine = static (ctx, field, index, _) => InOwnWords(ctx, field, index);
    private static readonly Func<DetectionContext, TextField, int, int, bool> QuotedOnALine = static (ctx, field, index, _) => !InOwnWords(ctx, field, index);

    // A disclaimer in the lexicon's languages, else one on a line of its own in another script.
    private static List<Evidence>? Find(DetectionContext context, Func<DetectionContext, TextField, int, int, bool> accept, Func<DetectionContext, TextField, int, int, bool> acceptOnALine) =>
        PhraseScan.Find(context, Trigger, accept) ?? PhraseScan.FindInOtherScripts(context, OtherScriptsTrigger, acceptOnALine);

    private static bool InOwnWords(DetectionContext context, TextField field, int index) => field.Where != "text" || context.InOwnWords(index);

    private static bool IsDisclaimer(TextField field, int index, int length)
    {
        if (LookAlikes.AreNear(field, index, index + length, 80, OwnTraps))
        {
            return false;
        }

        var lower = field.Lower;
        // "Not authorized by any candidate" names no payer; every other form names one, which may be innocent.
        return lower[index] is 'n' || !InnocentPayer.IsMatch(lower.Slice(index + length, Math.Min(60, lower.Length - index - length)));
    }
}
