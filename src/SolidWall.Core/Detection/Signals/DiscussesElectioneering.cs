using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// The author writes <em>about</em> campaign material instead of passing it on: a report to the ethics office or
/// the inspector general, a refusal ("district policy doesn't allow", "I'm not going to recruit students", "take me
/// off your list"), a correction, a civics lesson or news clipping, union minutes, ethics
/// training. Negative weights, so that a lesson quoting "Paid for by …" or a report forwarding the offending
/// email stays allowed unless the rest is overwhelming. Only the author's own words count (the subject and
/// Body segments), so a campaign cannot forward its way out by quoting one.
/// </summary>
/// <param name="framing">
/// Which kind of writing about it: <see cref="Framing.Stance"/>, the author takes a stand against the campaign's mail
/// (a report, a refusal, a correction, an apology, "prohibited"), or <see cref="Framing.LessonOrNews"/>, the author
/// presents it as a lesson, a news clipping or minutes. Two signals with their own fitted weights: a campaign's own
/// mail often says "article" or "questions:", and seldom "I'm reporting this" or "prohibited".
/// </param>
internal sealed class DiscussesElectioneering(DiscussesElectioneering.Framing framing = DiscussesElectioneering.Framing.Stance) : ISignal
{
    internal enum Framing
    {
        Stance,
        LessonOrNews,
    }

    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:inspector\\s+general|oig\\b|office\\s+of\\s+(?:the\\s+)?(?:inspector\\s+general|ethics)|ethics\\s+(?:office|officer|training|board|complaint)|hatch\\s+act"
        + "|oficina\\s+de\\s+[eé]tica|capacitaci[oó]n\\s+de\\s+[eé]tica|not\\s+eligible|no\\s+(?:es|son)\\s+elegibles?"
        + "|should\\s+not\\s+have|shouldn't\\s+have|no\\s+deb[ií]\\s+(?:haber|reenviar|compartir)|may\\s+not\\s+be\\s+used|not\\s+allowed\\s+to|no\\s+pueden\\s+(?:usar|compartir|contar)"
        + "|prohibited|prohibid[oa]s?|complaint|queja|denuncia\\w*|(?:i\\s+am|i'm|we\\s+are)\\s+reporting|reporting\\s+(?:this|it)|forwarding\\s+(?:this\\s+|it\\s+)?(?:to\\s+you\\s+)?as\\s+instructed"
        + "|apologi[sz]\\w*|disculp\\w*|remove\\s+(?:all\\s+|our\\s+)?(?:district\\s+)?addresses|did\\s+not\\s+click"
        // A breach of the institution's rules, not a campaign's charge that someone broke the law; an investigation, not
        // "investigative" journalism.
        + "|violat\\w*\\s+(?:of\\s+)?(?:[\\w'’]+\\s+){0,3}(?:polic(?:y|ies)|rules?|code|ethics|ordinance|hatch|board)\\b|(?:a|separate|possible|potential|clear|no|not\\s+a)\\s+violation"
        + "|investigat(?:e|es|ed|ing|ion|ions|or|ors)\\b|correction|correcci[oó]n"
        // Refusals: the author declines to pass the campaign's request on.
        + "|(?:doesn't|does\\s+not)\\s+(?:allow|permit)\\s+(?:campaign|political)|(?:i|we)(?:'m|\\s+am|\\s+are)\\s+not\\s+going\\s+to\\s+(?:share|forward|send|post|hand|recruit|distribute|promote|pass)"
        + "|(?:take|remove)\\s+(?:me|it|us|this\\s+address|my\\s+address)\\s+(?:off|from)\\s+(?:your|the)\\s+(?:list|mailing)|stop\\s+(?:sending|emailing|using\\s+this)"
        + "|no\\s+(?:puedo|podemos|voy\\s+a|vamos\\s+a)\\s+(?:\\w+\\s+)?(?:compartir|reenviar|repartir|enviar|reclutar|promover|pasar|poner)|(?:dejen|deje)\\s+de\\s+(?:enviar|mandar|escribir)|s[aá]quen(?:me|nos)\\s+de|no\\s+est[aá]\\s+permitid[oa]"
        // The same in French, Polish, Haitian Creole and Tagalog: prohibited, not allowed, should not have, an apology,
        // a correction, the ethics office, a complaint, stop sending, I will not pass it on.
        + "|\\binterdit(?:e|s|es)?\\b|\\bpas\\s+(?:le\\s+droit|permis|autoris[ée]e?s?)\\b|\\bn'(?:aurais|aurait|aurions|auriez|auraient)\\s+pas\\s+d[uû]|\\b(?:mes|nos)\\s+excuses\\b|\\bje\\s+m'excuse"
        + "|\\brectificatif|\\b(?:bureau|service|office)\\s+d'[ée]thique|\\bplainte\\b|\\b(?:arr[êe]tez|cessez)\\s+(?:de\\s+m'envoyer|d'envoyer)|\\bretirez[- ]moi"
        + "|\\bje\\s+ne\\s+vais\\s+pas\\s+(?:partager|transmettre|distribuer|envoyer|recruter|faire\\s+passer)"
        + "|\\bzabronion\\w*|\\bnie\\s+wolno\\b|\\b(?:nie|nie\\s+jest|nie\\s+s[ąa])\\s+dozwolon\\w*|\\bniedozwolon\\w*|\\bnie\\s+powin(?:nam|ienem|ni[śs]my|na|ien|no)\\b|\\bprzeprasza\\w*"
        + "|\\bsprostowani\\w*|\\betyki\\b|\\bskarg[aięe]\\w*|\\bprosz[ęe]\\s+nie\\s+(?:pisa[ćc]|wysy[łl]a[ćc]|przesy[łl]a[ćc])"
        + "|\\bnie\\s+mog[ęe]\\s+(?:\\w+\\s+)?(?:zbiera[ćc]|rozdawa[ćc]|przekaza[ćc]|udost[ęe]pni[ćc]|wysy[łl]a[ćc]|rozsy[łl]a[ćc]|promowa[ćc])"
        + "|\\bpa\\s+gen\\s+dwa\\b|\\bpa\\s+ta\\s+(?:dwe|sipoze)\\b|\\beskize\\b|\\bkoreksyon\\b|\\bbiwo\\s+etik\\b|\\bsispann\\s+voye\\b"
        + "|\\bbawal\\b|\\bhindi\\s+(?:po\\s+)?(?:pinapayagan|pinahihintulutan|dapat)\\b|\\bpaumanhin\\b|\\bpagtatama\\b|\\breklamo\\b"
        + "|\\bhuwag\\s+(?:na\\s+)?(?:po\\s+)?(?:ninyo\\s+|nyo\\s+)?(?:ipasa|ikalat|ipamigay|magpadala|ipadala))",
        ["inspector", "oig", "ethic", "ética", "etica", "hatch", "eligible", "should not", "shouldn't", "may not", "not allowed", "prohibit", "prohibid", "complaint", "queja", "denunci",
         "reporting", "apolog", "disculp", "remove", "not click", "no debí", "no debi", "no pueden", "violat", "investigat", "correction", "corrección", "correccion",
         "allow", "permit", "not going", "take", "stop", "no puedo", "no podemos", "no voy", "no vamos", "dejen", "deje", "saquen", "sáquen", "permitid",
         "interdit", "droit", "permis", "autoris", "aurai", "excuse", "rectificatif", "éthique", "ethique", "plainte", "envoyer", "retirez", "ne vais pas",
         "zabronion", "nie wolno", "dozwolon", "niedozwolon", "nie powin", "przeprasza", "sprostowani", "etyki", "skarg", "nie pisa", "nie wysy", "nie przesy", "nie mog",
         "gen dwa", "ta dwe", "ta sipoze", "eskize", "koreksyon", "etik", "sispann",
         "bawal", "hindi", "paumanhin", "pagtatama", "reklamo", "huwag"],
        "elegible", "should", "debi", "debí", "may", "allowed", "pueden", "instructed", "click", "aurions", "auriez", "auraient", "dozwolon", "mes excuses", "nos excuses",
        // One word of each anchor of several, for a match that breaks the line between them.
        "going", "puedo", "podemos", "voy", "vamos", "wolno", "powin", "mog", "pisa", "wysy", "przesy", "vais", "dwa", "dwe", "sipoze");

    // A lesson, a news clipping or minutes: the author frames campaign material as something to study or record.
    private static readonly PhrasePattern LessonOrNewsTrigger = PhraseScan.WordTrigger(
        "\\b(?:lesson(?:\\s+plan)?\\b|lecci[oó]n\\b|scavenger\\s+hunt|discussion\\s+questions"
        + "|questions?\\s*:|preguntas?\\s*:"
        + "|(?:the\\s+|this\\s+)?article\\b|art[ií]culo\\b|tribune"
        // Minutes of a meeting, not a duration ("five minutes", "a few minutes early").
        + "|(?:meeting|board|lsc|union|council|committee|session|draft|approved|official|the|our|these|those|\\w+'s)\\s+minutes\\b)",
        ["lesson", "lecci", "scavenger", "question", "pregunta", "article", "artículo", "articulo", "tribune", "minutes"]);

    // The stance in Ukrainian, Vietnamese, Arabic and Chinese, whose letters stay out of the lexicon (OtherScripts).
    private static readonly LazyRegex OtherScriptsTrigger = PhraseScan.Lazy(
        "заборон\\w*|не\\s+можна|не\\s+дозвол\\w*|не\\s+(?:слід|повин\\w*)|не\\s+мав(?:ла|ли)?\\s+права|вибача\\w*|перепрошу\\w*|виправлення"
        + "|етичн\\w*\\s+(?:офіс|відділ)\\w*|офіс\\w*\\s+(?:з\\s+)?етики|скарг\\w*|не\\s+надсилайте|прошу\\s+не\\s+(?:пересилати|надсилати|писати)"
        + "|bị\\s+cấm|\\bcấm\\b|không\\s+được\\s+phép|không\\s+nên|xin\\s+lỗi|đính\\s+chính|văn\\s+phòng\\s+(?:đạo\\s+đức|liêm\\s+chính)|khiếu\\s+nại|(?:xin\\s+)?rút\\s+lại"
        + "|ممنوع|محظور|غير\\s+مسموح|لا\\s+يجوز|لا\\s+يسمح|[أا]عتذر|اعتذار|نعتذر|تصحيح|مكتب\\s+(?:ال)?(?:أخلاقيات|نزاهة)|شكوى|يرجى\\s+عدم|(?:ما|لم)\\s+(?:كان|يكن)\\s+(?:يجب|ينبغي)"
        + "|禁止|不允许|不允許|不准|不应该|不應該|不该|不該|道歉|抱歉|对不起|對不起|更正|伦理办公室|倫理辦公室|道德办公室|道德辦公室|投诉|投訴|举报|舉報|请勿|請勿|不要再");

    // "Questions:" heads a worksheet; "six questions:", "5 quick questions:", "tres preguntas:" count a survey's.
    private static readonly LazyRegex SurveyCount = PhraseScan.Lazy(
        "\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|few|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|unas|algunas)\\s+"
        + "(?:(?:quick|short|simple|brief|easy|little|r[aá]pidas?|cortas?|breves?|sencillas?)\\s+)?$");

    private readonly PhrasePattern _trigger = framing == Framing.Stance ? Trigger : LessonOrNewsTrigger;

    public string Name => framing == Framing.Stance ? "DiscussesElectioneering" : "DiscussesElectioneeringAsLessonOrNews";

    public double Weight => framing == Framing.Stance ? -4.0 : -2.0;

    public IReadOnlyList<string> Categories { get; } = [];

    public IEnumerable<PhrasePattern> Phrases => [_trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        // Without campaign words there is nothing for it to outweigh. A registered candidate named by first name or
        // surname alone counts, as it does for RegisteredCandidateNamed ("bà Marsh" in a teacher's correction).
        if (context.IsSegment || !(context.MayMentionCampaign || RegisteredCandidateNamed.NamesACandidate(context)))
        {
            return null;
        }

        // The author's own words: the subject, and the text that is no quote or forward (DetectionContext.InOwnWords).
        var found = PhraseScan.Find(context, _trigger, (ctx, field, index, _) => (field.Where == "subject" || ctx.InOwnWords(index))
            && (framing == Framing.Stance || !CountsASurveysQuestions(field, index)));
        if (framing == Framing.Stance)
        {
            found ??= PhraseScan.FindInOtherScripts(context, OtherScriptsTrigger, static (ctx, field, start, _) => field.Where == "subject" || ctx.InOwnWords(start));
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    // A match of "questions:" or "preguntas:" after a count ("one minute, six questions:").
    private static bool CountsASurveysQuestions(TextField field, int index)
    {
        var lower = field.Lower;
        var match = lower.Slice(index);
        if (!match.StartsWith("question", StringComparison.Ordinal) && !match.StartsWith("pregunta", StringComparison.Ordinal))
        {
            return false;
        }

        var from = Math.Max(0, index - 30);
        return SurveyCount.IsMatch(lower.Slice(from, index - from));
    }
}
