using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A registered candidate or committee is named in the subject or text. Weak on its own: news about a race names
/// candidates too, so a mention next to news words ("according to", "reported", "debate", "noticias") is a trap
/// and does not count.
/// </summary>
internal sealed class RegisteredCampaignMention : ISignal
{
    private static readonly LazyRegex NewsTraps = PhraseScan.Lazy(
        "\\b(?:reported|reports|according\\s+to|news|newsletter\\s+digest|tribune|sun-times|article|op-ed|editorial|"
        + "debate|forum|interview(?:ed)?|poll\\s+shows|noticias|seg[uú]n|peri[oó]dico|art[ií]culo|debate)\\b");

    public string Name => "RegisteredCampaignMention";

    public double Weight => 1.0;

    public IReadOnlyList<string> Categories { get; } = [];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (context.Registry.Entries.Count == 0)
        {
            return null;
        }

        List<Evidence>? evidence = null;
        foreach (var field in context.Fields)
        {
            foreach (var (index, length, entry) in context.NamesIn(field))
            {
                if (evidence is { Count: PhraseScan.MaxEvidence })
                {
                    break;
                }

                if (LookAlikes.AreNear(field, index, index + length, 150, NewsTraps))
                {
                    continue;
                }

                evidence ??= [];
                evidence.Add(field.At(index, length, $"registered {entry.Kind.ToString().ToLowerInvariant()} '{entry.Name}'"));
            }
        }

        return evidence is null ? null : new SignalHit(Categories, evidence);
    }
}
