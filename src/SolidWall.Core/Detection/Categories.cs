namespace SolidWall.Core.Detection;

/// <summary>
/// The categories of prohibited political activity a verdict can name, from the statutes' lists (5 ILCS 430/1-5,
/// Chicago's ethics ordinance, the Hatch Act). They are plain strings because the model, the policy file and the
/// JSON output all speak them.
/// </summary>
public static class Categories
{
    public const string Fundraising = "fundraising";
    public const string VolunteerRecruitment = "volunteer_recruitment";
    public const string Event = "event";
    public const string VoteSolicitation = "vote_solicitation";
    public const string Petition = "petition";
    public const string Literature = "literature";
    public const string Polling = "polling";
    public const string Questionnaire = "questionnaire";
    public const string Coercion = "coercion";

    /// <summary>Every category, in the order verdicts list them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Fundraising, VolunteerRecruitment, Event, VoteSolicitation, Petition, Literature, Polling, Questionnaire, Coercion,
    ];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
}
