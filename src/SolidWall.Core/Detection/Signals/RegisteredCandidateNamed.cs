namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A registered candidate is named by one part of their name alone: "Kurt's people need ten staff Saturday",
/// "las tarjetas de Tomás", "don't forget Hanneman in Nov". Subtle asks name the candidate the way colleagues speak of
/// them, and nothing else in them names a campaign; the full name is <see cref="RegisteredCampaignMention"/>'s. Weak
/// evidence on purpose, since a teacher may share a candidate's first name or surname, so the part is not counted
/// where it is someone else: a surname after a title ("Ms. Ortiz", "Sra. Reyes", "Coach Pierce"), a part beside a
/// different first name or surname ("Maribel Reyes", "Dana Ortiz-Keller"), the sender's own name where the sender writes
/// from inside, or a colleague's she writes to (<see cref="DetectionContext.InsideNameWords"/>: "Yolanda" signing), or inside an address or a word. A first
/// name after a title counts ("pani Dorota", "Mayor Dana"), and so does the full name declined ("Дороти Зелінської"),
/// which no other signal reads. Read on the original text: the part must be capitalised as a name is. Quiet without a
/// registry.
/// Three signals read the same names, so that each has its own weight: <c>RegisteredCandidateNamed</c> where the author's
/// own words (the subject, or the text before anything quoted or forwarded) name the candidate by surname,
/// <c>RegisteredCandidateFirstName</c> where they name the candidate by first name, and <c>RegisteredCandidateQuoted</c>
/// where only the quoted or forwarded text does, by either: a relay, but as often a refusal or a report quoting the
/// campaign. Colleagues who push a candidate speak of "Kurt" and "Dana"; a news clipping, a report or a lesson speaks
/// of "Hanneman" and "Ortiz". Fitted on all the data, a first name weighs +2.06 and a surname +0.46 (docs/DETECTION.md).
/// </summary>
/// <param name="quoted">Read only the quoted or forwarded text (either part of the name).</param>
/// <param name="firstNames">In the author's own words, read first names instead of surnames.</param>
internal sealed class RegisteredCandidateNamed(bool quoted = false, bool firstNames = false) : ISignal
{
    // The word before a part that makes it someone's title-and-name: lower-cased, without its period.
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "profe", "profa", "professor", "coach", "teacher", "sr", "sra", "srta",
        "señor", "señora", "señorita", "senor", "senora", "maestro", "maestra", "pan", "pani", "mme", "mlle", "m", "gng", "bb",
        "ginang", "g", "madame", "monsieur", "thầy", "cô", "пан", "пані",
    };

    // A capitalised word before a surname that asks for the candidate rather than naming someone else ("Vote Sobczak",
    // "Re-elect Mott", "Vota Reyes"): the sentence's first word, not a first name.
    private static readonly HashSet<string> AskWords = new(StringComparer.Ordinal)
    {
        "vote", "elect", "reelect", "support", "back", "choose", "pick", "remember", "thank", "thanks",
        "vota", "voten", "votemos", "apoya", "apoyen", "apoyemos", "elijan", "votez", "soutenez", "głosuj", "głosujcie",
        "poprzyj", "poprzyjcie", "голосуйте", "підтримайте",
    };

    public string Name => quoted ? "RegisteredCandidateQuoted" : firstNames ? "RegisteredCandidateFirstName" : "RegisteredCandidateNamed";

    public double Weight => 0.5;

    public IReadOnlyList<string> Categories { get; } = [];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (!HasCandidateNames(context))
        {
            return null;
        }

        // Both signals read the same places, found once per message.
        var found = context.CandidateParts ??= FindAll(context);
        List<Evidence>? evidence = null;
        HashSet<CandidateNamePart>? reported = null;
        foreach (var (field, at, length, part) in found)
        {
            var inOwnWords = field.Where == "subject" || context.InOwnWords(at);
            if (quoted && inOwnWords)
            {
                return null;
            }

            if ((!quoted && (!inOwnWords || part.IsSurname == firstNames)) || IsSendersOwn(context, field, at, length)
                || !(reported ??= []).Add(part))
            {
                continue;
            }

            evidence ??= [];
            evidence.Add(field.At(at, length,
                $"registered candidate {part.Entry.Candidate} ({part.Entry.Name}) named by {(part.IsSurname ? "surname" : "first name")} alone{(quoted ? ", in quoted or forwarded text" : "")}"));
            if (!quoted && evidence.Count == PhraseScan.MaxEvidence)
            {
                break;
            }
        }

        return evidence is null ? null : new SignalHit(Categories, quoted && evidence.Count > PhraseScan.MaxEvidence ? evidence[..PhraseScan.MaxEvidence] : evidence);
    }

    /// <summary>
    /// Whether a registered candidate is named by a first name or surname alone anywhere in the message, the sender's
    /// own name aside: campaign context for a counter-signal, as it is evidence for this one.
    /// </summary>
    internal static bool NamesACandidate(DetectionContext context) => NamesACandidateIn(context, field: null, 0, int.MaxValue);

    /// <summary>
    /// Whether a registered candidate is named by a first name or surname alone in <paramref name="field"/> (any field
    /// when null) between <paramref name="start"/> and <paramref name="end"/>, the sender's own name aside: "remember
    /// her" needs her near.
    /// </summary>
    internal static bool NamesACandidateIn(DetectionContext context, TextField? field, int start, int end)
    {
        if (!HasCandidateNames(context))
        {
            return false;
        }

        foreach (var (inField, at, length, _) in context.CandidateParts ??= FindAll(context))
        {
            if ((field is null || ReferenceEquals(inField, field)) && at < end && at + length > start && !IsSendersOwn(context, inField, at, length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCandidateNames(DetectionContext context) => context.Registry.Entries.Count > 0 && !context.Registry.CandidateNames.IsEmpty;

    // The sender's own name signing the mail, or a colleague's she writes to, not the candidate's (DetectionContext.InsideNameWords).
    private static bool IsSendersOwn(DetectionContext context, TextField field, int at, int length) =>
        context.InsideNameWords is { } own && Model.WorldNames.IsOwn(field.Original.AsSpan(at, length), own);

    // Every place a candidate's name part stands alone as the candidate: in field order, then by place, then in the
    // order of the index's parts. A part in a script with case is looked for only where a word starts with one of
    // their first characters (mostly capitals); one without case by one search for all of them (CandidateNameIndex).
    // One search for every part anywhere, then the checks at each find, took 9 µs a message with the district set's
    // registry, and visiting every word start 7.
    private static List<(TextField Field, int At, int Length, CandidateNamePart Part)> FindAll(DetectionContext context)
    {
        var index = context.Registry.CandidateNames;
        var found = new List<(TextField, int, int, CandidateNamePart)>();
        var hits = new List<(int At, int Part, int Length)>();
        foreach (var field in context.Fields)
        {
            var text = field.Original;
            hits.Clear();
            for (var at = 0; at < text.Length; at++)
            {
                var next = text.AsSpan(at).IndexOfAny(index.CasedFirst);
                if (next < 0)
                {
                    break;
                }

                at += next;
                if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || !index.CasedByFirst.TryGetValue(text[at], out var cased))
                {
                    continue;
                }

                foreach (var p in cased)
                {
                    Add(text, at, p);
                }
            }

            var casedHits = hits.Count;
            if (index.UncasedSearch is { } search && text.AsSpan().ContainsAny(index.UncasedFirst))
            {
                for (var from = 0; from < text.Length;)
                {
                    var next = search.IndexIn(text.AsSpan(from));
                    if (next < 0)
                    {
                        break;
                    }

                    var at = from + next;
                    from = at + 1;
                    foreach (var p in index.Uncased)
                    {
                        Add(text, at, p);
                    }
                }
            }

            if (casedHits > 0 && hits.Count > casedHits)
            {
                hits.Sort();
            }

            foreach (var (at, p, length) in hits)
            {
                found.Add((field, at, length, index.Parts[p]));
            }
        }

        return found;

        void Add(string text, int at, int p)
        {
            var part = index.Parts[p];
            if (text.AsSpan(at).StartsWith(part.Search, StringComparison.Ordinal) && Matches(text, at, part.Search.Length, part) is var length and > 0)
            {
                hits.Add((at, p, length));
            }
        }
    }

    // Ukrainian declines names ("Дорота", "Дороти", "Дороту", "Доротою"), and Polish too ("Dorota", "Doroty", "Dorotę";
    // "Mott", "Motta", "Mottowi"): a part is looked for by its stem (CandidateNamePart.Search), after which a Cyrillic
    // part may run on by up to three letters and a Latin one take one of Polish's case endings; a part that ends in a
    // consonant takes its language's case endings.
    private static readonly string[] PolishEndings = ["a", "u", "y", "i", "e", "ę", "ą", "em", "ie", "owi", "ej", "iej", "om", "ego"];

    // After a name that ends in a consonant ("Мотт", "Марш"): the case endings only, so that "Маршрут" is not Marsh.
    internal static readonly string[] UkrainianEndings = ["а", "у", "ові", "ом", "і", "е", "ю", "ем", "ою", "и", "ого", "ій"];

    private static bool IsEnding(ReadOnlySpan<char> ending, string[] endings)
    {
        foreach (var candidate in endings)
        {
            if (ending.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04ff';

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06ff';

    /// <summary>
    /// The length of the candidate's name part found at <paramref name="at"/> (its search string <paramref name="found"/>
    /// characters long), 0 when it is not the candidate there: a whole word, no title, no other name beside it.
    /// Chinese writes names without spaces, so a Han part needs no word edge; Arabic joins "for", "with" and "and" to the
    /// name ("لتوماس"), so one such letter may precede it.
    /// </summary>
    internal static int Matches(string text, int at, int found, CandidateNamePart part)
    {
        var end = at + found;
        var first = part.Part[0];
        if (!char.IsUpper(first) && !char.IsLower(first))
        {
            if (!IsArabic(first))
            {
                return found; // Han and other scripts without word spaces
            }

            var before = at == 0 || !char.IsLetter(text[at - 1])
                || ("وبلفك".Contains(text[at - 1], StringComparison.Ordinal) && (at == 1 || !char.IsLetter(text[at - 2])));
            return before && (end == text.Length || !char.IsLetter(text[end])) ? found : 0;
        }

        // Letters that run on after the search string: none, the vowel the stem dropped, or a case ending.
        var run = end;
        while (run < text.Length && char.IsLetter(text[run]) && run - end < 4)
        {
            run++;
        }

        var ending = text.AsSpan(end, run - end);
        var declined = IsCyrillic(first)
            ? found < part.Part.Length ? ending.Length <= 3 : IsEnding(ending, UkrainianEndings) // "Дорот" + "ою"; "Мотт" + "а"
            : ending.SequenceEqual(part.Part.AsSpan(found)) || IsEnding(ending, PolishEndings); // "Dorot" + "y"; "Mott" + "a"
        if (!declined && !ending.IsEmpty)
        {
            return 0;
        }

        end = run;
        return IsTheCandidate(text, at, end, part) ? end - at : 0;
    }

    /// <summary>Whether the part from <paramref name="at"/> to <paramref name="end"/> stands alone as this candidate's name: a whole word, no title, no other name beside it.</summary>
    internal static bool IsTheCandidate(string text, int at, int end, CandidateNamePart part)
    {
        // A whole word, not inside an address, a link or a compound name ("Ortiz-Keller", "reyes@").
        if ((at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '-' or '@' or '.' or '/' or '_'))
            || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '@' or '_' || (text[end] == '.' && end + 1 < text.Length && char.IsLetter(text[end + 1])))))
        {
            return false;
        }

        var before = WordBefore(text, at);
        var after = WordAfter(text, end);

        // The full name as written is RegisteredCampaignMention's; a different name beside the part is a different
        // person; the full name declined ("Дороти Зелінської", "Grace Kowalczyk" is not declined) is the candidate's
        // and no other signal's.
        if (part.IsSurname && before.Word.Length > 0 && before.Adjacent && char.IsUpper(before.Word[0]) && !AskWords.Contains(before.Word.ToLowerInvariant()))
        {
            return IsDeclined(before.Word, part.Other);
        }

        if (!part.IsSurname && after.Length > 0 && char.IsUpper(after[0]))
        {
            return IsDeclined(after, part.Other);
        }

        // A title before a surname is most often a teacher who shares it ("Ms. Ortiz", "Sra. Reyes"); before a first name
        // it is how Polish, Ukrainian and French speak of any adult ("pani Dorota", "пані Дорота").
        return !part.IsSurname || before.Word.Length == 0 || !Titles.Contains(before.Word.ToLowerInvariant());
    }

    // Whether `word` is `other` (the candidate's other name part) in another case: its stem, then a short ending.
    private static bool IsDeclined(string word, string other)
    {
        if (other.Length < 3 || word == other)
        {
            return false;
        }

        var stem = CandidateNamePart.StemOf(other);
        return word.StartsWith(stem, StringComparison.Ordinal) && word.Length - stem.Length <= 3;
    }

    // The word just before `at`, skipping blanks and a title's period; Adjacent when only blanks separate them.
    private static (string Word, bool Adjacent) WordBefore(string text, int at)
    {
        var i = at - 1;
        var adjacent = true;
        while (i >= 0 && text[i] is ' ' or '\t' or '.')
        {
            adjacent &= text[i] != '.';
            i--;
        }

        if (i >= 0 && text[i] is '\n' or '\r')
        {
            return ("", false);
        }

        var end = i + 1;
        while (i >= 0 && char.IsLetter(text[i]))
        {
            i--;
        }

        return (text[(i + 1)..end], adjacent);
    }

    // The word just after `end` on the same line, when only blanks separate them ("Dana Ortiz-Keller" → "Ortiz").
    private static string WordAfter(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i == end)
        {
            return "";
        }

        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return text[start..i];
    }
}
