namespace SolidWall.Mime;

/// <summary>
/// A parsed message: the top-level entity, with the envelope fields read on first use and every defect met
/// while parsing. It keeps a reference to the raw bytes it was parsed from.
/// </summary>
public sealed class MimeMessage : MimeEntity
{
    private IReadOnlyList<MailboxAddress>? _from, _to, _cc, _bcc, _replyTo, _sender, _deliveredTo;
    private string? _subject;
    private bool _dateRead;
    private DateTimeOffset? _date;

    internal MimeMessage(HeaderList headers, ContentType contentType, ContentDisposition? disposition, string transferEncoding, ReadOnlyMemory<byte> raw, DefectSink defects)
        : base(headers, contentType, disposition, transferEncoding)
    {
        Raw = raw;
        Defects = defects;
    }

    /// <summary>The bytes this message was parsed from (for an embedded message, its slice of the outer message).</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Every defect in this message and the entities inside it. Embedded messages share their outer message's sink.</summary>
    public DefectSink Defects { get; }

    public IReadOnlyList<MailboxAddress> From => _from ??= Addresses("From");

    public IReadOnlyList<MailboxAddress> Sender => _sender ??= Addresses("Sender");

    public IReadOnlyList<MailboxAddress> ReplyTo => _replyTo ??= Addresses("Reply-To");

    public IReadOnlyList<MailboxAddress> To => _to ??= Addresses("To");

    public IReadOnlyList<MailboxAddress> Cc => _cc ??= Addresses("Cc");

    public IReadOnlyList<MailboxAddress> Bcc => _bcc ??= Addresses("Bcc");

    /// <summary>
    /// The mailboxes the copy was delivered to, as the receiving systems wrote them: <c>Delivered-To</c> (Gmail, Postfix,
    /// qmail; one per hop) and <c>X-Original-To</c> (Postfix). A Bcc'd recipient's copy names its mailbox only here.
    /// </summary>
    public IReadOnlyList<MailboxAddress> DeliveredTo => _deliveredTo ??= DeliveredToAddresses();

    public string? Subject => _subject ??= Headers.Get("Subject") is { } f ? HeaderText.Decode(f.RawValue.Span, Defects, f.Offset) : null;

    public DateTimeOffset? Date
    {
        get
        {
            if (!_dateRead)
            {
                _dateRead = true;
                if (Headers.Get("Date") is { } f)
                {
                    _date = DateParser.Parse(f.RawValue.Span, Defects, f.Offset);
                }
            }
            return _date;
        }
    }

    public string? MessageId => Headers.Get("Message-ID") is { } f && MessageIds.ParseList(f.RawValue.Span) is { Count: > 0 } ids ? ids[0] : null;

    public IReadOnlyList<string> InReplyTo => Headers.Get("In-Reply-To") is { } f ? MessageIds.ParseList(f.RawValue.Span) : Array.Empty<string>();

    public IReadOnlyList<string> References => Headers.Get("References") is { } f ? MessageIds.ParseList(f.RawValue.Span) : Array.Empty<string>();

    private IReadOnlyList<MailboxAddress> DeliveredToAddresses()
    {
        var delivered = Addresses("Delivered-To");
        var original = Addresses("X-Original-To");
        return original.Count == 0 ? delivered : delivered.Count == 0 ? original : [.. delivered, .. original];
    }

    private IReadOnlyList<MailboxAddress> Addresses(string name)
    {
        List<MailboxAddress>? all = null;
        IReadOnlyList<MailboxAddress>? single = null;
        foreach (var f in Headers.GetAll(name))
        {
            var list = AddressParser.ParseList(f.RawValue.Span, Defects, f.Offset);
            if (single is null && all is null)
            {
                single = list;
            }
            else
            {
                all ??= new List<MailboxAddress>(single!);
                all.AddRange(list);
            }
        }
        return (IReadOnlyList<MailboxAddress>?)all ?? single ?? Array.Empty<MailboxAddress>();
    }
}
