using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// An ask to vote a way on a ballot question: a question named by its number ("Question 1", "Q1", "Prop 22",
/// "Measure A" is not numbered and not read) with a stance within a couple of sentences ("vote NO", "yes on", "say no",
/// "vote it down"; Spanish "vota sí", "sí a la"; Polish "głosujcie TAK", "na nie"; Haitian Creole "vote WI"; Tagalog
/// "pakiboto ng OO"). Ballot-question advocacy names no candidate and often no campaign word, and `VoteSolicitation`
/// needs one near its "vote no". Traps: the district's own fact sheet and lessons explain what a yes or a no vote
/// would mean ("a YES vote means", "if you vote no", "both sides").
/// </summary>
internal sealed class BallotQuestionStance : ISignal
{
    // A question by a word and its number ("Question 1", "Prop 22", "Pregunta núm. 3").
    private const string NumberedQuestion =
        "\\b(?:question|prop(?:osition)?|amendment|pregunta|propuesta|pytani(?:e|a|u|em)|kesyon|tanong)\\s+(?:no\\.?\\s*|#\\s*|n[uú]m(?:ero)?\\.?\\s*)?\\d{1,3}\\b";

    private const string Question = "(?:\\bq\\d{1,2}\\b|" + NumberedQuestion + ")";

    // A stance that stands on its own, read within a couple of sentences of the question: "vote NO", "głosujcie TAK".
    private const string Stance =
        "(?:\\bvot(?:e|ing)\\s+(?:yes|no|wi|non|oo|hindi|s[ií]|tak|nie)\\b|\\bvote\\s+(?:it|this|them)\\s+down\\b"
        + "|\\bvot(?:a|en|emos|ar|ad|ez)\\s+(?:s[ií]|no|oui|non)\\b|\\bg[lł]os(?:uj|owa)\\w*\\s+(?:na\\s+)?[„\"]?(?:tak|nie)\\b|\\bna\\s+[„\"]?(?:tak|nie)\\b"
        + "|\\bpakiboto\\s+(?:po\\s+)?(?:ng\\s+)?(?:oo|hindi)\\b)";

    // A stance that names the question itself: "yes on Question 1", "say no to Q1", "sí a la Pregunta 1", "WI pou Kesyon 1".
    private const string StanceOn =
        "(?:\\b(?:say\\s+)?(?:yes|no|s[ií]|wi|non|oo|hindi)\\s+(?:on|to|a\\s+la|al|a|pou|sa|na)\\s+(?:the\\s+)?)";

    // The idiom that needs no word for the question: "Yes on 1", "No on 22", "sí a la 1" (not "yes on 2 of them").
    private const string BareNumber = "(?:\\b(?:yes|no)\\s+on\\s+(?:#\\s*)?\\d{1,3}\\b|\\bs[ií]\\s+a\\s+la\\s+\\d{1,2}\\b|\\bno\\s+a\\s+la\\s+\\d{1,2}\\b|\\b(?:wi|non)\\s+(?:sou|pou)\\s+\\d{1,2}\\s+an\\b)";

    // The same in Ukrainian, Arabic, Chinese and Vietnamese, outside the lexicon (OtherScripts): the question by its
    // number ("Питання 1", "першому питанні", "السؤال رقم 1", "第一号问题", "Câu hỏi 1", "Dự luật 1"), then a stance in
    // the paragraph around it ("голосуйте НІ", «так», "يصوّت نعم", 投"是", "bầu CÓ"). Chinese has no word edges.
    private static readonly LazyRegex OtherScriptQuestion = PhraseScan.Lazy(
        "питанн(?:я|і|ю|ям)\\s+(?:№\\s*)?\\d{1,2}\\b|\\b(?:перш|друг)\\w*\\s+питанн\\w*"
        + "|(?:ال)?سؤال\\s+(?:رقم\\s+)?[\\d١-٩]{1,2}"
        + "|第\\s*[一二三四五六七八九十\\d]{1,2}\\s*号?\\s*(?:问题|提案|议题|問題|議題)|[一二三\\d]\\s*号\\s*(?:问题|提案|問題)"
        + "|\\b(?:câu\\s+hỏi|dự\\s+luật|đề\\s+án)\\s+(?:số\\s+)?\\d{1,2}\\b");

