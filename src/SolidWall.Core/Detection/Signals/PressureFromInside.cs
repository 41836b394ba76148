using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Someone inside the institution (or writing from a personal mailbox to colleagues) uses pressure or leverage in their
/// own words, next to a campaign: "I'll be there and I'll notice" after "Frank is having coffee with parents",
/// "ya saben que los turnos de verano los acomodo yo" under Marcus Whitfield's rally, a homework pass for a Yes on 1 sign.
/// `Coercion` needs the ask's own words ("staff should share", "counts for a grade"); this reads the leverage
/// (<see cref="CoercionRule"/>'s pressure and leverage) where the campaign is named by a campaign word, a registered
/// candidate's name (a first name or surname alone too) or a ballot question by its number. Quoted text is not read:
/// a refusal or a report quotes the pressure it refuses. Traps: the common look-alikes (union business, ethics
/// training, student government), the institution's own evaluations with no campaign near, and graded lessons that
/// analyse or compare campaigns.
/// </summary>
internal sealed class PressureFromInside : ISignal
{
    private const int Window = 400;

    // What makes graded work a lesson about campaigns rather than campaign work: analysing, comparing, both sides, any
    // candidate, a debate ("extra credit for watching the debate", "obligatorio: analicen el volante de las dos campañas").
    private static readonly Regex Lesson = PhraseScan.Compile(
        "\\b(?:analy[sz]\\w*|compar\\w*|both\\s+sides|any\\s+candidate|all\\s+(?:the\\s+|three\\s+|four\\s+)?candidates|debates?"
        + "|an[aá]li[zcs]\\w*|ambos|las\\s+dos\\s+campañas|cualquier\\s+candidat\\w*|debate|analys\\w*|deux\\s+camps|por[óo]wn\\w*|obie\\s+strony"
        + "|so\\s+sánh|phân\\s+tích|hai\\s+bên)\\b|порівн\\w*|аналіз\\w*|比较|分析|قارن|تحليل");

    public string Name => "PressureFromInside";

    public double Weight => 1.5;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Coercion];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (!CoercionRule.WritesAsColleague(context))
        {
            return null;
        }

        var campaign = context.MayMentionCampaign || RegisteredCandidateNamed.NamesACandidate(context);
        foreach (var field in context.Fields)
        {
            var ownEnd = field.Where == "subject" ? field.Length : Math.Min(field.Length, context.OwnWordsEnd);
            var question = ownEnd > 0 && BallotQuestionStance.NamesQuestion(field);
            if (ownEnd <= 0 || !(campaign || question))
            {
                continue;
            }

            if ((Find(context, field, ownEnd, CoercionRule.Pressure, question) ?? Find(context, field, ownEnd, CoercionRule.Leverage, question)) is { } found)
            {
                var note = context.Sender is { } sender && context.Directory.RoleOf(sender.Address) is var role and not InstitutionRole.External
                    ? $"pressure from {role.ToString().ToLowerInvariant()} {sender.Address}, next to a campaign"
                    : "pressure from a colleague, next to a campaign";
                return new SignalHit(Categories, [field.At(found.Index, found.Length, note)]);
            }
        }

        return null;
    }

    private static (int Index, int Length)? Find(DetectionContext context, TextField field, int ownEnd, Regex pressure, bool question)
    {
        foreach (var match in pressure.EnumerateMatches(field.Lower[..ownEnd]))
        {
            var (index, end) = (match.Index, match.Index + match.Length);
            var near = question || CampaignTerms.IsNear(context, field, index, end, Window)
                || RegisteredCandidateNamed.NamesACandidateIn(context, field, Math.Max(0, index - Window), end + Window);
            if (near && !LookAlikes.AreNear(field, index, end, 200, Lesson))
            {
                return (match.Index, match.Length);
            }
        }

        return null;
    }
}
