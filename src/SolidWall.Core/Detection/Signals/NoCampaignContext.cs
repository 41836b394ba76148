namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Nothing in the message names a campaign: no campaign, candidate, election, party or office word ("for Mayor",
/// "re-elect", "campaña"), no registered name, no link to a political platform. Campaign work serves a candidate,
/// a party or a ballot question, and a message that names none is most often ordinary school mail the model
/// misreads by its tone ("boards are due Friday"). A negative weight, fitted like the others; it runs only when
/// something pushed the score up.
/// </summary>
internal sealed class NoCampaignContext : ISignal
{
    public string Name => "NoCampaignContext";

    public double Weight => -2.0;

    public IReadOnlyList<string> Categories { get; } = [];

    public SignalHit? Evaluate(DetectionContext context)
    {
        // MayMentionCampaign (no campaign word's first letters anywhere, no registry) is the cheap look, shared with other signals.
        if (context.IsSegment || (context.MayMentionCampaign && CampaignTerms.IsAnywhere(context)) || DonationPlatformLink.AnyPoliticalLink(context))
        {
            return null;
        }

        var field = context.Subject.Length > 0 ? context.Subject : context.Text;
        return new SignalHit(Categories, [field.At(0, Math.Min(field.Length, 80), "no campaign, candidate, party, election or office word, and no political platform link")]);
    }
}
