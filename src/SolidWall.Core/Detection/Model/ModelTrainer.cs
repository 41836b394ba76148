namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Builds a <see cref="TextModel"/> from labelled examples: every example's subject and text exactly as the
/// normaliser gives them to the detector at run time, the electioneering head and the category heads trained by logistic regression,
/// Platt scaling fitted on held-out scores from an inner k-fold, weights rounded to halves and small ones
/// dropped. Deterministic: the same examples in the same order give a byte-identical model file.
/// </summary>
public static class ModelTrainer
{
    public static TextModel Train(IReadOnlyList<TrainingExample> examples, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TrainerOptions();
        var x = Featurize(examples);
        return Train(x, examples, Enumerable.Range(0, examples.Count).ToArray(), options).Model;
    }

    /// <summary>Each example's vector, as <see cref="TextModel.Score(Message)"/> would build it (computed in parallel, stored by index).</summary>
    internal static FeatureVector[] Featurize(IReadOnlyList<TrainingExample> examples)
    {
        var vectors = new FeatureVector[examples.Count];
        Parallel.For(0, examples.Count, () => new FeatureExtractor(), (i, _, extractor) =>
        {
            var e = examples[i];
            // An inside sender's signature block read as blanks, as TextModel reads a message (TextModel.Unsigned).
            var signer = e.Message is { } message ? TextModel.Signer(message) : null;
            var (text, segments) = TextModel.Unsigned(e.Text, e.SegmentsForModel, signer);
            vectors[i] = Vectorize(extractor, e.Subject, text, segments);
            if (e.Plain is { } plain)
            {
                // The row as read without a registry: its names cut.
                var (plainText, plainSegments) = TextModel.Unsigned(plain.Text, plain.Segments, signer);
                vectors[i].Plain = Vectorize(extractor, plain.Subject, plainText, plainSegments);
            }

            return extractor;
        }, _ => { });
        return vectors;
    }

    // A row's vector, with its postscript's read on its own, as TextModel.Score reads a message.
    private static FeatureVector Vectorize(FeatureExtractor extractor, string? subject, string text, IReadOnlyList<Segment> segments)
    {
        var postscript = Postscript.Find(text) is { } ps ? extractor.Extract(null, text.Substring(ps.Start, ps.Length)).Compact() : null;
        var x = extractor.Extract(subject, text, segments).Compact();
        x.Postscript = postscript;
        return x;
    }

