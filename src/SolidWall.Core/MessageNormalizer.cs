using System.Security.Cryptography;
using System.Text;
using SolidWall.Core.Text;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core;

/// <summary>Builds the normalised <see cref="Message"/> from a parsed MIME tree and the raw message's provenance.</summary>
public static class MessageNormalizer
{
    // Hostile mail can nest messages inside messages; past this many, the rest are listed as parts only.
    private const int MaxEmbeddedMessages = 100;
    private const int MaxDepth = 64;

    public static Message Normalize(MimeMessage mime, RawMessage raw) => Normalize(mime, raw, NormalizeOptions.Default);

    /// <summary>
    /// Fills every field of <see cref="Message"/>. Text is the best plain text of the message's own inline parts
    /// (an attached message/rfc822 becomes a Forward segment instead, with its own best text); HTML is turned
    /// into text only when no usable text/plain alternative exists, but every inline HTML part is scanned for
    /// links; attachments are hashed, and those of a readable format (PDF, Word, OpenDocument, text, HTML,
    /// calendar) read for their text, each an Attachment segment. Never throws on malformed mail.
    /// </summary>
    public static Message Normalize(MimeMessage mime, RawMessage raw, NormalizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(mime);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(options);

        var run = new Run(options, mime.Defects);
        var text = TextCleanup.Normalize(run.TextOf(mime, 0));

        var forwards = new List<Segment>();
        for (var k = 0; k < run.Embedded.Count; k++)
        {
            var inner = run.Embedded[k];
            var innerText = TextCleanup.Normalize(run.TextOf(inner, 1));
            forwards.Add(new Segment(SegmentKind.Forward, innerText, Attribution(inner)));
        }

        if (options.ExtractLinks)
        {
            LinkExtractor.AddFromText(text, run.Links);
            foreach (var f in forwards)
            {
                LinkExtractor.AddFromText(f.Text, run.Links);
            }
        }

        var segments = new List<Segment>();
        if (options.SplitSegments)
        {
            segments.AddRange(SegmentSplitter.Split(text));
            MarkOutlookForward(segments, mime.Subject);
        }
        else if (text.Length > 0)
        {
            segments.Add(new Segment(SegmentKind.Body, text));
        }
        segments.AddRange(forwards);
        if (options.ReadAttachments)
        {
            segments.AddRange(run.Attachments(mime));
        }

        var parts = run.Parts(mime);

        return new Message
        {
            Source = raw.Source,
            Offset = raw.Offset,
            Sha256 = raw.Sha256,
            MessageId = mime.MessageId,
            InReplyTo = mime.InReplyTo,
            References = mime.References,
            From = mime.From,
            To = mime.To,
            Cc = mime.Cc,
            Bcc = mime.Bcc,
            DeliveredTo = mime.DeliveredTo,
            Subject = mime.Subject,
            Date = mime.Date,
            Text = text,
            Links = run.Links.Items,
            Segments = segments,
            Parts = parts,
            Encryption = EncryptedContent.Of(mime),
            // Read last: decoding bodies above adds charset and transfer-encoding defects to the same sink.
            Defects = mime.Defects.Items.ToArray(),
            Labels = raw.Labels,
        };
    }

    /// <summary>
    /// An attachment's name as an attribution line and a defect quote it: one line (a hostile name's line breaks and
    /// control characters made spaces), at most 200 characters.
    /// </summary>
    internal static string NameForAttribution(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "(no name)";
        }

        var name = string.Create(Math.Min(fileName.Length, 200), fileName, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        return name.Trim();
    }

    /// <summary>The attached files read for their text, at most, per message: a message with 500 attachments is a bulk export, not a flyer.</summary>
    public const int MaxAttachmentsRead = 20;

    /// <summary>The defect of an attached file of a readable format that could not be read, or not all of it.</summary>
    public const string AttachmentUnreadable = "attachment-unreadable";

    private static readonly string[] ForwardPrefixes = ["FW:", "FWD:", "RV:", "TR:", "WG:", "I:", "ENC:", "转发:", "转发："];

