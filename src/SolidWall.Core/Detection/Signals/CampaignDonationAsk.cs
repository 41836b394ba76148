using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// An ask for money next to campaign words, without a platform link or a named candidate pattern: "would you
/// chip in? … I'm running for the school board seat", "haz una donación a la campaña", French "faites un don", Polish
/// "wpłaćcie", Haitian Creole "fè yon don", Tagalog "mag-donate", and outside the lexicon Ukrainian "пожертвуйте",
/// Vietnamese "quyên góp", Arabic "تبرعوا", Chinese "捐款". Traps: PTA, booster,
/// charity and school fundraising, marketing campaigns, a union's hardship fund.
/// </summary>
internal sealed class CampaignDonationAsk : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:chip(?:\\s+|-)in|donate|make\\s+a\\s+(?:donation|contribution)|contribute|give\\s+\\$\\s*\\d+|pitch\\s+in|venmo\\s+@|checks?\\s+(?:can\\s+be\\s+)?(?:made\\s+)?(?:out\\s+|payable\\s+)to"
        + "|dona(?:r)?\\b|haz\\s+una\\s+donaci[oó]n|contribuye|aporta(?:r)?\\b|cheques?\\s+a\\s+nombre\\s+de"
        // French, Polish, Haitian Creole, Tagalog: give, a donation, a contribution.
        + "|(?:faites|faire)\\s+un\\s+don\\b|contribuez|ch[èe]ques?\\s+[àa]\\s+l'ordre\\s+de|wp[łl]a[ćc]\\w*|wp[łl]a[tc]\\w*|darowizn\\w*|wesprzyj\\w*\\s+finansowo"
        + "|f[èe]\\s+yon\\s+don\\b|kontribiye|mag-?donate|magbigay\\s+ng\\s+donasyon|mag-?ambag)",
        ["chip in", "chip-in", "donat", "contribut", "give $", "pitch in", "dona", "contribuye", "aporta", "venmo", "checks", "cheques",
         "un don", "contribuez", "l'ordre de", "wp", "darowizn", "finansowo", "yon don", "kontribiye", "ambag", "magdonate", "magambag"],
        "chip", "give", "pitch", "check", "cheque", "faites", "faire", "ordre", "yon");

    // The same in Ukrainian, Vietnamese, Arabic and Chinese, outside the lexicon (OtherScripts).
    private static readonly LazyRegex OtherScriptsTrigger = PhraseScan.Lazy(
        "пожертв\\w*|задонат\\w*|quyên\\s+góp|ủng\\s+hộ\\s+tài\\s+chính|تبرع\\w*|تبرّع\\w*|捐款|捐助|捐赠|捐贈|赞助|贊助");

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
        var found = PhraseScan.Find(context, Trigger, Asked, needsCampaign: true)
            ?? PhraseScan.FindInOtherScripts(context, OtherScriptsTrigger, Asked);
        return found is null ? null : new SignalHit(Categories, found);
    }

    // Campaign words near, and no charity, PTA or school fundraising.
    private static bool Asked(DetectionContext context, TextField field, int index, int length) =>
        CampaignTerms.IsNear(context, field, index, index + length, 250) && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps);
}
