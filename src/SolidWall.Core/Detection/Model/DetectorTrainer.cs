namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Trains the whole detector from labelled examples: the text model (<see cref="ModelTrainer"/>), then the score
/// combination (<see cref="CombinationFitter"/>) on the model's held-out probabilities and the signals' answers,
/// both from the same rows. `solidwall train` runs it on all the data; `solidwall eval` once per fold.
/// </summary>
public static class DetectorTrainer
{
    public static TrainedDetector Train(IReadOnlyList<TrainingExample> examples, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TrainerOptions();
        var x = ModelTrainer.Featurize(examples);
        var named = new CategoryReading[examples.Count];
        var fired = SignalIndicators.Read(examples, named: named);
        var plain = SignalIndicators.Read(examples, withWorld: false);
        return Train(x, fired, plain, named, examples, Enumerable.Range(0, examples.Count).ToArray(), options);
    }

    /// <summary>
    /// Trains on <paramref name="rows"/>. The combination is fitted on every row as read with its world's registry
    /// (<paramref name="fired"/>) and, for rows that have one, once more as read without it (<paramref name="plain"/>),
    /// each view at half the row's weight: the same weights must serve an investigator who has registered the
    /// campaigns and one who has not, and fitted on the first view alone they lean on the registry (district recall
    /// without it fell from 0.84 to 0.78). Each view has its own intercept (<see cref="ScoreCombination.ModelBias"/>,
    /// <see cref="ScoreCombination.ModelBiasWithoutRegistry"/>), and a row with no world counts under both.
    /// The category decision (<see cref="CategoryFitter"/>) is fitted on the electioneering rows as read with their
    /// world's registry (<paramref name="named"/>), with the model's held-out category probabilities.
    /// </summary>
    internal static TrainedDetector Train(IReadOnlyList<FeatureVector> x, IReadOnlyList<bool[]> fired, IReadOnlyList<bool[]> plain, IReadOnlyList<CategoryReading?> named, IReadOnlyList<TrainingExample> examples, int[] rows, TrainerOptions options)
    {
        var (model, heldOut, heldOutPlain, heldOutCategories) = ModelTrainer.Train(x, examples, rows, options);
        var probability = new List<double>(rows.Length);
        var indicators = new List<bool[]>(rows.Length);
        var labels = new List<bool>(rows.Length);
        var weights = new List<float>(rows.Length);
        var withRegistry = new List<bool>(rows.Length);
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            var weight = examples[r].WeightIn(options);

            // A row of a world with a registry in its two readings; any other row (no names to mask) reads the same
            // either way, and counts once under each intercept.
            var twoViews = examples[r].World is not null;
            probability.Add(heldOut[k]);
            indicators.Add(fired[r]);
            labels.Add(examples[r].Electioneering);
            weights.Add(weight / 2);
            withRegistry.Add(true);
            probability.Add(twoViews ? heldOutPlain[k] : heldOut[k]);
            indicators.Add(twoViews ? plain[r] : fired[r]);
            labels.Add(examples[r].Electioneering);
            weights.Add(weight / 2);
            withRegistry.Add(false);
        }

        var combination = CombinationFitter.Fit(probability, indicators, labels, weights, withRegistry);
        var subset = rows.Select(r => examples[r]).ToArray();
        var categories = CategoryFitter.Fit(
            heldOutCategories,
            rows.Select(r => named[r]).ToArray(),
            ModelTrainer.Labels(subset),
            subset.Select(e => e.WeightIn(options)).ToArray());
        return new TrainedDetector(model, combination with { Categories = categories });
    }
}

/// <summary>What training produces: the text model and how the detector combines it with the signals.</summary>
public sealed record TrainedDetector(TextModel Model, ScoreCombination Combination)
{
    /// <summary>A detector with this model and combination over <paramref name="baseline"/> (the shipped policy when null).</summary>
    public Detector CreateDetector(Policy? baseline = null, Registry? registry = null, InstitutionDirectory? directory = null) =>
        new((baseline ?? Policy.Default).With(Combination), registry, directory, Model);
}
