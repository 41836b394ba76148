namespace SolidWall.Core.Detection.Model;

/// <summary>
/// SolidWall's learned text model: logistic regression over hashed words and word pairs of a message's subject
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

    private const string ResourceName = "SolidWall.Core.Detection.Model.model.bin";

    private static readonly Lazy<TextModel> Embedded = new(LoadEmbeddedCore);

    [ThreadStatic]
    private static FeatureExtractor? t_extractor;

    /// <summary>Weights laid out bucket by bucket, all heads of a bucket next to each other (one cache line per lookup).</summary>
    private readonly float[] _weights;

    internal TextModel(float[] interleavedWeights, double[] biases, Platt[] calibration)
    {
        if (interleavedWeights.Length != FeatureExtractor.Buckets * HeadCount || biases.Length != HeadCount || calibration.Length != HeadCount)
        {
            throw new ArgumentException("model arrays have the wrong size");
        }

        _weights = interleavedWeights;
        Biases = biases;
        Calibration = calibration;
    }

    internal IReadOnlyList<double> Biases { get; }

    internal IReadOnlyList<Platt> Calibration { get; }

    internal float Weight(int bucket, int head) => _weights[(bucket * HeadCount) + head];

    internal ReadOnlySpan<float> InterleavedWeights => _weights;

    /// <summary>The model shipped inside SolidWall.Core (what `solidwall train` wrote to model.bin).</summary>
    public static TextModel LoadEmbedded() => Embedded.Value;

    public static bool HasEmbedded => typeof(TextModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    public ModelScore Score(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Score(message.Subject, message.Text);
    }

    /// <summary>Scores a subject and text; <paramref name="topTerms"/> strongest terms by |weight × value|.</summary>
    public ModelScore Score(string? subject, string text, int topTerms = DefaultTopTerms)
    {
        var extractor = t_extractor ??= new FeatureExtractor();
        var x = extractor.Extract(subject, text ?? "");
        Span<double> z = stackalloc double[HeadCount];
        Raw(x, z);

        // The category heads give P(category | electioneering); the score reports P(electioneering and category),
        // so that an allowed message never shows a high category probability.
        var probability = Calibration[0].Probability(z[0]);
        var categories = new Dictionary<string, double>(Categories.Count);
        for (var h = 1; h < HeadCount; h++)
        {
            categories[Categories[h - 1]] = probability * Calibration[h].Probability(z[h]);
        }

        return new ModelScore(probability, TopTerms(extractor, x, topTerms), categories);
    }

    /// <summary>The raw (uncalibrated) score of every head.</summary>
    internal void Raw(FeatureVector x, Span<double> z)
    {
        for (var h = 0; h < HeadCount; h++)
        {
            z[h] = Biases[h];
        }

        var w = _weights;
        for (var k = 0; k < x.Count; k++)
        {
            var baseIndex = x.Buckets[k] * HeadCount;
            double v = x.Values[k];
            for (var h = 0; h < HeadCount; h++)
            {
                z[h] += w[baseIndex + h] * v;
            }
        }
    }

    /// <summary>Calibrated probability of electioneering for an already extracted vector.</summary>
    internal double Probability(FeatureVector x, int head = 0)
    {
        var z = Biases[head];
        for (var k = 0; k < x.Count; k++)
        {
            z += _weights[(x.Buckets[k] * HeadCount) + head] * x.Values[k];
        }

        return Calibration[head].Probability(z);
    }

    private List<TermContribution> TopTerms(FeatureExtractor extractor, FeatureVector x, int k)
    {
        // A small insertion-sorted list: k is tiny, and most features never enter it.
        Span<int> best = stackalloc int[Math.Max(k, 1)];
        Span<double> bestAbs = stackalloc double[Math.Max(k, 1)];
        var n = 0;
        for (var i = 0; i < x.Count && k > 0; i++)
        {
            var c = Math.Abs(_weights[x.Buckets[i] * HeadCount] * x.Values[i]);
            if (c == 0 || (n == k && c <= bestAbs[n - 1]))
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
        }

        var terms = new List<TermContribution>(n);
        for (var j = 0; j < n; j++)
        {
            var i = best[j];
            terms.Add(new TermContribution(extractor.Term(x.Origins[i]), _weights[x.Buckets[i] * HeadCount] * x.Values[i]));
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
