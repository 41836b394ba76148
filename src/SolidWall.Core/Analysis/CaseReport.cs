using SolidWall.Core.Case;

namespace SolidWall.Core.Analysis;

/// <summary>
/// The headline figures of a case, written as <c>figures.json</c>:
/// <c>{"messages","electioneering","skipped","campaigns":[...]}</c>. Messages and electioneering count mailbox items
/// (copies); skipped counts items that could not be read as mail.
/// </summary>
public sealed record CaseFigures
{
    public int Messages { get; init; }

    public int Electioneering { get; init; }

    public int Skipped { get; init; }

    /// <summary>Items whose content is encrypted: read as mail, classified on their subject and headers alone.</summary>
    public int Encrypted { get; init; }

    /// <summary>
    /// Attached files of a format SolidWall reads (PDF, Office, OpenDocument, text) that could not be read, or not all of
    /// them: what the detector did not see of the items that carried them, each listed in <c>unread-attachments.csv</c>.
    /// </summary>
    public int UnreadAttachments { get; init; }

    public IReadOnlyList<CampaignFigures> Campaigns { get; init; } = [];
}

/// <summary>One campaign's figures, in the shape the inspector general's report published them.</summary>
public sealed record CampaignFigures
{
    public required string Name { get; init; }

    /// <summary>Every sender address attributed to the campaign, sorted.</summary>
    public IReadOnlyList<string> Senders { get; init; } = [];

    /// <summary>The campaign's organisational domains, sorted.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Distinct staff (not students) among the institutional recipients of campaign-originated mail.</summary>
    public int StaffReached { get; init; }

    /// <summary>Mailbox copies of campaign-originated messages found at institutional addresses.</summary>
    public int EmailsDelivered { get; init; }

    public IReadOnlyList<BlastFigures> Blasts { get; init; } = [];

    public IReadOnlyList<RelayerFigures> Relayers { get; init; } = [];

    public IReadOnlyList<PrincipalFigures> Principals { get; init; } = [];

    /// <summary>Students who replied to the campaign, sorted.</summary>
    public IReadOnlyList<string> Signups { get; init; } = [];
}

/// <summary>
/// A blast: one send of near-duplicate messages (its variants: A/B texts and translations sent together).
/// Copies are mailbox items; recipients are distinct addresses.
/// </summary>
public sealed record BlastFigures
{
    public required string Id { get; init; }

    public int Variants { get; init; }

    public int Copies { get; init; }

    public int Recipients { get; init; }

    public DateTimeOffset First { get; init; }

    public DateTimeOffset Last { get; init; }
}

/// <summary>Institutional staff who passed campaign mail to students: by forwarding it, or by copying its text.</summary>
public sealed record RelayerFigures(string Address, int StudentsReached, string Kind)
{
    public const string Forward = "forward";
    public const string Copy = "copy";
}

/// <summary>A principal who pushed campaign mail to teachers, and how many teachers it reached.</summary>
public sealed record PrincipalFigures(string Address, int TeachersReached);

/// <summary>
/// Everything <c>solidwall report</c> writes: the figures, and the detail behind them that the HTML page, the CSV
/// tables and the evidence manifest show. Built by the analysis from the case store; the report writer only lays
/// it out.
/// </summary>
public sealed record CaseReport
{
    public required CaseFigures Figures { get; init; }

    /// <summary>When the report was made, and over which store.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    public string CaseName { get; init; } = "";

    public IReadOnlyList<CampaignDetail> Campaigns { get; init; } = [];

    /// <summary>Electioneering mailbox copies per day and campaign, for the timeline.</summary>
    public IReadOnlyList<DailyCount> Timeline { get; init; } = [];

    /// <summary>Election dates from the registry, marked on the timeline.</summary>
    public IReadOnlyList<ElectionMark> Elections { get; init; } = [];

    /// <summary>Institutional recipients of campaign-originated mail, by role and school.</summary>
    public IReadOnlyList<RecipientGroup> RecipientsByRoleAndSchool { get; init; } = [];

    public IReadOnlyList<RelayPath> Relays { get; init; } = [];

    public IReadOnlyList<AttestationBreach> AttestationBreaches { get; init; } = [];

    public IReadOnlyList<CoordinationThread> Coordination { get; init; } = [];

    public EvidenceLimits Limits { get; init; } = new();

    /// <summary>Paragraphs saying how the figures were counted (detector, blast threshold, relay rules).</summary>
    public IReadOnlyList<string> Method { get; init; } = [];

    /// <summary>Every mailbox item the figures rest on.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
}

/// <summary>How each sender came to be attributed to a campaign, and the campaign's registry details if any.</summary>
public sealed record CampaignDetail
{
    public required string Name { get; init; }

