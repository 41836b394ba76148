namespace SolidWall.Mime;

/// <summary>
/// Parses one message from its bytes into a tree of entities. A state machine over the byte buffer: it
/// allocates no string per line, slices bodies instead of copying them, and is lenient the way mail clients
/// are, recording each repair as a defect. Offsets everywhere are from the start of the top-level message.
/// </summary>
public static class MimeParser
{
    public static MimeMessage Parse(ReadOnlyMemory<byte> message, MimeLimits? limits = null)
    {
        var state = new State(message, limits ?? MimeLimits.Default, new DefectSink());
        return (MimeMessage)state.ParseEntity(0, message.Length, 0, isMessage: true, ContentType.TextPlainDefault);
    }

    private sealed class State
    {
        private readonly ReadOnlyMemory<byte> _buffer;
        private readonly MimeLimits _limits;
        private readonly DefectSink _defects;
        private int _parts;

        public State(ReadOnlyMemory<byte> buffer, MimeLimits limits, DefectSink defects)
        {
            _buffer = buffer;
            _limits = limits;
            _defects = defects;
        }

        public MimeEntity ParseEntity(int start, int end, int depth, bool isMessage, ContentType defaultType)
        {
            var headers = ParseHeaders(start, end, isMessage, out var bodyStart);

            var contentTypeField = headers.Get("Content-Type");
            var contentType = contentTypeField is null
                ? defaultType
                : ContentType.Parse(contentTypeField.RawValue.Span, _defects, contentTypeField.Offset);
            var dispositionField = headers.Get("Content-Disposition");
            var disposition = dispositionField is null
                ? null
                : ContentDisposition.Parse(dispositionField.RawValue.Span, _defects, dispositionField.Offset);
            var encoding = TransferEncodingOf(headers);

            MimeEntity entity = isMessage
                ? new MimeMessage(headers, contentType, disposition, encoding, _buffer[start..end], _defects)
                : new MimeEntity(headers, contentType, disposition, encoding);
            entity.Offset = start;
            entity.BodyOffset = bodyStart;
            entity.Body = _buffer[bodyStart..end];

            if (++_parts > _limits.MaxParts)
            {
                if (_parts == _limits.MaxParts + 1)
                {
                    _defects.Add("parts-too-many", $"more than {_limits.MaxParts} MIME parts; the rest is kept as opaque bodies", start);
                }
                return entity;
            }

            if (contentType.IsMultipart || IsEmbeddedMessage(contentType))
            {
                if (depth >= _limits.MaxDepth)
                {
                    _defects.Add("nesting-too-deep", $"{contentType.MimeType} nested more than {_limits.MaxDepth} levels; kept as an opaque body", start);
                    return entity;
                }
                if (contentType.IsMultipart)
                {
                    ParseMultipart(entity, bodyStart, end, depth);
                }
                else
                {
                    ParseEmbeddedMessage(entity, bodyStart, end, depth);
                }
            }
            return entity;
        }

        private static bool IsEmbeddedMessage(ContentType type) =>
            type.MediaType == "message" && (type.MediaSubtype is "rfc822" or "global" or "news");

        private static string TransferEncodingOf(HeaderList headers)
        {
            var field = headers.Get("Content-Transfer-Encoding");
            if (field is null)
            {
                return "7bit";
            }
            var value = field.Value.Trim().ToLowerInvariant();
            return value.Length == 0 ? "7bit" : value;
        }

        private void ParseEmbeddedMessage(MimeEntity entity, int bodyStart, int end, int depth)
        {
            if (entity.TransferEncoding is "base64" or "quoted-printable")
            {
                // RFC 2046 section 5.2.1 forbids encoding message/rfc822, but some clients do; decode and
                // read the result as a message of its own, since offsets into the outer bytes no longer apply.
                _defects.Add("message-part-encoded", $"message/{entity.ContentType.MediaSubtype} part is {entity.TransferEncoding}-encoded", bodyStart);
                var decoded = TransferEncodings.Decode(_buffer.Span[bodyStart..end], entity.TransferEncoding, _defects, bodyStart);
                var inner = new State(decoded, _limits, _defects) { _parts = _parts };
                entity.EmbeddedMessage = (MimeMessage)inner.ParseEntity(0, decoded.Length, depth + 1, isMessage: true, ContentType.TextPlainDefault);
                _parts = inner._parts;
                return;
            }
            entity.EmbeddedMessage = (MimeMessage)ParseEntity(bodyStart, end, depth + 1, isMessage: true, ContentType.TextPlainDefault);
        }

