using System.Runtime.CompilerServices;
using SolidWall.Core.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Hashes a message's words, word pairs and word stems into <see cref="Buckets"/> buckets (the hashing trick), leaving
/// out function words and lone letters (<see cref="FunctionWords"/>), weights each
/// by 1 + ln(count) and scales the vector to unit length (short messages less, see <see cref="MinimumNorm"/>), so that long and short messages score alike.
/// Some words count twice: a quoted word also as quoted, a word after a negation also as negated, every word of a
/// message that holds a campaign word also as a word in campaign context (<see cref="BuildContextWords"/>), and every
/// word a writer puts above a quote or a forward also as such (<see cref="ReplySalt"/>). A word or word pair of the
/// concept lexicon also counts as its concept, the same in every language (<see cref="ConceptLexicon"/>).
/// Only the subject and the text are read: never headers, addresses or dates, which differ by the era and
/// format of the training corpora rather than by what a message asks for.
/// </summary>
internal sealed class FeatureExtractor
{
    public const int BucketBits = 18;
    public const int Buckets = 1 << BucketBits;
    private const int Mask = Buckets - 1;

    /// <summary>
    /// Vectors are scaled to unit length, except that a short message is not scaled up beyond this norm: three
    /// words are little evidence, and scaled to unit length they would weigh as much as a whole page, so that
    /// "See you tomorrow" would score like a campaign blast whenever its words lean political.
    /// </summary>
    public const double MinimumNorm = 5;

    /// <summary>
    /// A word longer than this also counts as its first five letters ("votación", "votar" → "votac", "volunteers",
    /// "volunteering" → "volun"): a crude stem that lets a few hundred district messages in seven languages
    /// generalise across inflections (measured by cross-validation: district F1 0.826 → 0.841).
    /// </summary>
    private const int StemLength = TokenBuffer.StemLength;

    /// <summary>1 + ln(count) for the counts most features have, the same doubles Math.Log gives, without its cost per feature.</summary>
    private static readonly double[] OnePlusLog = Enumerable.Range(0, 256).Select(c => 1.0 + Math.Log(c)).ToArray();

    private const uint StemSalt = 0x2545F491u;

    /// <summary>Mixed into a word's hash for its negated feature.</summary>
    private const uint NegationSalt = 0x5BD1E995u;

    /// <summary>How many content words after a negation ("don't", "no", "nunca", "nie", "не", "không") count as negated.</summary>
    private const int NegationScope = 8;

    private static readonly HashFilter Negations = new(BuildNegations());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNegation(uint h) => Negations.Contains(h);

    private static HashSet<uint> BuildNegations()
    {
        var tokens = new TokenBuffer();
        foreach (var word in new[]
        {
            "not", "no", "never", "don't", "dont", "doesn't", "didn't", "won't", "wont", "can't", "cant", "cannot", "isn't", "aren't",
            "wasn't", "shouldn't", "wouldn't", "nobody", "nothing", "nor", "refuse", "decline",
            "nunca", "ni", "tampoco", "jamás", "ne", "pas", "jamais", "nie", "не", "ні", "ніколи", "pa", "hindi", "huwag", "không", "đừng",
            "لا", "لن", "لم",
        })
        {
            Tokenizer.Tokenize(word, tokens);
        }

        var set = new HashSet<uint>();
        for (var i = 0; i < tokens.Count; i++)
        {
            set.Add(tokens.Hash(i));
        }

        return set;
    }

    /// <summary>What <see cref="Term"/> adds to a word counted in campaign context.</summary>
    public const string ContextSuffix = " (campaign context)";

    /// <summary>What <see cref="Term"/> adds to an author's own word in a message that quotes or forwards something.</summary>
    public const string ReplySuffix = " (own words above a quote)";

    /// <summary>
    /// Mixed into the hash of an author's own word, in a message that quotes or forwards something, for its second
    /// feature: what a writer says above a quoted ask ("take me off this list", "please share with your advisory")
    /// decides between a refusal or report and a relay, and those words mean something else in a message that quotes nothing.
    /// </summary>
    private const uint ReplySalt = 0x1B873593u;

