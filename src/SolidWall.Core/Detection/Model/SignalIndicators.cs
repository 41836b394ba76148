namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Which signals fire on each training message, read once: signals do not learn, so their answers are the same in
/// every fold. Read with the row's world's registry when it has one (the district set's campaigns) or an empty one,
/// an empty directory and the shipped policy; signals that then never fire keep their shipped weights.
/// </summary>
internal static class SignalIndicators
{
    private static readonly int Forwarded = SignalCatalog.Names.ToList().IndexOf(Detector.ForwardedElectioneeringSignal);

    /// <summary>
    /// Per message, per signal in <see cref="SignalCatalog.All"/> order: did it fire (ungated), reading each row with
    /// its world's registry (<paramref name="withWorld"/>) or with none.
    /// </summary>
    /// <param name="named">
    /// When given (one slot per example), filled for each electioneering example with what the category decision reads:
    /// the categories each signal named, and whether the literature and coercion rules hold.
    /// </param>
    public static bool[][] Read(IReadOnlyList<TrainingExample> examples, bool withWorld = true, CategoryReading[]? named = null)
    {
        var fired = new bool[examples.Count][];
        var signals = SignalCatalog.All;
        Parallel.For(0, examples.Count, i =>
        {
            var context = new DetectionContext(examples[i].AsMessage(), (withWorld ? examples[i].World : null) ?? Registry.Empty, InstitutionDirectory.Empty, Policy.Default);
            var row = new bool[signals.Count];
            var categories = named is not null && examples[i].Electioneering ? new IReadOnlyList<string>[signals.Count] : null;
            // As the detector runs them: the positive signals first, so that a counter-signal sees whether one fired.
            foreach (var positive in (bool[])[true, false])
            {
                for (var s = 0; s < signals.Count; s++)
                {
                    if (signals[s].Weight > 0 == positive)
                    {
                        var hit = signals[s].Evaluate(context);
                        row[s] = hit is not null;
                        if (categories is not null)
                        {
                            categories[s] = hit?.Categories ?? [];
                        }

                        context.PositiveSignalFired |= positive && row[s];
                    }
                }
            }

            fired[i] = row;
            if (categories is not null)
            {
                var relays = row[Forwarded];
                named![i] = new CategoryReading(categories, LiteratureRule.Keeps(context, relays), CoercionRule.Adds(context));
            }

            context.Release();
        });
        return fired;
    }
}

/// <summary>
/// What the category decision reads of one training message: per signal of <see cref="SignalCatalog.All"/>, the
/// categories it named (empty when it did not fire), and whether <see cref="LiteratureRule"/> and <see cref="CoercionRule"/> hold.
/// </summary>
internal sealed record CategoryReading(IReadOnlyList<string>[] NamedBy, bool LiteratureKept, bool CoercionAdded);
