using System.Buffers;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A candidate's name (from the registry, or a "Vote for / Elect / Re-elect Jane Doe", "Doe for Mayor",
/// "Vota por …", "… para Alcalde" pattern) within a few lines of a call to action: donate, chip in, volunteer,
/// sign up, vote, RSVP. The action's kind gives the category. Traps: student-government and Local School Council
/// elections, union officer elections, "vote for your favourite poster".
/// </summary>
internal sealed class CandidateCallToAction : ISignal
{
    private const int Window = 250;

    // Case matters for the name (capitalised words), not for the verbs; this one reads the original text.
    internal static readonly PhrasePattern NamePattern = new(new LazyRegex(
        "(?:(?i:\\bvote\\s+for|\\bre-?elect|\\belect|\\bvota\\s+por|\\belige\\s+a|\\breelige\\s+a)\\s+(?<n>\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,2}))"
        + "|(?:\\b(?<n>\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,2})\\s+(?i:for|4|para)\\s+(?i:mayor|school\\s+board|board|congress|senate|governor|president|"
        + "alder(?:man|person|woman)|city\\s+council|state\\s+rep(?:resentative)?|state\\s+senate|sheriff|judge|treasurer|clerk|assessor|comptroller|"
        + "attorney\\s+general|alcalde|alcaldesa|gobernador|gobernadora|senador|senadora|congreso|concejal)\\b)",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture),
        ["vote", "elect", "vota", "board", "elige", "mayor", "congress", "senate", "governor", "president", "alder", "city council", "state rep",
         "sheriff", "judge", "treasurer", "clerk", "assessor", "comptroller", "attorney general", "alcalde", "gobernador", "senador", "congreso", "concejal"],
        "council", "state", "attorney");

    // What a clause must hold for the name pattern to match in it, read in the lower-cased copy: the first
    // alternative's verbs, or an office with the "for" / "4" / "para" before it. Most clauses an anchor lets through
    // ("board", "state", "president") hold neither.
    private static readonly SearchValues<string> CallVerbs = SearchValues.Create(["vote", "elect", "vota", "elige"], StringComparison.Ordinal);

    private static readonly SearchValues<string> Offices = SearchValues.Create(
        ["mayor", "board", "congress", "senate", "governor", "president", "alder", "council", "state", "sheriff", "judge", "treasurer", "clerk",
         "assessor", "comptroller", "attorney", "alcalde", "gobernador", "senador", "congreso", "concejal"], StringComparison.Ordinal);

    private static readonly SearchValues<string> OfficeFor = SearchValues.Create(["for", "4", "para"], StringComparison.Ordinal);

    // The first words of the pattern's offices ("school board", "city council", "state rep", "attorney general").
    private static readonly SearchValues<string> OfficeStarts = SearchValues.Create(
        ["mayor", "school", "board", "congress", "senate", "governor", "president", "alder", "city", "state", "sheriff", "judge", "treasurer", "clerk",
         "assessor", "comptroller", "attorney", "alcalde", "gobernador", "senador", "congreso", "concejal"], StringComparison.Ordinal);

    private static readonly (LazyRegex Pattern, string Category)[] Actions =
    [
        (PhraseScan.Lazy("\\b(?:donate|donation|chip\\s+in|contribute|contribution|give\\s+\\$|pitch\\s+in|dona(?:r|ción|ciones)?|contribuye|aporta(?:ción)?)\\b"), Detection.Categories.Fundraising),
        (PhraseScan.Lazy("\\b(?:volunteer|sign\\s+up|join\\s+(?:our|the)\\s+team|knock\\s+(?:on\\s+)?doors|make\\s+calls|phone\\s*bank|canvass\\w*|voluntari[oa]s?|inscr[ií]bete|[uú]nete)\\b"), Detection.Categories.VolunteerRecruitment),
        (PhraseScan.Lazy("\\b(?:vote|early\\s+vot\\w+|vota|votar|tu\\s+voto)\\b"), Detection.Categories.VoteSolicitation),
        (PhraseScan.Lazy("\\b(?:rsvp|register\\s+to\\s+attend|join\\s+us|confirma\\s+tu\\s+asistencia|acomp[aá][ñn]anos)\\b"), Detection.Categories.Event),
    ];

    internal static readonly TrapPattern OwnTraps = new(
        "\\belect(?:ing)?\\s+(?:officers|delegates|representatives|a\\s+new)\\b|\\bfavou?rite\\b|\\bposter\\s+contest\\b|\\bcostume\\b|\\bmascot\\b|\\bstudent\\s+of\\s+the\\s+month\\b",
        "elect", "favo", "poster", "costume", "mascot", "student");

    public string Name => "CandidateCallToAction";

    public double Weight => 3.2;

    public IReadOnlyList<string> Categories { get; } =
        [Detection.Categories.Fundraising, Detection.Categories.VolunteerRecruitment, Detection.Categories.VoteSolicitation, Detection.Categories.Event];

    public IEnumerable<PhrasePattern> Phrases => [NamePattern];

    public SignalHit? Evaluate(DetectionContext context)
    {
        foreach (var field in context.Fields)
        {
            if ((FromRegistry(context, field) ?? FromPattern(field)) is { } hit)
            {
                return hit;
            }
        }

        return null;
    }

    private static SignalHit? FromRegistry(DetectionContext context, TextField field)
    {
        foreach (var (index, length, entry) in context.NamesIn(field))
        {
            if (Check(field, index, length, $"registered {entry.Kind.ToString().ToLowerInvariant()} '{entry.Name}'") is { } hit)
            {
                return hit;
            }
        }

        return null;
    }

