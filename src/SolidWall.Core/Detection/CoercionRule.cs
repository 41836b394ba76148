using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// `coercion` is pressure down the hierarchy: a supervisor pressing staff ("report your numbers", "at your
/// evaluation", "I remember who steps up") or staff pressing students (a grade, extra credit, a pizza party). Once a
/// message is electioneering, pressure language from someone inside the institution names the category, wherever it
/// stands: the <see cref="Signals.Coercion"/> signal needs campaign words near the pressure, and the subtle pushes
/// name only a person ("I told Kurt's people we'd send ten staff. I remember who steps up."), or only the leverage the
/// asker holds (next year's schedule, summer shifts, stipends, a homework pass, "I'll notice"). A colleague writing
/// from a personal mailbox ("Not school business, so it's from this account") presses as one; a campaign writing from
/// its own domain is nobody's supervisor, so its "please share with your students" stays without the category.
/// </summary>
internal static class CoercionRule
{
    // Pressure in the district's ten languages (lower-cased text).
    private const string PressureWords =
        "\\b(?:evaluations?|evaluaci[oó]n(?:es)?|remember\\s+who|(?:i'll|i\\s+will|i'd|i\\s+would)\\s+(?:know|remember|notice|see)\\s+who"
        + "|me\\s+(?:acuerdo|acordar[eé]|fijo|fijar[eé])\\s+(?:de\\s+)?qui[eé]n|(?:keep|keeping)\\s+(?:a\\s+)?(?:list|track)\\s+of\\s+who|list\\s+of\\s+who"
        + "|who\\s+(?:hasn't|has\\s+not|haven't|have\\s+not)|qui[eé]n(?:es)?\\s+(?:todav[ií]a\\s+)?no\\s+ha(?:n)?|names\\s+(?:by|from\\s+each)"
        + "|report\\s+(?:back\\s+)?(?:your\\s+)?(?:numbers?|counts?)|your\\s+numbers?\\s+by"
        + "|extra\\s+credit|extra\\s+points?|bonus\\s+points?|puntos?\\s+extras?|cr[eé]dito\\s+extra"
        + "|counts?\\s+(?:toward|towards|for|as)\\s+(?:your\\s+|a\\s+|the\\s+)?(?:final\\s+|participation\\s+)?(?:grade|credit|points?)|for\\s+(?:a\\s+)?grade"
        + "|cuenta\\s+(?:para|como)\\s+(?:la\\s+|tu\\s+|su\\s+)?(?:calificaci[oó]n|nota|cr[eé]dito)|pizza\\s+party"
        + "|mandatory|obligatori[oa]s?|required\\s+to|expected\\s+to|i\\s+expect|espero\\s+que\\s+(?:todos|todas|cada)"
        + "|keep\\s+(?:their|your)\\s+(?:positions?|jobs?|spots?)|next\\s+year's\\s+(?:schedule|assignments?|positions?))\\b"
        // French, Polish, Haitian Creole, Tagalog: the evaluation, bonus points and grades, "mandatory", "I'll remember
        // who", "who hasn't yet".
        + "|\\b(?:[ée]valuations?|points?\\s+(?:en\\s+)?(?:bonus|suppl[ée]mentaires?)|bonus\\s+de\\s+\\d+|compte\\s+pour\\s+la\\s+note|obligatoires?"
        + "|je\\s+(?:me\\s+souviendrai|saurai|verrai|noterai)\\s+(?:de\\s+)?qui|qui\\s+n'a\\s+pas\\s+encore|j'attends\\s+de\\s+(?:vous|chacun)"
        + "|ewaluacj\\w*|ocen(?:a|y|ie|ę|ą)\\b|(?:dodatkow\\w+\\s+punkt\\w*|punkt\\w*\\s+dodatkow\\w*)|obowi[ąa]zkow\\w*|zapami[ęe]tam,?\\s+kto|kto\\s+jeszcze\\s+nie|oczekuj[ęe]"
        + "|evalyasyon|pwen\\s+(?:anplis|bonis|siplemant[èe])|obligatwa|m\\s+ap\\s+(?:sonje|konnen|wè)\\s+kiy[èe]s"
        + "|ebalwasyon|dagdag\\s+na\\s+(?:puntos|grado)|sapilitan|tatandaan\\s+ko\\s+kung\\s+sino)\\b";

