using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// An ask for money next to campaign words, without a platform link or a named candidate pattern: "would you
/// chip in? … I'm running for the school board seat", "haz una donación a la campaña". Traps: PTA, booster,
/// charity and school fundraising, marketing campaigns, a union's hardship fund.
/// </summary>
internal sealed class CampaignDonationAsk : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:chip(?:\\s+|-)in|donate|make\\s+a\\s+(?:donation|contribution)|contribute|give\\s+\\$\\s*\\d+|pitch\\s+in|venmo\\s+@|checks?\\s+(?:can\\s+be\\s+)?(?:made\\s+)?(?:out\\s+|payable\\s+)to"
        + "|dona(?:r)?\\b|haz\\s+una\\s+donaci[oó]n|contribuye|aporta(?:r)?\\b|cheques?\\s+a\\s+nombre\\s+de)",
        ["chip in", "chip-in", "donat", "contribut", "give $", "pitch in", "dona", "contribuye", "aporta", "venmo", "checks", "cheques"],
        "chip", "give", "pitch", "check", "cheque");

    internal static readonly TrapPattern OwnTraps = new(
        "\\b(?:charity|food\\s+(?:drive|pantry)|book\\s+fair|bake\\s+sale|scholarship|booster|hardship\\s+fund|walk-?a-?thon|gofundme|red\\s+cross|united\\s+way"
        + "|blood\\s+drive|coat\\s+drive|toy\\s+drive|caridad|beneficencia|despensa|colecta\\s+de)\\b",
        "charity", "food", "book", "bake", "scholarship", "booster", "hardship", "walk", "gofundme", "red", "united", "blood", "coat", "toy", "caridad", "beneficencia", "despensa", "colecta");

    public string Name => "CampaignDonationAsk";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Fundraising];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, 250)
            && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps), needsCampaign: true);
        return found is null ? null : new SignalHit(Categories, found);
    }
}
