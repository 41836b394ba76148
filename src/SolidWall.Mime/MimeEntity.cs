namespace SolidWall.Mime;

/// <summary>
/// One MIME entity: a header block and a body. A multipart has <see cref="Children"/>; a message/rfc822 part
/// has <see cref="EmbeddedMessage"/>, parsed recursively; anything else is a leaf whose body is decoded on demand.
/// Bodies are slices of the message's bytes, never copies.
/// </summary>
public class MimeEntity
{
    private static readonly IReadOnlyList<MimeEntity> NoChildren = Array.Empty<MimeEntity>();

    internal MimeEntity(HeaderList headers, ContentType contentType, ContentDisposition? disposition, string transferEncoding)
    {
        Headers = headers;
        ContentType = contentType;
        Disposition = disposition;
        TransferEncoding = transferEncoding;
    }

    public HeaderList Headers { get; }

    public ContentType ContentType { get; }

    public ContentDisposition? Disposition { get; }

    /// <summary>Lower-cased Content-Transfer-Encoding; "7bit" when the field is absent.</summary>
    public string TransferEncoding { get; }

    /// <summary>The body as it stands in the message, still transfer-encoded. For a multipart: preamble, parts and epilogue.</summary>
    public ReadOnlyMemory<byte> Body { get; internal set; }

    /// <summary>Offset of the entity's first header byte from the start of the top-level message.</summary>
    public long Offset { get; internal set; }

    /// <summary>Offset of the body's first byte from the start of the top-level message.</summary>
    public long BodyOffset { get; internal set; }

    public IReadOnlyList<MimeEntity> Children { get; internal set; } = NoChildren;

    /// <summary>The message inside a message/rfc822 (or message/global) part.</summary>
    public MimeMessage? EmbeddedMessage { get; internal set; }

    /// <summary>Text before the first boundary of a multipart (RFC 2046 section 5.1.1), usually ignored by clients.</summary>
    public ReadOnlyMemory<byte> Preamble { get; internal set; }

    /// <summary>Text after the final boundary of a multipart.</summary>
    public ReadOnlyMemory<byte> Epilogue { get; internal set; }

    public bool IsMultipart => Children.Count > 0 || ContentType.IsMultipart;

    /// <summary>The file name from Content-Disposition, else from Content-Type's name parameter.</summary>
    public string? FileName => Disposition?.FileName ?? ContentType.Name;

    /// <summary>True when the part is meant to be saved rather than read: a disposition of attachment, or a named non-text part.</summary>
    public bool IsAttachment =>
        Disposition?.IsAttachment == true
        || (FileName is not null && ContentType.MediaType != "text" && !IsMultipart && EmbeddedMessage is null);

    /// <summary>The body with its transfer encoding undone.</summary>
    public byte[] GetContent(DefectSink? defects = null) =>
        TransferEncodings.Decode(Body.Span, TransferEncoding, defects, BodyOffset);

    /// <summary>The body decoded to text under its declared charset (falling back sensibly when that is wrong).</summary>
    public string GetText(DefectSink? defects = null)
    {
        var content = GetContent(defects);
        return Charsets.Decode(content, ContentType.Charset, defects, BodyOffset);
    }

    /// <summary>
    /// The leaf entities in document order. Embedded messages are entered when <paramref name="intoMessages"/>
    /// is true, as Python's <c>Message.walk()</c> does.
    /// </summary>
    public IEnumerable<MimeEntity> Leaves(bool intoMessages = true)
    {
        var stack = new Stack<MimeEntity>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            if (e.Children.Count > 0)
            {
                for (var i = e.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(e.Children[i]);
                }
            }
            else if (e.EmbeddedMessage is { } inner && intoMessages)
            {
                stack.Push(inner);
            }
            else
            {
                yield return e;
            }
        }
    }
}
