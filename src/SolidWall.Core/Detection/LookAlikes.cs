using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// The allowed look-alikes of electioneering that most signals must not fire on: nonpartisan election information,
/// Local School Council and student-government elections, PTA and charity fundraising, union business, marketing
/// campaigns, ethics training. A signal checks the text around its trigger with <see cref="Common"/> and, where it
/// has its own traps, with its own pattern too. Patterns read the lower-cased text.
/// </summary>
internal static class LookAlikes
{
    public static readonly LazyRegex Common = new(
        "\\bnon-?partisan\\b|\\bno\\s+partidista\\b|\\bapartidista\\b"
        + "|\\blocal\\s+school\\s+council\\b|\\blsc\\b|\\bconsejo\\s+escolar\\s+local\\b"
        + "|\\bstudent\\s+(?:council|government|body\\s+president|senate)\\b|\\bclass\\s+(?:president|officers?)\\b|\\bhomecoming\\b|\\bprom\\s+(?:king|queen|court)\\b"
        + "|\\bgobierno\\s+estudiantil\\b|\\bconsejo\\s+estudiantil\\b"
        + "|\\bpta\\b|\\bpto\\b|\\bbooster\\s+club\\b|\\basociaci[oó]n\\s+de\\s+padres\\b"
        + "|\\bunion\\s+(?:election|officers?|delegates?|meeting|business|members?hip)\\b|\\bdelegate\\s+election\\b|\\bhouse\\s+of\\s+delegates\\b"
        + "|\\bmarketing\\s+campaign\\b|\\bcampaña\\s+(?:de\\s+)?(?:publicidad|publicitaria|de\\s+marketing)\\b"
        + "|\\bethics\\s+(?:training|office|rules?|ordinance)\\b|\\bhatch\\s+act\\b|\\bprohibited\\s+political\\s+activit\\w+"
        + "|\\belection\\s+judges?\\b|\\bpoll\\s+workers?\\b|\\bjuez\\s+electoral\\b|\\bpolling\\s+(?:place|location|station)s?\\b"
        + "|\\bcivics?\\s+(?:lesson|class|unit|education)\\b|\\bmock\\s+election\\b|\\bsimulacro\\s+electoral\\b",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    // Words every match of Common holds: a window where none starts cannot match, and Common is not run there.
    internal static readonly WordSet CommonAnchors = new(
        ["partisan", "partidista", "council", "lsc", "consejo", "student", "class", "homecoming", "prom", "estudiantil", "pta", "pto", "booster",
         "asociaci", "union", "delegate", "marketing", "campaña", "ethics", "hatch", "prohibited", "election", "poll", "juez", "civic", "simulacro"]);

    /// <summary>True when a common look-alike, or the signal's own trap pattern, is within the window around the span.</summary>
    public static bool AreNear(TextField field, int start, int end, int window, Regex? own = null)
    {
        var around = field.Around(start, end, window);
        return CommonIsIn(field, start, window, around) || (own is not null && own.IsMatch(around));
    }

    /// <summary>As above, with a trap pattern that skips windows holding none of its words.</summary>
    public static bool AreNear(TextField field, int start, int end, int window, TrapPattern own)
    {
        var around = field.Around(start, end, window);
        return CommonIsIn(field, start, window, around) || own.IsMatch(around);
    }

    private static bool CommonIsIn(TextField field, int start, int window, ReadOnlySpan<char> around)
    {
        var from = Math.Max(0, start - window);
        return RunScan.IsMatch(Common, CommonAnchors, field, from, around);
    }
}