    /// <summary>
    /// Trains on the rows listed in <paramref name="rows"/> (indices into <paramref name="x"/>/<paramref name="examples"/>).
    /// Also returns, for each of those rows in the same order, its electioneering probability from the inner fold
    /// that did not train on it (calibrated and evidence-scaled like <see cref="TextModel.Probability"/>): what the
    /// score combination is fitted on, since the final model's scores on its own training rows are overconfident.
    /// <c>HeldOutCategories</c> holds, per row, per category of <see cref="TextModel.Categories"/>, the same fold's
    /// probability of electioneering and that category, as <see cref="TextModel.Score(Message)"/> reports it: what the
    /// category decision (<see cref="CategoryFitter"/>) is fitted on.
    /// </summary>
    internal static (TextModel Model, double[] HeldOut, double[] HeldOutPlain, double[][] HeldOutCategories) Train(IReadOnlyList<FeatureVector> x, IReadOnlyList<TrainingExample> examples, int[] rows, TrainerOptions options)
    {
        var subsetX = rows.Select(r => x[r]).ToArray();
        var subset = rows.Select(r => examples[r]).ToArray();
        var labels = Labels(subset);
        var rowWeights = subset.Select(e => e.WeightIn(options)).ToArray();

        // A row with a plain view (its names cut, as read without a registry) is trained on in both views, each at half
        // its weight: the masked view teaches that a registered candidate named is evidence, the plain one that the
        // words around an ask are evidence too, for an investigator with no registry. The plain views sit after the rows.
        var n = subset.Length;
        var plainAt = new int[n];
        var allX = new List<FeatureVector>(subsetX);
        var allWeights = new List<float>(rowWeights);
        var allLabels = Enumerable.Range(0, TextModel.HeadCount).Select(h => new List<sbyte>(labels[h])).ToArray();
        for (var i = 0; i < n; i++)
        {
            plainAt[i] = -1;
            if (subsetX[i].Plain is { } plainView)
            {
                plainAt[i] = allX.Count;
                allX.Add(plainView);
                allWeights[i] = rowWeights[i] / 2;
                allWeights.Add(rowWeights[i] / 2);
                for (var h = 0; h < TextModel.HeadCount; h++)
                {
                    allLabels[h].Add(labels[h][i]);
                }
            }
        }

        var trainingLabels = allLabels.Select(l => l.ToArray()).ToArray();
        var trainingWeights = allWeights.ToArray();
        int[] WithPlain(IEnumerable<int> idx) => [.. idx.SelectMany(i => plainAt[i] < 0 ? [i] : new[] { i, plainAt[i] })];

        // Held-out raw scores for calibration.
        var folds = Folds.Assign(subset, options.CalibrationFolds, options.Seed ^ 0xCA11B7A7E);
        var heldOut = new double[TextModel.HeadCount][];
        var heldOutEvidence = new double[subset.Length];
        var heldOutPostscript = new double[subset.Length];
        var heldOutPostscriptEvidence = new double[subset.Length];
        // The same, for the rows' plain view (FeatureVector.Plain: the candidates' names cut, as read without a registry).
        var plainRaw = new double[subset.Length];
        var plainEvidence = new double[subset.Length];
        var plainPostscript = new double[subset.Length];
        var plainPostscriptEvidence = new double[subset.Length];
        for (var h = 0; h < TextModel.HeadCount; h++)
        {
            heldOut[h] = new double[subset.Length];
        }

        for (var f = 0; f < options.CalibrationFolds; f++)
        {
            var fold = f;
            var trainIdx = Enumerable.Range(0, subset.Length).Where(i => folds[i] != fold).ToArray();
            var testIdx = Enumerable.Range(0, subset.Length).Where(i => folds[i] == fold).ToArray();
            var both = WithPlain(trainIdx);
            var heads = TrainHeads(both.Select(i => allX[i]).ToArray(), trainingLabels, both, trainingWeights, options);
            for (var h = 0; h < TextModel.HeadCount; h++)
            {
                foreach (var i in testIdx)
                {
                    heldOut[h][i] = LogisticRegression.Dot(heads[h].Weights, heads[h].Bias, subsetX[i], withContext: h == 0);
                    if (h == 0)
                    {
                        heldOutEvidence[i] = Evidence(heads[0].Weights, subsetX[i]);
                        if (subsetX[i].Postscript is { } postscript)
                        {
                            heldOutPostscript[i] = LogisticRegression.Dot(heads[0].Weights, heads[0].Bias, postscript);
                            heldOutPostscriptEvidence[i] = Evidence(heads[0].Weights, postscript);
                        }

                        if (subsetX[i].Plain is { } plain)
                        {
                            plainRaw[i] = LogisticRegression.Dot(heads[0].Weights, heads[0].Bias, plain);
                            plainEvidence[i] = Evidence(heads[0].Weights, plain);
                            if (plain.Postscript is { } plainPs)
                            {
                                plainPostscript[i] = LogisticRegression.Dot(heads[0].Weights, heads[0].Bias, plainPs);
                                plainPostscriptEvidence[i] = Evidence(heads[0].Weights, plainPs);
                            }
                        }
                    }
                }
            }
        }

        var calibration = new Platt[TextModel.HeadCount];
        for (var h = 0; h < TextModel.HeadCount; h++)
        {
            var scores = new List<double>();
            var truth = new List<bool>();
            for (var i = 0; i < subset.Length; i++)
            {
                if (labels[h][i] >= 0)
                {
                    scores.Add(heldOut[h][i]);
                    truth.Add(labels[h][i] > 0);
                }
            }

            calibration[h] = Platt.Fit(scores, truth);
        }

        var everyRow = WithPlain(Enumerable.Range(0, n));
        var final = TrainHeads(everyRow.Select(i => allX[i]).ToArray(), trainingLabels, everyRow, trainingWeights, options);
        var interleaved = new float[FeatureExtractor.Buckets * TextModel.HeadCount];
        var biases = new double[TextModel.HeadCount];
        for (var h = 0; h < TextModel.HeadCount; h++)
        {
            biases[h] = final[h].Bias;
            var w = final[h].Weights;
            for (var b = 0; b < w.Length; b++)
            {
                interleaved[(b * TextModel.HeadCount) + h] = w[b];
            }
        }

        // As TextModel.Score reads a message: moved towards the postscript read on its own, when that reads higher.
        double Probability(double raw, double evidence, FeatureVector v, double psRaw, double psEvidence)
        {
            var p = TextModel.Abstain(calibration[0].Probability(raw), evidence, v.TokenCount);
            return v.Postscript is { } ps ? TextModel.Blend(p, TextModel.Abstain(calibration[0].Probability(psRaw), psEvidence, ps.TokenCount)) : p;
        }

        var heldOutProbability = new double[subset.Length];
        var heldOutPlain = new double[subset.Length];
        var heldOutCategories = new double[subset.Length][];
        for (var i = 0; i < subset.Length; i++)
        {
            heldOutProbability[i] = Probability(heldOut[0][i], heldOutEvidence[i], subsetX[i], heldOutPostscript[i], heldOutPostscriptEvidence[i]);
            heldOutPlain[i] = subsetX[i].Plain is { } plain
                ? Probability(plainRaw[i], plainEvidence[i], plain, plainPostscript[i], plainPostscriptEvidence[i])
                : heldOutProbability[i];

            // Below the floor the model names no category (TextModel.Score), and the detector reads each as 0.
            var categories = heldOutCategories[i] = new double[TextModel.Categories.Count];
            for (var h = 1; h < TextModel.HeadCount && heldOutProbability[i] >= TextModel.CategoryFloor; h++)
            {
                categories[h - 1] = heldOutProbability[i] * calibration[h].Probability(heldOut[h][i]);
            }
        }

        return (new TextModel(interleaved, biases, calibration), heldOutProbability, heldOutPlain, heldOutCategories);
    }

