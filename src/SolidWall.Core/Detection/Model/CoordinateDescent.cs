namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Weighted logistic regression by cyclic coordinate descent with one Newton step per coordinate, for the small dense
/// fits of the detector (<see cref="CombinationFitter"/>, <see cref="CategoryFitter"/>): deterministic (fixed column
/// order, fixed sweeps), every coefficient kept in its own bounds, an L2 penalty on the columns that are not
/// intercepts. An intercept is a column like any other, 1 on the rows it covers.
/// </summary>
internal static class CoordinateDescent
{
    /// <summary>One column: its values per row, where it starts, its bounds, and whether it is penalised.</summary>
    public readonly record struct Column(double[] Values, double Start, double Lower, double Upper, bool Penalised);

    /// <summary>The coefficients, one per column, in the order given.</summary>
    /// <param name="labels">Per row, the label.</param>
    /// <param name="rowWeights">Per row, its weight in the likelihood.</param>
    public static double[] Solve(IReadOnlyList<Column> columns, IReadOnlyList<bool> labels, double[] rowWeights, double l2, int sweeps)
    {
        var n = labels.Count;
        var beta = columns.Select(c => c.Start).ToArray();
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                z[i] += beta[j] * columns[j].Values[i];
            }
        }

        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            var largest = 0.0;
            for (var j = 0; j < columns.Count; j++)
            {
                var column = columns[j];
                var x = column.Values;
                double g = 0, h = 0;
                for (var i = 0; i < n; i++)
                {
                    var v = x[i];
                    if (v == 0)
                    {
                        continue;
                    }

                    var p = 1 / (1 + Math.Exp(-z[i]));
                    g += rowWeights[i] * (p - (labels[i] ? 1 : 0)) * v;
                    h += rowWeights[i] * p * (1 - p) * v * v;
                }

                var current = beta[j];
                if (column.Penalised)
                {
                    g += l2 * current;
                    h += l2;
                }

                var next = Math.Clamp(current - (g / Math.Max(h, 1e-9)), column.Lower, column.Upper);
                var delta = next - current;
                if (delta == 0)
                {
                    continue;
                }

                largest = Math.Max(largest, Math.Abs(delta));
                for (var i = 0; i < n; i++)
                {
                    z[i] += delta * x[i];
                }

                beta[j] = next;
            }

            if (largest < 1e-7)
            {
                break;
            }
        }

        return beta;
    }
}
