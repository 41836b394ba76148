using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// An invitation to a campaign event: rally, canvass, phone or text bank, fundraiser, watch party, meet and greet,
/// door knocking; Spanish "mitin", "caravana", "evento de campaña", "recaudación de fondos", "tocar puertas"; French
/// "rassemblement", "porte-à-porte", Polish "wiec", "od drzwi do drzwi", Haitian Creole "rasanbleman", "pòt an pòt",
/// Tagalog "pagtitipon", "bahay-bahay", and outside the lexicon Ukrainian "мітинг", Vietnamese "mít tinh", Arabic
/// "تجمع انتخابي", Chinese "集会", "筹款".
/// Needs campaign words near. A fundraiser is also fundraising; a canvass, phone-bank or door-knocking shift is work for
/// the campaign, volunteer recruitment, and an event only when it is a launch or kickoff (data/district/README.md).
/// Traps: pep rallies, PTA and charity fundraisers, bake sales, walk-a-thons, galas for scholarships.
/// </summary>
internal sealed class EventInvitation : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:rall(?:y|ies)|canvass(?:es|ing)?(?:\\s+(?:launch|kick-?off))?|canvas\\s+launch|phone\\s*-?\\s*bank(?:s|ing)?|text\\s*-?\\s*bank(?:s|ing)?|fund-?raisers?"
        + "|watch\\s+part(?:y|ies)|meet\\s+(?:and|&)\\s+greet|door\\s*-?\\s*knock(?:ing)?|block\\s+walk(?:s|ing)?|campaign\\s+(?:kick-?off|office\\s+opening|events?)"
        + "|election\\s+night\\s+part(?:y|ies)|mitin(?:es)?|caravanas?|evento\\s+de\\s+campa[ñn]a|recaudaci[oó]n\\s+de\\s+fondos|tocar\\s+puertas"
        + "|banco\\s+telef[oó]nico|fiesta\\s+para\\s+ver|reuni[oó]n\\s+con\\s+(?:el|la)\\s+candidat[oa]"
        // French, Polish, Haitian Creole, Tagalog: a rally, door to door, a fundraiser, meeting the candidate.
        + "|rassemblements?|porte-?\\s?[àa]-?\\s?porte|soir[ée]e\\s+[ée]lectorale|collecte\\s+de\\s+fonds|rencontre\\s+avec\\s+(?:le|la)\\s+candidat(?:e)?"
        + "|wiec(?:u|e|em|ach|[óo]w|y)?\\b|od\\s+drzwi\\s+do\\s+drzwi|zbi[óo]rk\\w*\\s+(?:funduszy|pieni[ęe]dzy)|spotkani\\w*\\s+z\\s+kandydat(?:em|k[ąa])\\b"
        + "|rasanbleman|miting|p[òo]t\\s+an\\s+p[òo]t|ranmase\\s+lajan|pagtitipon|bahay-?\\s?bahay|pangangalap\\s+ng\\s+pondo)\\b",
        ["rall", "canvas", "bank", "phonebank", "textbank", "fund", "watch part", "meet", "knock", "doorknock", "block walk", "campaign", "election night", "mitin", "caravana", "campaña", "campana", "recaudaci", "tocar puertas", "banco tele", "fiesta para ver", "reuni",
         "rassemblement", "porte", "électorale", "electorale", "collecte", "rencontre", "wiec", "drzwi", "funduszy", "kandydat", "rasanbleman", "miting", "pòt", "pot", "ranmase", "pagtitipon", "bahay", "pangangalap"],
        "watch", "walk", "night", "puertas", "telef", "fiesta", "zbi", "pieni");

    // The same in Ukrainian, Vietnamese, Arabic and Chinese, outside the lexicon (OtherScripts). Meeting "the candidate",
    // one ("з кандидатом", "z kandydatem"), not "the candidates", a forum that invites them all.
    private static readonly LazyRegex OtherScriptsTrigger = PhraseScan.Lazy(
        "мітинг\\w*|зустріч\\w*\\s+з\\s+кандидат(?:ом|кою)\\b|збір\\w*\\s+коштів|mít\\s+tinh|gặp\\s+gỡ\\s+ứng\\s+cử\\s+viên|gây\\s+quỹ"
        + "|تجمع\\s+انتخابي|مهرجان\\s+انتخابي|جمع\\s+(?:ال)?تبرعات|集会|集會|造势|造勢|筹款|籌款|募款");

    // What makes an event a fundraiser, in the languages the trigger reads.
    private static readonly string[] FundraiserWords = ["fund", "fondos", "fonds", "funduszy", "pieni", "lajan", "pondo", "коштів", "quỹ", "تبرع", "筹款", "籌款", "募款"];

    internal static readonly TrapPattern OwnTraps = new(
        "\\b(?:pep\\s+rally|bake\\s+sale|walk-?a-?thon|car\\s+wash|charity|food\\s+drive|book\\s+fair|carnival|scholarships?|booster"
        + "|benefit\\s+for|beneficencia|kermes|feria|caridad|venta\\s+de\\s+pasteles)\\b",
        "pep", "bake", "walk", "car", "charity", "food", "book", "carnival", "scholarship", "booster", "benefit", "beneficencia", "kermes", "feria", "caridad", "venta");

    public string Name => "EventInvitation";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Event, Detection.Categories.Fundraising, Detection.Categories.VolunteerRecruitment];

    // Campaign work rather than a gathering: a canvass, a phone or text bank, door knocking, in the languages the trigger reads.
    private static readonly string[] VolunteerWork = ["canvass", "phone", "text", "door", "block walk", "tocar puertas", "drzwi", "porte", "pòt", "pot an", "bahay", "banco tel"];

    // What makes a canvass an event after all.
    private static readonly string[] Gathering = ["launch", "kickoff", "kick-off"];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, Invited, needsCampaign: true)
            ?? PhraseScan.FindInOtherScripts(context, OtherScriptsTrigger, Invited);

        if (found is null)
        {
            return null;
        }

        List<string> categories = [];
        if (found.Exists(e => FundraiserWords.Any(w => e.Text.Contains(w, StringComparison.OrdinalIgnoreCase))))
        {
            categories.Add(Detection.Categories.Fundraising);
        }

        var work = found.Count(e => IsVolunteerWork(e.Text));
        if (work < found.Count)
        {
            categories.Add(Detection.Categories.Event);
        }

        if (work > 0)
        {
            categories.Add(Detection.Categories.VolunteerRecruitment);
        }

        return new SignalHit(categories, found);
    }

    // Campaign words near, and no pep rally, bake sale or charity event.
    private static bool Invited(DetectionContext context, TextField field, int index, int length) =>
        CampaignTerms.IsNear(context, field, index, index + length, 300) && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps);

    private static bool IsVolunteerWork(string evidence) =>
        VolunteerWork.Any(w => evidence.Contains(w, StringComparison.OrdinalIgnoreCase)) && !Gathering.Any(w => evidence.Contains(w, StringComparison.OrdinalIgnoreCase));
}