    /// <summary>
    /// Outlook writes the same header block (or "-----Original Message-----") under a reply and a forward; only
    /// the subject's "FW:" (or a translation: "RV:", "TR:", "WG:", "I:", "ENC:") tells them apart. The first such
    /// quoted block of a forward is the forwarded message.
    /// </summary>
    private static void MarkOutlookForward(List<Segment> segments, string? subject)
    {
        var s = subject.AsSpan().TrimStart();
        var isForward = false;
        foreach (var prefix in ForwardPrefixes)
        {
            isForward |= s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }
        if (!isForward)
        {
            return;
        }
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            if (segment.Kind == SegmentKind.Forward)
            {
                return;
            }
            if (segment.Kind == SegmentKind.Quote)
            {
                // A header block spans lines; an "On … wrote:" attribution is one line and really is a reply.
                if (segment.Attribution?.Contains('\n', StringComparison.Ordinal) == true)
                {
                    segments[k] = segment with { Kind = SegmentKind.Forward };
                }
                return;
            }
        }
    }

    /// <summary>"From: … / Date: … / Subject: …" of an attached message, as a forward's header block reads.</summary>
    private static string Attribution(MimeMessage message)
    {
        var sb = new StringBuilder();
        foreach (var name in (ReadOnlySpan<string>)["From", "Date", "Subject"])
        {
            if (message.Headers.GetValue(name) is { } value)
            {
                if (sb.Length > 0)
                {
                    sb.Append('\n');
                }
                sb.Append(name).Append(": ").Append(value.Trim());
            }
        }
        return sb.ToString();
    }

    /// <summary>The state of one normalisation: options, decoded bodies (each decoded once), links, attached messages.</summary>
    private sealed class Run
    {
        private readonly NormalizeOptions _options;
        private readonly DefectSink _defects;
        private readonly Dictionary<MimeEntity, long> _decodedSizes = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<MimeEntity> _linksScanned = new(ReferenceEqualityComparer.Instance);

        /// <summary>The charset the message's first text part declared: what an attached text file that names none is read in, unless it is UTF-8.</summary>
        public string? TextCharset { get; private set; }

        // Attachments decoded to be read (Attachments), so that Parts hashes them without decoding them again.
        private readonly Dictionary<MimeEntity, byte[]> _attachmentContent = new(ReferenceEqualityComparer.Instance);

        // The text/plain parts' uuencoded files (Decode), listed after their part (Parts).
        private readonly Dictionary<MimeEntity, IReadOnlyList<UuBlock>> _uuBlocks = new(ReferenceEqualityComparer.Instance);

        /// <summary>The media type a uuencoded file is listed under: its "begin" line gives a name and a mode, no type.</summary>
        private const string UuencodedType = "application/octet-stream";

        public Run(NormalizeOptions options, DefectSink defects)
        {
            _options = options;
            _defects = defects;
        }

        public LinkSet Links { get; } = new();

        /// <summary>message/rfc822 parts met while choosing text, in document order; each becomes a Forward segment.</summary>
        public List<MimeMessage> Embedded { get; } = new();

        /// <summary>The readable text of an entity, not yet cleaned up; attachments and attached messages give none.</summary>
        public string TextOf(MimeEntity entity, int depth)
        {
            if (depth > MaxDepth)
            {
                return "";
            }
            if (entity.EmbeddedMessage is { } inner)
            {
                if (Embedded.Count < MaxEmbeddedMessages)
                {
                    Embedded.Add(inner);
                }
                return "";
            }
            if (entity.Children.Count > 0)
            {
                return entity.ContentType.MediaSubtype switch
                {
                    "alternative" => Alternative(entity, depth),
                    "related" => TextOf(RelatedRoot(entity), depth + 1),
                    _ => Mixed(entity, depth),
                };
            }
            if (entity.IsAttachment)
            {
                return "";
            }
            if (entity.ContentType.IsMultipart)
            {
                // A multipart whose boundary never appears (or is missing) has no parts: show its body as text,
                // as mail clients do, rather than lose the message's words.
                return PlainText(entity);
            }
            return LeafKind(entity) switch
            {
                TextKind.Plain => PlainText(entity),
                TextKind.Html => HtmlText(entity),
                TextKind.Calendar => CalendarText.Convert(Decode(entity)),
                _ => "",
            };
        }

        private string Mixed(MimeEntity entity, int depth)
        {
            var sb = new StringBuilder();
            foreach (var child in entity.Children)
            {
                var t = TextOf(child, depth + 1);
                if (string.IsNullOrWhiteSpace(t))
                {
                    continue;
                }
                if (sb.Length > 0)
                {
                    sb.Append("\n\n");
                }
                sb.Append(t);
            }
            return sb.ToString();
        }

        /// <summary>
        /// multipart/alternative: the text/plain version unless it is empty or a stub ("This is an HTML
        /// message"), so that HTML is converted only when it must be; otherwise the richest (last, RFC 2046
        /// section 5.1.4) alternative that gives text, a meeting request's text/calendar last of all (it is the
        /// machine's copy of what the other alternatives say). HTML alternatives are still read for their links.
        /// </summary>
        private string Alternative(MimeEntity entity, int depth)
        {
            string? stub = null;
            foreach (var child in entity.Children)
            {
                if (child.Children.Count == 0 && child.EmbeddedMessage is null && !child.IsAttachment && LeafKind(child) == TextKind.Plain)
                {
                    var plain = PlainText(child);
                    if (!IsStub(plain))
                    {
                        foreach (var other in entity.Children)
                        {
                            ScanLinks(other);
                        }
                        return plain;
                    }
                    stub ??= plain;
                }
            }
            MimeEntity? calendar = null;
            for (var k = entity.Children.Count - 1; k >= 0; k--)
            {
                var child = entity.Children[k];
                if (child.Children.Count == 0 && LeafKind(child) == TextKind.Plain)
                {
                    continue; // already judged a stub
                }
                if (child.Children.Count == 0 && LeafKind(child) == TextKind.Calendar)
                {
                    calendar ??= child;
                    continue;
                }
                var t = TextOf(child, depth + 1);
                if (!string.IsNullOrWhiteSpace(t))
                {
                    return t;
                }
            }
            if (calendar is not null && TextOf(calendar, depth + 1) is { } invitation && !string.IsNullOrWhiteSpace(invitation))
            {
                return invitation;
            }
            return stub ?? "";
        }

        /// <summary>The root of a multipart/related: the part named by its start parameter, else the first (RFC 2387 section 3.2).</summary>
        private static MimeEntity RelatedRoot(MimeEntity entity)
        {
            if (entity.ContentType.Parameters.TryGetValue("start", out var start))
            {
                var id = start.Trim().Trim('<', '>');
                foreach (var child in entity.Children)
                {
                    var cid = child.Headers.GetValue("Content-ID")?.Trim().Trim('<', '>');
                    if (cid is not null && string.Equals(cid, id, StringComparison.Ordinal))
                    {
                        return child;
                    }
                }
            }
            return entity.Children[0];
        }

        private string PlainText(MimeEntity entity)
        {
            var text = Decode(entity, cutUuencoded: true);
            var parameters = entity.ContentType.Parameters;
            if (parameters.TryGetValue("format", out var format) && format.Equals("flowed", StringComparison.OrdinalIgnoreCase))
            {
                var delSp = parameters.TryGetValue("delsp", out var d) && d.Equals("yes", StringComparison.OrdinalIgnoreCase);
                return FlowedText.Unflow(text, delSp);
            }
            return text;
        }

        private string HtmlText(MimeEntity entity)
        {
            var html = Decode(entity);
            if (_options.ExtractLinks && _linksScanned.Add(entity))
            {
                LinkExtractor.AddFromHtml(html, Links);
            }
            return _options.HtmlToText ? HtmlToText.Convert(html) : "";
        }

        /// <summary>Reads hrefs from every inline HTML part under <paramref name="entity"/> without converting it.</summary>
        private void ScanLinks(MimeEntity entity)
        {
            if (!_options.ExtractLinks)
            {
                return;
            }
            foreach (var leaf in entity.Leaves(intoMessages: false))
            {
                if (leaf.EmbeddedMessage is null && !leaf.IsAttachment && LeafKind(leaf) == TextKind.Html && _linksScanned.Add(leaf))
                {
                    LinkExtractor.AddFromHtml(Decode(leaf), Links);
                }
            }
        }

        private string Decode(MimeEntity entity, bool cutUuencoded = false)
        {
            var content = entity.GetContent(_defects);
            _decodedSizes[entity] = content.Length;
            if (cutUuencoded && UuEncoding.FindBlocks(content) is { Count: > 0 } blocks)
            {
                // Files sent uuencoded inside the text, as pre-MIME mail and some old clients and spam still attach
                // them: cut out of the text, which they would fill with lines of encoded characters, and listed as
                // the message's parts (Parts), each with its name, size and SHA-256.
                _uuBlocks[entity] = blocks;
                content = WithoutBlocks(content, blocks);
            }

            var charset = entity.ContentType.Charset;
            if (charset is null && entity.ContentType.MediaSubtype == "html")
            {
                charset = HtmlCharset.Sniff(content);
            }

            TextCharset ??= charset;
            return Charsets.Decode(content, charset, _defects, entity.BodyOffset);
        }

        /// <summary>
        /// The readable text of each attached file (<see cref="AttachmentText"/>), attached messages' files included,
        /// in document order, at most <see cref="MaxAttachmentsRead"/>: each an <see cref="SegmentKind.Attachment"/>
        /// segment whose attribution names the file. A file of a readable format that could not be read (encrypted,
        /// damaged, too large) is a defect, `attachment-unreadable`, naming it and what was wrong.
        /// </summary>
        public List<Segment> Attachments(MimeMessage mime)
        {
            var segments = new List<Segment>();
            foreach (var leaf in mime.Leaves(intoMessages: true))
            {
                if (leaf.EmbeddedMessage is not null || leaf.ContentType.IsMultipart || !(leaf.IsAttachment || LeafKind(leaf) == TextKind.None))
                {
                    continue; // the message's own text, read above
                }

                if (leaf.ContentType.MediaType is "image" or "audio" or "video" or "font")
                {
                    continue; // no text without OCR or transcription: not decoded for nothing
                }

                var content = leaf.GetContent(_defects);
                _attachmentContent[leaf] = content;
                var name = NameForAttribution(leaf.FileName);
                AttachmentReading? read;
                try
                {
                    read = AttachmentText.Read(content, leaf.ContentType.MimeType, leaf.FileName, leaf.ContentType.Charset, TextCharset);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The readers never throw on what they were tested on; a file that finds a fault in one costs its
                    // text, named as a defect, not the message or the scan.
                    _defects.Add(AttachmentUnreadable, $"{name}: the reader failed ({ex.GetType().Name}: {ex.Message})", leaf.BodyOffset);
                    continue;
                }

                if (read is not { } reading)
                {
                    continue; // an image, an archive: nothing SolidWall reads
                }

                if (reading.Problem is { } problem)
                {
                    _defects.Add(AttachmentUnreadable, $"{name} ({reading.Format}): {problem}", leaf.BodyOffset);
                }

                if (reading.Text.Length > 0)
                {
                    segments.Add(new Segment(SegmentKind.Attachment, reading.Text, $"Attached file: {name} ({reading.Format})"));
                    if (segments.Count == MaxAttachmentsRead)
                    {
                        break;
                    }
                }
            }

            return segments;
        }

        /// <summary>Every leaf, attached messages' parts included, with sizes and (for attachments) hashes.</summary>
        public IReadOnlyList<PartInfo> Parts(MimeMessage mime)
        {
            var parts = new List<PartInfo>();
            foreach (var leaf in mime.Leaves(intoMessages: true))
            {
                var isAttachment = leaf.IsAttachment;
                string? sha = null;
                long size;
                if (isAttachment && _options.HashAttachments)
                {
                    // Decoded once: an attachment read for its text is hashed from the same bytes.
                    var content = _attachmentContent.TryGetValue(leaf, out var read) ? read : leaf.GetContent(_defects);
                    size = content.Length;
                    sha = Convert.ToHexStringLower(SHA256.HashData(content));
                }
                else if (_decodedSizes.TryGetValue(leaf, out var known))
                {
                    size = known;
                }
                else
                {
                    size = DecodedSize(leaf);
                }
                parts.Add(new PartInfo(leaf.ContentType.MimeType, leaf.ContentType.Charset, size, leaf.FileName, sha, isAttachment));
                if (_uuBlocks.TryGetValue(leaf, out var blocks))
                {
                    foreach (var block in blocks)
                    {
                        var blockSha = _options.HashAttachments ? Convert.ToHexStringLower(SHA256.HashData(block.Content)) : null;
                        parts.Add(new PartInfo(UuencodedType, null, block.Content.Length, block.FileName, blockSha, IsAttachment: true));
                    }
                }
            }
            return parts;
        }

        // The content without the blocks' lines; each block starts a line and ends after one, so the lines around it stay apart.
        private static byte[] WithoutBlocks(byte[] content, IReadOnlyList<UuBlock> blocks)
        {
            var kept = new byte[content.Length - blocks.Sum(b => b.End - b.Start)];
            var (from, to) = (0, 0);
            foreach (var block in blocks)
            {
                content.AsSpan(from, block.Start - from).CopyTo(kept.AsSpan(to));
                to += block.Start - from;
                from = block.End;
            }

            content.AsSpan(from).CopyTo(kept.AsSpan(to));
            return kept;
        }

        /// <summary>The decoded size without decoding where the encoding allows: base64 from its alphabet count, identity encodings as they stand.</summary>
        private long DecodedSize(MimeEntity leaf)
        {
            var body = leaf.Body.Span;
            switch (leaf.TransferEncoding)
            {
                case "base64":
                    long alphabet = 0;
                    foreach (var b in body)
                    {
                        if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/')
                        {
                            alphabet++;
                        }
                    }
                    return alphabet * 3 / 4;
                case "7bit" or "8bit" or "binary" or "":
                    return body.Length;
                default:
                    return leaf.GetContent(_defects).LongLength;
            }
        }
    }

    private enum TextKind : byte
    {
        None,
        Plain,
        Html,
        Calendar,
    }

    private static TextKind LeafKind(MimeEntity entity)
    {
        var type = entity.ContentType;
        if (type.MediaType != "text")
        {
            return TextKind.None;
        }
        return type.MediaSubtype switch
        {
            "plain" or "enriched" or "richtext" => TextKind.Plain,
            "html" => TextKind.Html,
            "calendar" => TextKind.Calendar,
            _ => TextKind.None,
        };
    }

    private static readonly string[] StubPhrases =
    [
        "html message", "html format", "html e-mail", "html email", "html-formatted", "html formatted",
        "view this email", "view this e-mail", "view this message", "view it in your browser", "view it online",
        "view the online version", "does not support html", "doesn't support html", "enable html", "html-capable",
        "html capable", "formato html", "ver este correo", "ver este mensaje", "ver el mensaje", "admite html",
        "no soporta html",
    ];

    /// <summary>
    /// A text/plain alternative that says nothing but "read the HTML": empty, or short and made of one of the
    /// phrases mailers put there. Choosing it would lose the whole message.
    /// </summary>
    internal static bool IsStub(string plain)
    {
        var trimmed = plain.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }
        if (trimmed.Length > 400)
        {
            return false;
        }
        foreach (var phrase in StubPhrases)
        {
            if (trimmed.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