    /// <summary>Mixed into a concept's number for its feature (<see cref="ConceptLexicon"/>).</summary>
    private const uint ConceptSalt = 0x68E31DA4u;

    private static readonly ConceptLexicon Concepts = ConceptLexicon.Embedded;

    /// <summary>
    /// What the features are, as the model file records it (<see cref="ModelFile"/>): <see cref="Revision"/> and the
    /// concept lexicon's text. A model is read only by a build that computes the features it was trained on.
    /// </summary>
    public static uint Fingerprint { get; } = StableHash.Pair(Revision, Concepts.Fingerprint);

    /// <summary>
    /// Raised whenever what the tokenizer or this extractor computes from a text changes, so that a model trained before
    /// is refused rather than read with features it never learned. 2: the concepts (29 November 2026). 3: a mailing
    /// list's footer read as blanks (<see cref="Text.MailBoilerplate"/>, 30 November 2026). 4: an inside sender's signature
    /// block read as blanks (<see cref="TextModel.Unsigned(Message)"/>, the same day).
    /// </summary>
    private const uint Revision = 4;

    /// <summary>Mixed into a word's hash for its campaign-context feature.</summary>
    private const uint ContextSalt = 0x3C6EF372u;

    private static readonly HashFilter ContextWords = new(BuildContextWords());

    private static readonly (HashSet<uint> Pairs, HashSet<uint> Ends) ContextPairSets = BuildContextPairs();

    private static readonly HashSet<uint> ContextPairs = ContextPairSets.Pairs;

    // The second tokens of the context pairs: a pair's hash is taken only after one of them.
    private static readonly HashFilter ContextPairEnds = new(ContextPairSets.Ends);

    /// <summary>
    /// Words that put a message in an election's context: a campaign, a candidate, an election, a vote, an office, the
    /// placeholder for a registered candidate's name, a political platform's host. A message that holds one has each
    /// word counted a second time as a word in campaign context, so that the model can learn that "hang our sign in your
    /// window" asks for campaign work only beside a campaign. Not words that are campaign words in one language and school
    /// words in another: "boleta" is a ballot and, in Mexican Spanish, a report card; "gop" is also Vietnamese "góp",
    /// chipping in (taken out: district F1 0.9613 → 0.9629).
    /// </summary>
    private static HashSet<uint> BuildContextWords()
    {
        var tokens = new TokenBuffer();
        foreach (var word in new[]
        {
            WorldNames.Placeholder,
            "campaign", "campaigns", "campaigning", "candidate", "candidates", "candidacy", "election", "elections", "elect", "elected", "reelect",
            "reelection", "vote", "votes", "voting", "voter", "voters", "ballot", "ballots", "mayor", "mayoral", "alderman", "alderwoman",
            "alderperson", "aldermanic", "ald", "ward", "precinct", "precincts", "referendum", "pac", "political", "politics", "endorse", "endorsed",
            "endorsement", "endorsements", "canvass", "canvassing", "democrat", "democrats", "democratic", "republican", "republicans",
            "councilman", "councilwoman", "rep", "representative", "senator", "governor", "congress", "congressman", "congresswoman",
            "campaña", "campañas", "candidato", "candidatos", "candidata", "candidatas", "elección", "elecciones", "reelegir", "reelección",
            "votar", "voto", "votos", "voten", "votación", "alcalde", "alcaldesa", "concejal", "concejala", "regidor",
            "campagne", "candidat", "candidats", "élection", "élections", "électoral", "électorale", "voter", "votez", "scrutin", "maire",
            "kanpay", "kandida", "eleksyon", "majistra",
            "wybory", "wyborach", "wyborów", "kandydat", "kandydata", "kandydatka", "kampania", "kampanii", "głosować", "głosujcie", "głosuj", "burmistrz",
            "radny", "radnego", "radna",
            "вибори", "виборах", "виборів", "кандидат", "кандидата", "кампанія", "кампанії", "голосувати", "голосуйте", "голосування", "мер", "мера",
            "halalan", "kandidato", "kampanya", "boto", "iboto", "botohan", "alkalde", "konsehal",
            "انتخابات", "الانتخابات", "مرشح", "المرشح", "حملة", "الحملة", "التصويت", "صوتوا", "عمدة",
            "https://secure.actblue.com/", "https://actblue.com/", "https://secure.winred.com/", "https://winred.com/", "https://secure.anedot.com/", "https://www.mobilize.us/", "https://mobilize.us/",
        })
        {
            Tokenizer.Tokenize(word, tokens);
        }

        var set = new HashSet<uint>();
        for (var i = 0; i < tokens.Count; i++)
        {
            set.Add(tokens.Hash(i));
        }

        return set;
    }

