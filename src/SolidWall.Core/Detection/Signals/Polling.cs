using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A campaign's poll or survey of the reader: "take our quick poll", "official 2024 voter survey", "who are you
/// voting for"; Spanish "responde nuestra encuesta", "¿por quién vas a votar?". The vote-intention question as
/// pollsters ask it ("if the election were today", "who are you leaning toward", "more or less likely to vote for")
/// in the district's Latin-script languages, and outside the lexicon (<see cref="OtherScripts.Polls"/>) in Ukrainian,
/// Arabic, Chinese and Vietnamese; and a choice of candidates with an undecided option ("Carrillo / Abernathy / no
/// sé"). Needs campaign words near (a registered name counts). Traps: polling places and hours, parent, climate and
/// 5Essentials school surveys, mock and student-council elections, lessons and homework, news of a poll's result.
/// </summary>
internal sealed class Polling : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:(?:take|answer|complete|fill\\s+out|respond\\s+to)\\s+(?:our|the|this|a|my)\\s+(?:quick\\s+|short\\s+|official\\s+|\\d+-?\\s*(?:second|minute)\\s+)?(?:straw\\s+)?(?:poll|survey)"
        + "|(?:official|presidential|candidate|voter|election|campaign|straw)\\s+(?:poll|survey)"
        + "|who\\s+(?:are\\s+you|will\\s+you)\\s+(?:voting|vote)\\s+for|which\\s+candidate\\s+(?:do|will|are|would)"
        + "|(?:responde|contesta|completa|llena)\\s+(?:nuestra|la|esta)\\s+encuesta|encuesta\\s+(?:oficial|electoral|de\\s+campa[ñn]a)"
        + "|por\\s+qui[eé]n\\s+(?:vas\\s+a\\s+votar|votar[aá]s)"
        // The vote-intention question, as pollsters ask it: "if the election were today", "who are you leaning
        // toward", "more or less likely to vote for", "a favorable or unfavorable opinion of"; Spanish, French,
        // Polish, Haitian Creole, Tagalog.
        + "|if\\s+the\\s+(?:\\w+\\s+){0,3}election\\s+(?:were|was)\\s+(?:held\\s+)?today"
        + "|who\\s+(?:would|will|do|are|did)\\s+you\\s+(?:plan(?:ning)?\\s+to\\s+)?(?:vote|voting|support|supporting|leaning)"
        + "|which\\s+(?:\\w+\\s+)?candidate\\s+(?:do|will|are|would|is)\\b|(?:more|less)\\s+(?:or\\s+less\\s+)?likely\\s+to\\s+vote\\s+for"
        + "|(?:favorable|unfavorable|favourable|unfavourable)\\s+(?:or\\s+(?:un)?favou?rable\\s+)?(?:opinion|view|impression)\\s+of"
        + "|si\\s+(?:la\\s+elecci[oó]n\\s+)?fuera\\s+hoy|por\\s+qui[eé]n\\s+(?:piens\\w+|planea\\w*|va[ns]?\\s+a\\s+votar|van?\\b|vot(?:as|a|an|ar[aá]s?|ar[aá]n|ar[ií]as?|ar[ií]an)\\b)"
        + "|(?:a|con)\\s+qui[eé]n\\s+(?:apoy\\w+|est[aá]s?|est[aá]n|estar[ií]a\\w*|van?)\\b|(?:m[aá]s|menos)\\s+(?:o\\s+menos\\s+)?probable\\s+que\\s+vot"
        + "|opini[oó]n\\s+(?:favorable|desfavorable)"
        + "|pour\\s+qui\\s+(?:allez|comptez|pensez|votez|voteriez|voterez|voterais|vas|penses|comptes)\\w*|si\\s+l'[ée]lection\\s+avait\\s+lieu\\s+aujourd'hui"
        + "|na\\s+kogo\\s+(?:\\w+\\s+)?(?:g[łl]osuj|zag[łl]osuj|planuj|oddacie|oddasz|chcecie|chcesz)\\w*|gdyby\\s+wybory\\s+(?:odby[łl]y\\s+si[ęe]|by[łl]y)\\s+dzi[śs]"
        + "|pou\\s+ki\\s+moun\\s+(?:ou|w|nou)\\s+(?:ap|pral|ta|va)\\s+(?:vote|sip[òo]te)|ki\\s+kandida\\s+(?:ou|w)\\s+(?:ap|pral|ta)\\s+(?:vote|sip[òo]te)"
        + "|sino\\s+ang\\s+(?:iboboto|ibobotohan|susuportahan|pipiliin)\\s+(?:mo|ninyo|nyo|n'yo)"
        + ")",
        ["poll", "survey", "voting for", "vote for", "candidate", "encuesta", "votar", "election", "vote", "voting", "support", "leaning",
         "likely", "favorable", "favourable", "unfavorable", "unfavourable", "desfavorable", "fuera", "quién", "quien", "probable", "allez", "comptez", "pensez", "vas", "penses", "comptes", "lieu",
         "kogo", "wybory", "moun", "kandida", "iboboto", "ibobotohan", "susuportahan", "pipiliin"],
        "voting", "vote");

    // A choice of candidates with an undecided option: "Ortiz / Whitfield / Reyes / not sure", "Carrillo / Abernathy /
    // no sé", "Mott czy Zielińska, czy jeszcze nie wiecie?"; read only beside campaign words or a registered name. A
    // pattern of its own: the commas and slashes it reads would otherwise stop no clause of the other's.
    private static readonly PhrasePattern UndecidedOption = PhraseScan.WordTrigger(
        "(?:[/,]\\s*|\\b(?:or|o|ou|czy)\\s+)(?:(?:are\\s+you\\s+|still\\s+|todav[ií]a\\s+|a[uú]n\\s+|pas\\s+encore\\s+|jeszcze\\s+|m\\s+)?"
        + "(?:undecided|not\\s+sure|haven'?t\\s+decided|no\\s+s(?:é|abe[ns]?)|indecis[oa]s?|ind[ée]cis|pas\\s+d[ée]cid[ée]s?"
        + "|nie\\s+wiem|nie\\s+wiecie|niezdecydowan\\w*|poko\\s+konnen|hindi\\s+pa\\s+(?:alam|sigurado|nakapagpasya)))\\s*(?:[?)/,]|$)",
        ["undecided", "sure", "decid", "sé", "sabe", "indecis", "indécis", "décid", "wiem", "wiecie", "niezdecydowan", "konnen", "alam", "sigurado", "nakapagpasya"]);

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\b(?:parent|climate|school|5essentials|my\\s+voice|satisfaction|customer|course|teacher|student|staff|district|wellness|lunch)\\s+(?:survey|poll)"
        + "|\\bencuesta\\s+(?:de\\s+padres|escolar|de\\s+clima|del\\s+distrito)\\b|\\bpolls?\\s+(?:open|close|are\\s+open)\\b|\\bcasilla\\b|\\blugar\\s+de\\s+votaci[oó]n\\b"
        // A mock or school election, a lesson or homework on polling, a news report of a poll; in the Latin-script
        // languages of the district.
        + "|\\bmock\\s+(?:election|vote|ballot)|\\bstudent\\s+(?:council|government)|\\bclass\\s+(?:president|officers?|election)|\\blocal\\s+school\\s+council|\\blsc\\b|\\bcaptains?\\b"
        + "|\\blesson\\b|\\bhomework\\b|\\bworksheet\\b|\\bpolls?\\s+(?:shows?|showed|finds?|found|has|had)\\b|\\baccording\\s+to\\s+(?:a|the|one)\\s+(?:new\\s+|recent\\s+|latest\\s+)?poll"
        + "|\\bsimulacro\\b|\\bconsejo\\s+estudiantil\\b|\\btarea\\b|\\blecci[oó]n\\b|\\bencuesta\\s+(?:muestra|mostr[oó]|revela)"
        + "|\\ble[çc]ons?\\b|\\bdevoirs?\\b|\\bconseil\\s+des\\s+[ée]l[èe]ves\\b|\\bsondage\\s+(?:montre|publi[ée])|\\blekcj\\w*|\\bzadani\\w*\\s+domow\\w*|\\bsamorz[ąa]d\\w*"
        + "|\\bleson\\b|\\bdevwa\\b|\\baralin\\b");

    // Whom someone votes for as something nobody may ask or tell ("No tienen que decir por quién votarían", "Nadie
    // les va a decir por quién votar", "Không cần nói em ủng hộ ai", "Керівник не може питати, за кого ви"): a
    // negation earlier in the sentence, in the district's ten languages.
    private static readonly LazyRegex NegatedBefore = PhraseScan.Lazy(
        "(?:\\bnot?\\b|n't\\b|\\bnever\\b|\\bnobody\\b|\\bno\\s+one\\b|\\bnadie\\b|\\bnunca\\b|\\bning[uú]n\\w*|\\btampoco\\b"
        + "|\\bne\\b|\\bn'|\\bpas\\b|\\bjamais\\b|\\bpersonne\\b|\\bnie\\b|\\bnikt\\b|\\bnigdy\\b|\\bpa\\b|\\bp[èe]sonn\\b|\\bhindi\\b|\\bwala\\w*|\\bhuwag\\b"
        + "|(?:^|\\s)(?:не|ні|ніхто|ніколи|không|chẳng|đừng|لا|لن|لم|ليس)(?:\\s|$)|不|别|別|没|沒|勿)[^.!?。！？\\n]*$");

    public string Name => "Polling";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Polling];

    public IEnumerable<PhrasePattern> Phrases => [Trigger, UndecidedOption];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, Asked, needsCampaign: true)
            ?? PhraseScan.Find(context, UndecidedOption, Asked, needsCampaign: true);
        if (found is null && context.MayMentionCampaign)
        {
            found = PhraseScan.FindInOtherScripts(context, OtherScripts.Polls, static (ctx, field, index, length) =>
                Asked(ctx, field, index, length) && !OtherScripts.Lessons.IsMatch(field.Around(index, index + length, 200)));
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    // A question a campaign asks: campaign words near, no trap, no negation before it.
    private static bool Asked(DetectionContext context, TextField field, int index, int length) =>
        CampaignTerms.IsNear(context, field, index, index + length, 300)
        && !LookAlikes.AreNear(field, index, index + length, 200, OwnTraps) && !Negated(field, index);

    // The 80 chars before the question, within its sentence, hold a negation.
    private static bool Negated(TextField field, int index)
    {
        var from = Math.Max(0, index - 80);
        return NegatedBefore.IsMatch(field.Lower.Slice(from, index - from));
    }
}
