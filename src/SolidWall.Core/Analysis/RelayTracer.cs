using System.Text.RegularExpressions;
using SolidWall.Core.Case;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Finds the staff messages that pass campaign mail on: one that forwards it (a Forward segment, or a "Fwd:"
/// subject over its text), quotes it (a Quote segment), copies it without forward headers (its own Body segment
/// matches), or replies into a campaign thread. Segments are matched on their fingerprints through an LSH index
/// holding one message per campaign variant.
/// </summary>
/// <remarks>
/// The match threshold is the policy's <c>relay_jaccard</c>, below <c>blast_jaccard</c>: a copy is the campaign's
/// text T plus the relayer's own note N, so its Jaccard similarity with the campaign's message is |T| / (|T| + |N|),
/// at least 0.5 whenever the note is shorter than the text passed on. A longer note is caught by containment:
/// from the estimated Jaccard J and the two shingle counts, the share of the campaign's shingles inside the
/// segment is J·(|A| + |B|) / ((1 + J)·|B|); at least <see cref="MinContainment"/> (with J at least
/// <see cref="ContainmentFloor"/>, below which the MinHash estimate is too noisy to rely on) is a copy too.
/// </remarks>
internal sealed partial class RelayTracer
{
    public const double MinContainment = 0.8;
    public const double ContainmentFloor = 0.25;

    private readonly InstitutionDirectory _directory;
    private readonly double _threshold;
    private readonly List<CampaignMail> _representatives = [];
    private readonly LshIndex? _index;
    private readonly Dictionary<string, CampaignMail> _byMessageId = new(StringComparer.Ordinal);

    public RelayTracer(IEnumerable<CampaignMail> campaignMail, InstitutionDirectory directory, double threshold)
    {
        _directory = directory;
        _threshold = threshold;
        var groups = new HashSet<int>();
        foreach (var m in campaignMail)
        {
            if (m.MessageId is not null)
            {
                _byMessageId.TryAdd(m.MessageId, m);
            }

            if (m.Body is not null && groups.Add(m.Group))
            {
                _index ??= new LshIndex(m.Body.Length, threshold);
                _index.Add(_representatives.Count, m.Body);
                _representatives.Add(m);
            }
        }
    }

    [GeneratedRegex(@"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|tr|rv|wg|enc|vs)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardSubject();

    /// <summary>The campaign message this one was replying to, when its In-Reply-To or References name one.</summary>
    public CampaignMail? ThreadParent(CaseMessage message)
    {
        foreach (var id in message.InReplyTo.Concat(message.References))
        {
            if (_byMessageId.TryGetValue(id, out var parent))
            {
                return parent;
            }
        }

        return null;
    }

    /// <summary>The relay this message is, or null. Call it for messages from staff, principals and offices.</summary>
    public RelayFinding? Trace(CaseMessage message, InstitutionRole senderRole)
    {
        var (matched, kind, similarity) = BestSegmentMatch(message);
        var parent = ThreadParent(message);
        if (matched is null && parent is null)
        {
            return null;
        }

        var recipients = message.Recipients.Where(r => r != message.From).ToArray();
        var toInstitution = recipients.Any(r => _directory.RoleOf(r) != InstitutionRole.External);
        string relayKind;
        if (matched is null || (parent is not null && kind == SegmentKind.Quote && !toInstitution))
        {
            // Written back into the campaign's thread rather than passed on inside the institution.
            relayKind = RelayFinding.Reply;
            matched ??= parent;
        }
        else
        {
            relayKind = kind == SegmentKind.Body && !ForwardSubject().IsMatch(message.Subject) ? RelayerFigures.Copy : RelayerFigures.Forward;
        }

        return new RelayFinding
        {
            Sha256 = message.Sha256,
            Key = message.MessageId ?? message.Sha256,
            Campaign = matched!.Campaign!,
            Original = matched,
            Kind = relayKind,
            Relayer = message.From!,
            RelayerRole = senderRole,
            Date = message.Date,
            Subject = message.Subject,
            Recipients = recipients,
            Similarity = similarity,
        };
    }

    private (CampaignMail? Mail, SegmentKind Kind, double Similarity) BestSegmentMatch(CaseMessage message)
    {
        if (_index is null)
        {
            return (null, SegmentKind.Body, 0);
        }

        CampaignMail? best = null;
        var bestKind = SegmentKind.Body;
        var bestSimilarity = 0.0;
        foreach (var segment in message.Fingerprints)
        {
            if (segment.Shingles == 0 || segment.MinHash.Length != _representatives[0].Body!.Length)
            {
                continue;
            }

            foreach (var id in _index.Candidates(segment.MinHash))
            {
                var candidate = _representatives[id];
                var j = Fingerprinter.Similarity(segment.MinHash, candidate.Body!);
                if (!Matches(j, segment.Shingles, candidate.BodyShingles, _threshold))
                {
                    continue;
                }

                // Prefer the closest match; on a tie, a forwarded or quoted segment over the note around it.
                if (j > bestSimilarity || (j == bestSimilarity && segment.Kind != SegmentKind.Body && bestKind == SegmentKind.Body))
                {
                    (best, bestKind, bestSimilarity) = (candidate, segment.Kind, j);
                }
            }
        }

        return (best, bestKind, bestSimilarity);
    }

    /// <summary>Whether a segment of <paramref name="segmentShingles"/> shingles passes on a campaign text of <paramref name="campaignShingles"/>, given their estimated Jaccard.</summary>
    public static bool Matches(double jaccard, int segmentShingles, int campaignShingles, double threshold)
    {
        if (jaccard >= threshold)
        {
            return true;
        }

        if (jaccard < ContainmentFloor || campaignShingles == 0)
        {
            return false;
        }

        var shared = jaccard * (segmentShingles + campaignShingles) / (1 + jaccard);
        return shared / campaignShingles >= MinContainment;
    }
}
