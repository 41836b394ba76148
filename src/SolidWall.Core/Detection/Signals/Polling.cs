using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A campaign's poll or survey of the reader: "take our quick poll", "official 2024 voter survey", "who are you
/// voting for"; Spanish "responde nuestra encuesta", "¿por quién vas a votar?". Needs campaign words near.
/// Traps: polling places and hours, parent, climate and 5Essentials school surveys.
/// </summary>
internal sealed class Polling : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:(?:take|answer|complete|fill\\s+out|respond\\s+to)\\s+(?:our|the|this|a|my)\\s+(?:quick\\s+|short\\s+|official\\s+|\\d+-?\\s*(?:second|minute)\\s+)?(?:straw\\s+)?(?:poll|survey)"
        + "|(?:official|presidential|candidate|voter|election|campaign|straw)\\s+(?:poll|survey)"
        + "|who\\s+(?:are\\s+you|will\\s+you)\\s+(?:voting|vote)\\s+for|which\\s+candidate\\s+(?:do|will|are|would)"
        + "|(?:responde|contesta|completa|llena)\\s+(?:nuestra|la|esta)\\s+encuesta|encuesta\\s+(?:oficial|electoral|de\\s+campa[ñn]a)"
        + "|por\\s+qui[eé]n\\s+(?:vas\\s+a\\s+votar|votar[aá]s))",
        ["poll", "survey", "voting for", "vote for", "candidate", "encuesta", "votar"],
        "voting", "vote");

    private static readonly Regex OwnTraps = PhraseScan.Compile(
        "\\b(?:parent|climate|school|5essentials|my\\s+voice|satisfaction|customer|course|teacher|student|staff|district|wellness|lunch)\\s+(?:survey|poll)"
        + "|\\bencuesta\\s+(?:de\\s+padres|escolar|de\\s+clima|del\\s+distrito)\\b|\\bpolls?\\s+(?:open|close|are\\s+open)\\b|\\bcasilla\\b|\\blugar\\s+de\\s+votaci[oó]n\\b");

    public string Name => "Polling";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Polling];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, 300)
            && !LookAlikes.AreNear(field, index, index + length, 200, OwnTraps), needsCampaign: true);
        return found is null ? null : new SignalHit(Categories, found);
    }
}
