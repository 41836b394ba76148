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
        var fired = SignalIndicators.Read(examples);
        return Train(x, fired, examples, Enumerable.Range(0, examples.Count).ToArray(), options);
    }

    internal static TrainedDetector Train(IReadOnlyList<FeatureVector> x, IReadOnlyList<bool[]> fired, IReadOnlyList<TrainingExample> examples, int[] rows, TrainerOptions options)
    {
        var (model, heldOut) = ModelTrainer.Train(x, examples, rows, options);
        var combination = CombinationFitter.Fit(
            heldOut,
            rows.Select(r => fired[r]).ToArray(),
            rows.Select(r => examples[r].Electioneering).ToArray(),
            rows.Select(r => examples[r].IsDistrict ? options.DistrictWeight : 1f).ToArray());
        return new TrainedDetector(model, combination);
    }
}

/// <summary>What training produces: the text model and how the detector combines it with the signals.</summary>
public sealed record TrainedDetector(TextModel Model, ScoreCombination Combination)
{
    /// <summary>A detector with this model and combination over <paramref name="baseline"/> (the shipped policy when null).</summary>
    public Detector CreateDetector(Policy? baseline = null, Registry? registry = null, InstitutionDirectory? directory = null) =>
        new((baseline ?? Policy.Default).With(Combination), registry, directory, Model);
}
