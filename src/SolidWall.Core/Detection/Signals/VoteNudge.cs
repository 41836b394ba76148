using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A vote ask that leaves the vote unsaid, next to a candidate or a ballot question: "you know what to do on the 28th",
/// "go do the right thing on the 5th", "remember her on the 28th", "that's all I'll say", "I'm not telling anyone what to
/// think, but"; Spanish "ya saben qué hacer", "no les tengo que decir más", "acuérdense de él"; French "je n'en dis pas
/// plus"; Polish "wiecie, co robić", "pamiętajcie o pani …"; Haitian Creole, Tagalog, and outside the lexicon
/// (<see cref="OtherScripts"/>) Ukrainian, Arabic, Chinese and Vietnamese. The wink is how an insider asks without
/// writing "vote for", and `VoteSolicitation` needs those words. Needs a campaign word, a registered name or a ballot
/// question by its number near. Traps: the same words about a fire drill or a field trip (no campaign near), "that's
/// all I'll say about it" after a correction, fact sheets, lessons and news.
/// </summary>
internal sealed class VoteNudge : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.Trigger(
        "\\b(?:you\\s+(?:all\\s+)?know\\s+what\\s+to\\s+do|(?:go\\s+)?do\\s+the\\s+right\\s+thing|do\\s+what(?:'s|’s|\\s+is)\\s+right"
        + "|that(?:'s|’s|\\s+is)\\s+all\\s+i(?:'ll|’ll|\\s+will|(?:'m|’m|\\s+am)\\s+going\\s+to)\\s+say"
        + "|(?:i'm|i’m|i\\s+am)\\s+not\\s+(?:telling|going\\s+to\\s+tell)\\s+(?:anyone|anybody|you|people)\\s+(?:what\\s+to\\s+think|how\\s+to\\s+vote|who\\s+to\\s+vote\\s+for),?\\s+but\\b"
        + "|remember\\s+(?:him|her|them)\\s+(?:on|at|in|when)\\b"
        // Spanish.
        + "|ya\\s+saben\\s+(?:qu[eé]|lo\\s+que)\\s+(?:hay\\s+que\\s+|tienen\\s+que\\s+)?hacer|no\\s+(?:les|te|os)\\s+tengo\\s+que\\s+decir\\s+m[aá]s"
        + "|hagan\\s+lo\\s+correcto|acu[eé]rdense\\s+de\\s+(?:[eé]l|ella)|se\\s+acuerden\\s+de\\s+(?:[eé]l|ella)"
        // French, Polish, Haitian Creole, Tagalog.
        + "|je\\s+n'en\\s+dis\\s+pas\\s+plus|vous\\s+savez\\s+(?:ce\\s+qu'il\\s+(?:vous\\s+)?reste\\s+[àa]\\s+faire|quoi\\s+faire|ce\\s+que\\s+vous\\s+avez\\s+[àa]\\s+faire)"
        + "|faites\\s+le\\s+bon\\s+choix|wiecie,?\\s+co\\s+(?:robi[ćc]|zrobi[ćc]|trzeba)|pami[ęe]tajcie\\s+o\\s+(?:pani|panu|nim|niej)\\b|zr[óo]bcie,?\\s+co\\s+trzeba"
        + "|nou\\s+konnen\\s+sa\\s+pou\\s+nou\\s+f[èe]|alam\\s+n(?:iyo|yo|inyo)\\s+na\\s+(?:ang\\s+)?(?:gagawin|dapat\\s+gawin))",
        // A piece of every alternative, found by the lexicon's one pass over the field: the trigger's words ("know",
        // "say", "right", "remember") are common, and with them as anchors its clauses were read on most mail.
        ["know what to do", "right thing", "what's right", "what’s right", "what is right", "all i'll say", "all i’ll say", "all i will say", "going to say",
         "not telling", "not going to tell", "remember him", "remember her", "remember them", "saben qu", "saben lo que", "decir más", "decir mas",
         "hagan lo correcto", "rdense de", "se acuerden de", "dis pas plus", "savez ce qu", "savez quoi", "bon choix", "wiecie", "tajcie o", "co trzeba",
         "konnen sa pou", "alam n"]);

    // The same wink in Ukrainian, Arabic, Chinese and Vietnamese: "ви знаєте, що робити", "пам'ятайте про неї",
    // "تعرفون ما عليكم", "你们知道该怎么做", "các bạn biết phải làm gì".
    private static readonly LazyRegex OtherScriptNudges = PhraseScan.Lazy(
        "(?:ви\\s+)?знаєте,?\\s+що\\s+(?:треба\\s+)?(?:робити|зробити)|пам['’]?ятайте\\s+про\\s+(?:неї|нього|пана|пані)"
        + "|تعرفون\\s+ما\\s+(?:عليكم|يجب)|(?:你们|大家)?知道(?:该|應該|应该)怎么做|(?:các\\s+)?(?:bạn|anh\\s+chị|quý\\s+vị)\\s+biết\\s+(?:phải|cần)\\s+làm\\s+gì");

    // What the words mean when they are no ask: a correction's "that's all I'll say about it", a fact sheet, a vote for
    // whoever the reader likes.
    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\b(?:about\\s+(?:it|that|this)|fact\\s+sheet|both\\s+sides|whoever\\s+you|no\\s+matter\\s+who|whichever|sea\\s+quien\\s+sea|hoja\\s+informativa)\\b");

    // A ballot question by its number, "Q1" included: next to a wink, a quarter's timesheet is not what it means.
    private static readonly LazyRegex BallotQuestion = PhraseScan.Lazy(
        "\\bq\\d{1,2}\\b|\\b(?:question|prop(?:osition)?|measure|pregunta|propuesta|pytani\\w*|kesyon|tanong)\\s+(?:no\\.?\\s*|#\\s*)?\\d{1,3}\\b");

    private static readonly System.Buffers.SearchValues<string> QuestionHints = System.Buffers.SearchValues.Create(
        ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "question", "prop", "measure", "pregunta", "propuesta", "pytani", "kesyon", "tanong"], StringComparison.Ordinal);

    private const int Window = 300;

    // Whether a field may name a ballot question (BallotQuestion's words), by one vectorised search.
    private static bool MayNameAQuestion(DetectionContext context)
    {
        foreach (var field in context.Fields)
        {
            if (field.Lower.IndexOfAny(QuestionHints) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public string Name => "VoteNudge";

    public double Weight => 2.0;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.VoteSolicitation];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        // Most mail holds none of the winks' phrases, and most of the rest names no campaign, no candidate and no
        // ballot question: the trigger is not read there.
        if (!Trigger.MayMatchIn(context) || !(context.MayMentionCampaign || MayNameAQuestion(context) || RegisteredCandidateNamed.NamesACandidate(context)))
        {
            return null;
        }

        var found = PhraseScan.Find(context, Trigger, Nudges, "a vote ask left unsaid, next to a campaign or a ballot question");
        if (found is null && context.MayMentionCampaign)
        {
            found = PhraseScan.FindInOtherScripts(context, OtherScriptNudges, Nudges);
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    // A campaign word, a registered name (a candidate's first name or surname alone too) or a ballot question near, and no trap.
    private static bool Nudges(DetectionContext context, TextField field, int index, int length) =>
        (CampaignTerms.IsNear(context, field, index, index + length, Window) || BallotQuestion.IsMatch(field.Around(index, index + length, Window))
            || RegisteredCandidateNamed.NamesACandidateIn(context, field, Math.Max(0, index - Window), index + length + Window))
        && !LookAlikes.AreNear(field, index, index + length, 150, OwnTraps);
}