    private static readonly LazyRegex OtherScriptStance = PhraseScan.Lazy(
        "(?:про)?голос\\w*\\s+(?:за\\s+)?[«\"„]?(?:так|ні)\\b|[«\"„](?:так|ні)[»\"“]|\\b(?:так|ні)\\s+(?:за|на)\\s"
        + "|(?:يصو[ّ]?ت|صو[ّ]?توا|التصويت|تصويت|أصو[ّ]?ت|صو[ّ]?ت)\\s+(?:ب)?[\"«“]?(?:نعم|لا)\\b"
        + "|投\\s*[\"“「]?(?:是|否|赞成|反对|贊成|反對)"
        + "|\\b(?:bầu|bỏ\\s+phiếu|chọn)\\s+[\"“]?(?:có|không|thuận|chống)\\b");

    // What explains a vote in those languages: "означає", "يعني", "意味着", "nghĩa là"; and homework.
    private static readonly LazyRegex OtherScriptTraps = PhraseScan.Lazy(
        "означа\\w*|якщо\\s+(?:ви\\s+)?проголос\\w*|домашн\\w*|контрольн\\w*|يعني|تعني|واجب|意味|表示|作业|作業|nghĩa\\s+là|nếu\\s+(?:bạn\\s+)?bầu|bài\\s+tập");

    // What makes the number a count or a score instead: "yes on 2 of the 5 items", "no on 3%".
    private static readonly LazyRegex ACount = PhraseScan.Lazy("^\\s*(?:%|percent\\b|of\\b|out\\b|de\\b|por\\b|[.,:]\\d)");

    // The question is found first, on the few clauses that hold one of its words; the stance is then looked for in the
    // 160 characters on either side (a pattern spanning both read whole texts, at about 5 µs a message).
    private static readonly string[] QuestionWords =
        ["question", "prop", "proposition", "amendment", "pregunta", "propuesta", "pytanie", "pytania", "pytaniu", "pytaniem", "kesyon", "tanong"];

    private static readonly PhrasePattern QuestionTrigger = PhraseScan.WordTrigger(
        Question,
        QuestionWords,
        "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9");

    // Read only where one of these stands (its words are too common for the lexicon: "no", "on", "la").
    private static readonly LazyRegex BareNumberPattern = PhraseScan.Lazy(BareNumber);

    private static readonly string[] BareNumberWords = ["yes on ", "no on ", " a la ", " sou ", " pou "];

    private static readonly System.Buffers.SearchValues<string> BareNumberHints = System.Buffers.SearchValues.Create(BareNumberWords, StringComparison.Ordinal);

    private static readonly LazyRegex StanceNear = PhraseScan.Lazy(Stance);

    private static readonly LazyRegex StanceJustBefore = PhraseScan.Lazy(StanceOn + "$");

    private const int Window = 160;

    // What explains a vote instead of asking for one: the district's fact sheet.
    private const string FactSheet =
        "means|would\\s+mean|a\\s+(?:yes|no)\\s+vote|if\\s+(?:you\\s+)?vote|if\\s+(?:it\\s+)?(?:passes|fails)|fact\\s+sheet|both\\s+sides|nonpartisan|non-partisan"
        + "|significa|hoja\\s+informativa|ambos\\s+lados";

    // And around a question named by its number, homework too ("answer question 1", "tarea"). The bare-number idiom
    // ("Yes on 1") is no exercise's wording, so a homework pass offered for a yard sign is still an ask.
    private const string HomeworkWords = "homework|worksheet|quiz|test|exam|answers?|tarea|examen";

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy("\\b(?:" + FactSheet + "|" + HomeworkWords + "|respond\\w*)\\b");

    private static readonly LazyRegex FactSheetTraps = PhraseScan.Lazy("\\b(?:" + FactSheet + ")\\b");

