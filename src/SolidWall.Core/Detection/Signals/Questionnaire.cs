using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A candidate or endorsement questionnaire ("candidate questionnaire", "endorsement questionnaire", Spanish
/// "cuestionario para candidatos"), or any questionnaire next to campaign words; and the ask to be listed as a
/// campaign's supporter ("may we list you as a supporter?", "poner su nombre en la lista de maestros que apoyan a …"),
/// in the district's Latin-script languages and outside the lexicon (<see cref="OtherScripts.SupporterLists"/>) in
/// Ukrainian, Arabic, Chinese and Vietnamese. Traps: nonpartisan voter guides (League of Women Voters), Local School
/// Council candidate forms, school questionnaires.
/// </summary>
internal sealed class Questionnaire : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:candidate\\s+questionnaires?|questionnaires?\\s+(?:for|to)\\s+(?:the\\s+|all\\s+)?candidates|endorsement\\s+(?:questionnaire|survey|interview)s?"
        + "|questionnaires?|cuestionarios?\\s+(?:para|a)\\s+(?:los\\s+)?candidat[oa]s|cuestionarios?\\s+de\\s+(?:candidat[oa]s|respaldo)|cuestionarios?)\\b",
        ["questionnaire", "cuestionario", "endorsement"]);

    // The ask to be listed as a supporter ("may we list you as a supporter?", "a list of teachers who support
    // Hollis Brandt, to be printed on our mailer"), in the district's Latin-script languages; the text before the
    // supporter word stays within a sentence, and the supporter word anchors every match.
    private static readonly PhrasePattern SupporterList = PhraseScan.WordTrigger(
        "\\b(?:(?:list|name|count|include|add|put|print|use|feature)\\s+(?:you|your\\s+names?)\\b[^.?!\\n]*?\\b(?:supporters?|endorsers?|backers?|who\\s+(?:support|back|endorse)s?)\\b"
        + "|(?:list|roster)\\s+of\\s+[^.?!\\n]*?\\b(?:supporters|endorsers|who\\s+(?:support|back|endorse))\\b"
        + "|(?:poner|incluir|agregar|a[ñn]adir|publicar|usar)\\s+su\\s+nombre[^.?!\\n]*?\\b(?:apoy|respald|simpatizant|partidari)\\w*"
        + "|lista\\s+de\\s+[^.?!\\n]*?\\b(?:que\\s+(?:apoyan|respaldan)|simpatizantes|de\\s+apoyo)\\b"
        + "|(?:mettre|inscrire|ajouter|citer|publier)\\s+(?:votre|ton)\\s+nom[^.?!\\n]*?\\b(?:soutien\\w*|soutiennent|soutient|partisans?)\\b"
        + "|liste\\s+des?\\s+[^.?!\\n]*?\\b(?:soutiens|qui\\s+(?:le|la)\\s+soutiennent|partisans)\\b"
        + "|(?:umie[śs]ci[ćc]|dopisa[ćc]|wpisa[ćc]|poda[ćc])\\s+(?:\\w+\\s+){0,2}(?:nazwisk\\w*|imi[ęe])[^.?!\\n]*?\\b(?:list\\w*|poparci\\w*|popieraj\\w*|zwolennik\\w*)"
        + "|(?:mete|ekri|ajoute)\\s+non\\s+(?:ou|w|nou)\\b[^.?!\\n]*?\\bsip[òo]t\\w*"
        + "|(?:ilista|isama|ilagay|isulat)\\s+(?:ang\\s+)?(?:pangalan|kayo|ka)\\b[^.?!\\n]*?\\b(?:tagasuporta|sumusuporta|listahan)\\b)",
        ["support", "endorse", "backer", "back", "apoy", "respald", "simpatizant", "partidari", "soutien", "partisan", "nazwisk", "imię", "imie",
         "sipòt", "sipot", "tagasuporta", "sumusuporta", "listahan"]);

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\b(?:voter\\s+guide|league\\s+of\\s+women\\s+voters|health|medical|enrollment|intake|allerg\\w+|gu[ií]a\\s+(?:del\\s+)?votante|salud)\\b");

    public string Name => "Questionnaire";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Questionnaire];

    public IEnumerable<PhrasePattern> Phrases => [Trigger, SupporterList];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, Asked, needsCampaign: true)
            ?? PhraseScan.Find(context, SupporterList, Asked, needsCampaign: true);
        if (found is null && context.MayMentionCampaign)
        {
            found = PhraseScan.FindInOtherScripts(context, OtherScripts.SupporterLists, Asked);
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    // Campaign words near, and no trap.
    private static bool Asked(DetectionContext context, TextField field, int index, int length) =>
        CampaignTerms.IsNear(context, field, index, index + length, 250) && !LookAlikes.AreNear(field, index, index + length, 250, OwnTraps);
}
