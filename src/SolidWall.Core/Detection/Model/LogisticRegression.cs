namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Trains one binary logistic regression over hashed sparse features: AdaGrad steps per example, L2 on the
/// weights an example touches, balanced class weights, a fixed number of epochs and an order shuffled by a
/// seeded generator of our own. Single-threaded inside one model and free of any clock or hash randomisation, so
/// the same data gives the same weights bit for bit.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>
    /// Trains on the rows whose label is 0 or 1 (−1 means "not labelled for this head" and is skipped).
    /// Returns the weights (length <see cref="FeatureExtractor.Buckets"/>) and the bias.
    /// </summary>
    public static (float[] Weights, double Bias) Train(IReadOnlyList<FeatureVector> rows, ReadOnlySpan<sbyte> labels, ReadOnlySpan<float> rowWeights, TrainerOptions options, ulong seed)
    {
        var weights = new float[FeatureExtractor.Buckets];
        var squares = new float[FeatureExtractor.Buckets];
        double bias = 0, biasSquares = 0;

        var order = new List<int>(rows.Count);
        double positives = 0, negatives = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }

            order.Add(i);
            if (labels[i] > 0)
            {
                positives += rowWeights[i];
            }
            else
            {
                negatives += rowWeights[i];
            }
        }

        if (positives == 0 || negatives == 0)
        {
            return (weights, positives > 0 ? 5 : -5);
        }

        // Balanced class weights, capped so that a category with a handful of examples does not explode.
        var total = positives + negatives;
        var positiveWeight = options.BalanceClasses ? Math.Min(total / (2 * positives), options.MaxClassWeight) : 1;
        var negativeWeight = options.BalanceClasses ? Math.Min(total / (2 * negatives), options.MaxClassWeight) : 1;

        var rng = new SplitMix64(seed);
        var shuffled = order.ToArray();
        var eta = options.LearningRate;
        var lambda = options.L2;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = shuffled.Length - 1; i > 0; i--)
            {
                var j = (int)rng.Below((ulong)(i + 1));
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }

            foreach (var r in shuffled)
            {
                var x = rows[r];
                var buckets = x.Buckets;
                var values = x.Values;
                double z = bias;
                for (var k = 0; k < x.Count; k++)
                {
                    z += weights[buckets[k]] * values[k];
                }

                var y = labels[r] > 0 ? 1.0 : 0.0;
                var p = 1.0 / (1.0 + Math.Exp(-z));
                var g = (p - y) * rowWeights[r] * (y > 0 ? positiveWeight : negativeWeight);
                for (var k = 0; k < x.Count; k++)
                {
                    var b = buckets[k];
                    var grad = (float)((g * values[k]) + (lambda * weights[b]));
                    squares[b] += grad * grad;
                    weights[b] -= (float)(eta * grad / (Math.Sqrt(squares[b]) + 1e-8));
                }

                if (options.FitIntercept)
                {
                    biasSquares += g * g;
                    bias -= eta * g / (Math.Sqrt(biasSquares) + 1e-8);
                }
            }
        }

        return (weights, bias);
    }

    public static double Dot(float[] weights, double bias, FeatureVector x)
    {
        var z = bias;
        for (var k = 0; k < x.Count; k++)
        {
            z += weights[x.Buckets[k]] * x.Values[k];
        }

        return z;
    }
}

/// <summary>Knobs of training, fixed defaults; the model file records none of them, `train` prints them.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 8;

    public double LearningRate { get; init; } = 0.2;

    public double L2 { get; init; } = 1e-5;

    /// <summary>
    /// Weigh each class by the inverse of its share (capped by <see cref="MaxClassWeight"/>). Off by default: with
    /// it the intercept leans towards electioneering, and a message with few words then scores high for want of
    /// evidence; Platt scaling calibrates the probabilities either way.
    /// </summary>
    public bool BalanceClasses { get; init; }

    public double MaxClassWeight { get; init; } = 10;

    /// <summary>Learn an intercept (turning it off was tried: it changes nothing for short messages, see <see cref="TextModel.FullEvidenceTokens"/>).</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>How much one district-style row counts against one corpus row (the district set is small and the closest to real use).</summary>
    public float DistrictWeight { get; init; } = 3;

    /// <summary>Folds used to collect held-out scores for Platt scaling.</summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>Weights whose magnitude rounds below this are dropped from the model file.</summary>
    public double PruneBelow { get; init; } = 1e-3;

    public ulong Seed { get; init; } = 20240311;
}

/// <summary>Sebastiano Vigna's SplitMix64: a tiny, fixed generator (System.Random's algorithm may change between releases).</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Below(ulong bound) => Next() % bound;
}
