using SolidWall.Core.Case;
using SolidWall.Core.Text;

namespace SolidWall.Core.Analysis;

/// <summary>
/// What the analysis keeps of one campaign-originated message (electioneering, from outside the institution): ids,
/// addresses, date, links, the disclaimer and registry facts, and one body fingerprint. Kept small, since a case can
/// hold hundreds of thousands of them; the text itself is not kept.
/// </summary>
internal sealed class CampaignMail
{
    private const int SignatureChars = 400;

    public required string Sha256 { get; init; }

    /// <summary>The message's identity across copies with different bytes (Sent and Inbox copies): its Message-ID, else its SHA-256.</summary>
    public required string Key { get; init; }

    public string? MessageId { get; init; }

    public required string[] ThreadIds { get; init; }

    public DateTimeOffset? Date { get; init; }

    public required string From { get; init; }

    public string? FromName { get; init; }

    public required string[] Recipients { get; init; }

    public required string Subject { get; init; }

    /// <summary>Where the message's links lead (<see cref="LinkTarget"/>: a gateway's rewritten link is the page behind it).</summary>
    public required string[] Links { get; init; }

    public string? Registered { get; init; }

    public string? Committee { get; init; }

    /// <summary>The body's MinHash (the largest Body segment, else the largest segment); null when the message has no words.</summary>
    public uint[]? Body { get; init; }

    public int BodyShingles { get; init; }

    /// <summary>The end of the text, where a signature is, when the store gave the text; null otherwise.</summary>
    public string? SignatureText { get; init; }

    /// <summary>The near-duplicate group (variant) among all campaign mail.</summary>
    public int Group { get; set; } = -1;

    public Campaign? Campaign { get; set; }

    public CampaignBlast? Blast { get; set; }

    public List<CaseItem> Items { get; } = [];

    public static CampaignMail Of(CaseMessage message, string from, Func<string, string> intern)
    {
        var body = BodyOf(message.Fingerprints);
        return new CampaignMail
        {
            Sha256 = message.Sha256,
            Key = message.MessageId ?? message.Sha256,
            MessageId = message.MessageId,
            ThreadIds = [.. message.InReplyTo, .. message.References],
            Date = message.Date,
            From = intern(from),
            FromName = message.FromName,
            Recipients = message.Recipients.Select(intern).ToArray(),
            Subject = intern(message.Subject),
            // Where the links lead: a gateway's rewritten link (Safe Links, URL Defense) is the page it stands for.
            Links = message.Links.Select(l => intern(LinkTarget.Of(l))).ToArray(),
            Registered = message.RegisteredCampaign,
            Committee = message.Committee,
            Body = body?.MinHash,
            BodyShingles = body?.Shingles ?? 0,
            SignatureText = message.Text.Length == 0 || message.RegisteredCampaign is not null || message.Committee is not null
                ? null
                : message.Text[Math.Max(0, message.Text.Length - SignatureChars)..],
        };
    }

    /// <summary>The fingerprint that stands for a message's own text: its largest Body segment, else its largest segment.</summary>
    public static SegmentFingerprint? BodyOf(IReadOnlyList<SegmentFingerprint> fingerprints)
    {
        SegmentFingerprint? best = null;
        foreach (var f in fingerprints)
        {
            if (f.Shingles == 0)
            {
                continue;
            }

            var better = best is null
                || (f.Kind == Core.SegmentKind.Body && best.Kind != Core.SegmentKind.Body)
                || (f.Kind == best.Kind && f.Shingles > best.Shingles)
                || (f.Kind != Core.SegmentKind.Body && best.Kind != Core.SegmentKind.Body && f.Shingles > best.Shingles);
            if (better)
            {
                best = f;
            }
        }

        return best;
    }
}
