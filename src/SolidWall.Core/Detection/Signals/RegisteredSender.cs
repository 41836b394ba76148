namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// The sender's address, or its domain, belongs to a campaign or committee in the registry. Evidence names the
/// campaign and whether the address or the domain matched. Trap: a look-alike domain ("doeformayor.com.example")
/// or a different domain that merely ends the same way ("notdoeformayor.com") does not match.
/// </summary>
internal sealed class RegisteredSender : ISignal
{
    public string Name => "RegisteredSender";

    public double Weight => 5.0;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Literature];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var from = context.Message.From;
        if (context.IsSegment || context.Registry.Entries.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < from.Count; i++)
        {
            if (context.Registry.FindSender(from[i]) is { } found)
            {
                var what = found.Matched.Contains('@', StringComparison.Ordinal) ? "address" : "domain " + found.Matched;
                var note = $"{found.Entry.Kind.ToString().ToLowerInvariant()} '{found.Entry.Name}' (registry id {found.Entry.Id}), by {what}";
                return new SignalHit(Categories, [new Evidence("from", i, from[i].Address.Length, from[i].Address, note)]);
            }
        }

        return null;
    }
}
