namespace SolidWall.Core;

/// <summary>
/// What <see cref="MessageNormalizer"/> does beyond reading headers, so that a scan (or the benchmark) can
/// leave out the costly steps it does not need.
/// </summary>
public sealed record NormalizeOptions
{
    public static NormalizeOptions Default { get; } = new();

    /// <summary>Turn HTML into text when a message has no usable text/plain. Off: such messages get empty text (links are still read).</summary>
    public bool HtmlToText { get; init; } = true;

    /// <summary>Decode attachments to hash them and give their exact size. Off: sizes are worked out from the encoded length.</summary>
    public bool HashAttachments { get; init; } = true;

    /// <summary>Collect links from HTML hrefs and bare URLs in the text.</summary>
    public bool ExtractLinks { get; init; } = true;

    /// <summary>
    /// Read the text of attached files of a readable format (PDF, Word, PowerPoint, Excel, OpenDocument, text, HTML,
    /// calendar), each an <see cref="SegmentKind.Attachment"/> segment. Off: attachments are only listed and hashed.
    /// </summary>
    public bool ReadAttachments { get; init; } = true;

    /// <summary>Cut the text into body, quote and forward segments. Off: one Body segment plus the attached messages.</summary>
    public bool SplitSegments { get; init; } = true;
}
