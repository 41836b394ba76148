using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Signature gathering to put a candidate or question on the ballot: nominating petitions, petition sheets and
/// circulators, "collect signatures", "ballot access"; Spanish "peticiones de nominación", "recolectar firmas".
/// Needs campaign words near ("ballot" counts). Traps: permission slips, online petitions to the school board,
/// Local School Council nominations.
/// </summary>
internal sealed class PetitionDrive : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:nominating\\s+petitions?|nomination\\s+petitions?|nominating\\s+papers|petition\\s+(?:sheets?|signatures?|circulators?|drive|gathering)"
        + "|ballot\\s+access|(?:collect|gather|get|need)(?:ing)?\\s+(?:\\d[\\d,]*\\s+)?(?:more\\s+)?signatures"
        + "|sign\\s+(?:the|our|my)\\s+(?:nominating\\s+)?petitions?|circulat(?:e|ing)\\s+petitions?"
        + "|peticiones?\\s+de\\s+nominaci[oó]n|(?:recolectar|recoger|juntar|reunir)\\s+firmas|firmas\\s+para|firma\\s+(?:la|nuestra)\\s+petici[oó]n)",
        ["petition", "ballot access", "signature", "petici", "firma", "nominating papers"],
        "nominating", "ballot");

    private static readonly Regex OwnTraps = PhraseScan.Compile(
        "\\bpermission\\s+slips?\\b|\\bchange\\.org\\b|\\bfield\\s+trip\\b|\\bpermiso\\b|\\breport\\s+cards?\\b");

    public string Name => "PetitionDrive";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Petition];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, 300)
            && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps), needsCampaign: true);
        return found is null ? null : new SignalHit(Categories, found);
    }
}
