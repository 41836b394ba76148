using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A candidate given a school event's stage: "Ald. Mott will say a few words before the finale", "he can speak at our
/// 8th grade assembly", "put him on the printed program", "she'll give out the ribbons"; Spanish "decir unas palabras",
/// "entregar las flores"; French "dire quelques mots"; Polish "powie kilka słów", "wręczy nagrody"; and outside the
/// lexicon (<see cref="OtherScripts"/>) Ukrainian "скаже кілька слів", Vietnamese "phát biểu", Chinese "讲几句", Arabic
/// "يلقي كلمة". The school lends its audience to a campaign even when nobody asks for a vote (data/district/README.md
/// files it as `event`). Needs a candidate near: a registered candidate's name (a first name or surname alone too) or a
/// campaign word. Traps: candidate forums and debates that invite every candidate, the common look-alikes (student
/// council, the Local School Council, union business), graduation speakers with no campaign near.
/// </summary>
internal sealed class CandidateOnStage : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:say\\s+a\\s+few\\s+words|(?:give|make|deliver)\\s+(?:a\\s+few\\s+|brief\\s+|short\\s+)?(?:remarks|a\\s+(?:short\\s+|brief\\s+)?speech)"
        + "|speak\\s+(?:at|to)\\s+(?:our|the)\\s+(?:\\w+\\s+){0,2}(?:assembly|assemblies|families|parents|graduation|ceremony|concert|festival|fair|breakfast|night)"
        + "|(?:put|add|list)\\s+(?:him|her|them)\\s+on\\s+the\\s+(?:printed\\s+)?program|(?:give|hand)\\s+out\\s+the\\s+(?:ribbons|awards|prizes|diplomas|certificates)"
        + "|decir\\s+unas\\s+palabras|dirigir\\s+unas\\s+palabras|entregar\\s+(?:las\\s+flores|los\\s+premios|los\\s+diplomas|los\\s+reconocimientos)"
        + "|dire\\s+quelques\\s+mots|prendre\\s+la\\s+parole|powie\\s+kilka\\s+s[łl][óo]w|wr[ęe]czy\\s+nagrody|di\\s+k[èe]k\\s+mo|magsalita\\s+sa)\\b",
        // A piece of every alternative, found by the lexicon's one pass over the field.
        ["few words", "remarks", "speech", "speak at", "speak to", "on the program", "on the printed program", "out the ribbons", "out the awards", "out the prizes",
         "out the diplomas", "out the certificates", "unas palabras", "entregar las", "entregar los", "quelques mots", "la parole", "kilka słów", "kilka slow",
         "kilka słow", "kilka slów", "nagrody", "di kèk mo", "di kek mo", "magsalita sa"]);

    private static readonly LazyRegex OtherScriptTrigger = PhraseScan.Lazy(
        "(?:сказа\\w*|скаже)\\s+кілька\\s+слів|привітання\\s+від|(?:lên\\s+)?phát\\s+biểu|讲几句|講幾句|致辞|致辭|يلقي\\s+كلمة|كلمة\\s+قصيرة");

    // Every candidate invited, a debate or a forum; a moderator.
    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\b(?:forums?|debates?|all\\s+(?:the\\s+|three\\s+|four\\s+)?candidates|each\\s+candidate|every\\s+candidate|both\\s+candidates|moderat\\w+"
        + "|foros?|todos\\s+los\\s+candidatos|cada\\s+candidat[oa]|d[ée]bat|tous\\s+les\\s+candidats|wszyscy\\s+kandydaci|debat\\w*)\\b|всі\\s+кандидати|các\\s+ứng\\s+cử\\s+viên|所有候选人");

    private const int Window = 250;

    public string Name => "CandidateOnStage";

    public double Weight => 1.5;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Event];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (!Trigger.MayMatchIn(context) || !(context.MayMentionCampaign || RegisteredCandidateNamed.NamesACandidate(context)))
        {
            return null;
        }

        var found = PhraseScan.Find(context, Trigger, OnStage, "a candidate given the stage of a school event");
        found ??= PhraseScan.FindInOtherScripts(context, OtherScriptTrigger, OnStage);
        return found is null ? null : new SignalHit(Categories, found);
    }

    private static bool OnStage(DetectionContext context, TextField field, int index, int length) =>
        (CampaignTerms.IsNear(context, field, index, index + length, Window)
            || RegisteredCandidateNamed.NamesACandidateIn(context, field, Math.Max(0, index - Window), index + length + Window))
        && !LookAlikes.AreNear(field, index, index + length, 400, OwnTraps);
}
