using System.Buffers;
using SolidWall.Core.Text;
using SolidWall.Mime;
using YamlDotNet.RepresentationModel;

namespace SolidWall.Core.Detection;

/// <summary>
/// The campaigns and committees a district's reviewers know about: who runs, for what, when, from which
/// domains and addresses, and who attested it. Loaded from YAML (docs/formats): an empty or missing registry is
/// fine and simply makes the registry signals quiet.
/// </summary>
public sealed class Registry
{
    private static readonly string[] TopKeys = ["complete", "campaigns", "committees"];
    private static readonly string[] EntryKeys = ["id", "name", "candidate", "candidate_names", "office", "aliases", "elections", "domains", "addresses", "attestations"];
    private static readonly string[] AttestationKeys = ["by", "at", "document", "sha256"];

    private readonly Dictionary<string, RegistryEntry> _byAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RegistryEntry> _byDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly (string Name, RegistryEntry Entry)[] _names;

    // The names by their first two characters (every name has four or more), each list longest first as _names is;
    // and, for two ASCII characters, whether any name starts with them, answered without a dictionary look-up.
    private readonly Dictionary<int, (string Name, RegistryEntry Entry)[]> _namesByStart;
    private readonly bool[] _startsAsciiName = new bool[128 * 128];

    // Whether every name starts with a word character (AllNames).
    private readonly bool _namesStartWords;

    public Registry(IReadOnlyList<RegistryEntry> entries, bool complete = false)
    {
        Entries = entries;
        Complete = complete;
        var names = new List<(string, RegistryEntry)>();
        foreach (var entry in entries)
        {
            foreach (var address in entry.Addresses)
            {
                _byAddress.TryAdd(address, entry);
            }

            foreach (var domain in entry.Domains)
            {
                _byDomain.TryAdd(domain.TrimStart('.'), entry);
            }

            foreach (var name in entry.Names.SelectMany(HanNameVariants.Of))
            {
                var lower = name.Trim().ToLowerInvariant();
                if (lower.Length >= 4)
                {
                    names.Add((lower, entry));
                }
            }
        }

        // Longest first, so "jane doe for mayor" wins over "jane doe" at the same place.
        _names = names.DistinctBy(n => n.Item1).OrderByDescending(n => n.Item1.Length).ToArray();
        _namesByStart = _names.GroupBy(n => Start(n.Name[0], n.Name[1])).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var (name, _) in _names.Where(n => n.Name[0] < 128 && n.Name[1] < 128))
        {
            _startsAsciiName[(name[0] * 128) + name[1]] = true;
        }