        private void ParseMultipart(MimeEntity entity, int bodyStart, int end, int depth)
        {
            var boundaryText = entity.ContentType.Boundary;
            if (string.IsNullOrEmpty(boundaryText))
            {
                _defects.Add("boundary-missing", $"{entity.ContentType.MimeType} has no boundary parameter; read as a single body", entity.Offset);
                return;
            }
            // Boundaries are ASCII by RFC 2046; a non-ASCII one is compared as the UTF-8 the sender most likely wrote.
            var boundary = System.Text.Encoding.UTF8.GetBytes("--" + boundaryText);
            var childType = entity.ContentType.MediaSubtype == "digest" ? ContentType.MessageRfc822 : ContentType.TextPlainDefault;

            if (!FindDelimiter(boundary, bodyStart, bodyStart, end, out var lineStart, out var next, out var isClose))
            {
                _defects.Add("boundary-start-missing", $"no line '--{boundaryText}' in the body of {entity.ContentType.MimeType}; read as a single body", bodyStart);
                return;
            }

            entity.Preamble = _buffer[bodyStart..ContentEndBefore(lineStart, bodyStart)];
            var children = new List<MimeEntity>();
            while (!isClose)
            {
                var partStart = next;
                if (!FindDelimiter(boundary, partStart, bodyStart, end, out lineStart, out next, out isClose))
                {
                    _defects.Add("boundary-final-missing", $"no closing '--{boundaryText}--'; the last part runs to the end", end);
                    children.Add(ParseEntity(partStart, end, depth + 1, isMessage: false, childType));
                    entity.Children = children;
                    return;
                }
                children.Add(ParseEntity(partStart, ContentEndBefore(lineStart, partStart), depth + 1, isMessage: false, childType));
            }
            entity.Children = children;
            entity.Epilogue = _buffer[next..end];
        }

        /// <summary>
        /// The end of the content before a delimiter line: the line break in front of the delimiter belongs to
        /// the delimiter (RFC 2046 section 5.1.1).
        /// </summary>
        private int ContentEndBefore(int delimiterLineStart, int regionStart)
        {
            var span = _buffer.Span;
            var e = delimiterLineStart;
            if (e > regionStart && span[e - 1] == (byte)'\n')
            {
                e--;
                if (e > regionStart && span[e - 1] == (byte)'\r')
                {
                    e--;
                }
            }
            else if (e > regionStart && span[e - 1] == (byte)'\r')
            {
                e--;
            }
            return e;
        }

        /// <summary>
        /// Finds the next line that is exactly "--boundary" or "--boundary--", optionally followed by spaces or
        /// tabs (transport padding), at or after <paramref name="from"/>.
        /// </summary>
        private bool FindDelimiter(byte[] boundary, int from, int regionStart, int end, out int lineStart, out int next, out bool isClose)
        {
            var span = _buffer.Span;
            var pos = from;
            while (pos < end)
            {
                var rel = span[pos..end].IndexOf(boundary);
                if (rel < 0)
                {
                    break;
                }
                var q = pos + rel;
                var atLineStart = q == regionStart || q == from || span[q - 1] == (byte)'\n' || span[q - 1] == (byte)'\r';
                if (atLineStart)
                {
                    var i = q + boundary.Length;
                    var close = false;
                    if (i + 2 <= end && span[i] == (byte)'-' && span[i + 1] == (byte)'-')
                    {
                        close = true;
                        i += 2;
                    }
                    while (i < end && (span[i] == (byte)' ' || span[i] == (byte)'\t'))
                    {
                        i++;
                    }
                    if (i == end || span[i] == (byte)'\n' || span[i] == (byte)'\r')
                    {
                        lineStart = q;
                        next = SkipLineBreak(span, i, end);
                        isClose = close;
                        return true;
                    }
                }
                pos = q + 1;
            }
            lineStart = next = end;
            isClose = false;
            return false;
        }

        private static int SkipLineBreak(ReadOnlySpan<byte> span, int i, int end)
        {
            if (i < end && span[i] == (byte)'\r')
            {
                i++;
            }
            if (i < end && span[i] == (byte)'\n')
            {
                i++;
            }
            return i;
        }

