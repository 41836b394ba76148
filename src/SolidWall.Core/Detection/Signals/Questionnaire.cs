using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A candidate or endorsement questionnaire ("candidate questionnaire", "endorsement questionnaire", Spanish
/// "cuestionario para candidatos"), or any questionnaire next to campaign words. Traps: nonpartisan voter guides
/// (League of Women Voters), Local School Council candidate forms, school questionnaires.
/// </summary>
internal sealed class Questionnaire : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:candidate\\s+questionnaires?|questionnaires?\\s+(?:for|to)\\s+(?:the\\s+|all\\s+)?candidates|endorsement\\s+(?:questionnaire|survey|interview)s?"
        + "|questionnaires?|cuestionarios?\\s+(?:para|a)\\s+(?:los\\s+)?candidat[oa]s|cuestionarios?\\s+de\\s+(?:candidat[oa]s|respaldo)|cuestionarios?)\\b",
        ["questionnaire", "cuestionario", "endorsement"]);

    private static readonly Regex OwnTraps = PhraseScan.Compile(
        "\\b(?:voter\\s+guide|league\\s+of\\s+women\\s+voters|health|medical|enrollment|intake|allerg\\w+|gu[ií]a\\s+(?:del\\s+)?votante|salud)\\b");

    public string Name => "Questionnaire";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Questionnaire];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (ctx, field, index, length) =>
            CampaignTerms.IsNear(ctx, field, index, index + length, 250)
            && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps), needsCampaign: true);
        return found is null ? null : new SignalHit(Categories, found);
    }
}
