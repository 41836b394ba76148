using System.Buffers;
using System.Text;
using System.Text.Json;
using SolidWall.Core;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// A message's segments as a JSON array. Most segments (the author's own words, unquoted forwards) are a run of the
/// message's text, so they are stored as <c>{"kind":"body","start":S,"length":N}</c> (UTF-16 code units into the
/// text) instead of a second copy of it; a segment that is not (quotes lose their "&gt;" marks) keeps its
/// <c>"text"</c>. An attached file's text is never in the message's text: the attachments' texts are joined, a blank line
/// apart, into <c>message_texts.attachments</c> (which the full-text index reads), and each attachment segment is a run of
/// that, <c>{"kind":"attachment","from":S,"length":N}</c>. An <c>"attribution"</c> is written when the segment has one.
/// </summary>
internal sealed class SegmentCodec
{
    private static readonly string[] KindNames = ["body", "quote", "forward", "attachment"];

    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private readonly Utf8JsonWriter _writer;

    public SegmentCodec()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    /// <param name="attachments">The attachment segments' texts joined a blank line apart; null when there is none.</param>
    public string Write(IReadOnlyList<Segment> segments, string text, out string? attachments)
    {
        attachments = null;
        if (segments.Count == 0)
        {
            return "[]";
        }

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        var cursor = 0;
        foreach (var segment in segments)
        {
            _writer.WriteStartObject();
            _writer.WriteString("kind", KindNames[(int)segment.Kind]);
            if (segment.Kind == SegmentKind.Attachment)
            {
                attachments = attachments is null ? segment.Text : string.Concat(attachments, AttachmentSeparator, segment.Text);
                _writer.WriteNumber("from", attachments.Length - segment.Text.Length);
                _writer.WriteNumber("length", segment.Text.Length);
                WriteAttribution(segment);
                _writer.WriteEndObject();
                continue;
            }

            var start = segment.Text.Length == 0 ? -1 : text.IndexOf(segment.Text, cursor, StringComparison.Ordinal);
            if (start < 0 && cursor > 0 && segment.Text.Length > 0)
            {
                start = text.IndexOf(segment.Text, StringComparison.Ordinal);
            }

            if (start >= 0)
            {
                _writer.WriteNumber("start", start);
                _writer.WriteNumber("length", segment.Text.Length);
                cursor = start + segment.Text.Length;
            }
            else
            {
                _writer.WriteString("text", segment.Text);
            }

            WriteAttribution(segment);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private void WriteAttribution(Segment segment)
    {
        if (segment.Attribution is not null)
        {
            _writer.WriteString("attribution", segment.Attribution);
        }
    }

    /// <summary>What stands between two attachments' texts in <c>message_texts.attachments</c>.</summary>
    private const string AttachmentSeparator = "\n\n";

    public static Segment[] Read(string? json, string text, string? attachments, string sha256)
    {
        if (json is null || json.Length <= 2)
        {
            return [];
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var list = new List<Segment>();
        SegmentKind kind = default;
        string? segmentText = null;
        string? attribution = null;
        int start = -1, from = -1, length = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    (kind, segmentText, attribution, start, from, length) = (SegmentKind.Body, null, null, -1, -1, 0);
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "kind":
                            kind = ParseKind(reader.GetString(), sha256);
                            break;
                        case "text":
                            segmentText = reader.GetString();
                            break;
                        case "attribution":
                            attribution = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                            break;
                        case "start":
                            start = reader.GetInt32();
                            break;
                        case "from":
                            from = reader.GetInt32();
                            break;
                        case "length":
                            length = reader.GetInt32();
                            break;
                        default:
                            reader.Skip();
                            break;
                    }

                    break;
                case JsonTokenType.EndObject:
                    if (segmentText is null && from >= 0)
                    {
                        if (attachments is null || length < 0 || from + length > attachments.Length)
                        {
                            throw new CaseStoreException($"message {sha256}: an attachment segment points at {from}+{length} outside the message's attachments ({attachments?.Length ?? 0} characters); the database is damaged");
                        }

                        segmentText = attachments.Substring(from, length);
                    }
                    else if (segmentText is null)
                    {
                        if (start < 0 || length < 0 || start + length > text.Length)
                        {
                            throw new CaseStoreException($"message {sha256}: a segment points at {start}+{length} outside the message's text ({text.Length} characters); the database is damaged");
                        }

                        segmentText = text.Substring(start, length);
                    }

                    list.Add(new Segment(kind, segmentText, attribution));
                    break;
            }
        }

        return [.. list];
    }

    private static SegmentKind ParseKind(string? name, string sha256) => name switch
    {
        "body" => SegmentKind.Body,
        "quote" => SegmentKind.Quote,
        "forward" => SegmentKind.Forward,
        "attachment" => SegmentKind.Attachment,
        _ => throw new CaseStoreException($"message {sha256}: unknown segment kind '{name}'"),
    };
}