        _namesStartWords = _names.All(n => IsWordCharacter(n.Name[0]));
    }

    public static Registry Empty { get; } = new([]);

    /// <summary>
    /// Whether the registry lists every campaign and committee of the elections under investigation (<c>complete: true</c>),
    /// as a board of elections' list of a race does. Then a message that names none of them and comes from none of them
    /// is read as naming no campaign. A registry that is not complete (the default) lists the campaigns the investigator
    /// knows of: where it finds nothing, the detector reads the message as it would with no registry, so that
    /// registering one campaign never makes the others harder to find (<see cref="Detector"/>).
    /// </summary>
    public bool Complete { get; }

    /// <summary>
    /// Whether the registry names a candidate and is not <see cref="Complete"/>: the detector then reads a message the
    /// registry finds nothing in as with no registry, where SolidWall before <see cref="Detector.RegistryReading"/> 2
    /// read it as with a complete registry.
    /// </summary>
    public bool MayMissCampaigns => !Complete && NamesCandidate;

    /// <summary>
    /// Whether the registry names a candidate whose name the text model reads as a registered candidate's
    /// (<see cref="ModelNames"/>): only such a registry changes the detector's intercept, and how it reads a message
    /// that names none of them.
    /// </summary>
    public bool NamesCandidate => !ModelNames.IsEmpty;

    /// <summary>
    /// Each registered candidate's first name and surname on their own ("Kurt", "Hanneman" for Kurt Hanneman), as
    /// written and without accents ("Tomas"), three letters or more; with the candidate's other name part, so that a
    /// signal can tell the candidate's full name (another signal's) from a different person sharing one part; and one
    /// search over a text for all of them (built on first use).
    /// </summary>
    internal CandidateNameIndex CandidateNames => _candidateNames ??= new CandidateNameIndex(BuildCandidateNameParts(Entries));

    private CandidateNameIndex? _candidateNames;

    /// <summary>
    /// The candidates' names as the text model masks them (<see cref="Model.WorldNames"/>): every word of each
    /// candidate's name and other spellings (built on first use; empty without candidates).
    /// </summary>
    internal Model.WorldNames ModelNames => _modelNames ??= Model.WorldNames.Of(Entries
        .Where(e => e.Candidate is not null)
        .SelectMany(e => e.CandidateNames.Prepend(e.Candidate!))
        .SelectMany(NameWords)
        .Where(w => w.Length >= 2)
        .Distinct(StringComparer.Ordinal));

    private Model.WorldNames? _modelNames;

    // The words of a candidate's name as written in any script: spaces, the middle dots Chinese writes between a
    // transliterated first name and surname, no-break spaces, and the quotes around a nickname.
    private static string[] NameWords(string fullName) =>
        fullName.Split([' ', '·', '・', '\u00a0', '"'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static CandidateNamePart[] BuildCandidateNameParts(IReadOnlyList<RegistryEntry> entries)
    {
        var parts = new List<CandidateNamePart>();
        foreach (var entry in entries)
        {
            if (entry.Candidate is null)
            {
                continue;
            }

            foreach (var fullName in entry.CandidateNames.Prepend(entry.Candidate))
            {
                var words = NameWords(fullName);
                if (words.Length == 1 && !char.IsUpper(words[0][0]) && words[0].Length >= 3)
                {
                    // A surname in a script without capitals, as the community's press writes it ("惠特菲尔德").
                    parts.AddRange(HanNameVariants.Of(words[0]).Select(spelling => new CandidateNamePart(spelling, "", true, entry)));
                    continue;
                }

                if (words.Length < 2)
                {
                    continue;
                }

                var (first, last) = (words[0], words[^1]);
                foreach (var (part, other, surname) in (ReadOnlySpan<(string, string, bool)>)[(first, last, false), (last, first, true)])
                {
                    foreach (var spelling in HanNameVariants.Of(part).Append(WithoutAccents(part)).Distinct(StringComparer.Ordinal))
                    {
                        // Han parts are found without word edges, so a two-character one ("马什", "安娜") would turn up inside
                        // other words: three characters or more. Arabic parts: two letters or more.
                        var caseless = !char.IsUpper(spelling[0]) && !char.IsLower(spelling[0]);
                        var han = spelling[0] is >= '\u2e80' and <= '\ufaff';
                        if ((caseless && spelling.Length >= (han ? 3 : 2)) || (spelling.Length >= 3 && char.IsUpper(spelling[0])))
                        {
                            parts.Add(new CandidateNamePart(spelling, other, surname, entry));
                        }
                    }
                }
            }
        }

        return [.. parts.DistinctBy(p => (p.Part, p.IsSurname, p.Entry.Id))];
    }

    /// <summary>The text without its combining marks ("Tomás" → "Tomas"), recomposed.</summary>
    internal static string WithoutAccents(string s)
    {
        var decomposed = s.Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return string.Concat(kept).Normalize(System.Text.NormalizationForm.FormC);
    }

    public IReadOnlyList<RegistryEntry> Entries { get; }

    public static Registry Load(string path) => Parse(File.ReadAllText(path), path);

    public static Registry Parse(string yaml, string file)
    {
        var doc = YamlDocument.Parse(yaml, file);
        if (doc.Root is null)
        {
            return Empty;
        }

        var entries = new List<RegistryEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var complete = false;
        foreach (var (key, value) in doc.Entries(doc.Mapping(doc.Root, "the registry"), TopKeys, "the registry"))
        {
            if (key == "complete")
            {
                complete = doc.Boolean(value, "complete");
                continue;
            }

            if (value is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            var kind = key == "campaigns" ? RegistryKind.Campaign : RegistryKind.Committee;
            foreach (var item in doc.Sequence(value, key).Children)
            {
                var entry = ReadEntry(doc, item, kind, key);
                if (!ids.Add(entry.Id))
                {
                    throw doc.Error(item, $"id '{entry.Id}' is used twice; every campaign and committee needs its own id");
                }

                entries.Add(entry);
            }
        }

        return new Registry(entries, complete);
    }

    /// <summary>The entry whose address, or whose domain (or a parent domain of the sender's), sent this.</summary>
    public (RegistryEntry Entry, string Matched)? FindSender(MailboxAddress sender)
    {
        if (_byAddress.Count > 0 && _byAddress.TryGetValue(sender.Address, out var byAddress))
        {
            return (byAddress, sender.Address);
        }

        if (_byDomain.Count == 0)
        {
            return null;
        }

        var domain = sender.AsciiDomain;
        while (domain.Length > 0)
        {
            if (_byDomain.TryGetValue(domain, out var byDomain))
            {
                return (byDomain, domain);
            }

            var dot = domain.IndexOf('.', StringComparison.Ordinal);
            domain = dot < 0 ? "" : domain[(dot + 1)..];
        }

        return null;
    }

    /// <summary>
    /// The first registered name (lower-cased, on word boundaries) in lower-cased text at or after
    /// <paramref name="from"/>: its index, length and entry; Entry is null when there is none.
    /// </summary>
    /// <summary>Every registered name in <paramref name="lower"/>, in order, none overlapping (the longest at each place).</summary>
    internal RegistryNameHit[] AllNames(ReadOnlySpan<char> lower)
    {
        if (_names.Length == 0)
        {
            return [];
        }

        List<RegistryNameHit>? hits = null;
        if (!_namesStartWords)
        {
            // A name that starts with a mark ("¡sí a la 1!") may start at a mark after a mark: every place is looked at.
            for (var from = 0; ;)
            {
                var (index, length, entry) = FindNameOneByOne(lower, from);
                if (entry is null)
                {
                    return hits is null ? [] : [.. hits];
                }

                (hits ??= []).Add(new RegistryNameHit(index, length, entry));
                from = index + length;
            }
        }

        // Every name starts with a word character, so only a word's start can start one; the words are stepped through
        // by their bits (WordBits). A name found ends before a mark, so the next starts at a word after it.
        var bits = WordBits.Rent(lower.Length);
        WordBits.Mark<RegistryWordCharacters>(lower, bits);
        for (var at = WordBits.NextStart(bits, 0, lower.Length); at >= 0 && at < lower.Length - 1;)
        {
            var (c, d) = (lower[at], lower[at + 1]);
            if ((c >= 128 || d >= 128 || _startsAsciiName[(c * 128) + d]) && NameAt(lower, at) is { } found)
            {
                (hits ??= []).Add(new RegistryNameHit(at, found.Name.Length, found.Entry));
                at = WordBits.NextStart(bits, at + found.Name.Length, lower.Length);
            }
            else
            {
                at = WordBits.NextStart(bits, WordBits.RunEnd(bits, at, lower.Length), lower.Length);
            }
        }

        WordBits.Return(bits);
        return hits is null ? [] : [.. hits];
    }

    // IsWordCharacter, for WordBits.
    private readonly struct RegistryWordCharacters : IWordCharacters
    {
        public static bool AsciiJoiners => false;

        public static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c);
    }

    /// <summary>
    /// The first registered name in <paramref name="lower"/> at or after <paramref name="from"/>, a whole word or words:
    /// at the first place that starts one, the longest that starts there. Only a place after no word character can
    /// start a name, so each such place's first two characters are looked up, and only the names that begin with them
    /// compared. Every place looked at: the reference <see cref="AllNames"/>'s reading by word starts is tested against,
    /// and its reading when a name starts with a mark. A search for every name's string anywhere (<see cref="WordSet"/>,
    /// then a word-edge check at each find) took 20 µs a message with the district set's registry (38 in text with
    /// letters outside ASCII); searching for the names' first characters instead, 14 (they are common letters); by
    /// first character at word starts, 10 ("for", "of" and "re" start many words and the committees' names); by first
    /// two, 6; by first two at word starts found by their bits (<see cref="WordBits"/>), 4.6.
    /// </summary>
    internal (int Index, int Length, RegistryEntry? Entry) FindNameOneByOne(ReadOnlySpan<char> lower, int from)
    {
        if (_names.Length == 0)
        {
            return (-1, 0, null);
        }

        var afterWord = from > 0 && IsWordCharacter(lower[from - 1]);
        for (var at = from; at < lower.Length - 1; at++)
        {
            var startsWord = !afterWord;
            afterWord = IsWordCharacter(lower[at]);
            if (startsWord && NameAt(lower, at) is { } found)
            {
                return (at, found.Name.Length, found.Entry);
            }
        }

        return (-1, 0, null);
    }

    // The longest registered name that starts at `at` and ends a word (the names that start alike are longest first).
    private (string Name, RegistryEntry Entry)? NameAt(ReadOnlySpan<char> lower, int at)
    {
        if (!_namesByStart.TryGetValue(Start(lower[at], lower[at + 1]), out var names))
        {
            return null;
        }

        foreach (var (name, entry) in names)
        {
            if (lower[at..].StartsWith(name, StringComparison.Ordinal)
                && (at + name.Length == lower.Length || !IsWordCharacter(lower[at + name.Length])))
            {
                return (name, entry);
            }
        }

        return null;
    }

    private static int Start(char first, char second) => (first << 16) | second;

    // char.IsLetterOrDigit, with ASCII answered without a table look-up.
    private static bool IsWordCharacter(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static RegistryEntry ReadEntry(YamlDocument doc, YamlNode node, RegistryKind kind, string list)
    {
        var map = doc.Mapping(node, $"an entry of {list}");
        string? id = null, name = null, candidate = null, office = null;
        List<string> aliases = [], domains = [], addresses = [], candidateNames = [];
        List<DateOnly> elections = [];
        List<Attestation> attestations = [];
        foreach (var (key, value) in doc.Entries(map, EntryKeys, $"an entry of {list}"))
        {
            switch (key)
            {
                case "id": id = doc.String(value, "id"); break;
                case "name": name = doc.String(value, "name"); break;
                case "candidate": candidate = doc.String(value, "candidate"); break;
                case "office": office = doc.String(value, "office"); break;
                case "aliases": aliases = doc.Strings(value, "aliases"); break;
                case "candidate_names": candidateNames = doc.Strings(value, "candidate_names"); break;
                case "elections": elections = doc.Sequence(value, "elections").Children.Select(d => doc.Date(d, "election date")).ToList(); break;
                case "domains": domains = ReadDomains(doc, value); break;
                case "addresses": addresses = ReadAddresses(doc, value); break;
                case "attestations": attestations = doc.Sequence(value, "attestations").Children.Select(a => ReadAttestation(doc, a)).ToList(); break;
            }
        }

        if (name is null)
        {
            throw doc.Error(node, $"an entry of {list} needs a name");
        }

        if (kind == RegistryKind.Campaign && candidate is null)
        {
            throw doc.Error(node, $"campaign '{name}' needs a candidate (committees without one go under committees)");
        }

        if (candidateNames.Count > 0 && candidate is null)
        {
            throw doc.Error(node, $"'{name}' has candidate_names but no candidate");
        }

        id ??= Slug(name);
        return new RegistryEntry(id, kind, name, candidate, office, elections, aliases, domains, addresses, attestations) { CandidateNames = candidateNames };
    }

    private static List<string> ReadDomains(YamlDocument doc, YamlNode node)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        var result = new List<string>();
        foreach (var item in items)
        {
            var domain = doc.String(item, "domain").Trim().TrimStart('.').ToLowerInvariant();
            if (domain.Contains('@', StringComparison.Ordinal) || !domain.Contains('.', StringComparison.Ordinal) || domain.Contains(' ', StringComparison.Ordinal))
            {
                throw doc.Error(item, $"'{domain}' is not a domain name; write e.g. doeformayor.com (addresses go under addresses)");
            }

            result.Add(domain);
        }

        return result;
    }

    private static List<string> ReadAddresses(YamlDocument doc, YamlNode node)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        var result = new List<string>();
        foreach (var item in items)
        {
            var address = doc.String(item, "address").Trim();
            var at = address.LastIndexOf('@');
            if (at <= 0 || at == address.Length - 1 || address.Contains(' ', StringComparison.Ordinal))
            {
                throw doc.Error(item, $"'{address}' is not an email address; write e.g. info@doeformayor.com");
            }

            result.Add(address[..at] + "@" + address[(at + 1)..].ToLowerInvariant());
        }

        return result;
    }

    private static Attestation ReadAttestation(YamlDocument doc, YamlNode node)
    {
        var map = doc.Mapping(node, "an attestation");
        string? by = null, document = null, sha = null;
        DateTimeOffset? at = null;
        foreach (var (key, value) in doc.Entries(map, AttestationKeys, "an attestation"))
        {
            switch (key)
            {
                case "by": by = doc.String(value, "by"); break;
                case "at": at = doc.Timestamp(value, "at"); break;
                case "document": document = doc.String(value, "document"); break;
                case "sha256":
                    sha = doc.String(value, "sha256").Trim().ToLowerInvariant();
                    if (sha.Length != 64)
                    {
                        throw doc.Error(value, $"sha256 must be 64 hex digits, found {sha.Length} characters");
                    }

                    if (!sha.All(char.IsAsciiHexDigit))
                    {
                        throw doc.Error(value, "sha256 must be hex digits only (0-9, a-f)");
                    }

                    break;
            }
        }

        if (by is null || at is null)
        {
            throw doc.Error(node, "an attestation needs 'by' (who attested) and 'at' (when)");
        }

        return new Attestation(by, at.Value, document, sha);
    }

    private static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split((char[])[' ', '.', ',', '\'', '/'], StringSplitOptions.RemoveEmptyEntries));
}