    /// <summary>
    /// Per head, per row: 1, 0, or −1 when the row says nothing about that head. The category heads answer "which
    /// kind of campaign work is this, given that it is campaign work", so they learn from electioneering rows
    /// only: the district set's (categories given) and the political corpus's (fundraising only; −1 for the
    /// other categories, which its rows were never labelled with). A message's chance of being, say, a
    /// fundraising ask is then the electioneering probability times the fundraising probability.
    /// </summary>
    internal static sbyte[][] Labels(IReadOnlyList<TrainingExample> examples)
    {
        var labels = new sbyte[TextModel.HeadCount][];
        for (var h = 0; h < TextModel.HeadCount; h++)
        {
            labels[h] = new sbyte[examples.Count];
        }

        for (var i = 0; i < examples.Count; i++)
        {
            var e = examples[i];
            labels[0][i] = e.Electioneering ? (sbyte)1 : (sbyte)0;
            for (var c = 0; c < TextModel.Categories.Count; c++)
            {
                var has = e.Categories.Contains(TextModel.Categories[c]);
                labels[c + 1][i] = !e.Electioneering ? (sbyte)-1
                    : has ? (sbyte)1
                    : e.CategoriesKnown ? (sbyte)0
                    : (sbyte)-1;
            }
        }

        return labels;
    }

    /// <summary>
    /// Trains every head on the given rows (the vectors in <paramref name="x"/> belong to <paramref name="rowIdx"/>),
    /// heads in parallel (each alone is sequential and deterministic), weights rounded to halves and pruned.
    /// </summary>
    private static (float[] Weights, double Bias)[] TrainHeads(FeatureVector[] x, sbyte[][] labels, int[] rowIdx, float[] rowWeights, TrainerOptions options)
    {
        var result = new (float[] Weights, double Bias)[TextModel.HeadCount];
        var w = rowIdx.Select(i => rowWeights[i]).ToArray();
        Parallel.For(0, TextModel.HeadCount, h =>
        {
            var y = rowIdx.Select(i => labels[h][i]).ToArray();
            var (weights, bias) = LogisticRegression.Train(x, y, w, options, options.Seed + (ulong)h,
                epochs: h == 0 ? options.Epochs : options.CategoryEpochs, withContext: h == 0);
            for (var b = 0; b < weights.Length; b++)
            {
                var q = (float)(Half)weights[b];
                weights[b] = Math.Abs(q) < options.PruneBelow ? 0 : q;
            }

            result[h] = (weights, bias);
        });
        return result;
    }

    private static double Evidence(float[] weights, FeatureVector x)
    {
        var e = 0.0;
        for (var k = 0; k < x.Count; k++)
        {
            e += Math.Abs(weights[x.Buckets[k]] * x.Values[k]);
        }

        return e;
    }
}
