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
    private readonly Dictionary<uint, int> _words = [];
    private readonly Dictionary<uint, int> _pairs = [];
    private readonly List<string> _names = [];

    private ConceptLexicon(HashFilter words, HashFilter pairs)
    {
        Words = words;
        Pairs = pairs;
    }

    /// <summary>The token hashes of one-word forms (a prefilter for <see cref="OfWord"/>).</summary>
    public HashFilter Words { get; private set; }

    /// <summary>The pair hashes of two-word forms (a prefilter for <see cref="OfPair"/>).</summary>
    public HashFilter Pairs { get; private set; }

    public IReadOnlyList<string> Names => _names;

    /// <summary>A hash of the text the lexicon was read from (<see cref="FeatureExtractor.Fingerprint"/>).</summary>
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
    public int OfWord(uint hash) => Words.Contains(hash) && _words.TryGetValue(hash, out var id) ? id : -1;

    /// <summary>The concept a word pair's hash (<see cref="StableHash.Pair"/>) stands for, or −1.</summary>
    public int OfPair(uint hash) => Pairs.Contains(hash) && _pairs.TryGetValue(hash, out var id) ? id : -1;

    /// <summary>Reads a lexicon; a form that tokenizes to more than two tokens, or that an earlier concept holds, is skipped.</summary>
    public static ConceptLexicon Parse(string text)
    {
        var lexicon = new ConceptLexicon(new HashFilter([]), new HashFilter([]));
        var tokens = new TokenBuffer();
        var concept = -1;
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
                if (tokens.Count == 1)
                {
                    lexicon._words.TryAdd(tokens.Hash(0), concept);
                }
                else if (tokens.Count == 2)
                {
                    lexicon._pairs.TryAdd(StableHash.Pair(tokens.Hash(0), tokens.Hash(1)), concept);
                }
            }
        }

        lexicon.Fingerprint = StableHash.Of(text);
        lexicon.Words = new HashFilter(lexicon._words.Keys);
        lexicon.Pairs = new HashFilter(lexicon._pairs.Keys);
        return lexicon;
    }
}
