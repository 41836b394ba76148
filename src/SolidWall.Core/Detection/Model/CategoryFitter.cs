namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Fits the category decision (<see cref="CategoryWeights"/>): per category, a logistic regression of "the message
/// carries it" on the model's held-out logit for it, whether any signal named it, which signals named it, and its rule,
/// over the electioneering training rows whose label says yes or no for that category, by <see cref="CoordinateDescent"/>
/// as <see cref="CombinationFitter"/>: deterministic, every weight but the intercept held at or above zero. A signal gets a weight of its own only where it named the category on at least
/// <see cref="CombinationFitter.MinimumFirings"/> of those rows.
/// </summary>
/// <remarks>
/// It replaced a union (any signal that named the category, or the model at 0.5 or more, with two rules on top) that
/// named too much: on the district set's held-out folds, event precision was 0.71 and coercion 0.72, because signals
/// that name a category loosely (a date and a place read as an event) counted as much as the ones that name it surely.
/// </remarks>
internal static class CategoryFitter
{
    private const double L2 = 1.0;
    private const int Sweeps = 100;

    /// <param name="categoryProbability">Per row, per category of <see cref="TextModel.Categories"/>, the model's held-out probability.</param>
    /// <param name="readings">Per row, what the signals named and whether the rules hold; null for a row that is not electioneering.</param>
    /// <param name="labels">Per row, the category labels as <see cref="ModelTrainer.Labels"/> gives them (index 0 is electioneering).</param>
    public static Dictionary<string, CategoryWeights> Fit(IReadOnlyList<double[]> categoryProbability, IReadOnlyList<CategoryReading?> readings, sbyte[][] labels, IReadOnlyList<float> rowWeights)
    {
        var result = new Dictionary<string, CategoryWeights>(StringComparer.Ordinal);
        var names = SignalCatalog.Names;
        for (var c = 0; c < TextModel.Categories.Count; c++)
        {
            var category = TextModel.Categories[c];
            var rows = Enumerable.Range(0, readings.Count).Where(i => readings[i] is not null && labels[c + 1][i] >= 0).ToArray();
            if (rows.Length == 0 || rows.All(i => labels[c + 1][i] > 0) || rows.All(i => labels[c + 1][i] == 0))
            {
                continue; // nothing to learn: the union rule names it
            }

            bool Named(int i, int s) => readings[i]!.NamedBy[s].Contains(category, StringComparer.Ordinal);
            var own = Enumerable.Range(0, names.Count).Where(s => rows.Count(i => Named(i, s)) >= CombinationFitter.MinimumFirings).ToArray();
            var hasRule = category == Categories.Literature || category == Categories.Coercion;

            // Columns: the model's logit, any signal named it, the rule, then one per signal with its own weight.
            var columns = 3 + own.Length;
            var x = new double[columns][];
            for (var j = 0; j < columns; j++)
            {
                x[j] = new double[rows.Length];
            }

            var y = new bool[rows.Length];
            var w = new double[rows.Length];
            for (var k = 0; k < rows.Length; k++)
            {
                var i = rows[k];
                var reading = readings[i]!;
                x[0][k] = CombinationFitter.Logit(categoryProbability[i][c]);
                x[1][k] = reading.NamedBy.Any(n => n.Contains(category, StringComparer.Ordinal)) ? 1 : 0;
                x[2][k] = hasRule && (category == Categories.Literature ? reading.LiteratureKept : reading.CoercionAdded) ? 1 : 0;
                for (var o = 0; o < own.Length; o++)
                {
                    x[3 + o][k] = Named(i, own[o]) ? 1 : 0;
                }

                y[k] = labels[c + 1][i] > 0;
                w[k] = rowWeights[i];
            }

            // The intercept first, unpenalised; every other weight at or above zero.
            var all = new List<CoordinateDescent.Column>(columns + 1) { new(Enumerable.Repeat(1.0, rows.Length).ToArray(), 0, -50, 50, Penalised: false) };
            all.AddRange(x.Select(values => new CoordinateDescent.Column(values, 0, 0, 50, Penalised: true)));
            var solved = CoordinateDescent.Solve(all, y, w, L2, Sweeps);
            var (bias, beta) = (solved[0], solved[1..]);
            var signals = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var o = 0; o < own.Length; o++)
            {
                if (Round(beta[3 + o]) > 0)
                {
                    signals[names[own[o]]] = Round(beta[3 + o]);
                }
            }

            result[category] = new CategoryWeights(Round(bias), Round(beta[0]), Round(beta[1]), Round(beta[2]), signals);
        }

        return result;
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.ToEven) is var r && r == 0 ? 0 : r;
}
