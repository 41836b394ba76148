using System.Runtime.Intrinsics;
using SolidWall.Core.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// SolidWall's learned text model: logistic regression over hashed words, word pairs and stems of a message's subject
/// and text, one head for electioneering and one per category, each with Platt-calibrated probabilities, and
/// the terms that pushed the electioneering score most. Scoring is a tokenize, a hash and a dot product; it
/// reads nothing but the subject and the text. Thread-safe.
/// </summary>
public sealed class TextModel : ITextModel
{
    /// <summary>The categories a head exists for, in head order (head 0 is electioneering).</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "fundraising", "volunteer_recruitment", "event", "vote_solicitation", "petition",
        "literature", "polling", "questionnaire", "coercion",
    ];

    public const int HeadCount = 10;

    public const int DefaultTopTerms = 8;

    /// <summary>
    /// Below this electioneering probability the category heads are not consulted and the score carries no
    /// category probabilities (each would be below this figure anyway). Most mail is far below it, and skipping
    /// the nine category lookups per word more than doubles the scoring speed.
    /// </summary>
    public const double CategoryFloor = 0.01;

    /// <summary>
    /// A message with fewer tokens than this has its probability scaled by tokens / this. The training corpora
    /// hold no short allowed mail (the ham is long mailing-list posts), so the model has never learned that
    /// "See you tomorrow" is harmless, and its few words, mostly common in the political corpus, would score it
    /// as a campaign message. The model abstains instead of guessing; the rule-like signals still see short asks.
    /// 25 rather than 10 measured by `solidwall eval`: district precision of the combined detector 0.896 → 0.906,
    /// recall unchanged.
    /// </summary>
    public const int FullEvidenceTokens = 25;

    private static readonly IReadOnlyDictionary<string, double> NoCategories = new Dictionary<string, double>();

    private const string ResourceName = "SolidWall.Core.Detection.Model.model.bin";

    private static readonly Lazy<TextModel> Embedded = new(LoadEmbeddedCore);

    [ThreadStatic]
    private static FeatureExtractor? t_extractor;

    /// <summary>The token a registered candidate's name is masked to (<see cref="WorldNames.Placeholder"/>), as the tokenizer hashes it.</summary>
    private static readonly uint PlaceholderHash = StableHash.Of(WorldNames.Placeholder);

    [ThreadStatic]
    private static float[]? t_contributions;

    private const int CategoryHeads = HeadCount - 1;

    /// <summary>The electioneering head's weights (1 MB: the part that stays in cache).</summary>
    private readonly float[] _main;

    /// <summary>The category heads' weights, bucket by bucket, the heads of a bucket side by side (one cache line per lookup).</summary>
    private readonly float[] _categories;

    internal TextModel(float[] interleavedWeights, double[] biases, Platt[] calibration)
    {
        if (interleavedWeights.Length != FeatureExtractor.Buckets * HeadCount || biases.Length != HeadCount || calibration.Length != HeadCount)
        {
            throw new ArgumentException("model arrays have the wrong size");
        }

        _main = new float[FeatureExtractor.Buckets];
        _categories = new float[FeatureExtractor.Buckets * CategoryHeads];
        for (var b = 0; b < FeatureExtractor.Buckets; b++)
        {
            _main[b] = interleavedWeights[b * HeadCount];
            for (var h = 0; h < CategoryHeads; h++)
            {
                _categories[(b * CategoryHeads) + h] = interleavedWeights[(b * HeadCount) + h + 1];
            }
        }

        Biases = biases;
        Calibration = calibration;
    }

    internal IReadOnlyList<double> Biases { get; }

    internal IReadOnlyList<Platt> Calibration { get; }

    internal float Weight(int bucket, int head) => head == 0 ? _main[bucket] : _categories[(bucket * CategoryHeads) + head - 1];

    /// <summary>The model shipped inside SolidWall.Core (what `solidwall train` wrote to model.bin).</summary>
    public static TextModel LoadEmbedded() => Embedded.Value;

    public static bool HasEmbedded => typeof(TextModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    public ModelScore Score(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (text, segments) = Unsigned(message);
        return Score(message.Subject, text, segments);
    }

    /// <summary>
    /// Scores a message with the registry's candidates' names masked (<see cref="Registry.ModelNames"/>), as the model
    /// was trained: it reads that a registered candidate is named, not who.
    /// </summary>
    public ModelScore Score(Message message, Registry registry)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(registry);
        var (text, segments) = Unsigned(message);
        return Score(message.Subject, text, segments, registry.ModelNames);
    }

    /// <summary>
    /// As <see cref="Score(Message, Registry)"/>, with the inside sender's and colleagues' own name words (<see cref="WorldNames.InsideNameWords"/>)
    /// removed where they stand alone, as training reads its rows.
    /// </summary>
    public ModelScore Score(Message message, Registry registry, string[]? insideNameWords)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(registry);
        var (text, segments) = Unsigned(message);
        return Score(message.Subject, text, segments, registry.ModelNames, own: insideNameWords);
    }

    /// <summary>
    /// <see cref="Score(Message, Registry, string[])"/> as the detector reads it: the strongest terms on the side the model
    /// leans to, the ones the model's reason in a verdict weighs with. Above one half, those that push towards
    /// electioneering; otherwise those that push away from it ("homework", "field trip"): an allowed message's reason
    /// weighs against electioneering, and its evidence says which words made it.
    /// </summary>
    internal ModelScore ScoreForVerdict(Message message, Registry registry, string[]? insideNameWords, int terms = DefaultTopTerms)
    {
        var (text, segments) = Unsigned(message);
        return Score(message.Subject, text, segments, registry.ModelNames, topTerms: terms, own: insideNameWords, termsOfItsLean: true);
    }

    /// <summary>
    /// The message's text and segments as the model reads them: an inside sender's signature block (<see cref="SignatureBlock"/>)
    /// as blanks, in the last segment of her own words that holds any (in the text, when it has no segments), as training
    /// reads its rows (<see cref="ModelTrainer"/>).
    /// Inside is read from the message alone (<see cref="DetectionContext.WritesFromInside"/> with no directory), the same
    /// in training and in every command.
    /// </summary>
    internal static (string Text, IReadOnlyList<Segment> Segments) Unsigned(Message message) =>
        Unsigned(message.Text ?? "", message.Segments, Signer(message));

    /// <summary>The display name of a message's sender when she writes from inside; null otherwise.</summary>
    internal static string? Signer(Message message) =>
        message.From.Count > 0 && DetectionContext.WritesFromInside(message, InstitutionDirectory.Empty) ? message.From[0].DisplayName : null;

    /// <inheritdoc cref="Unsigned(Message)"/>
    internal static (string Text, IReadOnlyList<Segment> Segments) Unsigned(string text, IReadOnlyList<Segment> segments, string? signer)
    {
        if (string.IsNullOrWhiteSpace(signer))
        {
            return (text, segments);
        }

        // Looked for under what the mail system wrote (a list's footer, a notice, MailBoilerplate), which the model never
        // reads. The model reads the segments when there are any (FeatureExtractor.Extract), and the block ends the
        // writer's words: her last own-words segment that holds any, above a quote or under one.
        if (segments.Count == 0)
        {
            return (SignatureBlock.Blank(MailBoilerplate.Blank(text), signer), segments);
        }

        for (var i = segments.Count - 1; i >= 0; i--)
        {
            if (segments[i].Kind != SegmentKind.Body)
            {
                continue;
            }

            var seen = MailBoilerplate.Blank(segments[i].Text);
            if (seen.AsSpan().IsWhiteSpace())
            {
                // Nothing but what the mail system wrote (a list's footer the splitter set apart): the writer's words are above.
                continue;
            }

            if (SignatureBlock.Find(seen, signer) is not { } start)
            {
                return (text, segments);
            }

            Segment[] unsigned = [.. segments];
            unsigned[i] = segments[i] with { Text = SignatureBlock.BlankFrom(seen, start) };
            return (text, unsigned);
        }

        return (text, segments);
    }

    /// <summary>Scores a subject and text; <paramref name="topTerms"/> strongest terms by |weight × value|.</summary>
    /// <remarks>
    /// A message with a postscript (<see cref="Postscript"/>) is also read as the postscript alone. When that reads
    /// higher, the score moves towards it (<see cref="Blend"/>), names the postscript (<see cref="ModelScore.Postscript"/>),
    /// and its terms and categories are the postscript's.
    /// </remarks>
    public ModelScore Score(string? subject, string text, int topTerms = DefaultTopTerms)
    {
        text ??= "";
        return Score(subject, text, SegmentSplitter.Split(text), null, topTerms);
    }

    /// <summary>
    /// Scores a subject and text whose <paramref name="segments"/> (own words, quotes, forwards) are already known, as a
    /// normalised <see cref="Message"/> carries them; see <see cref="FeatureExtractor.Extract(string?, string, IReadOnlyList{Segment})"/>.
    /// </summary>
    internal ModelScore Score(string? subject, string text, IReadOnlyList<Segment> segments, WorldNames? names = null, int topTerms = DefaultTopTerms, string[]? own = null, bool termsOfItsLean = false)
    {
        var extractor = t_extractor ??= new FeatureExtractor();
        names ??= WorldNames.None;
        // The postscript is found in the text as written, so that its place points into the message.
        var postscript = Postscript.Find(text);
        var postscriptText = postscript is { } ps ? names.Mask(text.Substring(ps.Start, ps.Length), own)! : null;
        var postscriptProbability = -1.0;
        if (postscriptText is not null)
        {
            var alone = extractor.Extract(null, postscriptText);
            postscriptProbability = Probability(alone, Contributions(alone.Count));
        }

        // The extractor reads the text only when there are no segments: masked only then.
        var x = names.IsEmpty ? extractor.Extract(subject, text, segments)
            : extractor.Extract(names.Mask(subject, own), segments.Count == 0 ? names.Mask(text, own)! : text, names.Mask(segments, own));
        var readRegisteredName = !names.IsEmpty && extractor.Tokens.Hashes.Contains(PlaceholderHash);
        var contributions = Contributions(x.Count);
        var probability = Probability(x, contributions);
        // The category heads read the whole message, postscript and all: which kind of campaign work is the message's.
        Span<double> z = stackalloc double[CategoryHeads];
        if (postscriptProbability > probability && postscriptText is not null)
        {
            var blended = Blend(probability, postscriptProbability);
            if (blended >= CategoryFloor)
            {
                CategoryRaw(x, z);
            }

            // The extractor's buffers hold one vector at a time: the postscript's again, for its terms.
            x = extractor.Extract(null, postscriptText);
            contributions = Contributions(x.Count);
            probability = blended;
        }
        else
        {
            postscript = null;
            if (probability >= CategoryFloor)
            {
                CategoryRaw(x, z);
            }
        }

        if (probability < CategoryFloor)
        {
            return new ModelScore(probability, TopTerms(extractor, x, contributions, topTerms, termsOfItsLean ? Lean(probability) : 0), NoCategories) { Postscript = postscript, ReadRegisteredName = readRegisteredName };
        }

        // The category heads give P(category | electioneering); the score reports P(electioneering and category),
        // so that an allowed message never shows a high category probability.
        var categories = new Dictionary<string, double>(Categories.Count);
        for (var h = 1; h < HeadCount; h++)
        {
            categories[Categories[h - 1]] = probability * Calibration[h].Probability(z[h - 1]);
        }

        return new ModelScore(probability, TopTerms(extractor, x, contributions, topTerms, termsOfItsLean ? Lean(probability) : 0), categories) { Postscript = postscript, ReadRegisteredName = readRegisteredName };
    }

    /// <summary>
    /// The raw (uncalibrated) score of each category head (heads 1 to 9, in <paramref name="z"/>[0..9]). Each head
    /// adds its weight × value feature by feature in double precision; with 256-bit vectors, heads 1–8 are added four
    /// at a time (the floats widened to doubles exactly, the same products and sums in the same order, so the same
    /// doubles) and head 9 alone.
    /// </summary>
    internal void CategoryRaw(FeatureVector x, Span<double> z)
    {
        var w = _categories;
        // Not the words counted twice (in campaign context, above a quote): the category heads never learned them (FeatureVector.ContextFrom).
        var buckets = x.Buckets.AsSpan(0, x.ContextFrom);
        var values = x.Values.AsSpan(0, x.ContextFrom);
        z = z[..CategoryHeads];
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.Create(Biases[1], Biases[2], Biases[3], Biases[4]);
            var high = Vector256.Create(Biases[5], Biases[6], Biases[7], Biases[8]);
            var last = Biases[9];
            for (; k < buckets.Length; k++)
            {
                // A row is 9 floats; the first 8 are read as one vector (in bounds: every row has a 9th).
                var row = w.AsSpan(buckets[k] * CategoryHeads, CategoryHeads);
                var v = Vector256.Create((double)values[k]);
                var eight = Vector256.Create<float>(row);
                low += Vector256.WidenLower(eight) * v;
                high += Vector256.WidenUpper(eight) * v;
                last += row[8] * (double)values[k];
            }

            low.CopyTo(z);
            high.CopyTo(z[4..]);
            z[8] = last;
            return;
        }

        for (var h = 0; h < CategoryHeads; h++)
        {
            z[h] = Biases[h + 1];
        }

        for (; k < buckets.Length; k++)
        {
            var row = w.AsSpan(buckets[k] * CategoryHeads, CategoryHeads);
            double v = values[k];
            for (var h = 0; h < CategoryHeads; h++)
            {
                z[h] += row[h] * v;
            }
        }
    }

    /// <summary>
    /// Calibrated probability of electioneering for an already extracted vector, scaled down for messages with
    /// fewer than <see cref="FullEvidenceTokens"/> tokens, and moved towards its postscript's when that reads higher
    /// (<see cref="Blend"/>), as <see cref="Score(string?, string, int)"/> reads a message.
    /// </summary>
    internal double Probability(FeatureVector x) =>
        x.Postscript is { } postscript
            ? Blend(Probability(x, Contributions(x.Count)), Probability(postscript, Contributions(postscript.Count)))
            : Probability(x, Contributions(x.Count));

    /// <summary>
    /// <see cref="Probability(FeatureVector)"/>, leaving each feature's w·x in <paramref name="contributions"/> for
    /// <see cref="TopTerms"/>, which would otherwise look every weight up again.
    /// </summary>
    private double Probability(FeatureVector x, Span<float> contributions)
    {
        var z = Biases[0];
        var evidence = 0.0;
        var main = _main;
        var buckets = x.Buckets.AsSpan(0, x.Count);
        var values = x.Values.AsSpan(0, x.Count);
        contributions = contributions[..buckets.Length];
        for (var k = 0; k < buckets.Length; k++)
        {
            var c = main[buckets[k]] * values[k];
            contributions[k] = c;
            z += c;
            evidence += Math.Abs(c);
        }

        return Abstain(Calibration[0].Probability(z), evidence, x.TokenCount);
    }

    /// <summary>
    /// What the model says when it knows nothing: about the share of electioneering rows in the training data (1,341
    /// of 7,897). See <see cref="Abstain"/>.
    /// </summary>
    internal const double Prior = 0.15;

    /// <summary>
    /// How much evidence (Σ|w·x| over the message's features) the model needs before its probability counts in full.
    /// A message of words the model never learned (a teacher's note on quadratic functions: the training ham is
    /// 2002 mailing lists, the electioneering 2024 campaign mail, and school mail is little of either) has almost no
    /// weight on any feature, and its score is then the intercept alone, which the training data never pins down: it
    /// was 0.56, electioneering, for a message of made-up words. Below this evidence the probability is pulled
    /// towards <see cref="Prior"/>, all the way at none. 4 is about the evidence of a two-line message with a few
    /// known words; `solidwall eval` measured district precision / recall 0.885 / 0.853 with it and 0.883 / 0.859
    /// without (8 costs recall: 0.925 / 0.763).
    /// </summary>
    internal const double FullEvidence = 4;

    /// <summary>
    /// The calibrated probability <paramref name="p"/> pulled towards <see cref="Prior"/> (in log-odds) in
    /// proportion to how far <paramref name="evidence"/> falls short of <see cref="FullEvidence"/>, then scaled
    /// for short messages (<see cref="FullEvidenceTokens"/>).
    /// </summary>
    internal static double Abstain(double p, double evidence, int tokens)
    {
        if (evidence < FullEvidence)
        {
            var prior = Math.Log(Prior / (1 - Prior));
            var clamped = Math.Clamp(p, 1e-9, 1 - 1e-9);
            var logit = Math.Log(clamped / (1 - clamped));
            logit = prior + ((logit - prior) * (evidence / FullEvidence));
            p = 1 / (1 + Math.Exp(-logit));
        }

        return p * Math.Min(1.0, tokens / (double)FullEvidenceTokens);
    }

    /// <summary>
    /// How far the postscript's own reading moves the score, in log-odds, from the whole message's towards the
    /// postscript's: a few sentences read alone are a noisy reading, and read in full (1) a mailing-list post's "PS: I've
    /// also recompiled xine with alsa support, off you go" scored 0.87 and flagged it. `solidwall eval`, 2,667
    /// district rows: at 1, district precision / recall 0.927 / 0.868 and three corpus messages flagged; at 0.75,
    /// 0.927 / 0.870 and one; at 0.5, 0.925 / 0.869 and one.
    /// </summary>
    internal const double PostscriptShare = 0.75;

    /// <summary>The probability of a message whose whole text reads <paramref name="whole"/> and whose postscript alone reads <paramref name="postscript"/>.</summary>
    internal static double Blend(double whole, double postscript)
    {
        if (postscript <= whole)
        {
            return whole;
        }

        var z = LogOdds(whole) + (PostscriptShare * (LogOdds(postscript) - LogOdds(whole)));
        return 1 / (1 + Math.Exp(-z));

        static double LogOdds(double p)
        {
            p = Math.Clamp(p, 1e-9, 1 - 1e-9);
            return Math.Log(p / (1 - p));
        }
    }

    /// <summary>This thread's buffer for the contributions of a vector of <paramref name="count"/> features.</summary>
    private static Span<float> Contributions(int count)
    {
        var buffer = t_contributions;
        if (buffer is null || buffer.Length < count)
        {
            t_contributions = buffer = new float[Math.Max(count, 2048)];
        }

        return buffer.AsSpan(0, count);
    }

    /// <summary>The side a probability leans to: +1 towards electioneering (above one half), −1 away from it.</summary>
    internal static int Lean(double probability) => probability > 0.5 ? 1 : -1;

    /// <summary>
    /// The <paramref name="k"/> strongest terms, strongest first (ties in the order of the features): by |w·x| with
    /// <paramref name="lean"/> 0; with +1 or −1, the strongest of those that push that way.
    /// </summary>
    private List<TermContribution> TopTerms(FeatureExtractor extractor, FeatureVector x, ReadOnlySpan<float> contributions, int k, int lean = 0)
    {
        // A small insertion-sorted list: k is tiny, and most features never enter it.
        Span<int> best = stackalloc int[Math.Max(k, 1)];
        Span<double> bestAbs = stackalloc double[Math.Max(k, 1)];
        var n = 0;
        // What a term must exceed to enter: nothing until the list is full, then its weakest. One comparison, which most
        // terms fail whichever their sign: a test of the sign first was a branch mispredicted on every other term.
        var bar = 0.0;
        for (var i = 0; i < x.Count && k > 0; i++)
        {
            var c = lean == 0 ? Math.Abs(contributions[i]) : lean * contributions[i];
            if (c <= bar)
            {
                continue;
            }

            var pos = n < k ? n++ : k - 1;
            while (pos > 0 && bestAbs[pos - 1] < c)
            {
                best[pos] = best[pos - 1];
                bestAbs[pos] = bestAbs[pos - 1];
                pos--;
            }

            best[pos] = i;
            bestAbs[pos] = c;
            if (n == k)
            {
                bar = bestAbs[k - 1];
            }
        }

        var terms = new List<TermContribution>(n);
        for (var j = 0; j < n; j++)
        {
            var i = best[j];
            terms.Add(new TermContribution(extractor.Term(x.Origins[i], x.Buckets[i]), contributions[i]));
        }

        return terms;
    }

    private static TextModel LoadEmbeddedCore()
    {
        using var stream = typeof(TextModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("SolidWall.Core was built without a text model; run `solidwall train` to write src/SolidWall.Core/Detection/Model/model.bin and rebuild");
        return ModelFile.Read(stream);
    }
}