public enum RegistryKind
{
    Campaign,
    Committee,
}

/// <summary>
/// One campaign or committee. <see cref="Names"/> are what the text signals look for. <see cref="CandidateNames"/> are
/// other spellings of the candidate's name as the district's mail writes it: other scripts ("Томас Рейєс", "توماس
/// رييس", "托马斯·雷耶斯"), a nickname with the surname ("Gerry Mott").
/// </summary>
public sealed record RegistryEntry(
    string Id,
    RegistryKind Kind,
    string Name,
    string? Candidate,
    string? Office,
    IReadOnlyList<DateOnly> Elections,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<Attestation> Attestations)
{
    public IReadOnlyList<string> CandidateNames { get; init; } = [];

    public IEnumerable<string> Names
    {
        get
        {
            yield return Name;
            if (Candidate is not null)
            {
                yield return Candidate;
            }

            foreach (var spelling in CandidateNames)
            {
                yield return spelling;
            }

            foreach (var alias in Aliases)
            {
                yield return alias;
            }
        }
    }
}

/// <summary>
/// One part of a registered candidate's name: <see cref="Part"/> as written, the candidate's other part, and whether it
/// is the surname. <see cref="Search"/> is what a text is searched for: the part, or for a name that Ukrainian or
/// Polish decline ("Дорота", "Dorota"), the part without its last vowel, to which a case ending may follow.
/// </summary>
internal sealed record CandidateNamePart(string Part, string Other, bool IsSurname, RegistryEntry Entry)
{
    public string Search { get; } = StemOf(Part);

