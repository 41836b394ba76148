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

/// <summary>A held-out message the model got wrong, with the terms that decided it.</summary>
public sealed record Misclassified(string Id, string Source, bool Electioneering, double Probability, IReadOnlyList<TermContribution> TopTerms);

/// <summary>One bin of a reliability table: held-out messages whose probability fell in [From, To), the mean probability and the share that were electioneering.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanProbability, double ObservedRate);

/// <summary>What `solidwall eval` reports: cross-validated figures overall, per category, per source and on the district set.</summary>
public sealed record EvaluationReport(
    int Folds,
    int Examples,
    double Threshold,
    BinaryMetrics Overall,
    IReadOnlyDictionary<string, BinaryMetrics> Categories,
    IReadOnlyDictionary<string, BinaryMetrics> BySource,
    BinaryMetrics DistrictHeldOut,
    BinaryMetrics DistrictHeldOutAsIs,
    BinaryMetrics? DistrictTransfer,
    IReadOnlyList<Misclassified> Errors,
    double BrierScore,
    IReadOnlyList<ReliabilityBin> Reliability,
    double SecondsPerFold);