    private static SignalHit? FromPattern(TextField field)
    {
        // The pattern reads the original text, the keywords and anchors its lower-cased copy, which has the same
        // offsets; under the invariant culture (?i) matches exactly the characters whose lower case is the letter.
        if (!NamePattern.Anchors.IsIn(field))
        {
            return null;
        }

        foreach (var (start, length) in NamePattern.ClausesOf(field))
        {
            var from = EarliestStart(field, start, length);
            if (from < 0)
            {
                continue;
            }

            // Matches found without a Match object each, from where the first can start (the word before it still
            // seen by \b); the name is captured again only for the one that is reported.
            foreach (var match in NamePattern.Regex.EnumerateMatches(field.Original.AsSpan(start, length), from))
            {
                var index = start + match.Index;
                if (ActionNear(field, index, match.Length) is { } action)
                {
                    return Hit(field, index, match.Length, $"candidate '{NameAt(field, start, length, index)}'", action);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A point in the clause no match starts before, or -1 when none can start: three characters before the first
    /// of the verbs followed by a space ("re-elect "), or, with an office in the clause, the start of the run of name
    /// characters (letters, spaces, apostrophes, dots, hyphens; anything not ASCII, to be safe) that ends at the
    /// first "for" / "4" / "para" standing between spaces and followed by an office's first word.
    /// </summary>
    internal static int EarliestStart(TextField field, int start, int length)
    {
        var clause = field.Lower.Slice(start, length);
        var verb = FirstSpaced(clause, CallVerbs, needSpaceBefore: false, needOffice: false);
        var from = verb < 0 ? -1 : Math.Max(0, verb - 3);
        var office = clause.ContainsAny(Offices) ? FirstSpaced(clause, OfficeFor, needSpaceBefore: true, needOffice: true) : -1;
        if (office >= 0)
        {
            var original = field.Original.AsSpan(start, length);
            while (office > 0 && original[office - 1] is var c && (char.IsLetter(c) || char.IsWhiteSpace(c) || c is '\'' or '’' or '.' or '-' or > '\x7f'))
            {
                office--;
            }

            from = from < 0 ? office : Math.Min(from, office);
        }

        return from;
    }

    // The first of the words followed by a space (and preceded by one, and followed after the spaces by an office's first word, when asked).
    private static int FirstSpaced(ReadOnlySpan<char> clause, SearchValues<string> words, bool needSpaceBefore, bool needOffice)
    {
        for (var at = 0; at < clause.Length;)
        {
            var found = clause[at..].IndexOfAny(words);
            if (found < 0)
            {
                return -1;
            }

            var index = at + found;
            var end = index + WordLengthAt(clause[index..]);
            if (end < clause.Length && char.IsWhiteSpace(clause[end]) && (!needSpaceBefore || (index > 0 && char.IsWhiteSpace(clause[index - 1]))))
            {
                var after = end;
                while (after < clause.Length && char.IsWhiteSpace(clause[after]))
                {
                    after++;
                }

                if (!needOffice || clause[after..].IndexOfAny(OfficeStarts) == 0)
                {
                    return index;
                }
            }

            at = index + 1;
        }

        return -1;
    }

    // Which word of CallVerbs or OfficeFor starts the text (one does): its length.
    private static int WordLengthAt(ReadOnlySpan<char> text) =>
        text.StartsWith("elect") || text.StartsWith("elige") ? 5 : text.StartsWith("vote") || text.StartsWith("vota") || text.StartsWith("para") ? 4 : text.StartsWith("for") ? 3 : 1;

    // The same scan with captures, up to the match at `index`: EnumerateMatches and Match/NextMatch find the same matches.
    private static string NameAt(TextField field, int start, int length, int index)
    {
        for (var match = NamePattern.Regex.Match(field.Original, start, length); match.Success; match = match.NextMatch())
        {
            if (match.Index == index)
            {
                return match.Groups["n"].Value;
            }
        }

        throw new InvalidOperationException("the name pattern's two scans disagree");
    }

    // The call to action must lie outside the name's own words, so "Vote for Jane Doe" alone is VoteSolicitation's, not ours.
    private static SignalHit? Check(TextField field, int index, int length, string note) =>
        ActionNear(field, index, length) is { } action ? Hit(field, index, length, note, action) : null;

    private static SignalHit Hit(TextField field, int index, int length, string note, (string Category, int Index, int Length) action) =>
        new([action.Category], [field.At(index, length, note), field.At(action.Index, action.Length, "call to action")]);

    private static (string Category, int Index, int Length)? ActionNear(TextField field, int index, int length)
    {
        if (LookAlikes.AreNear(field, index, index + length, Window, OwnTraps))
        {
            return null;
        }

        var before = Math.Max(0, index - Window);
        var after = Math.Min(field.Length, index + length + Window);
        foreach (var (pattern, category) in Actions)
        {
            var action = FirstMatch(pattern, field.Lower, index + length, after) ?? FirstMatch(pattern, field.Lower, before, index);
            if (action is { } a)
            {
                return (category, a.Index, a.Length);
            }
        }

        return null;
    }

    private static (int Index, int Length)? FirstMatch(Regex pattern, ReadOnlySpan<char> lower, int from, int to)
    {
        foreach (var match in pattern.EnumerateMatches(lower.Slice(from, to - from)))
        {
            return (from + match.Index, match.Length);
        }

        return null;
    }
}
