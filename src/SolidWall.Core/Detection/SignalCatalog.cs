using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Detection;

/// <summary>
/// The one list of detection signals. Adding a signal means adding its file, its test and one line here;
/// nothing else in SolidWall knows signal names (the policy checks its <c>signal_weights</c> keys against this).
/// </summary>
internal static class SignalCatalog
{
    public static IReadOnlyList<ISignal> All { get; } =
    [
        new PaidForByDisclaimer(),
        new PaidForByDisclaimer(PaidForByDisclaimer.Place.Quoted),
        new ContributionDisclaimer(),
        new DonationPlatformLink(),
        new RegisteredSender(),
        new RegisteredCampaignMention(),
        new RegisteredCandidateNamed(),
        new RegisteredCandidateNamed(quoted: true),
        new RegisteredCandidateNamed(firstNames: true),
        new CandidateCallToAction(),
        new CampaignDonationAsk(),
        new StudentRecruitment(),
        new VoteSolicitation(),
        new BallotQuestionStance(),
        new VoteNudge(),
        new PetitionDrive(),
        new EventInvitation(),
        new CandidateOnStage(),
        new Polling(),
        new Questionnaire(),
        new Coercion(),
        new ForwardedElectioneering(),
        new DiscussesElectioneering(),
        new DiscussesElectioneering(DiscussesElectioneering.Framing.LessonOrNews),
        new ReportToOversight(),
        new ReportToOversight(fromOutside: true),
        new NoCampaignContext(),
        new AllowlistedSender(),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToArray();

    /// <summary>Whether <paramref name="signal"/> fires only on what the registry lists: its senders, its campaigns' and candidates' names.</summary>
    public static bool ReadsRegistry(ISignal signal) => signal is RegisteredSender or RegisteredCampaignMention or RegisteredCandidateNamed;

    /// <summary>The words of every signal's phrase patterns, the campaign words and the coercion rule's, found in one pass per field.</summary>
    public static Lexicon Lexicon { get; } = BuildLexicon();

    private static Lexicon BuildLexicon()
    {
        var sets = All.SelectMany(s => s.Phrases).Select(p => p.Anchors).Prepend(LookAlikes.CommonAnchors).Prepend(CampaignTerms.Anchors).Append(CoercionRule.Anchors).Distinct().ToList();
        for (var i = 0; i < sets.Count; i++)
        {
            sets[i].Slot = i;
        }

        return new Lexicon(sets);
    }
}
