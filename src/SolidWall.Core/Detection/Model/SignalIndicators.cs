namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Which signals fire on each training message, read once: signals do not learn, so their answers are the same in
/// every fold. Read with an empty registry and directory and the shipped policy, as a district's own archive is
/// first read; signals that then never fire keep their shipped weights.
/// </summary>
internal static class SignalIndicators
{
    /// <summary>Per message, per signal in <see cref="SignalCatalog.All"/> order: did it fire (ungated).</summary>
    public static bool[][] Read(IReadOnlyList<TrainingExample> examples)
    {
        var fired = new bool[examples.Count][];
        var signals = SignalCatalog.All;
        Parallel.For(0, examples.Count, i =>
        {
            var context = new DetectionContext(examples[i].AsMessage(), Registry.Empty, InstitutionDirectory.Empty, Policy.Default);
            var row = new bool[signals.Count];
            for (var s = 0; s < signals.Count; s++)
            {
                row[s] = signals[s].Evaluate(context) is not null;
            }

            fired[i] = row;
        });
        return fired;
    }
}
