namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// The policy allowlists the sender or its domain (a city's official nonpartisan programme, the district's ethics
/// office): a large negative weight keeps the message allowed whatever the other signals say, and the reason
/// says so.
/// </summary>
internal sealed class AllowlistedSender : ISignal
{
    public string Name => "AllowlistedSender";

    public double Weight => -20.0;

    public IReadOnlyList<string> Categories { get; } = [];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var from = context.Message.From;
        if (context.IsSegment || from.Count == 0 || !context.Policy.HasAllowlist)
        {
            return null;
        }

        // Every From address must be allowlisted: one allowlisted co-author does not clear a campaign's mail.
        string? matched = null;
        foreach (var address in from)
        {
            if (!context.Policy.IsAllowlisted(address.Address, out var m))
            {
                return null;
            }

            matched ??= m;
        }

        return new SignalHit(Categories, [new Evidence("from", 0, from[0].Address.Length, from[0].Address, $"allowlisted by policy ({matched})")]);
    }
}
