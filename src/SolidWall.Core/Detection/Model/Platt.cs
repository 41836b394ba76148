namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Platt scaling: p = 1 / (1 + exp(A·z + B)) fitted to held-out raw scores z by Newton's method with Platt's
/// smoothed targets, so that a probability of 0.9 means nine in ten. Logistic regression trained with class
/// weights and L2 is not calibrated by itself (the weights shift its bias and shrink its slope).
/// </summary>
public readonly record struct Platt(double A, double B)
{
    public static Platt Identity { get; } = new(-1, 0);

    public double Probability(double z)
    {
        var t = (A * z) + B;
        return t >= 0 ? Math.Exp(-t) / (1 + Math.Exp(-t)) : 1 / (1 + Math.Exp(t));
    }

    /// <summary>Fits A and B (Lin, Lin and Weng's robust Newton iteration of Platt's method).</summary>
    public static Platt Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return Identity;
        }

        var hi = (positives + 1.0) / (positives + 2.0);
        var lo = 1.0 / (negatives + 2.0);
        var a = 0.0;
        var b = Math.Log((negatives + 1.0) / (positives + 1.0));
        const double sigma = 1e-12;
        var f = Objective(scores, labels, a, b, hi, lo);
        for (var iter = 0; iter < 100; iter++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                var t = labels[i] ? hi : lo;
                var fApB = (scores[i] * a) + b;
                double p, q;
                if (fApB >= 0)
                {
                    p = Math.Exp(-fApB) / (1.0 + Math.Exp(-fApB));
                    q = 1.0 / (1.0 + Math.Exp(-fApB));
                }
                else
                {
                    p = 1.0 / (1.0 + Math.Exp(fApB));
                    q = Math.Exp(fApB) / (1.0 + Math.Exp(fApB));
                }

                var d2 = p * q;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                var d1 = t - p;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < 1e-5 && Math.Abs(g2) < 1e-5)
            {
                break;
            }

            var det = (h11 * h22) - (h21 * h21);
            var dA = -((h22 * g1) - (h21 * g2)) / det;
            var dB = -((-h21 * g1) + (h11 * g2)) / det;
            var gd = (g1 * dA) + (g2 * dB);
            var step = 1.0;
            while (step >= 1e-10)
            {
                var na = a + (step * dA);
                var nb = b + (step * dB);
                var nf = Objective(scores, labels, na, nb, hi, lo);
                if (nf < f + (1e-4 * step * gd))
                {
                    a = na;
                    b = nb;
                    f = nf;
                    break;
                }

                step /= 2;
            }

            if (step < 1e-10)
            {
                break;
            }
        }

        return new Platt(a, b);
    }

    private static double Objective(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double a, double b, double hi, double lo)
    {
        var f = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var t = labels[i] ? hi : lo;
            var fApB = (scores[i] * a) + b;
            f += fApB >= 0 ? (t * fApB) + Math.Log(1 + Math.Exp(-fApB)) : ((t - 1) * fApB) + Math.Log(1 + Math.Exp(fApB));
        }

        return f;
    }
}