    /// <summary>Two-token context words of the scripts the tokenizer splits: Vietnamese syllables, Han characters.</summary>
    private static (HashSet<uint> Pairs, HashSet<uint> Ends) BuildContextPairs()
    {
        var pairs = new HashSet<uint>();
        var ends = new HashSet<uint>();
        var tokens = new TokenBuffer();
        foreach (var pair in new[] { "bầu cử", "ứng cử", "tranh cử", "cử tri", "bỏ phiếu", "vận động", "选举", "候选", "竞选", "投票", "选票", "市长" })
        {
            tokens.Clear();
            Tokenizer.Tokenize(pair, tokens);
            if (tokens.Count == 2)
            {
                pairs.Add(StableHash.Pair(tokens.Hash(0), tokens.Hash(1)));
                ends.Add(tokens.Hash(1));
            }
        }

        return (pairs, ends);
    }

    /// <summary>Whether the tokens hold a campaign-context word or pair (<see cref="BuildContextWords"/>).</summary>
    private static bool HasCampaignContext(ReadOnlySpan<uint> hashes, ReadOnlySpan<bool> breakBefore)
    {
        for (var t = 0; t < hashes.Length; t++)
        {
            var h = hashes[t];
            if (ContextWords.Contains(h)
                || (t > 0 && !breakBefore[t] && ContextPairEnds.Contains(h) && ContextPairs.Contains(StableHash.Pair(hashes[t - 1], h))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Mixed into a word's hash for its second, quoted feature.</summary>
    private const uint QuoteSalt = 0x7A3C9E15u;

    /// <summary>The first token of the quoted and forwarded text in the message being vectorised (int.MaxValue when none is marked).</summary>
    private int _quotedFrom = int.MaxValue;

    private readonly TokenBuffer _tokens = new();
    /// <summary>
    /// A small open-addressing table from bucket to slot for the message being vectorised: it stays in the
    /// first-level caches, where a table over all buckets would miss on every feature. An entry is the current
    /// message's when its key carries <see cref="_generation"/>, so the table is not cleared between messages.
    /// </summary>
    private Entry[] _table = new Entry[4096];

    /// <summary>Which message the table's live entries belong to: 1 to <see cref="MaxGeneration"/>, then the table is cleared.</summary>
    private int _generation;

    private const int MaxGeneration = int.MaxValue >> BucketBits;
    private int[] _buckets = new int[2048];
    private int[] _counts = new int[2048];
    private int[] _origins = new int[2048];
    private float[] _values = new float[2048];

    /// <summary>The content words of the message being vectorised that get a second copy after every other feature.</summary>
    private int[] _words = new int[512];

    public TokenBuffer Tokens => _tokens;

    /// <summary>
    /// Tokenizes subject then text (no word pair across them) and builds the vector. The vector lives in this
    /// extractor's buffers until the next call: keep it with <see cref="FeatureVector.Compact"/>.
    /// </summary>
    public FeatureVector Extract(string? subject, string text)
    {
        StartWith(subject);
        Tokenizer.Tokenize(MailBoilerplate.Blank(text), _tokens);
        _quotedFrom = int.MaxValue;
        return Vectorize();
    }

    /// <summary>
    /// Tokenizes the subject, then the message's own words (its <see cref="SegmentKind.Body"/> segments), then what it
    /// quotes or forwards (every other segment, its attribution first), and builds the vector. A quoted word counts
    /// twice: as itself, and as a quoted word (<see cref="QuoteSalt"/>). The model so learns one weight for a word
    /// wherever it stands and a second one for the difference quoting makes: "vote for Reyes" quoted under "No, take
    /// me off your list" is a refusal, and under "please share with your advisory" it is a relay. Segments are read
    /// body first and no word pair spans two of them. With no segments (a message normalised without them) the
    /// text is read as the message's own words.
    /// </summary>
    public FeatureVector Extract(string? subject, string text, IReadOnlyList<Segment> segments)
    {
        if (segments.Count == 0)
        {
            return Extract(subject, text);
        }

        // Indexed loops: a foreach over the interface would allocate an enumerator per message, twice.
        StartWith(subject);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Kind == SegmentKind.Body)
            {
                Tokenizer.Tokenize(MailBoilerplate.Blank(segment.Text), _tokens);
                _tokens.Break();
            }
        }

        _quotedFrom = _tokens.Count;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Kind != SegmentKind.Body)
            {
                if (segment.Attribution is { } attribution)
                {
                    Tokenizer.Tokenize(attribution, _tokens);
                    _tokens.Break();
                }

                Tokenizer.Tokenize(MailBoilerplate.Blank(segment.Text), _tokens);
                _tokens.Break();
            }
        }

        return Vectorize();
    }