    /// <summary>A name as Ukrainian and Polish decline it: without its last vowel or soft sign ("Дорот", "Dorot"), else whole.</summary>
    public static string StemOf(string name) =>
        name.Length > 3 && name[0] is >= '\u0400' and <= '\u04ff' && "аяоеиіуюьй".Contains(name[^1], StringComparison.Ordinal) ? name[..^1]
        : name.Length > 4 && "aeoy".Contains(name[^1], StringComparison.Ordinal) ? name[..^1]
        : name;
}

/// <summary>
/// Every candidate name part, and how a text is searched for them. A part in a script with case (Latin, Cyrillic) can
/// only stand where a word starts (<see cref="Signals.RegisteredCandidateNamed.IsTheCandidate"/>), so those parts are
/// listed by their first character (<see cref="CasedByFirst"/>), looked up at each word start. A part in a script
/// without case (Chinese, Arabic) may touch the word before it, and is searched for anywhere (<see cref="UncasedSearch"/>),
/// in a text that holds one of their first characters.
/// </summary>
internal sealed class CandidateNameIndex
{
    public CandidateNameIndex(IReadOnlyList<CandidateNamePart> parts)
    {
        Parts = parts;
        var cased = Enumerable.Range(0, parts.Count).Where(i => IsCased(parts[i].Search[0])).ToArray();
        var uncased = Enumerable.Range(0, parts.Count).Except(cased).ToArray();
        CasedByFirst = cased.GroupBy(i => parts[i].Search[0]).ToDictionary(g => g.Key, g => g.ToArray());
        CasedFirst = System.Buffers.SearchValues.Create([.. CasedByFirst.Keys]);
        Uncased = uncased;
        UncasedSearch = uncased.Length == 0 ? null : new WordSet(uncased.Select(i => parts[i].Search));
        UncasedFirst = System.Buffers.SearchValues.Create([.. uncased.Select(i => parts[i].Search[0]).Distinct()]);
    }

