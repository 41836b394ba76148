namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A forwarded or quoted segment that is electioneering by the other signals on its own: passing campaign
/// material on is distributing it (literature). The evidence is the inner signals' evidence, marked as forwarded
/// or quoted. Trap: a reply that merely quotes an allowed message (a PTA notice, an LSC announcement) stays quiet,
/// because the inner signals do.
/// </summary>
internal sealed class ForwardedElectioneering : ISignal
{
    /// <summary>
    /// The sum of the inner signals' shipped weights a segment needs, the prior log-odds the shipped weights were
    /// set against. Shipped weights, not the policy's fitted ones: `solidwall train` fits the policy from what this
    /// signal says, which must therefore not depend on the policy's earlier fit.
    /// </summary>
    private const double InnerThreshold = 3.0;

    public string Name => "ForwardedElectioneering";

    public double Weight => 1.5;

    public IReadOnlyList<string> Categories { get; } = [Detection.Categories.Literature];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (context.IsSegment)
        {
            return null;
        }

        List<Evidence>? evidence = null;
        // Indexed: a foreach over the list's interface would allocate an enumerator for every message.
        var segments = context.Message.Segments;
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            if (segment.Kind == SegmentKind.Body || segment.Text.Length == 0)
            {
                continue;
            }

            var inner = context.ForSegment(segment);
            var sum = 0.0;
            List<Evidence>? seen = null;
            try
            {
                foreach (var signal in SignalCatalog.All)
                {
                    if (signal is ForwardedElectioneering || signal.Weight <= 0)
                    {
                        continue;
                    }

                    // A signal the policy turns off stays off inside forwards too.
                    if (context.Policy.WeightOf(signal.Name, signal.Weight) <= 0 || signal.Evaluate(inner) is not { } hit)
                    {
                        continue;
                    }

                    sum += signal.Weight;
                    var how = segment.Kind switch { SegmentKind.Forward => "forwarded", SegmentKind.Attachment => "attached", _ => "quoted" };
                    seen ??= [];
                    seen.Add(hit.Evidence[0] with { Note = $"{how}: {signal.Name}" + Attribution(segment) });
                }
            }
            finally
            {
                // The segment's lower-cased copy and its other buffers go back to their pools, as the message's do.
                inner.Release();
            }

            // The segment counts when its signals alone would make it electioneering.
            if (seen is not null && sum >= InnerThreshold)
            {
                evidence ??= [];
                evidence.AddRange(seen);
            }
        }

        return evidence is null ? null : new SignalHit(Categories, evidence.Take(PhraseScan.MaxEvidence).ToArray());
    }

    private static string Attribution(Segment segment)
    {
        var line = segment.Attribution?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "" : $" under \"{(line.Length > 80 ? line[..80] : line)}\"";
    }
}