    /// <summary>Clears the tokens and tokenizes the subject, if any, with a break after it (no word pair across subject and text).</summary>
    private void StartWith(string? subject)
    {
        _tokens.Clear();
        if (!string.IsNullOrEmpty(subject))
        {
            Tokenizer.Tokenize(WithoutReplyPrefixes(MailBoilerplate.BlankSubject(subject)!), _tokens);
            _tokens.Break();
        }
    }

    /// <summary>
    /// The subject without its "Re:"/"Fwd:" prefixes. They say how a message travelled, not what it asks: the ham
    /// corpus is mostly mailing-list replies and the political corpus has none, so left in they would teach the
    /// model that any reply is allowed, and a teacher relaying a campaign message would look innocent.
    /// </summary>
    internal static ReadOnlySpan<char> WithoutReplyPrefixes(ReadOnlySpan<char> subject)
    {
        while (true)
        {
            subject = subject.TrimStart();
            var colon = subject.IndexOf(':');
            if (colon is < 2 or > 4)
            {
                return subject;
            }

            var prefix = subject[..colon].Trim();
            if (!IsReplyPrefix(prefix))
            {
                return subject;
            }

            subject = subject[(colon + 1)..];
        }
    }

    private static bool IsReplyPrefix(ReadOnlySpan<char> p) =>
        p.Equals("re", StringComparison.OrdinalIgnoreCase) || p.Equals("fw", StringComparison.OrdinalIgnoreCase)
        || p.Equals("fwd", StringComparison.OrdinalIgnoreCase) || p.Equals("aw", StringComparison.OrdinalIgnoreCase)
        || p.Equals("rv", StringComparison.OrdinalIgnoreCase) || p.Equals("tr", StringComparison.OrdinalIgnoreCase)
        || p.Equals("wg", StringComparison.OrdinalIgnoreCase) || p.Equals("sv", StringComparison.OrdinalIgnoreCase)
        || p.Equals("enc", StringComparison.OrdinalIgnoreCase) || p.Equals("res", StringComparison.OrdinalIgnoreCase);

