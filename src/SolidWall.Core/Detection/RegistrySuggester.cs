using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// A registry suggested by the archive itself: the campaigns that the mail the detector is surest of names, for an
/// investigator to review and then scan with. Most campaigns an investigator meets are in no list, and without one the
/// detector misses the quiet asks that name only a candidate ("remember Ms. Marsh on the 5th"); the same archive
/// usually holds that campaign's loud mail too, with its disclaimer ("Paid for by Friends of Delia Marsh"), its
/// "Marsh for State Representative" and its own sending domain. From verdicts at or above <see cref="MinScore"/> it
/// reads candidates' full names (from disclaimers, "X for Mayor" and vote asks), committee names and aliases, and
/// the sending domains that carry a suggested candidate's surname, and keeps what at least
/// <see cref="MinMessages"/> different messages say (copies of one blast count once). Nothing is suggested from a
/// bare surname, and the suggestion is never <see cref="Registry.Complete"/>: it knows only the campaigns that
/// spoke loudly here.
/// </summary>
public sealed class RegistrySuggester
{
    public const double DefaultMinScore = 0.9;

    public const int DefaultMinMessages = 2;

    /// <summary>How a suggested entry's id begins: the report says how many of a registry's entries were suggested so.</summary>
    public const string IdPrefix = "suggested-";

    private const int ExamplesKept = 3;

    // How many campaigns' names a word may be in before it is taken for a place, an office or a slogan, not a name.
    private const int SharedByCampaigns = 3;

    // A name's word: a capital, then letters ("Beltrán", "O'Neill", "Pierre-Louis"); up to three of them, on one line.
    private const string Word = @"\p{Lu}[\p{Ll}\p{Lu}'’\-]*\p{Ll}[\p{Ll}'’\-]*";
    private const string Name = "(?<name>" + Word + "(?:[ \\t]+" + Word + "){0,2})";

    // What a campaign runs for, as "X for ___" names it.
    private const string Office = @"(?:Mayor|Alder(?:man|woman|person)|(?:School\s+)?Board(?:\s+of\s+Education)?|Schools|(?:City\s+)?Council|Ward\s+\d+|\d+(?:st|nd|rd|th)\s+Ward|Committee(?:person|man|woman)|State\s+(?:Rep(?:resentative)?|Senat(?:e|or))|Congress|Governor|Judge|Sheriff|Clerk|Treasurer|Commissioner|[Aa]lcalde(?:sa)?|[Cc]oncejal[a]?|[Mm]aire|[Bb]urmistrza|[Rr]adn(?:ego|ej))";

    private static readonly LazyRegex RunsFor = new(Name + @"[ \t]+(?:for|4|para|pour|dla|pou)[ \t]+" + Office + @"\b", RegexOptions.CultureInvariant);

    // A disclaimer's committee: capitalised words and the small words committee names hold, up to the end of the line or a stop.
    private static readonly LazyRegex PaidBy = new(
        @"(?i:paid\s+for\s+by|pagad[oa]\s+por|pay[ée]\s+par|op[łl]acon[eya]\s+przez|peye\s+pa)[ \t]+(?:the[ \t]+)?(?<committee>[\p{Lu}0-9][\p{L}0-9'’&\-]*(?:[ \t]+(?:[\p{Lu}0-9][\p{L}0-9'’&\-]*|for|of|to|para|de|del|pour|dla|4)){1,7})",
        RegexOptions.CultureInvariant);

    // Committee names that hold the candidate's full name: "Friends of Dana Ortiz", "Citizens for Kurt Hanneman".
    private static readonly LazyRegex CommitteeOfName = new(
        "^(?:Friends\\s+of|Citizens\\s+for|Committee\\s+to\\s+(?:Re-?)?[Ee]lect|Amigos\\s+de|Comit[ée]\\s+(?:para\\s+)?(?:re)?elegir\\s+a|Les\\s+amis\\s+de)\\s+" + Name + "$",
        RegexOptions.CultureInvariant);

