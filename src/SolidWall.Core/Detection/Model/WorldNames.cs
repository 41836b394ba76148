using System.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The candidates' names of the district set's fictional world (data/district/names.txt), or of a registry, masked in
/// the subject and text the text model reads: each becomes one placeholder word (<see cref="Placeholder"/>), so that
/// the model learns that a registered candidate is named, never which one, and what the message asks around the
/// name. In training, the world's names; when classifying, the registry's candidates (<see cref="Registry.ModelNames"/>),
/// so the model reads the same word in both; without a registry, names stay as written, words the model never learned. Not inside an
/// address or a link ("reelect-dana-ortiz.example" stays whole: a campaign's site is content). Letters of scripts
/// without case or spaces between words (Chinese, Arabic: Unicode's "other letters") are no part of a Latin name, so
/// "为Kowalczyk女士" loses the name too, and a name written in such a script is cut wherever it stands.
/// </summary>
internal sealed class WorldNames
{
    public const string FileName = "names.txt";

    // The names, as written and accent-folded. Names in a script with case are whole words, looked up word by word;
    // names in a script without spaces between words (Chinese, Arabic: "other letters") are searched for as strings,
    // and only in text that has such letters.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly string[] _unspacedNames;
    private readonly System.Buffers.SearchValues<string>? _unspaced;
    private readonly System.Buffers.SearchValues<char>? _unspacedFirst;

