namespace SolidWall.Core.Detection.Model;

/// <summary>Precision, recall and F1 of one yes/no decision, with the counts they come from.</summary>
public sealed record BinaryMetrics(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public int Support => TruePositives + FalseNegatives;

    public static BinaryMetrics From(IEnumerable<(bool Actual, bool Predicted)> pairs)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (a, p) in pairs)
        {
            if (a && p)
            {
                tp++;
            }
            else if (!a && p)
            {
                fp++;
            }
            else if (a)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new BinaryMetrics(tp, fp, fn, tn);
    }
}

/// <summary>A held-out message the detector got wrong, with its score, the model's probability and the reasons that decided it.</summary>
public sealed record Misclassified(string Id, string Source, string? Kind, bool Electioneering, double Score, double ModelProbability, IReadOnlyList<string> Reasons);

/// <summary>
/// The held-out verdicts at one threshold: over all rows and over the district rows, with their world's registry and
/// with none. A verdict still needs a reason with evidence, as at the policy's threshold.
/// </summary>
public sealed record OperatingPoint(double Threshold, BinaryMetrics Overall, BinaryMetrics District, BinaryMetrics DistrictWithoutRegistry);

/// <summary>
/// One row's held-out figures: its label, the detector's score and verdict with its world's registry (with none for a
/// row of no world, the same), without a registry, and the text model's probability alone.
/// </summary>
/// <param name="Categories">The row's labelled categories; null when its source labels none (<see cref="TrainingExample.CategoriesKnown"/>).</param>
/// <param name="NamedCategories">The categories the held-out verdict (with the row's registry) names.</param>
public sealed record HeldOutScore(string Id, string? Kind, bool Electioneering, double Score, bool Flagged, double ScoreWithoutRegistry, bool FlaggedWithoutRegistry, double ModelProbability,
    IReadOnlyList<string>? Categories = null, IReadOnlyList<string>? NamedCategories = null);

/// <summary>
/// One message of the ordinary-mail check set (<see cref="TrainingData.LoadOrdinary"/>): allowed, never trained on; its
/// kind says which part of the set ("ordinary", the everyday flow; "look-alike", everyday mail in the shapes and words
/// campaign mail also uses).
/// </summary>
public sealed record OrdinaryMessage(string Id, string Kind, string? Language, Message Message);

/// <summary>
/// One kind of the ordinary-mail check set read by every fold's detector (each trained without it, as all of them are): how many
/// of its messages each fold's detector flags with the district's registry and with none, and every message flagged
/// at least once. Held-out figures on the labelled rows say how the detector tells campaign work from its look-alikes;
/// these say how often it would flag the everyday mail that makes up nearly all of what an institution sends.
/// </summary>
public sealed record OrdinaryMailReport(string Kind, int Messages, IReadOnlyList<int> FlaggedByFold, IReadOnlyList<int> FlaggedByFoldWithoutRegistry, IReadOnlyList<OrdinaryFlag> Flagged)
{
    /// <summary>The mean share of the messages a fold's detector flags, with the registry.</summary>
    public double Rate => Messages == 0 ? 0 : FlaggedByFold.Average() / Messages;

    /// <summary>The same with no registry.</summary>
    public double RateWithoutRegistry => Messages == 0 ? 0 : FlaggedByFoldWithoutRegistry.Average() / Messages;
}

/// <summary>
/// An ordinary message some fold's detector flagged: by how many folds with the registry and with none, its mean score
/// in each reading, and the reasons of its highest-scoring verdict in either reading.
/// </summary>
public sealed record OrdinaryFlag(string Id, string? Language, string? Subject, int Folds, int FoldsWithoutRegistry, double MeanScore, double MeanScoreWithoutRegistry, IReadOnlyList<string> Reasons);

/// <summary>The held-out verdicts on the district rows written in one language, with the district's registry and without one.</summary>
public sealed record LanguageMetrics(string Language, BinaryMetrics WithRegistry, BinaryMetrics WithoutRegistry);

/// <summary>One bin of a reliability table: held-out messages whose score fell in [From, To), the mean score and the share that were electioneering.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanProbability, double ObservedRate);