    // The same in Ukrainian, Arabic, Chinese, Vietnamese (Chinese without word boundaries), read only where those
    // letters stand (OtherScripts): with them in the same pattern, the engine's automaton for Latin text grows too.
    private const string PressureOtherScripts =
        "оцін(?:к|юванн)\\w*|атестаці\\w*|додатков\\w+\\s+бал\\w*|\\+\\s?\\d+\\s+бал\\w*|обов'?язков\\w*|запам'?ятаю,?\\s+хто|хто\\s+ще\\s+не"
        + "|تقييم\\w*|(?:درجات|نقاط|علامات)\\s+إضافية|إلزامي\\w*|إجباري\\w*|سأتذكر\\s+من|من\\s+لم\\s+ي"
        + "|加分|额外学分|額外學分|考核|评估|評估|必须参加|必須參加|强制|強制|记得谁|記得誰|谁还没|誰還沒|点名|點名"
        + "|điểm\\s+cộng|cộng\\s+(?:thêm\\s+)?\\d*\\s*điểm|điểm\\s+thưởng|(?:bản\\s+)?đánh\\s+giá\\s+(?:cuối\\s+năm|công\\s+việc|hiệu\\s+suất|nhân\\s+viên)|bắt\\s+buộc|sẽ\\s+nhớ\\s+ai|ai\\s+chưa";

    // Leverage: what the one who asks holds over the reader, and the watching that makes it felt. Who shows up is
    // counted ("I'll have a list", "I'll notice", "pasar lista", "zobaczę, kto", "m ap gen yon lis", "我会看"); what the
    // asker hands out is named beside it (next year's schedule, summer shifts, overtime, stipends, recommendations,
    // roles, "los turnos", "nadgodziny", "orè", "розклад", "课表"); and students are paid in grades and privileges
    // (points, a share of the grade, a homework pass, a fee waived, extra recess) or punished (laps, an essay instead,
    // a role given away). Coercion asks from personal mailboxes rarely use the words of `Pressure`: the district set's
    // 102 held 2.
    private const string LeverageWords =
        "\\b(?:i'll\\s+(?:notice|be\\s+(?:checking|watching|looking\\s+at|taking\\s+attendance|doing\\s+a\\s+walk-?through))|i\\s+will\\s+notice|will\\s+be\\s+remembered"
        + "|i'll\\s+know\\s+(?:who|which)|i'll\\s+ask\\s+(?:\\w+\\s+)?who|(?:i'll|i\\s+will)\\s+(?:have|keep|be\\s+keeping)\\s+a\\s+(?:list|sign-?in|tally)|take\\s+attendance"
        + "|(?:i'm|i\\s+am)\\s+counting\\s+on\\s+(?:all|every|each|you)|don't\\s+(?:leave|make)\\s+me\\s+look"
        + "|next\\s+year's\\s+\\w+|summer\\s+(?:school\\s+)?(?:shifts?|hours|schedule|kitchen|list)|overtime\\s+(?:list|schedule|shifts?|hours)|comp\\s+time|stipends?|recommendation\\s+letters?|letters?\\s+of\\s+recommendation|understudy"
        + "|\\d+\\s*%\\s+of\\s+(?:the|your)\\s+(?:\\w+\\s+)?grade|part\\s+of\\s+(?:the|your)\\s+grade|homework\\s+pass(?:es)?|fees?\\s+(?:is\\s+|are\\s+)?waived|extra\\s+recess|run\\s+(?:laps|suicides|sprints)"
        // Spanish, French, Polish, Haitian Creole, Tagalog.
        + "|pas(?:ar|o)\\s+lista|me\\s+acuerdo\\s+de\\s+qui[eé]n|explicarme\\s+(?:a\\s+m[ií]\\s+)?por\\s+qu[eé]|(?:vengan|p[aá]sen(?:me)?)\\s+a\\s+(?:explicarme|verme|ver\\s+a\\s+la\\s+oficina)|no\\s+me\\s+fallen"
        + "|cuento\\s+con\\s+(?:ustedes|todos|cada)|se\\s+va\\s+a\\s+notar|los\\s+turnos|\\d+\\s+puntos|fiesta\\s+de\\s+pizza|recreo\\s+extra"
        + "|je\\s+verrai\\s+(?:bien\\s+)?qui|\\d+\\s+points?\\s+sur|b[ęe]d[ęe]\\s+pami[ęe]ta[łl]\\w*,?\\s+kto|zobacz[ęe],?\\s+kto|nadgodzin\\w*|przydzia[łl]\\w*|na\\s+kogo\\s+mog[ęe]\\s+liczy[ćc]"
        + "|m\\s+ap\\s+(?:sonje|gen\\s+yon\\s+lis)|p\\s+ap\\s+bliye|or[èe]\\s+(?:pou|ane)|hindi\\s+ko\\s+(?:nakakalimutan|malilimutan|makakalimutan))\\b";