    private FeatureVector Vectorize()
    {
        // Count per bucket in a small hash table: linear time, no sort. Features come out in order of first
        // appearance, which is deterministic.
        var n = _tokens.Count;
        var capacity = Math.Max(n * 9, 1); // a word, its pair with the word before, its stem, its quoted, negated, context and own-words copies, the concepts of the word and of the pair
        if (_buckets.Length < capacity)
        {
            var size = Math.Max(capacity, _buckets.Length * 2);
            _buckets = new int[size];
            _counts = new int[size];
            _origins = new int[size];
            _values = new float[size];
        }

        var (buckets, counts, origins, values) = (_buckets, _counts, _origins, _values);
        // More slots than the message can have features, so a probe always ends; most messages have fewer than half
        // that many, and twice it put an ordinary message's table out of the first-level cache (BENCHMARKS.md).
        var tableSize = 4096;
        while (tableSize <= capacity)
        {
            tableSize *= 2;
        }

        if (_table.Length < tableSize)
        {
            _table = new Entry[tableSize];
            _generation = 0;
        }

        if (++_generation > MaxGeneration)
        {
            Array.Clear(_table);
            _generation = 1;
        }

        var table = _table;
        var tableMask = tableSize - 1;
        var generation = _generation << BucketBits;
        var count = 0;
        var hashes = _tokens.Hashes;
        var stemHashes = _tokens.StemHashes;
        var lengths = _tokens.Lengths;
        var starts = _tokens.Starts;
        var breakBefore = _tokens.BreaksBefore;
        var chars = _tokens.Chars;
        var previousFunction = false;
        var quotedFrom = _quotedFrom;
        var negated = 0;
        var campaignContext = HasCampaignContext(hashes, breakBefore);
        var concepts = Concepts;
        var replying = quotedFrom < n;
        if (_words.Length < n)
        {
            _words = new int[Math.Max(n, _words.Length * 2)];
        }

        var words = _words;
        var wordCount = 0;
        for (var t = 0; t < n; t++)
        {
            var h = hashes[t];
            if (breakBefore[t])
            {
                negated = 0;
            }

            // A function word or a lone letter is no feature of its own, and a pair of two of them is none either. A lone
            // letter is a single Latin one ("U.S." gives "u" and "s", "p.m." gives "p" and "m"): initials and abbreviations, not words.
            var length = lengths[t];
            var negation = IsNegation(h);
            var function = FunctionWords.Contains(h) || (length == 1 && char.IsAsciiLetterLower(chars[starts[t]]));
            if (!function)
            {
                Count(table, tableMask, generation, (int)(StableHash.Mix(h) & Mask), t * 8, buckets, counts, origins, ref count);
                if (concepts.OfWord(h) is >= 0 and var concept)
                {
                    Count(table, tableMask, generation, ConceptBucket(concept), (t * 8) + 7, buckets, counts, origins, ref count);
                }

                if (length > StemLength && char.IsLetter(chars[starts[t]]))
                {
                    // The stem's hash was taken as the token was built: the hash of its first StemLength chars.
                    Count(table, tableMask, generation, (int)(StableHash.Mix(stemHashes[t] ^ StemSalt) & Mask), (t * 8) + 2, buckets, counts, origins, ref count);
                }

                if (negated > 0 && !negation)
                {
                    Count(table, tableMask, generation, (int)(StableHash.Mix(h ^ NegationSalt) & Mask), (t * 8) + 4, buckets, counts, origins, ref count);
                    negated--;
                }

                if (campaignContext || (replying && t < quotedFrom))
                {
                    words[wordCount++] = t;
                }

                if (t >= quotedFrom)
                {
                    Count(table, tableMask, generation, (int)(StableHash.Mix(h ^ QuoteSalt) & Mask), (t * 8) + 3, buckets, counts, origins, ref count);
                }
            }

            if (!breakBefore[t] && !(function && previousFunction))
            {
                var pair = StableHash.Pair(hashes[t - 1], h);
                Count(table, tableMask, generation, (int)(pair & Mask), (t * 8) + 1, buckets, counts, origins, ref count);
                if (concepts.OfPair(pair) is >= 0 and var concept)
                {
                    Count(table, tableMask, generation, ConceptBucket(concept), (t * 8) + 7, buckets, counts, origins, ref count);
                }
            }

            if (negation)
            {
                negated = NegationScope;
            }

            previousFunction = function;
        }

        // The words again, in campaign context and as the author's own words above a quote, after every other feature
        // (FeatureVector.ContextFrom).
        var contextFrom = count;
        for (var i = 0; i < wordCount; i++)
        {
            var t = words[i];
            if (campaignContext)
            {
                Count(table, tableMask, generation, (int)(StableHash.Mix(hashes[t] ^ ContextSalt) & Mask), (t * 8) + 5, buckets, counts, origins, ref count);
            }

            if (replying && t < quotedFrom)
            {
                Count(table, tableMask, generation, (int)(StableHash.Mix(hashes[t] ^ ReplySalt) & Mask), (t * 8) + 6, buckets, counts, origins, ref count);
            }
        }

        var logs = OnePlusLog;
        double norm = 0;
        for (var i = 0; i < count; i++)
        {
            var c = counts[i];
            var v = c < logs.Length ? logs[c] : 1.0 + Math.Log(c);
            values[i] = (float)v;
            norm += v * v;
        }

        if (count > 0)
        {
            var scale = (float)(1.0 / Math.Max(Math.Sqrt(norm), MinimumNorm));
            for (var i = 0; i < count; i++)
            {
                values[i] *= scale;
            }
        }

        return new FeatureVector(buckets, values, origins, count, n, contextFrom);

    }