/// <summary>
/// What `solidwall eval` reports: the whole detector (signals and model combined as <see cref="Detector"/> scores
/// them) cross-validated, overall, on the district set, per source and per category, beside the model alone and
/// the signals alone; the confusion matrix is <see cref="Overall"/>'s counts. Rows from a world with a registry
/// (the district set) are read with it, and once more without it.
/// </summary>
public sealed record EvaluationReport(
    int Folds,
    int Examples,
    double Threshold,
    BinaryMetrics Overall,
    BinaryMetrics District,
    IReadOnlyDictionary<string, BinaryMetrics> BySource,
    IReadOnlyDictionary<string, BinaryMetrics> Categories,
    BinaryMetrics ModelOverall,
    BinaryMetrics ModelDistrict,
    BinaryMetrics SignalsOverall,
    BinaryMetrics SignalsDistrict,
    IReadOnlyList<ScoreCombination> FoldCombinations,
    IReadOnlyList<Misclassified> Errors,
    double BrierScore,
    IReadOnlyList<ReliabilityBin> Reliability,
    double SecondsPerFold)
{
    /// <summary>The seed of the run (<see cref="TrainerOptions.Seed"/>): which rows went to which fold, and the order of training.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The whole detector with an empty registry on every row: what an investigator who has registered no campaign
    /// gets. <see cref="Overall"/> and <see cref="District"/> read the district rows with their world's registry.
    /// </summary>
    public BinaryMetrics? OverallWithoutRegistry { get; init; }

    /// <inheritdoc cref="OverallWithoutRegistry"/>
    public BinaryMetrics? DistrictWithoutRegistry { get; init; }

    /// <summary>
    /// The district rows read with a registry that names other campaigns than theirs: what an investigator whose
    /// registry is incomplete gets for the campaigns missing from it.
    /// </summary>
    public BinaryMetrics? DistrictUnregistered { get; init; }

    /// <summary>
    /// The same, with that registry marked complete (<see cref="Registry.Complete"/>): what an investigator who marks an
    /// incomplete registry complete gets for the campaigns missing from it.
    /// </summary>
    public BinaryMetrics? DistrictUnregisteredMarkedComplete { get; init; }

    /// <summary>
    /// The district rows read with the registry <see cref="RegistrySuggester"/> suggests from their own held-out verdicts
    /// without a registry (<see cref="SuggestedRegistry"/>): what an investigator who has no registry gets by suggesting
    /// one from the archive (`solidwall registry suggest`) and scanning again with it, unreviewed.
    /// </summary>
    public BinaryMetrics? DistrictSuggested { get; init; }

    /// <summary>The same, with the suggested registry marked complete.</summary>
    public BinaryMetrics? DistrictSuggestedMarkedComplete { get; init; }

    /// <summary>The registry suggested from the district rows' held-out verdicts without a registry.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Registry? SuggestedRegistry { get; init; }

    /// <summary>
    /// The district rows as the district's mail system archives them (<see cref="ArchivedView"/>: through a gateway from
    /// outside, under the confidentiality notice from inside), with their world's registry; null when some district row
    /// was loaded without what it was written from.
    /// </summary>
    public BinaryMetrics? DistrictArchived { get; init; }

    /// <summary>The district rows by the language they are written in, most rows first: with their world's registry and without one.</summary>
    public IReadOnlyList<LanguageMetrics> DistrictByLanguage { get; init; } = [];

    /// <summary>The same held-out verdicts at other thresholds, for choosing a policy's <c>threshold</c>.</summary>
    public IReadOnlyList<OperatingPoint> OperatingPoints { get; init; } = [];

    /// <summary>Every row's held-out figures, in the data's order (written by `solidwall eval --scores`, not part of the report).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<HeldOutScore> Scores { get; init; } = [];

    /// <summary>The ordinary-mail check set as each fold's detector reads it, one report per kind of its mail; empty when eval was given none.</summary>
    public IReadOnlyList<OrdinaryMailReport> Ordinary { get; init; } = [];

    /// <summary>
    /// The district rows with each of <see cref="MailAdditions"/> below them, held out as the rows themselves are: how many
    /// verdicts what a list, a phone or a signature adds to mail changes. Empty in the second and later runs of <c>--runs</c>.
    /// </summary>
    public IReadOnlyList<AdditionReport> Additions { get; init; } = [];
}

/// <summary>
/// One of <see cref="MailAdditions"/> under the district rows it applies to (<see cref="Rows"/>), held out: the detector's
/// figures on those rows with it, and how many verdicts it changed against the rows as written (asks no longer flagged,
/// <see cref="Lost"/>; rows flagged only with it, <see cref="Gained"/>), with the rows' registry and with none.
/// </summary>
public sealed record AdditionReport(string Name, int Rows, BinaryMetrics WithRegistry, int Lost, int Gained, BinaryMetrics WithoutRegistry, int LostWithoutRegistry, int GainedWithoutRegistry)
{
    /// <summary>From each row's truth, its flag as written and its flag with the addition (null: the addition does not apply to it).</summary>
    public static AdditionReport From(string name, IReadOnlyList<int> rows, Func<int, (bool Truth, bool Plain, bool? Added)> withRegistry, Func<int, (bool Truth, bool Plain, bool? Added)> withoutRegistry)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(withRegistry);
        ArgumentNullException.ThrowIfNull(withoutRegistry);
        var read = rows.Select(withRegistry).Where(r => r.Added is not null).ToList();
        var readWithout = rows.Select(withoutRegistry).Where(r => r.Added is not null).ToList();
        return new AdditionReport(name, read.Count,
            BinaryMetrics.From(read.Select(r => (r.Truth, r.Added!.Value))), read.Count(r => r.Plain && r.Added == false), read.Count(r => !r.Plain && r.Added == true),
            BinaryMetrics.From(readWithout.Select(r => (r.Truth, r.Added!.Value))), readWithout.Count(r => r.Plain && r.Added == false), readWithout.Count(r => !r.Plain && r.Added == true));
    }
}