    private const string LeverageOtherScripts =
        "пам['’]?ятатиму|не\\s+забуваю,?\\s+хто|розклад\\w*|без\\s+домашнього|سأتذكر|التوصيات|نصف\\s+الدرجة"
        + "|不签|不能上场|名单我会|我会看|课表|记出勤|xét\\s+lại|không\\s+cho\\s+(?:lên|đi|tham)|ưu\\s+tiên\\s+chọn";

    // A piece of every match of Pressure and Leverage, found by the lexicon's one pass over the field
    // (SignalCatalog.Lexicon); a field holding none is not read by either pattern. PhraseAnchorsTests checks that no
    // match on the district set lacks one.
    public static WordSet Anchors { get; } = new(
    [
        // Pressure.
        "valuat", "evaluaci", "remember", "know who", "notice who", "see who", "me acuerdo", "me acordar", "me fij", "of who", "who has", "who have",
        "quien", "quién", "names by", "names from", "report", "your number", "extra", "bonus", "grade", "credit", "crédito", "point", "cuenta para",
        "cuenta como", "pizza", "mandatory", "obligato", "required to", "expected to", "i expect", "espero que", "keep their", "keep your", "next year's",
        "compte pour", "souviendrai", "saurai", "verrai", "noterai", "n'a pas encore", "j'attends", "ewaluacj", "ocen", "punkt", "obowi", "pami",
        "kto jeszcze", "oczekuj", "evalyasyon", "pwen", "obligatwa", "kiy", "ebalwasyon", "dagdag", "sapilitan", "tatandaan",
        // Leverage.
        "i'll notice", "i'll be", "will notice", "i'll know", "i'll ask", "a list", "a sign", "a tally", "attendance", "counting on", "me look", "summer",
        "overtime", "comp time", "stipend", "recommendation", "understudy", "homework pass", "waived", "run laps", "run suicides", "run sprints", "lista",
        "explicarme", "verme", "ver a la oficina", "me fallen", "cuento con", "notar", "turnos", "punt", "zobacz", "nadgodzin", "przydzia", "na kogo",
        "m ap sonje", "m ap gen", "bliye", "orè", "ore pou", "ore ane", "limutan",
    ]);

    // Three patterns: one would pass the NonBacktracking engine's limit on its automaton (10,000 nodes), and the other
    // scripts' words are read only in text that holds their letters.
    internal static readonly LazyRegex Pressure = PhraseScan.Lazy(PressureWords);

    internal static readonly LazyRegex Leverage = PhraseScan.Lazy(LeverageWords);

    private static readonly LazyRegex OtherScriptPressure = PhraseScan.Lazy(PressureOtherScripts + "|" + LeverageOtherScripts);

    /// <summary>True when an electioneering message should carry `coercion`: an insider's pressure language.</summary>
    public static bool Adds(DetectionContext context)
    {
        if (!WritesAsColleague(context))
        {
            return false;
        }

        foreach (var field in context.Fields)
        {
            if ((Anchors.IsIn(field) && (Pressure.IsMatch(field.Lower) || Leverage.IsMatch(field.Lower)))
                || (field.MayMatchOtherScripts(OtherScriptPressure) && OtherScriptPressure.IsMatch(field.Lower)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sender writes as someone inside: from the institution, or from a personal mailbox ("Not school business, so
    /// it's from this account"). A campaign's own domain is nobody's supervisor.
    /// </summary>
    private static bool WritesAsColleague(DetectionContext context) =>
        context.SenderIsInside || (context.Sender is { } sender && LiteratureRule.IsPersonalMailbox(sender));
}