        private HeaderList ParseHeaders(int start, int end, bool isMessage, out int bodyStart)
        {
            var span = _buffer.Span;
            var fields = new List<HeaderField>();
            var pos = start;
            bodyStart = end;

            // An mbox "From " envelope line in front of a message is not a header (Python's parser treats it the same).
            if (isMessage && end - pos >= 5 && span.Slice(pos, 5).SequenceEqual("From "u8))
            {
                pos = NextLine(span, pos, end, out _);
            }

            int fieldStart = -1, nameEnd = -1, valueStart = -1, fieldEnd = -1;
            var truncatedReported = false;
            var tooManyReported = false;
            while (true)
            {
                if (pos >= end)
                {
                    bodyStart = end;
                    break;
                }
                var lineStart = pos;
                var next = NextLine(span, pos, end, out var lineEnd);
                if (lineEnd == lineStart)
                {
                    bodyStart = next;
                    break;
                }
                var b = span[lineStart];
                if (b == (byte)' ' || b == (byte)'\t')
                {
                    if (fieldStart >= 0)
                    {
                        fieldEnd = lineEnd;
                    }
                    else
                    {
                        _defects.Add("header-continuation-first", "the first header line starts with white space; ignored", lineStart);
                    }
                    pos = next;
                    continue;
                }

                var i = lineStart;
                while (i < lineEnd && span[i] > 0x20 && span[i] < 0x7F && span[i] != (byte)':')
                {
                    i++;
                }
                var colon = i;
                while (colon < lineEnd && (span[colon] == (byte)' ' || span[colon] == (byte)'\t'))
                {
                    colon++;
                }
                if (i > lineStart && colon < lineEnd && span[colon] == (byte)':')
                {
                    AddField(fields, fieldStart, nameEnd, valueStart, fieldEnd, ref truncatedReported, ref tooManyReported);
                    fieldStart = lineStart;
                    nameEnd = i;
                    valueStart = colon + 1;
                    fieldEnd = lineEnd;
                    pos = next;
                    continue;
                }
                if (lineEnd - lineStart >= 5 && span.Slice(lineStart, 5).SequenceEqual("From "u8))
                {
                    _defects.Add("header-envelope-misplaced", "a 'From ' envelope line inside the header; ignored", lineStart);
                    pos = next;
                    continue;
                }
                // Not a header and not the empty separator line: the body starts here (as mail clients read it).
                _defects.Add("header-separator-missing", "a line that is not a header field ends the header without an empty line", lineStart);
                bodyStart = lineStart;
                break;
            }
            AddField(fields, fieldStart, nameEnd, valueStart, fieldEnd, ref truncatedReported, ref tooManyReported);
            return fields.Count == 0 ? new HeaderList() : new HeaderList(fields);
        }

        private void AddField(List<HeaderField> fields, int fieldStart, int nameEnd, int valueStart, int fieldEnd, ref bool truncatedReported, ref bool tooManyReported)
        {
            if (fieldStart < 0)
            {
                return;
            }
            if (fields.Count >= _limits.MaxHeaders)
            {
                if (!tooManyReported)
                {
                    tooManyReported = true;
                    _defects.Add("headers-too-many", $"more than {_limits.MaxHeaders} header fields; the rest are skipped", fieldStart);
                }
                return;
            }
            if (fieldEnd - fieldStart > _limits.MaxHeaderBytes)
            {
                if (!truncatedReported)
                {
                    truncatedReported = true;
                    _defects.Add("header-too-long", $"a header field longer than {_limits.MaxHeaderBytes} bytes is cut short", fieldStart);
                }
                fieldEnd = Math.Max(valueStart, fieldStart + _limits.MaxHeaderBytes);
            }
            var name = HeaderNames.Get(_buffer.Span[fieldStart..nameEnd]);
            fields.Add(new HeaderField(name, _buffer[valueStart..fieldEnd], fieldStart));
        }

        /// <summary>Returns the start of the next line; <paramref name="lineEnd"/> is where this line's content ends (LF, CRLF or a bare CR).</summary>
        private static int NextLine(ReadOnlySpan<byte> span, int pos, int end, out int lineEnd)
        {
            var rel = span[pos..end].IndexOfAny((byte)'\n', (byte)'\r');
            if (rel < 0)
            {
                lineEnd = end;
                return end;
            }
            lineEnd = pos + rel;
            if (span[lineEnd] == (byte)'\r')
            {
                return lineEnd + 1 < end && span[lineEnd + 1] == (byte)'\n' ? lineEnd + 2 : lineEnd + 1;
            }
            return lineEnd + 1;
        }
    }
}
