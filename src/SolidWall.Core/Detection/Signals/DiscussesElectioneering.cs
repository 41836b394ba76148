using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// The author writes <em>about</em> campaign material instead of passing it on: a report to the ethics office or
/// the inspector general, a refusal ("district policy doesn't allow", "I'm not going to recruit students", "take me
/// off your list"), a correction, a civics lesson or news clipping, union minutes, ethics
/// training. A negative weight, so that a lesson quoting "Paid for by …" or a report forwarding the offending
/// email stays allowed unless the rest is overwhelming. Only the author's own words count (the subject and
/// Body segments), so a campaign cannot forward its way out by quoting one.
/// </summary>
internal sealed class DiscussesElectioneering : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:inspector\\s+general|oig\\b|office\\s+of\\s+(?:the\\s+)?(?:inspector\\s+general|ethics)|ethics\\s+(?:office|officer|training|board|complaint)|hatch\\s+act"
        + "|oficina\\s+de\\s+[eé]tica|capacitaci[oó]n\\s+de\\s+[eé]tica|lesson(?:\\s+plan)?\\b|lecci[oó]n\\b|scavenger\\s+hunt|discussion\\s+questions|questions?\\s*:|preguntas?\\s*:"
        + "|(?:the\\s+|this\\s+)?article\\b|art[ií]culo\\b|tribune|minutes\\b|not\\s+eligible|no\\s+(?:es|son)\\s+elegibles?"
        + "|should\\s+not\\s+have|shouldn't\\s+have|no\\s+deb[ií]\\s+(?:haber|reenviar|compartir)|may\\s+not\\s+be\\s+used|not\\s+allowed\\s+to|no\\s+pueden\\s+(?:usar|compartir|contar)"
        + "|prohibited|prohibid[oa]s?|complaint|queja|denuncia\\w*|(?:i\\s+am|i'm|we\\s+are)\\s+reporting|reporting\\s+(?:this|it)|forwarding\\s+(?:this\\s+|it\\s+)?(?:to\\s+you\\s+)?as\\s+instructed"
        + "|apologi[sz]\\w*|disculp\\w*|remove\\s+(?:all\\s+|our\\s+)?(?:district\\s+)?addresses|did\\s+not\\s+click|violat\\w+|investigat\\w+|correction|correcci[oó]n"
        // Refusals: the author declines to pass the campaign's request on.
        + "|(?:doesn't|does\\s+not)\\s+(?:allow|permit)\\s+(?:campaign|political)|(?:i|we)(?:'m|\\s+am|\\s+are)\\s+not\\s+going\\s+to\\s+(?:share|forward|send|post|hand|recruit|distribute|promote|pass)"
        + "|(?:take|remove)\\s+(?:me|it|us|this\\s+address|my\\s+address)\\s+(?:off|from)\\s+(?:your|the)\\s+(?:list|mailing)|stop\\s+(?:sending|emailing|using\\s+this)"
        + "|no\\s+(?:puedo|podemos|voy\\s+a|vamos\\s+a)\\s+(?:\\w+\\s+)?(?:compartir|reenviar|repartir|enviar|reclutar|promover|pasar|poner)|(?:dejen|deje)\\s+de\\s+(?:enviar|mandar|escribir)|s[aá]quen(?:me|nos)\\s+de|no\\s+est[aá]\\s+permitid[oa])",
        ["inspector", "oig", "ethic", "ética", "etica", "hatch", "lesson", "lecci", "scavenger", "question", "pregunta", "article", "artículo", "articulo",
         "tribune", "minutes", "eligible", "should not", "shouldn't", "may not", "not allowed", "prohibit", "prohibid", "complaint", "queja", "denunci",
         "report", "reporting", "apolog", "disculp", "remove", "not click", "no debí", "no debi", "no pueden", "violat", "investigat", "correction", "corrección", "correccion",
         "allow", "permit", "not going", "off", "stop", "no puedo", "no podemos", "no voy", "no vamos", "dejen", "deje", "saquen", "sáquen", "permitid"],
        "elegible", "should", "debi", "debí", "may", "allowed", "pueden", "instructed", "click");

    public string Name => "DiscussesElectioneering";

    public double Weight => -4.0;

    public IReadOnlyList<string> Categories { get; } = [];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        // Without campaign words there is nothing for it to outweigh.
        if (context.IsSegment || !context.MayMentionCampaign)
        {
            return null;
        }

        // The author's own words: the subject, and the text up to the first quote or forward.
        var ownEnd = context.OwnWordsEnd;
        var found = PhraseScan.Find(context, Trigger, (_, field, index, _) => field.Where == "subject" || index < ownEnd, needsCampaign: true);
        return found is null ? null : new SignalHit(Categories, found);
    }
}
