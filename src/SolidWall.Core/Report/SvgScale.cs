namespace SolidWall.Core.Report;

/// <summary>Axis helpers for the charts: a "nice" upper bound and tick step (1, 2 or 5 × 10ⁿ) for a count axis.</summary>
internal static class SvgScale
{
    public static (int Max, int Step) Nice(int max, int ticks = 5)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var raw = (double)max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (int)Math.Max(1, new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw));
        return ((max + step - 1) / step * step, step);
    }

    /// <summary>A number for an SVG attribute: invariant, at most one decimal.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
