using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Signature gathering to put a candidate or question on the ballot: nominating petitions, petition sheets and
/// circulators, "collect signatures", "ballot access"; Spanish "peticiones de nominación", "recolectar firmas"; French
/// "feuilles de signatures", Polish "podpisy", Haitian Creole "siyati", Tagalog "petisyon", and outside the lexicon
/// (<see cref="OtherScripts.Petitions"/>) Ukrainian, Arabic, Chinese and Vietnamese.
/// Needs campaign words near ("ballot" counts). Traps: permission slips, online petitions to the school board,
/// Local School Council nominations, a lesson or homework on how a name gets on the ballot.
/// </summary>
internal sealed class PetitionDrive : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:nominating\\s+petitions?|nomination\\s+petitions?|nominating\\s+papers|petition\\s+(?:sheets?|signatures?|circulators?|drive|gathering)"
        + "|ballot\\s+access|(?:collect|gather|get|need)(?:ing)?\\s+(?:\\d[\\d,]*\\s+)?(?:more\\s+)?signatures"
        + "|sign\\s+(?:the|our|my)\\s+(?:nominating\\s+)?petitions?|circulat(?:e|ing)\\s+petitions?"
        + "|peticiones?\\s+de\\s+nominaci[oó]n|(?:recolectar|recoger|juntar|reunir)\\s+firmas|firmas\\s+para|firma\\s+(?:la|nuestra)\\s+petici[oó]n"
        // French, Polish, Haitian Creole, Tagalog: signature sheets, signatures short of the count, the petition.
        + "|feuilles?\\s+de\\s+signatures|p[ée]tition\\s+de\\s+candidature|manque\\s+(?:encore\\s+)?(?:environ\\s+)?(?:une\\s+)?(?:\\w+\\s+)?(?:de\\s+)?signatures"
        + "|podpis(?:y|[óo]w)\\b|petycj\\w*|siyati\\w*|petisyon\\b|pirma\\s+(?:sa|para\\s+sa)\\s+(?:petisyon|balota))",
        ["petition", "ballot access", "signature", "petici", "firma", "nominating papers", "pétition", "podpis", "petycj", "siyati", "petisyon", "pirma"],
        "nominating", "ballot");

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\bpermission\\s+slips?\\b|\\bchange\\.org\\b|\\bfield\\s+trip\\b|\\bpermiso\\b|\\breport\\s+cards?\\b"
        // A lesson or homework on how a name gets on the ballot, and a permission slip, in French, Polish, Haitian
        // Creole and Tagalog.
        + "|\\ble[çc]ons?\\b|\\bdevoirs?\\b|\\blekcj\\w*|\\bzadani\\w*\\s+domow\\w*|\\bleson\\b|\\bdevwa\\b|\\baralin\\b"
        + "|\\bautorisation\\s+parentale\\b|\\bzgod(?:a|y|[ęe])\\b|\\botorizasyon\\b|\\bpahintulot\\b");

    public string Name => "PetitionDrive";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Petition];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, Circulated, needsCampaign: true);
        if (found is null && context.MayMentionCampaign)
        {
            found = PhraseScan.FindInOtherScripts(context, OtherScripts.Petitions, static (ctx, field, index, length) =>
                Circulated(ctx, field, index, length) && !OtherScripts.Lessons.IsMatch(field.Around(index, index + length, 250)));
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    // Campaign words near, and no permission slip, field trip or lesson.
    private static bool Circulated(DetectionContext context, TextField field, int index, int length) =>
        CampaignTerms.IsNear(context, field, index, index + length, 300) && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps);
}
