using System.Text.Encodings.Web;
using System.Text.Json;
using SolidWall.Core;
using SolidWall.Mime;

namespace SolidWall.Cli;

/// <summary>Writes the normalised view of each message as one JSON object per line (the format docs/FORMATS.md describes).</summary>
internal sealed class MessageJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public MessageJsonWriter(TextWriter output)
    {
        output.Flush();
        _stream = output == Console.Out ? Console.OpenStandardOutput() : new TextWriterStream(output);
        _writer = new Utf8JsonWriter(_stream, Options);
    }

    public void Write(Message m)
    {
        var w = _writer;
        w.WriteStartObject();
        w.WriteString("source", m.Source);
        w.WriteNumber("offset", m.Offset);
        w.WriteString("sha256", m.Sha256);
        w.WriteString("messageId", m.MessageId);
        WriteAddresses(w, "from", m.From);
        WriteAddresses(w, "to", m.To);
        WriteAddresses(w, "cc", m.Cc);
        w.WriteString("subject", m.Subject);
        if (m.Date is { } date)
        {
            w.WriteString("date", date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("date");
        }
        w.WriteString("text", m.Text);
        w.WriteStartArray("links");
        foreach (var link in m.Links)
        {
            w.WriteStringValue(link);
        }
        w.WriteEndArray();
        w.WriteStartArray("segments");
        foreach (var s in m.Segments)
        {
            w.WriteStartObject();
            w.WriteString("kind", s.Kind switch { SegmentKind.Quote => "quote", SegmentKind.Forward => "forward", SegmentKind.Attachment => "attachment", _ => "body" });
            w.WriteString("text", s.Text);
            if (s.Attribution is not null)
            {
                w.WriteString("attribution", s.Attribution);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("parts");
        foreach (var p in m.Parts)
        {
            w.WriteStartObject();
            w.WriteString("contentType", p.ContentType);
            w.WriteString("charset", p.Charset);
            w.WriteNumber("size", p.Size);
            w.WriteString("fileName", p.FileName);
            if (p.Sha256 is not null)
            {
                w.WriteString("sha256", p.Sha256);
            }
            w.WriteBoolean("attachment", p.IsAttachment);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("defects");
        foreach (var d in m.Defects)
        {
            w.WriteStringValue(d.ToString());
        }
        w.WriteEndArray();
        if (m.Labels.Count > 0)
        {
            w.WriteStartArray("labels");
            foreach (var l in m.Labels)
            {
                w.WriteStringValue(l);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.Flush();
        _stream.WriteByte((byte)'\n');
        w.Reset();
    }

    private static void WriteAddresses(Utf8JsonWriter w, string name, IReadOnlyList<MailboxAddress> list)
    {
        w.WriteStartArray(name);
        foreach (var a in list)
        {
            w.WriteStringValue(a.Address);
        }
        w.WriteEndArray();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Flush();
        if (_stream is TextWriterStream)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Lets tests capture the output through a TextWriter.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        // A decoder, not Encoding.GetString, because a chunk may end inside a multi-byte character.
        private readonly System.Text.Decoder _decoder = System.Text.Encoding.UTF8.GetDecoder();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            var chars = new char[_decoder.GetCharCount(buffer, offset, count)];
            _decoder.GetChars(buffer, offset, count, chars, 0);
            writer.Write(chars);
        }
    }
}
