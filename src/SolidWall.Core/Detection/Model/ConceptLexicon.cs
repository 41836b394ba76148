namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Words of the district's ten languages that say the same thing, read as one concept beside themselves: "vote",
/// "votar", "głosować", "голосувати", "التصويت", "投票", "bỏ phiếu", "voter", "vote" and "bumoto" are each also the
/// concept [vote]. The model learns a concept's weight from every language's mail at once, so what the English and
/// Spanish rows teach reaches the Polish, Ukrainian or Arabic rows, which are few. Read from <c>concepts.txt</c>:
/// one block per concept, <c>[name]</c>, then a line per language, <c>lang: form, form, two words</c>.
/// </summary>
internal sealed class ConceptLexicon
{
    /// <summary>
    /// Bits of the bitmaps in front of the tables: 65,536 (8 KB each). About 2,300 one-word and 1,400 two-word forms let
    /// one token in 28, and one pair in 47, through to a table lookup; behind the 4,096 bits of a <see cref="HashFilter"/>
    /// every other token was looked up, and the text model took a quarter longer than without concepts.
    /// </summary>
    private const int Bits = 1 << 16;

    private readonly Dictionary<uint, int> _words = [];
    private readonly Dictionary<uint, int> _pairs = [];
    private readonly ulong[] _wordBits = new ulong[Bits / 64];
    private readonly ulong[] _pairBits = new ulong[Bits / 64];
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// A hash of what the lexicon reads, concept by concept, form by form as the tokenizer hashes it
    /// (<see cref="FeatureExtractor.Fingerprint"/>): a comment edited changes nothing, a form added or moved does.
    /// </summary>
    public uint Fingerprint { get; private set; }

    /// <summary>The lexicon shipped in the assembly (<c>Detection/Model/concepts.txt</c>), read once.</summary>
    public static ConceptLexicon Embedded { get; } = LoadEmbedded();

    private static ConceptLexicon LoadEmbedded()
    {
        using var stream = typeof(ConceptLexicon).Assembly.GetManifestResourceStream("SolidWall.Core.Detection.Model.concepts.txt")
            ?? throw new InvalidOperationException("SolidWall.Core was built without its concept lexicon (Detection/Model/concepts.txt)");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The concept a token's hash stands for, or −1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int OfWord(uint hash) => Has(_wordBits, hash) && _words.TryGetValue(hash, out var id) ? id : -1;

    /// <summary>The concept a word pair's hash (<see cref="StableHash.Pair"/>) stands for, or −1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int OfPair(uint hash) => Has(_pairBits, hash) && _pairs.TryGetValue(hash, out var id) ? id : -1;

    // Asked for every token and word pair: inlined, as OfWord and OfPair are (a call of its own showed in the profile).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Has(ulong[] bits, uint hash) => ((bits[(hash >> 6) & ((Bits / 64) - 1)] >> (int)(hash & 63)) & 1) != 0;

    private static void Set(ulong[] bits, uint hash) => bits[(hash >> 6) & ((Bits / 64) - 1)] |= 1UL << (int)(hash & 63);

    /// <summary>Reads a lexicon; a form that tokenizes to more than two tokens, or that an earlier concept holds, is skipped.</summary>
    public static ConceptLexicon Parse(string text)
    {
        var lexicon = new ConceptLexicon();
        var tokens = new TokenBuffer();
        var concept = -1;
        var fingerprint = 0u;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                concept = lexicon._names.Count;
                lexicon._names.Add(line[1..^1].Trim());
                fingerprint = StableHash.Pair(fingerprint, StableHash.Of(lexicon._names[concept]));
                continue;
            }

            var colon = line.IndexOf(':');
            if (concept < 0 || colon < 0)
            {
                continue;
            }

            foreach (var form in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                tokens.Clear();
                Tokenizer.Tokenize(form, tokens);
                var hash = tokens.Count switch
                {
                    1 => tokens.Hash(0),
                    2 => StableHash.Pair(tokens.Hash(0), tokens.Hash(1)),
                    _ => 0u,
                };
                if (tokens.Count == 1 && lexicon._words.TryAdd(hash, concept))
                {
                    Set(lexicon._wordBits, hash);
                    fingerprint = StableHash.Pair(fingerprint, hash);
                }
                else if (tokens.Count == 2 && lexicon._pairs.TryAdd(hash, concept))
                {
                    Set(lexicon._pairBits, hash);
                    fingerprint = StableHash.Pair(~fingerprint, hash);
                }
            }
        }

        lexicon.Fingerprint = fingerprint;
        return lexicon;
    }
}
