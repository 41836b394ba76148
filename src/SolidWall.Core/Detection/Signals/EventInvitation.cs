using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// An invitation to a campaign event: rally, canvass, phone or text bank, fundraiser, watch party, meet and greet,
/// door knocking; Spanish "mitin", "caravana", "evento de campaña", "recaudación de fondos", "tocar puertas".
/// Needs campaign words near. A fundraiser is also fundraising. Traps: pep rallies, PTA and charity fundraisers,
/// bake sales, walk-a-thons, galas for scholarships.
/// </summary>
internal sealed class EventInvitation : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:rall(?:y|ies)|canvass(?:es|ing)?|canvas\\s+launch|phone\\s*-?\\s*bank(?:s|ing)?|text\\s*-?\\s*bank(?:s|ing)?|fund-?raisers?"
        + "|watch\\s+part(?:y|ies)|meet\\s+(?:and|&)\\s+greet|door\\s*-?\\s*knock(?:ing)?|block\\s+walk(?:s|ing)?|campaign\\s+(?:kick-?off|office\\s+opening|events?)"
        + "|election\\s+night\\s+part(?:y|ies)|mitin(?:es)?|caravanas?|evento\\s+de\\s+campa[ñn]a|recaudaci[oó]n\\s+de\\s+fondos|tocar\\s+puertas"
        + "|banco\\s+telef[oó]nico|fiesta\\s+para\\s+ver|reuni[oó]n\\s+con\\s+(?:el|la)\\s+candidat[oa])\\b",
        ["rall", "canvas", "bank", "fund", "watch part", "meet", "knock", "block walk", "campaign", "election night", "mitin", "caravana", "campaña", "campana", "recaudaci", "tocar puertas", "banco tele", "fiesta para ver", "reuni"],
        "watch", "walk", "night", "puertas", "telef", "fiesta");

    internal static readonly TrapPattern OwnTraps = new(
        "\\b(?:pep\\s+rally|bake\\s+sale|walk-?a-?thon|car\\s+wash|charity|food\\s+drive|book\\s+fair|carnival|scholarships?|booster"
        + "|benefit\\s+for|beneficencia|kermes|feria|caridad|venta\\s+de\\s+pasteles)\\b",
        "pep", "bake", "walk", "car", "charity", "food", "book", "carnival", "scholarship", "booster", "benefit", "beneficencia", "kermes", "feria", "caridad", "venta");

    public string Name => "EventInvitation";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Event, Detection.Categories.Fundraising];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, 300)
            && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps), needsCampaign: true);
        if (found is null)
        {
            return null;
        }

        var fundraiser = found.Exists(e => e.Text.Contains("fund", StringComparison.OrdinalIgnoreCase) || e.Text.Contains("fondos", StringComparison.OrdinalIgnoreCase));
        return new SignalHit(fundraiser ? [Detection.Categories.Fundraising, Detection.Categories.Event] : [Detection.Categories.Event], found);
    }
}
