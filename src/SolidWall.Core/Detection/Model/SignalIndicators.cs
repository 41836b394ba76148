namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Which signals fire on each training message, read once: signals do not learn, so their answers are the same in
/// every fold. Read with the row's world's registry when it has one (the district set's campaigns) or an empty one,
/// an empty directory and the shipped policy; signals that then never fire keep their shipped weights.
/// </summary>
internal static class SignalIndicators
{
    /// <summary>
    /// Per message, per signal in <see cref="SignalCatalog.All"/> order: did it fire (ungated), reading each row with
    /// its world's registry (<paramref name="withWorld"/>) or with none.
    /// </summary>
    public static bool[][] Read(IReadOnlyList<TrainingExample> examples, bool withWorld = true)
    {
        var fired = new bool[examples.Count][];
        var signals = SignalCatalog.All;
        Parallel.For(0, examples.Count, i =>
        {
            var context = new DetectionContext(examples[i].AsMessage(), (withWorld ? examples[i].World : null) ?? Registry.Empty, InstitutionDirectory.Empty, Policy.Default);
            var row = new bool[signals.Count];
            // As the detector runs them: the positive signals first, so that a counter-signal sees whether one fired.
            foreach (var positive in (bool[])[true, false])
            {
                for (var s = 0; s < signals.Count; s++)
                {
                    if (signals[s].Weight > 0 == positive)
                    {
                        row[s] = signals[s].Evaluate(context) is not null;
                        context.PositiveSignalFired |= positive && row[s];
                    }
                }
            }

            fired[i] = row;
        });
        return fired;
    }
}