    // A ballot question by its number, for NoCampaignContext: "Question 1", "Prop 22", "Yes on 1", "Питання 1", "第一号问题".
    // "Q1" alone is not read: in school mail it is most often a quarter. A question on a worksheet is not one.
    private static readonly LazyRegex NamedQuestion = PhraseScan.Lazy(NumberedQuestion + "|" + BareNumber);

    private static readonly System.Buffers.SearchValues<string> NamedQuestionHints = System.Buffers.SearchValues.Create(
        [.. QuestionWords, .. BareNumberWords], StringComparison.Ordinal);

    private static readonly LazyRegex Homework = PhraseScan.Lazy("\\b(?:" + HomeworkWords + "|page|p[aá]gina)\\b");

    /// <summary>
    /// True when the field names a ballot question by its number, away from homework words, whatever it says about it:
    /// a ballot question is what campaign work can serve without naming a candidate or a campaign word.
    /// </summary>
    internal static bool NamesQuestion(TextField field)
    {
        var lower = field.Lower;
        if (lower.IndexOfAny(NamedQuestionHints) >= 0)
        {
            foreach (var match in NamedQuestion.EnumerateMatches(lower))
            {
                var end = match.Index + match.Length;
                if (!ACount.IsMatch(lower.Slice(end)) && !Homework.IsMatch(field.Around(match.Index, end, 150)))
                {
                    return true;
                }
            }
        }

        return field.MayMatchOtherScripts(OtherScriptQuestion) && OtherScriptQuestion.IsMatch(lower);
    }

    public string Name => "BallotQuestionStance";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.VoteSolicitation];

    public IEnumerable<PhrasePattern> Phrases => [QuestionTrigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, QuestionTrigger, static (ctx, field, index, length) =>
            Stanced(field, index, index + length, StanceNear, justBefore: true) is { } from && !LookAlikes.AreNear(field, from, index + length, 150, OwnTraps),
            note: "a stance on this ballot question next to it");
        if (found is null && FindBareNumber(context) is { } bare)
        {
            found = [bare];
        }

        if (found is null && FindInOtherScripts(context) is { } other)
        {
            found = [other];
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    private static Evidence? FindBareNumber(DetectionContext context) => PhraseScan.FirstOutsideLexicon(
        context, BareNumberPattern, static field => field.Lower.IndexOfAny(BareNumberHints) >= 0,
        static (_, field, start, length) => !ACount.IsMatch(field.Lower.Slice(start + length)) && !LookAlikes.AreNear(field, start, start + length, 150, FactSheetTraps),
        "a stance on a ballot question by its number");

    private static Evidence? FindInOtherScripts(DetectionContext context) => PhraseScan.FirstOutsideLexicon(
        context, OtherScriptQuestion, static field => field.HasOtherScripts,
        static (_, field, start, length) => Stanced(field, start, start + length, OtherScriptStance, justBefore: false) is not null
            && !LookAlikes.AreNear(field, start, start + length, 150, OtherScriptTraps),
        "a stance on this ballot question next to it");

    // Where the stance starts when there is one on the question: just before it ("yes on Question 1", the Latin-letter
    // languages' form, when `justBefore`), or, when a stance stands within the window around it in the same paragraph
    // ("Q1 … Vote NO."), the question itself; null when none.
    private static int? Stanced(TextField field, int at, int end, Regex stanceNear, bool justBefore)
    {
        var lower = field.Lower;
        var before = lower[Math.Max(0, at - 40)..at];
        if (justBefore && StanceJustBefore.Match(before.ToString()) is { Success: true } adjacent)
        {
            return at - before.Length + adjacent.Index;
        }

        var from = Math.Max(0, at - Window);
        var to = Math.Min(lower.Length, end + Window);
        var paragraphStart = lower[from..at].LastIndexOf("\n\n");
        var paragraphEnd = lower[end..to].IndexOf("\n\n");
        from = paragraphStart < 0 ? from : from + paragraphStart + 2;
        to = paragraphEnd < 0 ? to : end + paragraphEnd;
        return stanceNear.IsMatch(lower[from..to]) ? at : null;
    }
}
