using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// Words that put a phrase in an election campaign's context ("campaign", "candidate", "for Mayor", "re-elect",
/// "campaña", a registered name). Signals whose trigger words have innocent uses ("rally", "survey",
/// "service hours") fire only when one of these is near. Patterns read the lower-cased text.
/// </summary>
internal static class CampaignTerms
{
    private const string Offices =
        "mayor|congress|senate|governor|president|alder(?:man|person|woman)|city\\s+council|state\\s+(?:rep(?:resentative)?|senat(?:e|or))|"
        + "sheriff|judge|treasurer|clerk|assessor|comptroller|attorney\\s+general|county\\s+board|school\\s+board";

    private const string OficinasEs = "alcalde|alcaldesa|gobernador|gobernadora|senador|senadora|congreso|concejal|concejala|presidente|presidenta";

    // "campaign" after these words is marketing or civic work, not an election campaign.
    internal static readonly LazyRegex Terms = new(
        "(?<!(?:marketing|awareness|ad|advertising|email|e-mail|recruitment|enrollment|enrolment|safety|media|social|vaccination|literacy|"
        + "fundraising|capital|ad-free|holiday|spring|fall|winter|summer|anti-bullying|kindness|wellness|reading|food|coat|toy|book)\\s)"
        + "\\bcampaign(?:s|ing|ers?)?\\b"
        + "|\\bcandidat(?:e|es|ate|o|os|a|as)\\b|\\bcandidacy\\b"
        + "|\\b(?:for|4)\\s+(?:" + Offices + ")\\b"
        + "|\\brunning\\s+for\\b|\\bre-?elect\\w*|\\belect\\s+\\p{L}"
        + "|\\bballots?\\b|\\belection\\s+day\\b|\\belections?\\b|\\bpolitical\\b|\\bsuper\\s*pac\\b|\\bpac\\b"
        + "|\\bdemocrat(?:s|ic)?\\b|\\brepublicans?\\b|\\bgop\\b|\\bdnc\\b|\\brnc\\b|\\bdccc\\b|\\bnrcc\\b|\\bdscc\\b|\\bnrsc\\b"
        + "|\\bendorse(?:s|d|ment|ments)?\\b|\\bmayoral\\b|\\baldermanic\\b|\\bgubernatorial\\b|\\bprimary\\s+election\\b"
        + "|\\b(?:school\\s+board|city\\s+council|aldermanic|ward|board)\\s+(?:race|seat)\\b|\\bcanvass\\w*|\\blit\\s+drops?\\b|\\bphone\\s*-?bank\\w*|\\byard\\s+signs?\\b"
        // Canvassing and campaign literature, the ward or precinct a race is run in, a ballot question.
        + "|\\bknock(?:s|ing|ed)?\\s+(?:on\\s+)?(?:\\w+\\s+)?doors\\b|\\bdoor-?\\s?knock\\w*|\\bdoor-?\\s?to-?\\s?door\\b|\\bdoor\\s+hangers?\\b|\\bpalm\\s+cards?\\b"
        + "|\\bprecincts?\\b|\\b\\d+(?:st|nd|rd|th)\\s+ward\\b|\\breferend(?:um|ums|a)\\b|\\breferéndum\\b"
        + "|\\bcasa\\s+(?:por|en)\\s+casa\\b|\\bde\\s+puerta\\s+en\\s+puerta\\b|\\btoca(?:r|mos|ndo)?\\s+puertas\\b"
        + "|\\bcampañas?\\b|\\belecci(?:ón|on|ones)\\b|\\breeleg\\w*|\\belige\\s+a\\b|\\bpartido\\b|\\bboleta\\b"
        + "|\\bpara\\s+(?:" + OficinasEs + ")\\b"
        // French, Polish, Tagalog, Haitian Creole (Latin letters the scan already knows): campaign, candidate, election.
        + "|\\bcampagne\\s+(?:[ée]lectorale|municipale|de\\s+\\p{L}+)|\\bcandidat(?:s|es)?\\b|\\b[ée]lections?\\b|\\bkampani\\w*|\\bkandydat\\w*|\\bwybor\\w*"
        + "|\\bkampanya\\b|\\bkandidato\\b|\\bhalalan\\b|\\bkanpay\\b|\\bkandida\\b|\\beleksyon\\b"
        // The ballot and running for office: French "bulletin de vote", "se présente", Polish "karta do głosowania",
        // "startuje", Tagalog "balota", "tumatakbo".
        + "|\\bbulletin\\s+de\\s+vote\\b|\\bse\\s+pr[ée]sente\\s+(?:aux|à|a|comme|pour)\\b|\\bkart\\w*\\s+do\\s+g[łl]osowania\\b|\\bstartuje\\s+(?:na|w|do|z)\\b|\\bbalota\\b|\\btumatakbo\\b",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // Words every match of Terms holds; a window where none starts cannot match, and Terms is not run.
    internal static readonly WordSet Anchors = new(
        ["campaign", "candida", "elect", "ballot", "politic", "pac", "democrat", "republican", "gop", "dnc", "rnc", "dccc", "nrcc", "dscc", "nrsc",
         "mayor", "congress", "senat", "governor", "president", "alder", "council", "sheriff", "judge", "treasurer", "clerk", "assessor", "comptroller",
         "attorney", "board", "running", "endorse", "canvass", "lit drop", "phone", "yard sign", "campaña", "elecci", "reeleg", "elige", "partido",
         "boleta", "alcald", "knock", "door", "palm", "precinct", "ward", "referend", "referénd", "casa", "puerta", "toca", "gobernador", "senador", "congreso", "concejal", "president", "race", "seat",
         // Matches the words above miss: "for state rep", "gubernatorial", "lit drop" across a line break, "yard signs".
         "state", "gubernatorial", "lit", "yard",
         // French, Polish, Tagalog, Haitian Creole. Cyrillic, Arabic, Chinese and Vietnamese letters would each add a
         // column to the scan's table for every state (each such letter costs about 1,500 entries).
         "campagne", "élection", "kampani", "kandydat", "wybor", "kampanya", "halalan", "kanpay", "kandida", "eleksyon",
         "bulletin", "présente", "presente", "osowania", "startuje", "balota", "tumatakbo"]);

    /// <summary>
    /// A cheap first look: false when neither the subject nor the text holds any campaign word or registered name
    /// (what <see cref="IsNear"/> looks for), so signals that need campaign words near can skip their patterns, and
    /// mail that names no campaign reads the same with a registry as without one.
    /// </summary>
    public static bool MayBeMentioned(DetectionContext context)
    {
        foreach (var field in context.Fields)
        {
            if (Anchors.IsIn(field) || (field.MayMatchOtherScripts(OtherScripts.CampaignWords) && OtherScripts.CampaignWords.IsMatch(field.Lower)))
            {
                return true;
            }
        }

        if (context.Registry.Entries.Count > 0)
        {
            foreach (var field in context.Fields)
            {
                if (context.NamesIn(field).Length > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when a campaign term, or a name in the registry, is within <paramref name="window"/> characters of the span.</summary>
    public static bool IsNear(DetectionContext context, TextField field, int start, int end, int window)
    {
        var around = field.Around(start, end, window);
        var from = Math.Max(0, start - window);
        return HasTerm(field, from, around) || context.NamesAnyIn(field, from, from + around.Length)
            || (field.MayMatchOtherScripts(OtherScripts.CampaignWords) && OtherScripts.CampaignWords.IsMatch(around));
    }

    // Terms.IsMatch(around), where `around` starts at `from` in the field: run by run (see RunScan).
    internal static bool HasTerm(TextField field, int from, ReadOnlySpan<char> around) => RunScan.IsMatch(Terms, Anchors, field, from, around);

    /// <summary>True when the text anywhere speaks of a campaign: for hosts that serve charities and campaigns alike.</summary>
    public static bool IsAnywhere(DetectionContext context)
    {
        foreach (var field in context.Fields)
        {
            if (IsNear(context, field, 0, field.Length, 0))
            {
                return true;
            }
        }

        return false;
    }
}
