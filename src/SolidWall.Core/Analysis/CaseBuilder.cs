using SolidWall.Core.Case;
using SolidWall.Core.Detection;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Shapes one scanned message for the case store: the <see cref="CaseItem"/> (where this copy lies and whose
/// mailbox held it) and the <see cref="CaseMessage"/> (addresses lower-cased, the committee its disclaimer names,
/// the registry entry of its sender, the verdict and the near-duplicate fingerprints). Thread-safe: a scan calls it
/// from every core.
/// </summary>
public sealed class CaseBuilder
{
    private readonly Registry _registry;
    private readonly Fingerprinter _fingerprinter;
    private readonly MailboxOwner _owners = new();

    public CaseBuilder(Registry? registry = null, Fingerprinter? fingerprinter = null)
    {
        _registry = registry ?? Registry.Empty;
        _fingerprinter = fingerprinter ?? new Fingerprinter();
    }

    public (CaseItem Item, CaseMessage Message) Build(RawMessage raw, Message message, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(verdict);

        var item = Item(raw);
        var sender = message.From.FirstOrDefault(a => a.Domain.Length > 0);
        var stored = new CaseMessage
        {
            Sha256 = raw.Sha256,
            MessageId = message.MessageId,
            InReplyTo = message.InReplyTo,
            References = message.References,
            Date = message.Date,
            From = sender is null ? null : Lower(sender),
            FromName = string.IsNullOrWhiteSpace(sender?.DisplayName) ? null : sender.DisplayName.Trim(),
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            Bcc = Addresses(message.Bcc),
            Subject = message.Subject ?? "",
            Text = message.Text,
            Segments = message.Segments,
            Links = message.Links,
            Electioneering = verdict.IsElectioneering,
            Score = verdict.Score,
            Categories = verdict.Categories,
            RegisteredCampaign = sender is null ? null : _registry.FindSender(sender)?.Entry.Name,
            Committee = DisclaimerCommittee.Find(message.Text) ?? AttachedCommittee(message),
            Encryption = message.Encryption,
            UnreadAttachments = UnreadAttachments(message),
            VerdictJson = verdict.ToJson(),
            Fingerprints = _fingerprinter.Fingerprints(message),
        };
        return (item, stored);
    }

    /// <summary>The item alone: where this copy lies and whose mailbox held it, for bytes whose message is already built.</summary>
    public CaseItem Item(RawMessage raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var source = Path.GetFullPath(raw.Source);
        return new CaseItem(raw.Sha256, source, raw.Offset, raw.StoredLength, _owners.Of(source, raw.Bytes.Span), raw.Labels);
    }

    private static string Lower(MailboxAddress address) => address.Address.ToLowerInvariant();

    /// <summary>The committee a disclaimer in an attached file names (a flyer's "Paid for by …"), when the text names none.</summary>
    private static string? AttachedCommittee(Message message)
    {
        foreach (var segment in message.Segments)
        {
            if (segment.Kind == SegmentKind.Attachment && DisclaimerCommittee.Find(segment.Text) is { } committee)
            {
                return committee;
            }
        }

        return null;
    }

    /// <summary>What the normaliser could not read of the message's attached files (<see cref="CaseMessage.UnreadAttachments"/>).</summary>
    internal static IReadOnlyList<string> UnreadAttachments(Message message)
    {
        List<string>? unread = null;
        foreach (var defect in message.Defects)
        {
            if (defect.Kind == MessageNormalizer.AttachmentUnreadable)
            {
                (unread ??= []).Add(defect.Detail);
            }
        }

        return unread is null ? [] : unread;
    }

    // Group syntax with no members ("undisclosed-recipients:;") and local parts without a domain name nobody.
    private static string[] Addresses(IReadOnlyList<MailboxAddress> list) =>
        list.Where(a => a.Domain.Length > 0).Select(Lower).Distinct(StringComparer.Ordinal).ToArray();
}