    /// <summary>"registry", or "inferred" when the campaign was found from the mail alone.</summary>
    public string Basis { get; init; } = "inferred";

    public string? Candidate { get; init; }

    public string? Office { get; init; }

    public IReadOnlyList<SenderAttribution> Senders { get; init; } = [];
}

/// <param name="Ground">Why the sender belongs to the campaign, in words a reader can check
/// (e.g. "registered address", "domain reelect-ortiz.example", "disclaimer names the committee",
/// "text matches blast ortiz-externship; links to mobilize.us/reelectortiz").</param>
/// <param name="Messages">How many distinct campaign-originated messages the sender sent.</param>
public sealed record SenderAttribution(string Address, string Ground, int Messages);

public sealed record DailyCount(DateOnly Day, string Campaign, int Copies);

public sealed record ElectionMark(DateOnly Day, string Label);

/// <param name="Role">"staff", "principal" or "student".</param>
/// <param name="School">The school from the roster, or null when unknown.</param>
public sealed record RecipientGroup(string Campaign, string Role, string? School, int Recipients, int Copies);

/// <summary>
/// One relay: campaign → staff member → recipients. <see cref="Kind"/> is forward, copy, reply or push.
/// </summary>
public sealed record RelayPath
{
    public required string Campaign { get; init; }

    public string? BlastId { get; init; }

    public required string Relayer { get; init; }

    public string RelayerRole { get; init; } = "staff";

    public required string Kind { get; init; }

    public DateTimeOffset? Date { get; init; }

    public string Subject { get; init; } = "";

    public IReadOnlyList<string> Students { get; init; } = [];

    public IReadOnlyList<string> Staff { get; init; } = [];

    public string Sha256 { get; init; } = "";
}

public sealed record AttestationBreach(
    string Campaign,
    string AttestedBy,
    DateTimeOffset AttestedAt,
    string? Document,
    string? DocumentSha256,
    int MessagesAfter,
    EvidenceItem First,
    EvidenceItem Last);

/// <summary>Mail between the institution's official channels and a campaign or an elected official's office, for the investigator to judge.</summary>
public sealed record CoordinationThread(string Subject, IReadOnlyList<string> Participants, IReadOnlyList<EvidenceItem> Messages);

/// <summary>What the evidence does not let one conclude.</summary>
public sealed record EvidenceLimits
{
    /// <summary>Mailboxes on the roster that no source held.</summary>
    public IReadOnlyList<string> MissingMailboxes { get; init; } = [];

    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];

    /// <summary>Every item whose content is encrypted, by source and offset: what it says could not be read.</summary>
    public IReadOnlyList<EncryptedItem> Encrypted { get; init; } = [];

    /// <summary>Every attached file of a readable format that could not be read, or not all of it, by source and offset of the item that carried it.</summary>
    public IReadOnlyList<UnreadAttachmentItem> UnreadAttachments { get; init; } = [];

    /// <summary>Sources given to the scan and how many items each held.</summary>
    public IReadOnlyList<SourceCount> Sources { get; init; } = [];

    /// <summary>Plain statements of other limits (e.g. "Bcc recipients are known only from the sender's own copy").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record SourceCount(string Source, int Items);

/// <summary>
/// An item whose content is encrypted (<see cref="Message.Encryption"/>): where it lies, whose mailbox held it, who sent
/// it and when, its subject, the encryption, and the verdict its subject and headers alone gave.
/// </summary>
public sealed record EncryptedItem(
    string Source,
    long Offset,
    string? Mailbox,
    string Sha256,
    string? MessageId,
    DateTimeOffset? Date,
    string? From,
    string Subject,
    string Encryption,
    bool Electioneering)
{
    internal static EncryptedItem Of(CaseItem item, CaseMessage message) =>
        new(item.Source, item.Offset, item.Mailbox, item.Sha256, message.MessageId, message.Date, message.From, message.Subject, message.Encryption!, message.Electioneering);
}

/// <summary>
/// An attached file that could not be read, or not all of it (encrypted, damaged, a legacy binary Office file, too large):
/// the item that carried it, the file and what was wrong, and the verdict the rest of the message gave.
/// </summary>
public sealed record UnreadAttachmentItem(string Source, long Offset, string? Mailbox, string Sha256, string Subject, string Attachment, bool Electioneering);

/// <param name="Role">Why the item is evidence: "campaign", "relay", "signup", "push", "reply".</param>
public sealed record EvidenceItem(string Source, long Offset, string Sha256, string? MessageId, DateTimeOffset? Date, string? From, string Subject, string? Campaign, string Role);
