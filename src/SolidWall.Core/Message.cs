using SolidWall.Mime;

namespace SolidWall.Core;

/// <summary>
/// The normalised view of one message that every later stage (detection, fingerprinting, storage, the report)
/// reads: who, when, the best plain text, links, reply and forward segments, parts, and where it came from.
/// </summary>
public sealed class Message
{
    public required string Source { get; init; }

    public required long Offset { get; init; }

    /// <summary>Lower-case hex SHA-256 of the raw message bytes; the message's identity everywhere in SolidWall.</summary>
    public required string Sha256 { get; init; }

    public string? MessageId { get; init; }

    public IReadOnlyList<string> InReplyTo { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    public IReadOnlyList<MailboxAddress> From { get; init; } = Array.Empty<MailboxAddress>();

    public IReadOnlyList<MailboxAddress> To { get; init; } = Array.Empty<MailboxAddress>();

    public IReadOnlyList<MailboxAddress> Cc { get; init; } = Array.Empty<MailboxAddress>();

    public IReadOnlyList<MailboxAddress> Bcc { get; init; } = Array.Empty<MailboxAddress>();

    /// <summary>The mailboxes this copy was delivered to (<c>Delivered-To</c>, <c>X-Original-To</c>): a Bcc'd recipient's copy names its mailbox only here.</summary>
    public IReadOnlyList<MailboxAddress> DeliveredTo { get; init; } = Array.Empty<MailboxAddress>();

    public string? Subject { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>The best plain text: text/plain where there is one, else the HTML alternative turned into text.</summary>
    public string Text { get; init; } = "";

    /// <summary>Every distinct link, from HTML hrefs and bare URLs in text, in order of first appearance.</summary>
    public IReadOnlyList<string> Links { get; init; } = Array.Empty<string>();

    /// <summary>The text cut into the author's own words, quoted blocks and forwarded messages.</summary>
    public IReadOnlyList<Segment> Segments { get; init; } = Array.Empty<Segment>();

    /// <summary>Every leaf part, attachments included.</summary>
    public IReadOnlyList<PartInfo> Parts { get; init; } = Array.Empty<PartInfo>();

    public IReadOnlyList<MimeDefect> Defects { get; init; } = Array.Empty<MimeDefect>();

    /// <summary>
    /// The encryption the message's content is under ("S/MIME", "PGP/MIME", "Microsoft Purview Message Encryption"; see
    /// <see cref="EncryptedContent"/>), null when its content can be read. An encrypted message's text is empty or holds
    /// only a wrapper's notice: what it says is known only to a holder of the recipient's key.
    /// </summary>
    public string? Encryption { get; init; }

    /// <summary>Gmail labels (Google Vault) or the folder the message was filed in.</summary>
    public IReadOnlyList<string> Labels { get; init; } = Array.Empty<string>();
}

public enum SegmentKind
{
    /// <summary>The author's own words.</summary>
    Body,

    /// <summary>A quoted block ("&gt; ..." lines, or the text under "On ... wrote:" / "-----Original Message-----").</summary>
    Quote,

    /// <summary>A forwarded message ("---------- Forwarded message ---------" and its translations, or a message/rfc822 part).</summary>
    Forward,

    /// <summary>
    /// The readable text of an attached file (a PDF, a Word or OpenDocument file, a text, HTML or calendar file;
    /// <see cref="Text.AttachmentText"/>); the attribution names the file. Not part of <see cref="Message.Text"/>.
    /// </summary>
    Attachment,
}

/// <summary>A run of text of one kind; for quotes and forwards, the attribution line or header block that introduced it.</summary>
public sealed record Segment(SegmentKind Kind, string Text, string? Attribution = null);

/// <summary>What a reviewer sees of a leaf part without opening it.</summary>
public sealed record PartInfo(string ContentType, string? Charset, long Size, string? FileName, string? Sha256, bool IsAttachment);
