using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A get-out-the-vote ask for a candidate or a side: "vote for …", "vote yes on …", "vote Democratic", "cast your
/// ballot for", "we need your vote", "GOTV"; Spanish "vota / voten / votemos por", "vota / voten sí", "tu voto por";
/// the district's other languages in Latin letters: French "votez pour", "je compte sur votre voix", Polish "głosujcie
/// na", "głosować na", Tagalog "iboto si", "pakiboto", Haitian Creole "vote pou", "vote WI"; and, outside the lexicon
/// (<see cref="OtherScripts"/>), Ukrainian "голосуйте за", Arabic
/// "صوتوا لـ", Chinese "投票给", Vietnamese "bầu cho". A neutral "remember to vote" does not match. Traps:
/// polling-place notices, nonpartisan reminders, student-council, LSC and union elections, "vote for your favourite
/// costume / the new mascot".
/// </summary>
internal sealed class VoteSolicitation : ISignal
{
    private static readonly PhrasePattern Trigger = PhraseScan.WordTrigger(
        "\\b(?:(?:vote\\s+(?:early\\s+)?(?:for|yes\\s+on|no\\s+on)|let(?:'s|’s|\\s+us)\\s+(?:all\\s+)?vote\\s+(?:for|yes\\s+on|no\\s+on)|cast\\s+(?:your|a)\\s+(?:vote|ballot)\\s+for|your\\s+vote\\s+for"
        + "|make\\s+(?:a|your)\\s+plan\\s+to\\s+vote\\s+for|return\\s+your\\s+ballot\\s+for|vot(?:a|en|emos)\\s+(?:temprano\\s+)?por|tu\\s+voto\\s+por|vote\\s+por)"
        + "\\s+[\\p{L}\\d'’-]+(?:\\s+[\\p{L}\\d'’-]+){0,2}"
        + "|(?:i'm|i\\s+am|we're|we\\s+are)\\s+asking\\s+for\\s+your\\s+vote|needs?\\s+(?:every|your)\\s+vote|(?:is|are)\\s+(?:number|no\\.|#)\\s*\\d+\\s+on\\s+(?:your|the)\\s+ballot|(?:te|les?)\\s+pido\\s+(?:tu|su)\\s+voto"
        + "|vote\\s+[\\p{L}'’-]+\\s+(?:for|para)\\s+(?:mayor|school\\s+board|alder\\w*|city\\s+council|state\\s+rep\\w*|congress|senate|governor|alcalde\\w*|concejal\\w*)\\b|vote\\s+(?:democrat(?:ic)?|republican|blue|red|straight\\s+ticket)\\b|we\\s+need\\s+your\\s+vote|get\\s+out\\s+the\\s+vote|gotv\\b"
        + "|vot(?:a|e|en|emos)\\s+(?:s[ií]\\b|no\\s+(?:a|en)\\b)|necesitamos\\s+tu\\s+voto"
        // French, Polish, Tagalog, Haitian Creole.
        + "|vot(?:ez|ons)\\s+(?:pour|oui|non)\\b|(?:allez|venez|allons)\\s+voter\\s+pour\\b|compte\\s+sur\\s+(?:votre|ta|vos)\\s+(?:voix|vote)\\b|(?:donnez|accordez)(?:-lui)?\\s+votre\\s+voix\\b"
        + "|(?:za)?g[łl]osuj(?:cie|my|emy)?\\s+na\\b|(?:za)?g[łl]osowa[ćc]\\s+na\\b|odda(?:j|jcie|[ćc])\\s+(?:sw[óo]j\\s+)?g[łl]os\\s+na\\b"
        + "|\\biboto\\s+(?:po\\s+)?(?:si|ang|natin)\\b|\\bpaki(?:i)?boto\\b|\\bbumoto\\s+(?:po\\s+)?(?:kay|para\\s+kay)\\b|\\bvote\\s+(?:pou|wi)\\b)",
        ["vote", "ballot", "gotv", "vota", "voto", "głosuj", "glosuj", "zagłosuj", "zaglosuj", "głosowa", "glosowa", "zagłosowa", "zaglosowa", "odda",
         "iboto", "bumoto", "compte", "voix", "pakiboto", "pakiiboto"]);

    private static readonly LazyRegex OwnTraps = PhraseScan.Lazy(
        "\\b(?:favou?rite|poster|costume|contest|field\\s+trip|best|student\\s+of\\s+the\\s+month|teacher\\s+of\\s+the\\s+year|yearbook|mascot|"
        + "spirit\\s+week|theme|menu|lunch|name\\s+the|concurso|disfraz|mascota|favorit[oa])\\b");

    public string Name => "VoteSolicitation";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.VoteSolicitation];

    public IEnumerable<PhrasePattern> Phrases => [Trigger];

    public SignalHit? Evaluate(DetectionContext context)
    {
        var found = PhraseScan.Find(context, Trigger, static (_, field, index, length) =>
            !LookAlikes.AreNear(field, index, index + length, 200)
            && !OwnTraps.IsMatch(field.Around(index, index + length, 60)));
        if (found is null && FindInOtherScripts(context) is { } other)
        {
            found = [other];
        }

        return found is null ? null : new SignalHit(Categories, found);
    }

    // Vote asks in Ukrainian, Arabic, Chinese and Vietnamese, which the lexicon cannot see (OtherScripts).
    private static Evidence? FindInOtherScripts(DetectionContext context) => PhraseScan.FirstOutsideLexicon(
        context, OtherScripts.VoteAsks, static field => field.HasOtherScripts, static (_, field, start, length) => !LookAlikes.AreNear(field, start, start + length, 200));
}