    private static readonly LazyRegex CommitteeRunsFor = new("^" + Name + "\\s+(?:for|4|para|pour|dla)\\s+", RegexOptions.CultureInvariant);

    // A campaign named for its candidate: "Kampania Grace Kowalczyk", "the campaign of Dana Ortiz", "la campaña de Tomás Reyes".
    private static readonly LazyRegex CampaignOf = new(
        @"\b(?i:campaign\s+(?:of|for)|kampani[aię]|campaña\s+de|campagne\s+de|kanpay\s+)[ \t]+" + Name,
        RegexOptions.CultureInvariant);

    private static readonly LazyRegex VoteFor = new(
        @"\b(?i:vote\s+for|re-?elect|elect|vota(?:r)?\s+por|votez\s+pour|g[łl]osuj(?:cie)?\s+na|vote\s+pou)[ \t]+" + Name,
        RegexOptions.CultureInvariant);

    // Titles and words that open a match but are no part of a name.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "Our", "Your", "My", "This", "That", "Yes", "No", "Vote", "Mayor", "Alderman", "Alderwoman", "Ald", "Councilwoman",
        "Councilman", "Candidate", "Commissioner", "Judge", "Senator", "Rep", "State", "Mr", "Mrs", "Ms", "Dr", "Miss", "La", "El",
        "Le", "Les", "Los", "Las", "Sr", "Sra", "Don", "Doña", "Pani", "Pan", "Mme", "Madame", "Monsieur", "Re", "Elect", "Friends",
        "Citizens", "Committee", "Team", "Question", "Proposition", "Prop", "Measure",
    };

    private readonly InstitutionDirectory _directory;
    private readonly Registry _known;
    private readonly Dictionary<string, Tally> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<ulong> _confident = [];
    private readonly Lock _lock = new();

    /// <param name="directory">Who is inside: mail from the institution's own domains suggests no sending domain.</param>
    /// <param name="known">A registry the investigator already keeps: what it lists is not suggested again.</param>
    public RegistrySuggester(InstitutionDirectory? directory = null, Registry? known = null, double minScore = DefaultMinScore, int minMessages = DefaultMinMessages)
    {
        _directory = directory ?? InstitutionDirectory.Empty;
        _known = known ?? Registry.Empty;
        MinScore = minScore;
        MinMessages = minMessages;
    }

    /// <summary>A verdict's score from which its message is read.</summary>
    public double MinScore { get; }

    /// <summary>How many different messages (copies of one count once) must say a name, an alias or a domain.</summary>
    public int MinMessages { get; }

    /// <summary>How many different messages were read (at or above <see cref="MinScore"/>, electioneering).</summary>
    public int MessagesRead
    {
        get
        {
            lock (_lock)
            {
                return _confident.Count;
            }
        }
    }

    /// <summary>Reads a message whose verdict is electioneering at <see cref="MinScore"/> or above; ignores the rest. Safe to call from several threads.</summary>
    public void Observe(Message message, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(verdict);
        if (!verdict.IsElectioneering || verdict.Score < MinScore)
        {
            return;
        }

        var content = ContentKey(message);
        var where = message.Offset >= 0 ? $"{message.Source}:{message.Offset.ToString(CultureInfo.InvariantCulture)}" : message.Source;
        var candidates = new List<(string Name, string Quote)>();
        var aliases = new List<(string Alias, string Quote)>();
        foreach (var field in (string?[])[message.Subject, message.Text])
        {
            if (string.IsNullOrEmpty(field))
            {
                continue;
            }

            foreach (Match m in PaidBy.Matches(field))
            {
                var committee = TrimConnectors(m.Groups["committee"].Value);
                if (committee.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
                {
                    aliases.Add((committee, m.Value));
                }

                var inner = CommitteeOfName.Match(committee) is { Success: true } of ? of : CommitteeRunsFor.Match(committee);
                if (inner.Success && FullName(inner.Groups["name"].Value) is { } fromCommittee)
                {
                    candidates.Add((fromCommittee, m.Value));
                }
            }

            foreach (Match m in RunsFor.Matches(field))
            {
                var name = WithoutTitles(m.Groups["name"].Value);
                if (name.Length > 0)
                {
                    aliases.Add((name + m.Value[(m.Groups["name"].Index + m.Groups["name"].Length - m.Index)..], m.Value));
                }

                if (FullName(m.Groups["name"].Value) is { } full)
                {
                    candidates.Add((full, m.Value));
                }
            }

            foreach (Match m in CampaignOf.Matches(field))
            {
                if (FullName(m.Groups["name"].Value) is { } full)
                {
                    candidates.Add((full, m.Value));
                }
            }

            foreach (Match m in VoteFor.Matches(field))
            {
                if (FullName(m.Groups["name"].Value) is { } full)
                {
                    candidates.Add((full, m.Value));
                }
            }
        }

        var sender = message.From.Count > 0 ? message.From[0] : null;
        // A sending domain says something of a campaign only from outside, and not at a provider of personal mailboxes.
        var domain = sender is not null && !DetectionContext.WritesFromInside(message, _directory) && !LiteratureRule.IsPersonalMailbox(sender)
            ? sender.AsciiDomain.ToLowerInvariant() : null;
        lock (_lock)
        {
            _confident.Add(content);
            foreach (var (name, quote) in candidates)
            {
                Add(_candidates, name, content, message, where, quote);
            }

            foreach (var (alias, quote) in aliases)
            {
                Add(_aliases, alias, content, message, where, quote);
            }

            if (domain is { Length: > 0 })
            {
                Add(_domains, domain, content, message, where, sender!.Address);
            }
        }
    }

    /// <summary>
    /// The campaigns suggested so far: first what more the archive says of campaigns already registered
    /// (<see cref="SuggestedCampaign.Registered"/>), then one per candidate said by enough messages, with the aliases and
    /// domains that name them, then committees named often enough without a candidate.
    /// </summary>
    public IReadOnlyList<SuggestedCampaign> Suggest()
    {
        lock (_lock)
        {
            var knownNames = new HashSet<string>(_known.Entries.SelectMany(e => e.Names), StringComparer.OrdinalIgnoreCase);
            var knownDomains = new HashSet<string>(_known.Entries.SelectMany(e => e.Domains), StringComparer.OrdinalIgnoreCase);
            var aliases = _aliases.Where(a => a.Value.Count >= MinMessages && !knownNames.Contains(a.Key))
                .OrderByDescending(a => a.Value.Count).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();

            // A word in the names of three campaigns or more ("Whitfield for Lakeshore", "Reyes para Lakeshore", "Kowalczyk
            // for Lakeshore") is the city, an office or a slogan: a "candidate" named with it ("Vote for Lakeshore Families
            // First") is no person, and registered, that word would read as a candidate's in every message. A campaign here is
            // a candidate's surname, so that one campaign's several names ("Priya for Schools", "Friends of Priya Natarajan")
            // count once.
            var surnames = _candidates.Where(c => c.Value.Count >= MinMessages).Select(c => c.Key[(c.Key.LastIndexOf(' ') + 1)..])
                .Concat(_known.Entries.Select(e => e.Candidate).OfType<string>().Select(c => c[(c.LastIndexOf(' ') + 1)..]))
                .ToHashSet(StringComparer.Ordinal);
            var shared = aliases.Select(a => a.Key).Concat(_known.Entries.SelectMany(e => e.Names))
                .SelectMany(name => name.Split(' ').Where(w => w.Length >= 3 && char.IsUpper(w[0])).Select(w => (Word: w, Campaigns: surnames.Where(n => n != w && ContainsWord(name, n)))))
                .GroupBy(x => x.Word, StringComparer.Ordinal)
                .Where(g => g.SelectMany(x => x.Campaigns).Distinct(StringComparer.Ordinal).Count() >= SharedByCampaigns)
                .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            var candidates = _candidates.Where(c => c.Value.Count >= MinMessages && !knownNames.Contains(c.Key) && !c.Key.Split(' ').Any(shared.Contains))
                .OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
            var domains = _domains.Where(d => d.Value.Count >= MinMessages && !knownDomains.Contains(d.Key))
                .OrderByDescending(d => d.Value.Count).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
            var usedAliases = new HashSet<string>(StringComparer.Ordinal);
            var usedDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ids = new HashSet<string>(_known.Entries.Select(e => e.Id), StringComparer.Ordinal);
            var suggested = new List<SuggestedCampaign>();

            // The aliases that hold a surname and the domains that carry it, not yet taken by a campaign before: the first
            // campaign with the surname takes them.
            (List<KeyValuePair<string, Tally>> Aliases, List<KeyValuePair<string, Tally>> Domains) Claim(string surname)
            {
                var folded = Fold(surname);
                var own = aliases.Where(a => !usedAliases.Contains(a.Key) && ContainsWord(a.Key, surname)).ToList();
                var carrying = folded.Length >= 4 ? domains.Where(d => !usedDomains.Contains(d.Key) && Fold(d.Key).Contains(folded, StringComparison.Ordinal)).ToList() : [];
                usedAliases.UnionWith(own.Select(a => a.Key));
                usedDomains.UnionWith(carrying.Select(d => d.Key));
                return (own, carrying);
            }

            // What the archive says more of a campaign already registered: its aliases and domains, offered as additions.
            foreach (var entry in _known.Entries)
            {
                if (entry.Candidate is not { } registered)
                {
                    continue;
                }

                var (moreAliases, moreDomains) = Claim(registered[(registered.LastIndexOf(' ') + 1)..]);
                if (moreAliases.Count + moreDomains.Count > 0)
                {
                    var seen = new Tally();
                    moreAliases.Select(a => a.Value).Concat(moreDomains.Select(d => d.Value)).ToList().ForEach(seen.Merge);
                    suggested.Add(new SuggestedCampaign(entry.Id, entry.Name, entry.Candidate, [.. moreAliases.Select(a => a.Key)], [.. moreDomains.Select(d => d.Key)], seen.Count, [.. seen.Examples])
                    {
                        Registered = true,
                    });
                }
            }

            foreach (var (candidate, tally) in candidates)
            {
                var surname = candidate[(candidate.LastIndexOf(' ') + 1)..];
                // A candidate named twice ("Dana Ortiz" and "Mayor Dana Ortiz" read as one) keeps the first, the most said.
                if (suggested.Any(s => string.Equals(s.Candidate, candidate, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var (ownAliases, ownDomains) = Claim(surname);
                var seen = new Tally();
                foreach (var t in ownAliases.Select(a => a.Value).Concat(ownDomains.Select(d => d.Value)).Prepend(tally))
                {
                    seen.Merge(t);
                }

                suggested.Add(new SuggestedCampaign(
                    UniqueId(Slug(surname), ids),
                    ownAliases.Count > 0 ? ownAliases[0].Key : candidate,
                    candidate,
                    [.. ownAliases.Skip(1).Select(a => a.Key).Where(a => !string.Equals(a, candidate, StringComparison.OrdinalIgnoreCase))],
                    [.. ownDomains.Select(d => d.Key)],
                    seen.Count,
                    [.. seen.Examples]));
            }

            // Committees with no candidate said often enough: "Lakeshore Families First" (a ballot question's committee).
            foreach (var (alias, tally) in aliases)
            {
                if (usedAliases.Contains(alias) || !LooksLikeCommittee(alias))
                {
                    continue;
                }

                usedAliases.Add(alias);
                suggested.Add(new SuggestedCampaign(UniqueId(Slug(alias), ids), alias, null, [], [], tally.Count, [.. tally.Examples]));
            }

            return suggested;
        }
    }

    /// <summary>The suggestion as a registry to read messages with: not complete.</summary>
    public Registry ToRegistry() => Registry.Parse(ToYaml(), "(suggested registry)");

    /// <summary>
    /// The suggestion as registry YAML (docs/FORMATS.md), each campaign under a comment that says how many messages named
    /// it and quotes up to three: for the investigator to check, correct and keep, or to delete.
    /// </summary>
    public string ToYaml(string? header = null)
    {
        var suggested = Suggest();
        var yaml = new StringBuilder();
        yaml.Append("# A registry suggested by `solidwall registry suggest` from ")
            .Append(MessagesRead.ToString(CultureInfo.InvariantCulture))
            .Append(" different messages flagged at a score of ")
            .Append(MinScore.ToString("0.##", CultureInfo.InvariantCulture))
            .Append(" or more. Review every entry before scanning with it:\n")
            .Append("# a name here is what the archive's surest campaign mail says, not what a board of elections filed.\n");
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                yaml.Append("# ").Append(OneCommentLine(line)).Append('\n');
            }
        }

        yaml.Append("# Not complete: it knows only the campaigns that spoke loudly in this archive.\ncomplete: false\n");
        foreach (var known in suggested.Where(s => s.Registered))
        {
            yaml.Append("# Already registered as '").Append(known.Id).Append("', and named here with more (")
                .Append(known.Messages.ToString(CultureInfo.InvariantCulture)).Append(" messages); add to that entry what is its:\n");
            if (known.Aliases.Count > 0)
            {
                yaml.Append("#   aliases: [").AppendJoin(", ", known.Aliases.Select(Quote)).Append("]\n");
            }

            if (known.Domains.Count > 0)
            {
                yaml.Append("#   domains: [").AppendJoin(", ", known.Domains.Select(Quote)).Append("]\n");
            }
        }

        var campaigns = suggested.Where(s => !s.Registered && s.Candidate is not null).ToList();
        var committees = suggested.Where(s => !s.Registered && s.Candidate is null).ToList();
        if (campaigns.Count > 0)
        {
            yaml.Append("campaigns:\n");
            campaigns.ForEach(c => Write(yaml, c));
        }

        if (committees.Count > 0)
        {
            yaml.Append("committees:\n");
            committees.ForEach(c => Write(yaml, c));
        }

        if (campaigns.Count + committees.Count == 0)
        {
            yaml.Append("campaigns: []\n");
        }

        return yaml.ToString();
    }

    private static void Write(StringBuilder yaml, SuggestedCampaign c)
    {
        yaml.Append("  # named by ").Append(c.Messages.ToString(CultureInfo.InvariantCulture)).Append(c.Messages == 1 ? " message" : " messages").Append(", e.g.:\n");
        foreach (var example in c.Examples)
        {
            yaml.Append("  #   ").Append(OneCommentLine(example)).Append('\n');
        }

        yaml.Append("  - id: ").Append(Quote(c.Id)).Append('\n');
        yaml.Append("    name: ").Append(Quote(c.Name)).Append('\n');
        if (c.Candidate is not null)
        {
            yaml.Append("    candidate: ").Append(Quote(c.Candidate)).Append('\n');
        }

        if (c.Aliases.Count > 0)
        {
            yaml.Append("    aliases: [").AppendJoin(", ", c.Aliases.Select(Quote)).Append("]\n");
        }

        if (c.Domains.Count > 0)
        {
            yaml.Append("    domains: [").AppendJoin(", ", c.Domains.Select(Quote)).Append("]\n");
        }
    }

    // A quote from a message in a comment: mail is written by whoever sends it, and a line break of any kind (a YAML 1.1
    // reader takes NEL, LS and PS for one) or a control character would end the comment or spoil the file. None survives.
    private static string OneCommentLine(string text) =>
        string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                var c = t[i];
                span[i] = char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsSurrogate(c) && !(char.IsHighSurrogate(c) ? i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]) : i > 0 && char.IsHighSurrogate(t[i - 1])) ? ' ' : c;
            }
        });

    // YAML's double-quoted scalar: the JSON string escapes are valid in it.
    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Add(Dictionary<string, Tally> tallies, string key, ulong content, Message message, string where, string quote)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally();
        }

        tally.Add(content, message.Source, message.Offset, $"{where}: \"{Shorten(quote)}\"");
    }

    private static string Shorten(string quote)
    {
        var one = string.Join(' ', quote.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= 100 ? one : one[..100] + "…";
    }

    /// <summary>A person's full name from a matched name: titles dropped, at least two words left (no bare surname).</summary>
    private static string? FullName(string matched)
    {
        var name = WithoutTitles(matched);
        return name.Split(' ').Length >= 2 ? name : null;
    }

    private static string WithoutTitles(string matched)
    {
        var words = matched.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.')).ToList();
        while (words.Count > 0 && NotNames.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return words.Any(NotNames.Contains) ? "" : string.Join(' ', words);
    }

    // Words that open what follows a disclaimer on its line in texts and footers ("Paid for by Friends of Dana Ortiz
    // Reply STOP to opt out", "… Not authorized by any candidate"): the committee's name ends before them.
    private static readonly HashSet<string> FooterWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "reply", "text", "txt", "stop", "unsubscribe", "click", "visit", "donate", "contributions", "not", "authorized",
        "msg", "message", "privacy", "terms", "learn", "opt", "copyright", "view", "manage", "follow", "responde",
        "envía", "envia", "répondez", "odpowiedz",
    };

    private static string TrimConnectors(string committee)
    {
        var words = committee.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var footer = words.FindIndex(1, w => FooterWords.Contains(w));
        if (footer > 0)
        {
            words.RemoveRange(footer, words.Count - footer);
        }

        while (words.Count > 0 && words[^1] is "for" or "of" or "to" or "para" or "de" or "del" or "pour" or "dla" or "4")
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    // Two words or more, not opening with a title or a slogan's word ("Yes on 1"); or "Friends of …" whatever it holds.
    private static bool LooksLikeCommittee(string alias) =>
        (alias.Split(' ').Length >= 2 && !NotNames.Contains(alias.Split(' ')[0])) || CommitteeOfName.IsMatch(alias);

    private static bool ContainsWord(string text, string word)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }

            at += word.Length;
        }

        return false;
    }

    /// <summary>Copies of one message (a blast) count once: its subject and text, hashed.</summary>
    private static ulong ContentKey(Message message)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in (message.Subject ?? "") + "\u0001" + message.Text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static string Fold(string s) => Registry.WithoutAccents(s.ToLowerInvariant());

    private static string Slug(string s)
    {
        var slug = new string([.. Fold(s).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return IdPrefix + (slug.Length == 0 ? "campaign" : slug);
    }

    private static string UniqueId(string id, HashSet<string> ids)
    {
        var unique = id;
        for (var n = 2; !ids.Add(unique); n++)
        {
            unique = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>
    /// The different messages that said one thing, each at the first place it lies (source, then offset), so that the
    /// examples quoted are the same whatever order the threads read the archive in.
    /// </summary>
    private sealed class Tally
    {
        private readonly Dictionary<ulong, (string Source, long Offset, string Text)> _first = [];

        public int Count => _first.Count;

        public IEnumerable<string> Examples => _first.Values
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Offset).Take(ExamplesKept).Select(e => e.Text);

        public void Add(ulong content, string source, long offset, string text)
        {
            if (!_first.TryGetValue(content, out var first) || Earlier((source, offset), (first.Source, first.Offset)))
            {
                _first[content] = (source, offset, text);
            }
        }

        public void Merge(Tally other)
        {
            foreach (var (content, e) in other._first)
            {
                Add(content, e.Source, e.Offset, e.Text);
            }
        }

        private static bool Earlier((string Source, long Offset) a, (string Source, long Offset) b)
        {
            var bySource = string.CompareOrdinal(a.Source, b.Source);
            return bySource < 0 || (bySource == 0 && a.Offset < b.Offset);
        }
    }
}

/// <summary>
/// One suggested campaign (or committee, without a candidate): what <see cref="RegistrySuggester"/> writes as a registry
/// entry; or, <see cref="Registered"/>, the aliases and domains the archive adds to a campaign the investigator's registry
/// already lists (written as a comment, for her to copy).
/// </summary>
public sealed record SuggestedCampaign(string Id, string Name, string? Candidate, IReadOnlyList<string> Aliases, IReadOnlyList<string> Domains, int Messages, IReadOnlyList<string> Examples)
{
    public bool Registered { get; init; }
}
