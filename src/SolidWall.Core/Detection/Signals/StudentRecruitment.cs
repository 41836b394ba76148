using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Campaign work offered to students for school value: "externship", "internship", "class credit", "service
/// hours", "volunteer hours"; Spanish "crédito extra", "horas de servicio", "pasantía"; within a few lines of
/// campaign words. Traps: student election-judge programmes, Local School Council and student-council elections,
/// marketing campaigns, nonpartisan voter-registration drives.
/// </summary>
internal sealed class StudentRecruitment : ISignal
{
    private const int Window = 300;

    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:externships?|internships?|interns?|class\\s+credit|course\\s+credit|extra\\s+credit|academic\\s+credit|school\\s+credit"
        + "|service[-\\s]+(?:learning\\s+)?hours|volunteer(?:ing)?\\s+hours|community\\s+service\\s+hours"
        + "|cr[eé]ditos?\\s+(?:extra|acad[eé]micos?|escolares?|para\\s+(?:la|tu|su)\\s+clase)|horas\\s+de\\s+(?:servicio(?:\\s+comunitario)?|voluntariado)"
        + "|pasant[ií]as?|pr[aá]cticas\\s+profesionales)\\b",
        ["extern", "intern", "credit", "hours", "crédit", "horas", "pasant", "práctica", "practica"]);

    public string Name => "StudentRecruitment";

    public double Weight => 3.5;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.VolunteerRecruitment];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, Window)
            && !LookAlikes.AreNear(field, index, index + length, Window), needsCampaign: true);
        return found is null ? null : new SignalHit(Categories, found);
    }
}
