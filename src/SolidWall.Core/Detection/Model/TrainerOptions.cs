namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Knobs of training, fixed defaults; the model file records none of them, `train` prints them. Chosen by
/// `solidwall eval` (district F1 of the combined detector 0.851 with 8 epochs, L2 1e-5, district weight 3;
/// 0.874 with the values below).
/// </summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 16;

    /// <summary>
    /// Epochs of the category heads, which learn from the electioneering rows only. Half the electioneering head's: at
    /// 5,149 district rows, 8 and 16 gave the same verdicts and per-category F1 within 0.02 (some a little higher, some
    /// a little lower), and training took 22 s instead of 26 (bench -- model, 2 cores).
    /// </summary>
    public int CategoryEpochs { get; init; } = 8;

    public double LearningRate { get; init; } = 0.2;

    public double L2 { get; init; } = 1e-4;

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
    public float DistrictWeight { get; init; } = 10;

    /// <summary>
    /// Folds used to collect held-out scores for Platt scaling and the score combination. Three: at 5,149 district rows,
    /// 3 and 5 gave the same held-out figures (district F1 0.9605 and 0.9604) and 3 trains the heads 3 times instead of 5.
    /// </summary>
    public int CalibrationFolds { get; init; } = 3;

    /// <summary>Weights whose magnitude rounds below this are dropped from the model file.</summary>
    public double PruneBelow { get; init; } = 1e-3;

    public ulong Seed { get; init; } = 20240311;
}
