namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Trains one binary logistic regression over hashed sparse features: AdaGrad steps per example, L2 on the
/// weights an example touches, optional class weights, a fixed number of epochs and an order shuffled by a
/// seeded generator of our own. Single-threaded inside one model and free of any clock or hash randomisation, so
/// the same data gives the same weights bit for bit.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>
    /// Trains on the rows whose label is 0 or 1 (−1 means "not labelled for this head" and is skipped).
    /// Returns the weights (length <see cref="FeatureExtractor.Buckets"/>) and the bias.
    /// </summary>
    /// <param name="epochs">Passes over the rows; <see cref="TrainerOptions.Epochs"/> when not given.</param>
    /// <param name="withContext">Whether to read the words counted twice, in campaign context or as own words above a quote (<see cref="FeatureVector.ContextFrom"/>): the electioneering head does, the category heads do not.</param>
    public static (float[] Weights, double Bias) Train(IReadOnlyList<FeatureVector> rows, ReadOnlySpan<sbyte> labels, ReadOnlySpan<float> rowWeights, TrainerOptions options, ulong seed, int? epochs = null, bool withContext = true)
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
        var passes = epochs ?? options.Epochs;
        for (var epoch = 0; epoch < passes; epoch++)
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
                var features = withContext ? x.Count : x.ContextFrom;
                double z = bias;
                for (var k = 0; k < features; k++)
                {
                    z += weights[buckets[k]] * values[k];
                }

                var y = labels[r] > 0 ? 1.0 : 0.0;
                var p = 1.0 / (1.0 + Math.Exp(-z));
                var g = (p - y) * rowWeights[r] * (y > 0 ? positiveWeight : negativeWeight);
                for (var k = 0; k < features; k++)
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

    public static double Dot(float[] weights, double bias, FeatureVector x, bool withContext = true)
    {
        var z = bias;
        var features = withContext ? x.Count : x.ContextFrom;
        for (var k = 0; k < features; k++)
        {
            z += weights[x.Buckets[k]] * x.Values[k];
        }

        return z;
    }
}