    /// <summary>Counts one occurrence of <paramref name="bucket"/>; a bucket seen first gets the next slot and keeps <paramref name="origin"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Count(Entry[] table, int tableMask, int generation, int bucket, int origin, int[] buckets, int[] counts, int[] origins, ref int count)
    {
        var key = generation | bucket;
        var i = (int)(((uint)bucket * 0x9E3779B1u) >> 8) & tableMask;
        while (true)
        {
            ref var entry = ref table[i];
            if (entry.Key == key)
            {
                counts[entry.Slot]++;
                return;
            }

            if ((entry.Key & ~Mask) != generation)
            {
                // Empty, or left by an earlier message.
                entry.Key = key;
                entry.Slot = count;
                buckets[count] = bucket;
                counts[count] = 1;
                origins[count] = origin;
                count++;
                return;
            }

            i = (i + 1) & tableMask;
        }
    }

    private struct Entry
    {
        public int Key;
        public int Slot;
    }

    /// <summary>What <see cref="Term"/> writes between the words and the concept they were read as ("głosujcie [vote]").</summary>
    public const string ConceptOpen = " [";

    // A concept's feature: the word, or the pair ending at it, that was read as the concept whose bucket this is (a word
    // can be one concept's form and end another's two-word form).
    private string ConceptTerm(int t, int bucket)
    {
        var concepts = Concepts;
        var word = concepts.OfWord(_tokens.Hash(t));
        if (word >= 0 && ConceptBucket(word) == bucket)
        {
            return $"{_tokens.TextString(t)}{ConceptOpen}{concepts.Names[word]}]";
        }

        var pair = concepts.OfPair(StableHash.Pair(_tokens.Hash(t - 1), _tokens.Hash(t)));
        return $"{_tokens.TextString(t - 1)} {_tokens.TextString(t)}{ConceptOpen}{concepts.Names[pair]}]";
    }

    private static int ConceptBucket(int concept) => (int)(StableHash.Mix(ConceptSalt + (uint)concept) & Mask);

    /// <summary>
    /// The words behind a feature, from the tokens of the message just extracted ("volun…" for a stem, "&gt; vote" for a
    /// quoted word, "głosujcie [vote]" for a concept); <paramref name="bucket"/> is the feature's.
    /// </summary>
    public string Term(int origin, int bucket)
    {
        var t = origin >> 3;
        return (origin & 7) switch
        {
            0 => _tokens.TextString(t),
            1 => string.Concat(_tokens.Text(t - 1), " ", _tokens.Text(t)),
            3 => string.Concat("> ", _tokens.Text(t)),
            4 => string.Concat("not ", _tokens.Text(t)),
            5 => string.Concat(_tokens.Text(t), ContextSuffix),
            6 => string.Concat(_tokens.Text(t), ReplySuffix),
            7 => ConceptTerm(t, bucket),
            _ => string.Concat(_tokens.Text(t)[..StemLength], "…"),
        };
    }
}