    public IReadOnlyList<CandidateNamePart> Parts { get; }

    public bool IsEmpty => Parts.Count == 0;

    /// <summary>Indices into <see cref="Parts"/> of the parts in a script with case, by the first character of their search string.</summary>
    public IReadOnlyDictionary<char, int[]> CasedByFirst { get; }

    /// <summary>Those first characters, searched for (most are capitals, which few characters of a text are).</summary>
    public System.Buffers.SearchValues<char> CasedFirst { get; }

    /// <summary>Indices into <see cref="Parts"/> of the parts in a script without case, and one search for their search strings.</summary>
    public int[] Uncased { get; }

    public WordSet? UncasedSearch { get; }

    public System.Buffers.SearchValues<char> UncasedFirst { get; }

    /// <summary>As <see cref="Signals.RegisteredCandidateNamed.Matches"/> tells a part in a script with case.</summary>
    public static bool IsCased(char c) => char.IsUpper(c) || char.IsLower(c);
}

/// <summary>A registered name found in a text: where, how long, whose.</summary>
internal readonly record struct RegistryNameHit(int Index, int Length, RegistryEntry Entry);

/// <summary>A reviewer's statement that an entry is right, with the SHA-256 of the filing or document they relied on.</summary>
public sealed record Attestation(string By, DateTimeOffset At, string? Document, string? Sha256);
