

namespace SolidWall.Core.Case;

/// <summary>
/// One mailbox item a scan found: where it lies (source file and byte offset, the evidence an investigator can
/// re-open) and which message it holds, by the SHA-256 of its raw bytes. The same bytes found in two mailboxes are
/// two items of one message; the figures count items as mailbox copies.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the item's raw bytes, as the reader stored them.</param>
/// <param name="Source">The file the item was read from, as given to the scan (made absolute).</param>
/// <param name="Offset">Byte offset of the item in <paramref name="Source"/> (0 for one-message files).</param>
/// <param name="Length">Length in bytes of the item's raw bytes.</param>
/// <param name="Mailbox">The custodian whose mailbox held the item, when the export says (a Vault mbox named after
/// its custodian, a Delivered-To header); null when unknown.</param>
/// <param name="Labels">The export's folder or label names (X-Gmail-Labels, Maildir flags), possibly empty.</param>
public sealed record CaseItem(string Sha256, string Source, long Offset, long Length, string? Mailbox, IReadOnlyList<string> Labels);

/// <summary>
/// A near-duplicate fingerprint of one text segment of a message: the MinHash of its word shingles after
/// greetings, per-recipient tokens and tracking parameters are normalised away.
/// </summary>
/// <param name="Kind">Which segment: the author's own words, a quote, or a forwarded message.</param>
/// <param name="MinHash">The signature; every fingerprint of a case has the same length.</param>
/// <param name="Shingles">How many distinct shingles the segment had (0 for an empty segment).</param>
public sealed record SegmentFingerprint(SegmentKind Kind, uint[] MinHash, int Shingles);

/// <summary>
/// A distinct message (one per SHA-256) with the facts the analysis and the report read: headers reduced to
/// lower-cased addresses, the normalised text and its segments, the detector's verdict and the fingerprints.
/// </summary>
public sealed record CaseMessage
{
    public required string Sha256 { get; init; }

    public string? MessageId { get; init; }

    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    public DateTimeOffset? Date { get; init; }

    /// <summary>The first From address, lower-cased (local@domain); null when the message has none.</summary>
    public string? From { get; init; }

    public string? FromName { get; init; }

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Bcc as the item shows it: only a sender's own copy usually keeps it.</summary>
    public IReadOnlyList<string> Bcc { get; init; } = [];

    public string Subject { get; init; } = "";

    /// <summary>The best text of the message (see <see cref="Message.Text"/>).</summary>
    public string Text { get; init; } = "";

    public IReadOnlyList<Segment> Segments { get; init; } = [];

    public IReadOnlyList<string> Links { get; init; } = [];

    public bool Electioneering { get; init; }

    public double Score { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The registry entry's name when the sender is registered; null otherwise.</summary>
    public string? RegisteredCampaign { get; init; }

    /// <summary>The committee named in a paid-for-by or authorised-by disclaimer, when there is one.</summary>
    public string? Committee { get; init; }

    /// <summary>The encryption the message's content is under (<see cref="Message.Encryption"/>); null when it was read.</summary>
    public string? Encryption { get; init; }

    /// <summary>
    /// The attached files of a readable format that could not be read, or not all of it (the defect
    /// `attachment-unreadable`: "flyer.pdf (PDF): encrypted PDF: its text cannot be read"); empty when every one was read.
    /// </summary>
    public IReadOnlyList<string> UnreadAttachments { get; init; } = [];

    /// <summary>The whole verdict as <c>solidwall classify --json</c> prints it.</summary>
    public string VerdictJson { get; init; } = "{}";

    /// <summary>One fingerprint per segment of <see cref="Segments"/>, in the same order, plus none for empty ones.</summary>
    public IReadOnlyList<SegmentFingerprint> Fingerprints { get; init; } = [];

    /// <summary>Every recipient named in To, Cc and Bcc, once each, in that order.</summary>
    public IEnumerable<string> Recipients => To.Concat(Cc).Concat(Bcc).Distinct(StringComparer.Ordinal);
}

/// <summary>An item the scan could not read as mail: where, and why. It is counted and listed, never dropped silently.</summary>
public sealed record SkippedItem(string Source, long Offset, string Reason);
