namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Fits <see cref="ScoreCombination"/>: a logistic regression of the label on the model's held-out logit and the
/// signals' indicators, by cyclic coordinate descent with a Newton step per coordinate (deterministic: fixed
/// order, fixed sweeps). Weights keep the signs the signals were designed with (a signal for electioneering never
/// becomes evidence against it, a counter-signal never for it) and the model weight stays at or above zero, so a
/// verdict's reasons still read the way they were meant. A counter-signal counts only where a positive signal
/// fired or the model's probability is above one half, as in <see cref="Detector"/>; every fitted signal keeps at least <see cref="MinimumWeight"/>, so none is
/// turned off and this gating is exactly the detector's.
/// </summary>
internal static class CombinationFitter
{
    /// <summary>A signal must fire on at least this many training rows to be fitted; rarer ones keep their shipped weight.</summary>
    public const int MinimumFirings = 5;

    /// <summary>
    /// The least weight a fitted signal keeps, either sign: a signal is an explanation as well as a score, and one
    /// the model makes redundant on the training data should still name its categories and evidence in a verdict.
    /// </summary>
    public const double MinimumWeight = 0.1;

    private const double L2 = 1.0;
    private const int Sweeps = 200;
    private const double MaxLogit = 13.815510557964274; // logit(1 - 1e-6), the detector's clamp

    /// <param name="modelProbability">Per row, the model's held-out probability of electioneering.</param>
    /// <param name="fired">Per row, per signal of <see cref="SignalCatalog.All"/>, whether it fired.</param>
    /// <param name="withRegistry">
    /// Per row, whether it was read with a registry that names a candidate (its intercept <see cref="ScoreCombination.ModelBias"/>)
    /// or without (<see cref="ScoreCombination.ModelBiasWithoutRegistry"/>); null for one intercept over every row,
    /// which both then hold.
    /// </param>
    public static ScoreCombination Fit(IReadOnlyList<double> modelProbability, IReadOnlyList<bool[]> fired, IReadOnlyList<bool> labels, IReadOnlyList<float> rowWeights, IReadOnlyList<bool>? withRegistry = null)
    {
        var oneIntercept = withRegistry is null;
        withRegistry ??= Enumerable.Repeat(true, labels.Count).ToArray();
        var signals = SignalCatalog.All;
        var n = labels.Count;
        var counts = new int[signals.Count];
        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < signals.Count; s++)
            {
                counts[s] += fired[i][s] ? 1 : 0;
            }
        }

        var active = Enumerable.Range(0, signals.Count).Where(s => counts[s] >= MinimumFirings && signals[s].Weight != 0 && signals[s].Fitted).ToList();
        var (modelWeight, bias, biasWithout, weights) = FitActive(modelProbability, fired, labels, rowWeights, withRegistry, active);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < active.Count; k++)
        {
            result[signals[active[k]].Name] = Round(weights[k]);
        }

        return new ScoreCombination(Round(modelWeight), Round(bias), result)
        {
            Bias = Round(SignalsOnlyBias(fired, labels, rowWeights, active, weights)),
            ModelBiasWithoutRegistry = Round(oneIntercept ? bias : biasWithout),
        };
    }

    private static (double ModelWeight, double Bias, double BiasWithoutRegistry, double[] Weights) FitActive(
        IReadOnlyList<double> modelProbability, IReadOnlyList<bool[]> fired, IReadOnlyList<bool> labels, IReadOnlyList<float> rowWeights, IReadOnlyList<bool> withRegistry, List<int> active)
    {
        var signals = SignalCatalog.All;
        var n = labels.Count;
        var positives = active.Where(s => signals[s].Weight > 0).ToArray();

        // Column 0 is the model's logit, then one column per active signal; the two intercepts (with a registry, without)
        // are separate and unpenalised, each over its own rows.
        var columns = active.Count + 1;
        var x = new double[columns][];
        x[0] = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[0][i] = Logit(modelProbability[i]);
        }

        for (var k = 0; k < active.Count; k++)
        {
            var s = active[k];
            var column = x[k + 1] = new double[n];
            for (var i = 0; i < n; i++)
            {
                var row = fired[i];
                column[i] = row[s] && (signals[s].Weight > 0 || positives.Any(p => row[p]) || modelProbability[i] > Detector.CounterSignalModelGate) ? 1 : 0;
            }
        }

        // The intercepts first (without a registry, then with one), unpenalised and unbounded but for the clamp; the model
        // weight at or above zero; each signal on the side it was designed for, at least MinimumWeight from zero.
        var all = new List<CoordinateDescent.Column>(columns + 2)
        {
            new(Intercept(false), 0, -50, 50, Penalised: false),
            new(Intercept(true), 0, -50, 50, Penalised: false),
            new(x[0], 1, 0, 50, Penalised: true),
        };
        for (var k = 0; k < active.Count; k++)
        {
            var shipped = signals[active[k]].Weight;
            all.Add(shipped > 0
                ? new(x[k + 1], shipped, MinimumWeight, 50, Penalised: true)
                : new(x[k + 1], shipped, -50, -MinimumWeight, Penalised: true));
        }

        var beta = CoordinateDescent.Solve(all, labels, rowWeights.Select(w => (double)w).ToArray(), L2, Sweeps);
        return (beta[2], beta[1], beta[0], beta[3..]);

        double[] Intercept(bool registry) => withRegistry.Select(r => r == registry ? 1.0 : 0.0).ToArray();
    }

    /// <summary>
    /// The prior log-odds for a detector without a model (<c>score.bias</c>): the one intercept that, with the fitted
    /// signal weights held fixed, best fits the labels (Newton on one variable).
    /// </summary>
    private static double SignalsOnlyBias(IReadOnlyList<bool[]> fired, IReadOnlyList<bool> labels, IReadOnlyList<float> rowWeights, List<int> active, double[] weights)
    {
        var signals = SignalCatalog.All;
        var positives = active.Where(s => signals[s].Weight > 0).ToArray();
        var offset = new double[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var row = fired[i];
            var any = positives.Any(p => row[p]);
            for (var k = 0; k < active.Count; k++)
            {
                offset[i] += row[active[k]] && (signals[active[k]].Weight > 0 || any) ? Round(weights[k]) : 0;
            }
        }

        var bias = 0.0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double g = 0, h = 0;
            for (var i = 0; i < labels.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-(offset[i] + bias)));
                g += rowWeights[i] * (p - (labels[i] ? 1 : 0));
                h += rowWeights[i] * p * (1 - p);
            }

            var step = g / Math.Max(h, 1e-9);
            bias = Math.Clamp(bias - step, -50, 50);
            if (Math.Abs(step) < 1e-9)
            {
                break;
            }
        }

        return bias;
    }

    /// <summary>The detector's logit: the probability clamped to [1e-6, 1 − 1e-6].</summary>
    internal static double Logit(double p)
    {
        p = double.IsNaN(p) ? 0.5 : Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Clamp(Math.Log(p / (1 - p)), -MaxLogit, MaxLogit);
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.ToEven) is var r && r == 0 ? 0 : r;
}
