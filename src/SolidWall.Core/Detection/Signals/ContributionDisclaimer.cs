using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// The notices only political fundraising carries: "Contributions to Doe for Mayor are not tax deductible", the
/// FEC's "Federal law requires us to use our best efforts to collect …", "contributions from foreign nationals are
/// prohibited"; Spanish "Las contribuciones … no son deducibles". Trap: charities and PTAs say their gifts
/// <em>are</em> tax deductible, which does not match.
/// </summary>
internal sealed class ContributionDisclaimer : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "contributions?\\s*(?:or\\s*gifts\\s*)?to\\s*[^.\\n]{1,80}?\\s*(?:are|is)\\s*not\\s*(?:tax[\\s-]*)?deductible"
        + "|not\\s*tax[\\s-]*deductible\\s*(?:as\\s*charitable|for\\s*federal)"
        + "|federal\\s*law\\s*requires\\s*us\\s*to\\s*use\\s*our\\s*best\\s*efforts\\s*to\\s*collect"
        + "|contributions?\\s+from\\s+(?:foreign\\s+nationals|corporations)\\s+(?:are\\s+)?(?:prohibited|not\\s+(?:allowed|accepted|permitted))"
        + "|(?:las\\s+)?contribuciones\\s+[^.\\n]{0,80}?no\\s+son\\s+deducibles"
        + "|la\\s+ley\\s+federal\\s+(?:nos\\s+)?(?:exige|requiere)\\s+que\\s+(?:hagamos|usemos)",
        ["contribu", "deductible", "effort", "federal"]);

    public string Name => "ContributionDisclaimer";

    public double Weight => 3.5;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Fundraising];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (_, field, index, length) =>
            !LookAlikes.AreNear(field, index, index + length, 150));
        return found is null ? null : new SignalHit(Categories, found);
    }
}