    private WorldNames(IEnumerable<string> names)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unspaced = new List<string>();
        foreach (var name in names)
        {
            if (IsUnspaced(name[0]))
            {
                unspaced.Add(name);
            }
            else
            {
                words.Add(name);
            }
        }

        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in words)
        {
            // A name's first letter in either case, ASCII or folded to ASCII by the set's comparer ("K" for a Kelvin sign).
            foreach (var first in (ReadOnlySpan<char>)[word[0], char.ToUpperInvariant(word[0]), char.ToLowerInvariant(word[0])])
            {
                if (first < 0x80)
                {
                    _mayBeName[Key(first, word.Length)] = true;
                    if (word.Length > 1)
                    {
                        // And by its first two letters, each in either case.
                        foreach (var second in (ReadOnlySpan<char>)[word[1], char.ToUpperInvariant(word[1]), char.ToLowerInvariant(word[1])])
                        {
                            if (second < 0x80)
                            {
                                var key = Key(first, second, word.Length);
                                _mayBeNameByTwo[key >> 6] |= 1UL << (key & 63);
                            }
                        }
                    }
                }
            }
        }

        _unspacedNames = [.. unspaced];
        _unspaced = unspaced.Count > 0 ? System.Buffers.SearchValues.Create(_unspacedNames, StringComparison.Ordinal) : null;
        _unspacedFirst = unspaced.Count > 0 ? System.Buffers.SearchValues.Create([.. _unspacedNames.Select(n => n[0]).Distinct()]) : null;
        IsEmpty = words.Count == 0 && unspaced.Count == 0;
    }

    // Whether a word that starts with this ASCII character (either case) and has this length may be a name: most words
    // are told apart from every name here, without hashing them for the set (the set's case-insensitive hash was most
    // of the masking's cost: with the district set's registry, the text model took 41 µs a message instead of 22).
    private readonly bool[] _mayBeName = new bool[0x80 * 64];

    private static int Key(char asciiFirst, int length) =>
        ((asciiFirst is >= 'A' and <= 'Z' ? asciiFirst + 32 : asciiFirst) * 64) + Math.Min(length, 63);

    // The same by the first two ASCII characters (as 5 bits each: "p" and "0" share one, which only lets more words
    // through) and the length, 8 KB: with the district set's registry, the mask took 6.0 µs a message instead of 6.8.
    private readonly ulong[] _mayBeNameByTwo = new ulong[(32 * 32 * 64) / 64];

    private static int Key(char asciiFirst, char asciiSecond, int length) =>
        ((((asciiFirst | 0x20) & 31) * 32 + ((asciiSecond | 0x20) & 31)) * 64) + Math.Min(length, 63);

    private bool MayBeName(ReadOnlySpan<char> word)
    {
        if (word[0] >= 0x80)
        {
            return true;
        }

        if (word.Length == 1 || word[1] >= 0x80)
        {
            return _mayBeName[Key(word[0], word.Length)];
        }

        var key = Key(word[0], word[1], word.Length);
        return ((_mayBeNameByTwo[key >> 6] >> (key & 63)) & 1) != 0;
    }

    private static bool IsUnspaced(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter;

    public static WorldNames None { get; } = new([]);

    /// <summary>The word a masked name becomes: a word no mail uses, so that only masking makes it.</summary>
    public const string Placeholder = "registeredcandidate";

    public bool IsEmpty { get; }

    /// <summary>A mask for these names (each one word, as the text's words are looked up), their accent-folded spellings too.</summary>
    public static WorldNames Of(IEnumerable<string> names)
    {
        var list = new List<string>();
        foreach (var name in names)
        {
            var line = name.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            foreach (var form in Declined(line).Prepend(line).SelectMany(SolidWall.Core.Text.HanNameVariants.Of))
            {
                list.Add(form);
                var folded = Fold(form);
                if (!folded.Equals(form, StringComparison.OrdinalIgnoreCase))
                {
                    list.Add(folded);
                }
            }
        }

        return Build(list);
    }

    /// <summary>
    /// The case forms of a name as Ukrainian and Polish write it in a sentence, which the model must not learn either:
    /// "Мотт" → "Мотта", "Моттом"; "Дорота" → "Дороти", "Доротою"; "Зелінська" → "Зелінської"; "Zielińska" →
    /// "Zielińskiej", "Zielińską"; "Sobczak" → "Sobczaka". The endings are those <see cref="Signals.RegisteredCandidateNamed"/>
    /// reads after a name. Only names of those languages' shapes (Cyrillic; Polish surnames in -ska, -ski, -ak, -yk,
    /// -ik): a Latin first name with a Polish ending is often another name ("Luis" → "Luisa", "Frank" → "Franka").
    /// </summary>
    internal static IEnumerable<string> Declined(string name)
    {
        if (name.Length < 3 || name.Contains(' ', StringComparison.Ordinal))
        {
            yield break;
        }

        if (name[0] is >= '\u0400' and <= '\u04ff')
        {
            var stem = CandidateNamePart.StemOf(name);
            foreach (var ending in Signals.RegisteredCandidateNamed.UkrainianEndings)
            {
                yield return stem + ending;
            }

            if (name.EndsWith("ська", StringComparison.OrdinalIgnoreCase) || name.EndsWith("цька", StringComparison.OrdinalIgnoreCase))
            {
                yield return stem + "ої"; // Зелінської
            }

            yield break;
        }

        if (name.EndsWith("ska", StringComparison.OrdinalIgnoreCase) || name.EndsWith("cka", StringComparison.OrdinalIgnoreCase))
        {
            yield return name[..^1] + "iej"; // Zielińskiej
            yield return name[..^1] + "ą";   // Zielińską
        }
        else if (name.EndsWith("ski", StringComparison.OrdinalIgnoreCase) || name.EndsWith("cki", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var ending in (string[])["ego", "emu", "m"])
            {
                yield return name + ending; // Zielińskiego, Zielińskiemu, Zielińskim
            }
        }
        else if (name.Length >= 6 && (name.EndsWith("ak", StringComparison.OrdinalIgnoreCase) || name.EndsWith("yk", StringComparison.OrdinalIgnoreCase) || name.EndsWith("ik", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var ending in (string[])["a", "owi", "iem", "u"])
            {
                yield return name + ending; // Sobczaka, Kowalczykowi
            }
        }
    }

    /// <summary>Reads <paramref name="dir"/>/names.txt; <see cref="None"/> when there is no such file.</summary>
    public static WorldNames Load(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            return None;
        }

        return Of(File.ReadLines(path, Encoding.UTF8).Select(raw => raw.Split('#', 2)[0]));
    }

    private static WorldNames Build(List<string> names) =>
        names.Count == 0 ? None : new WorldNames(names.Distinct(StringComparer.Ordinal));

    // Whether found[k] is one of the sender's own name words standing alone: not beside another name ("Tomás Reyes", a
    // candidate's full name, stays masked whoever signs).
    private static bool IsOwnAlone(string text, List<(int Index, int Length)> found, int k, string[] own)
    {
        var (at, length) = found[k];
        return IsOwn(text.AsSpan(at, length), own) && !(k > 0 && Adjacent(found[k - 1], found[k])) && !(k + 1 < found.Count && Adjacent(found[k], found[k + 1]));

        // Two names one full name: only spaces (or a middle dot) between them.
        bool Adjacent((int Index, int Length) a, (int Index, int Length) b) =>
            text.AsSpan(a.Index + a.Length, b.Index - a.Index - a.Length).Trim([' ', '\u00a0', '·', '・']).IsEmpty;
    }

    /// <summary>True when <paramref name="word"/> is one of <paramref name="own"/> (<see cref="OwnNameWords"/>), in any case, accents as written or folded.</summary>
    internal static bool IsOwn(ReadOnlySpan<char> word, string[] own)
    {
        string? folded = null;
        foreach (var o in own)
        {
            if (word.Equals(o, StringComparison.OrdinalIgnoreCase) || (folded ??= Fold(word.ToString())).Equals(o, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name words of the people inside the institution who hold the conversation (<see cref="OwnNameWords"/>): the
    /// sender's when <paramref name="senderIsInside"/> (<see cref="DetectionContext.SenderIsInside"/>), and then the To
    /// and Cc recipients' at the sender's domain, whose names stand in the quoted reply and its sign-off ("Thanks,
    /// Priya" quoted back to colleague Priya Mbeki while Priya Raman runs). Standing alone in the message they are those
    /// people, not the candidate; a candidate's full name still reads as hers. Null when there are none, and always
    /// for a sender outside: a campaign's blast to a teacher who shares the candidate's first name names the candidate.
    /// As the detector and training read a message.
    /// </summary>
    public string[]? InsideNameWords(Message message, bool senderIsInside)
    {
        if (!senderIsInside || IsEmpty || message.From.Count == 0)
        {
            return null;
        }

        var own = OwnNameWords(message.From[0].DisplayName);
        var domain = message.From[0].AsciiDomain;
        List<string>? words = null;
        foreach (var recipients in (IReadOnlyList<SolidWall.Mime.MailboxAddress>[])[message.To, message.Cc])
        {
            for (var i = 0; i < recipients.Count; i++)
            {
                if (Domains.SameOrNested(domain, recipients[i].AsciiDomain) && OwnNameWords(recipients[i].DisplayName) is { } theirs)
                {
                    words ??= own is null ? [] : [.. own];
                    words.AddRange(theirs);
                }
            }
        }

        return words is null ? own : [.. words.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // A display name that is a campaign's, whatever address it writes from ("Team Whitfield", "Reyes for Mayor",
    // "Friends of Dana Ortiz", "Equipo Reyes", "Comité Reyes"): the name in it is the candidate's.
    private static readonly LazyRegex CampaignIdentity = new(
        "\\b(?:team|friends|committee|citizens|victory|campaign|for|pac|re-?elect|elect|vote|equipo|amigos|comit[eé]|campaña|para|[ée]quipe|pour|amis)\\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The words of a sender's display name that are names here, as the tokenizer folds them ("yolanda" of "Yolanda Ferrer", "reyes" of "Mr.
    /// Daniel Reyes"): a member of staff who shares a first name or surname with a candidate signs every message with
    /// it, and masked, the model read a school notice signed "Yolanda" as naming candidate Yolanda Pierce. Null when the
    /// display name holds no name, or nothing but names ("Yolanda Pierce", "何志伟": a candidate writing as herself), or
    /// reads as a campaign's ("Team Whitfield", "Reyes for Mayor", even from a district address). The caller asks only
    /// for a sender inside the institution (<see cref="DetectionContext.SenderIsInside"/>).
    /// </summary>
    public string[]? OwnNameWords(string? displayName)
    {
        if (IsEmpty || string.IsNullOrWhiteSpace(displayName) || Find(displayName) is not { } found || CampaignIdentity.IsMatch(displayName))
        {
            return null;
        }

        var covered = new bool[displayName.Length];
        foreach (var (at, length) in found)
        {
            covered.AsSpan(at, length).Fill(true);
        }

        var other = false;
        for (var i = 0; i < displayName.Length && !other; i++)
        {
            other = !covered[i] && char.IsLetter(displayName[i]);
        }

        return other
            ? [.. found.Where(f => !IsUnspaced(displayName[f.Index])).Select(f => Fold(displayName.Substring(f.Index, f.Length))).Distinct(StringComparer.OrdinalIgnoreCase)]
            : null;
    }

    /// <summary>
    /// Where the names stand in <paramref name="text"/>, in order: any case, a whole word (no letter, digit, '-', '_' or
    /// '@' beside it, no '.' or '/' before it, no '.' and a letter after it: not inside an address or a link), except that
    /// a letter of a script without spaces between words may touch it, and such a script's names stand anywhere.
    /// </summary>
    internal List<(int Index, int Length)>? Find(string text)
    {
        List<(int Index, int Length)>? found = null;
        var span = text.AsSpan();
        var bits = WordBits.Rent(span.Length);
        WordBits.Mark<NameCharacters>(span, bits);
        for (var start = WordBits.NextStart(bits, 0, span.Length); start >= 0;)
        {
            // The run of word characters is the name or is no name (a name beside a word character is none).
            var end = WordBits.RunEnd(bits, start, span.Length);
            if (MayBeName(span[start..end]) && IsNameAt(text, start, end))
            {
                (found ??= []).Add((start, end - start));
            }

            start = WordBits.NextStart(bits, end, span.Length);
        }

        WordBits.Return(bits);
        return FindUnspaced(text, found);
    }

    /// <summary>
    /// <see cref="Find"/> the plain way: every character looked at, every word looked up in the set. Kept as the reference
    /// the vectorised reading and the two-letter filter (<see cref="MayBeName"/>) are tested against.
    /// </summary>
    internal List<(int Index, int Length)>? FindOneByOne(string text)
    {
        List<(int, int)>? found = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!Blocks(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && Blocks(text[i]))
            {
                i++;
            }

            if (IsNameAt(text, start, i))
            {
                (found ??= []).Add((start, i - start));
            }
        }

        return FindUnspaced(text, found);
    }

    // Whether the word text[start..end] is a name: in the set, and not part of an address or a link.
    private bool IsNameAt(string text, int start, int end) =>
        _words.Contains(text.AsSpan(start, end - start))
        && (start == 0 || text[start - 1] is not ('.' or '/'))
        && !(end < text.Length && text[end] == '.' && end + 1 < text.Length && (char.IsLetter(text[end + 1]) || char.IsNumber(text[end + 1])));

    // The names of scripts without spaces between words, added to the words found.
    private List<(int Index, int Length)>? FindUnspaced(string text, List<(int Index, int Length)>? found)
    {
        // A set of strings outside ASCII is searched character by character (5 ns a character); a text with none of the
        // names' first characters (Ukrainian or Vietnamese mail, for the names of Chinese and Arabic) is passed at once.
        if (_unspaced is not null && OtherScripts.Hold(text) && text.AsSpan().ContainsAny(_unspacedFirst!))
        {
            for (var from = 0; from < text.Length;)
            {
                var next = text.AsSpan(from).IndexOfAny(_unspaced);
                if (next < 0)
                {
                    break;
                }

                var at = from + next;
                var length = _unspacedNames.Where(n => text.AsSpan(at).StartsWith(n, StringComparison.Ordinal)).Max(n => n.Length);
                (found ??= []).Add((at, length));
                from = at + length;
            }

            found?.Sort();
        }

        return found;
    }

    // A character that joins a name to the word beside it: a letter (not of a script without word spaces), a number, '-', '_' or '@'.
    // Outside ASCII: a number, or a letter of any kind but "other" (char.IsNumber, char.IsLetter and not IsUnspaced), read
    // from one lookup of the character's category instead of three.
    internal static bool Blocks(char c) =>
        c < 0x80 ? AsciiBlocks[c] : char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.DecimalDigitNumber
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber
            or System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter;

    private static readonly bool[] AsciiBlocks = Enumerable.Range(0, 0x80).Select(c => char.IsAsciiLetterOrDigit((char)c) || c is '-' or '_' or '@').ToArray();

    // Blocks, for WordBits.
    private readonly struct NameCharacters : IWordCharacters
    {
        public static bool AsciiJoiners => true;

        public static bool IsWordCharacter(char c) => Blocks(c);
    }

    // The sender's own name words standing alone are removed (one space), neither masked nor left to the model as words.
    private string Replace(string text, string with, string[]? own = null)
    {
        if (Find(text) is not { } found)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + (found.Count * with.Length));
        var copied = 0;
        for (var k = 0; k < found.Count; k++)
        {
            var (at, length) = found[k];
            sb.Append(text, copied, at - copied).Append(own is not null && IsOwnAlone(text, found, k, own) ? " " : with);
            copied = at + length;
        }

        return sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary><paramref name="text"/> without the names (each replaced by one space).</summary>
    public string? Remove(string? text) => text is null || IsEmpty ? text : Replace(text, " ");

    /// <summary><paramref name="text"/> with each name replaced by <see cref="Placeholder"/>; the same string when none is there.</summary>
    public string? Mask(string? text) => text is null || IsEmpty ? text : Replace(text, PaddedPlaceholder);

    /// <summary>
    /// As <see cref="Mask(string?)"/>, removing the sender's own name words (<see cref="OwnNameWords"/>) where they stand
    /// alone: they are the sender, not a candidate, and the model never learns a name as a word.
    /// </summary>
    public string? Mask(string? text, string[]? own) => text is null || IsEmpty ? text : Replace(text, PaddedPlaceholder, own);

    // Spaced, so that "Kurt's" gives the placeholder and "'s", not one word "registeredcandidate's".
    private const string PaddedPlaceholder = " " + Placeholder + " ";

    /// <summary>Where the first name is in <paramref name="text"/>, or (-1, 0).</summary>
    public (int Index, int Length) First(string text) =>
        !IsEmpty && Find(text) is [var first, ..] ? first : (-1, 0);

    /// <summary>Where the first name that <see cref="Mask(string?, string[]?)"/> masks is: not the sender's own standing alone.</summary>
    public (int Index, int Length) First(string text, string[]? own)
    {
        if (IsEmpty || Find(text) is not { } found)
        {
            return (-1, 0);
        }

        for (var k = 0; k < found.Count; k++)
        {
            if (own is null || !IsOwnAlone(text, found, k, own))
            {
                return found[k];
            }
        }

        return (-1, 0);
    }

    /// <summary>
    /// The words of a display name, accent-folded as <see cref="IsOwn"/> compares them ("Marcus" and "Pierce" of "Coach
    /// Marcus Pierce"), whatever they are: unlike <see cref="OwnNameWords"/>, also when every word is a candidate's
    /// name part. Empty for no display name.
    /// </summary>
    internal static string[] DisplayNameWords(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return [];
        }

        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= displayName.Length; i++)
        {
            var letter = i < displayName.Length && (char.IsLetter(displayName[i]) || char.GetUnicodeCategory(displayName[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(Fold(displayName[start..i]));
                start = -1;
            }
        }

        return [.. words];
    }

    /// <summary>The segments with the names masked in their text and attribution (the same list when nothing changes).</summary>
    public IReadOnlyList<Segment> Mask(IReadOnlyList<Segment> segments, string[]? own = null)
    {
        if (IsEmpty)
        {
            return segments;
        }

        Segment[]? masked = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var g = segments[i];
            var text = Mask(g.Text, own)!;
            var attribution = Mask(g.Attribution, own);
            if (!ReferenceEquals(text, g.Text) || !ReferenceEquals(attribution, g.Attribution))
            {
                masked ??= [.. segments];
                masked[i] = g with { Text = text, Attribution = attribution };
            }
        }

        return masked ?? segments;
    }

    /// <summary>The name as the tokenizer folds it ("Tomás" → "tomas"), so that mail written without accents is matched too.</summary>
    private static string Fold(string s) => string.Create(s.Length, s, static (span, name) =>
    {
        for (var i = 0; i < name.Length; i++)
        {
            span[i] = TextFolding.Fold(name[i]);
        }
    });
}
