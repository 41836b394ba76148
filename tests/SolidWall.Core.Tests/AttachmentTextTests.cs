using System.Security.Cryptography;
using System.Text;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Text;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Tests;

/// <summary>Attached files read for their text (<see cref="AttachmentText"/>, <see cref="MessageNormalizer"/>), and the detector reading them.</summary>
public sealed class AttachmentTextTests
{
    private static byte[] Pdf(params string[] lines) => SolidWall.Core.Demo.DemoPdf.Of(lines);

    private static Message Normalize(string body, NormalizeOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body.Replace("\n", "\r\n", StringComparison.Ordinal));
        return MessageNormalizer.Normalize(MimeParser.Parse(bytes), new RawMessage("test.eml", 0, bytes), options ?? NormalizeOptions.Default);
    }

    /// <summary>A message from a teacher with a one-line note and the given parts attached (type, name, base64 or plain content).</summary>
    private static string WithAttachments(string note, params (string Type, string Name, string Content, bool Base64)[] files)
    {
        var sb = new StringBuilder("""
            From: Gail Henshaw <g.henshaw@lakeshore-schools.example>
            To: harborview-advisory@students.lakeshore-schools.example
            Subject: for advisory
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8


            """);
        sb.Append(note).Append('\n');
        foreach (var (type, name, content, base64) in files)
        {
            sb.Append("--b1\n");
            sb.Append("Content-Type: ").Append(type).Append("; name=\"").Append(name).Append("\"\n");
            sb.Append("Content-Disposition: attachment; filename=\"").Append(name).Append("\"\n");
            if (base64)
            {
                sb.Append("Content-Transfer-Encoding: base64\n");
            }

            sb.Append('\n').Append(content).Append('\n');
        }

        sb.Append("--b1--\n");
        return sb.ToString();
    }

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void The_bytes_decide_the_format_not_the_name()
    {
        Assert.Equal("PDF", AttachmentText.Sniff(Pdf("x"), "application/octet-stream", "scan.jpg"));
        Assert.Equal("PDF", AttachmentText.Sniff([.. "junk before the header\n"u8, .. Pdf("x")], null, null));
        Assert.Null(AttachmentText.Sniff("GIF89a...."u8, "application/pdf", "flyer.pdf"));
        Assert.Null(AttachmentText.Sniff("PK\u0003\u0004 not an office file"u8, "application/zip", "photos.zip"));
        Assert.Equal("text", AttachmentText.Sniff("Sign-up sheet"u8, "text/plain", null));
        Assert.Equal("text", AttachmentText.Sniff("a,b"u8, "application/octet-stream", "roster.CSV"));
        Assert.Equal("HTML", AttachmentText.Sniff("<p>hi</p>"u8, "application/octet-stream", "flyer.htm"));
        Assert.Equal("iCalendar", AttachmentText.Sniff("BEGIN:VCALENDAR"u8, "text/calendar", "invite.ics"));
        Assert.Null(AttachmentText.Sniff([0xFF, 0xD8, 0xFF], "image/jpeg", "flyer.jpg"));
    }

    [Fact]
    public void A_pdf_flyer_sent_as_octet_stream_becomes_an_attachment_segment_and_the_text_stays_the_note()
    {
        var pdf = Pdf("Spring Externship Program: 12 hours a week, for class credit", "Paid for by Friends of Dana Ortiz");
        var m = Normalize(WithAttachments("Please share with your advisories.", ("application/octet-stream", "externship.pdf", Base64(pdf), true)));

        Assert.Equal("Please share with your advisories.", m.Text);
        var attached = Assert.Single(m.Segments, s => s.Kind == SegmentKind.Attachment);
        Assert.Equal("Attached file: externship.pdf (PDF)", attached.Attribution);
        Assert.Contains("Spring Externship Program: 12 hours a week, for class credit", attached.Text, StringComparison.Ordinal);
        Assert.Contains("Paid for by Friends of Dana Ortiz", attached.Text, StringComparison.Ordinal);
        Assert.True(attached.Text.IndexOf("Spring", StringComparison.Ordinal) < attached.Text.IndexOf("Paid for", StringComparison.Ordinal));

        // Still listed and hashed as before, from the same decoded bytes.
        var part = Assert.Single(m.Parts, p => p.IsAttachment);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), part.Sha256);
        Assert.Equal(pdf.Length, part.Size);
        Assert.Empty(m.Defects);
    }

    [Fact]
    public void Text_html_and_calendar_attachments_are_read_images_are_not()
    {
        var m = Normalize(WithAttachments(
            "FYI",
            ("text/plain", "shifts.txt", "Canvass shifts Saturday 10-2, sign up with Kelsey.", false),
            ("text/html", "flyer.html", "<html><body><h1>Rally for Dana</h1><p>Join us <b>Friday</b> at 6 PM.</p><script>alert(1)</script></body></html>", false),
            ("image/png", "logo.png", Base64([0x89, 0x50, 0x4E, 0x47]), true),
            ("text/calendar", "rally.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Ortiz rally\nLOCATION:Plaza Park\nDTSTART:20270210T180000Z\nEND:VEVENT\nEND:VCALENDAR", false)));

        var attached = m.Segments.Where(s => s.Kind == SegmentKind.Attachment).ToArray();
        Assert.Equal(["Attached file: shifts.txt (text)", "Attached file: flyer.html (HTML)", "Attached file: rally.ics (iCalendar)"], attached.Select(s => s.Attribution));
        Assert.Equal("Canvass shifts Saturday 10-2, sign up with Kelsey.", attached[0].Text);
        Assert.Contains("Rally for Dana", attached[1].Text, StringComparison.Ordinal);
        Assert.Contains("Join us Friday at 6 PM.", attached[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", attached[1].Text, StringComparison.Ordinal);
        Assert.Contains("Ortiz rally", attached[2].Text, StringComparison.Ordinal);
        Assert.Contains("Plaza Park", attached[2].Text, StringComparison.Ordinal);
        Assert.Equal("FYI", m.Text);
        Assert.Equal(4, m.Parts.Count(p => p.IsAttachment));
    }

    [Fact]
    public void A_text_file_that_names_no_charset_is_read_in_the_messages_own_unless_it_is_utf8()
    {
        var cp1251 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var list = Convert.ToBase64String(cp1251.GetBytes("Древний Египет\nПирамида Хеопса"));
        var utf8 = Convert.ToBase64String(Encoding.UTF8.GetBytes("Голосуйте за Ортиса"));
        var body = $"""
            From: a@b.example
            To: c@d.example
            Subject: list
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset="windows-1251"
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(cp1251.GetBytes("Список во вложении."))}
            --b
            Content-Type: text/plain; name="list.txt"
            Content-Disposition: attachment; filename="list.txt"
            Content-Transfer-Encoding: base64

            {list}
            --b
            Content-Type: text/plain; name="ask.txt"
            Content-Disposition: attachment; filename="ask.txt"
            Content-Transfer-Encoding: base64

            {utf8}
            --b--

            """;
        var m = Normalize(body);
        Assert.Equal("Список во вложении.", m.Text);
        var attached = m.Segments.Where(s => s.Kind == SegmentKind.Attachment).Select(s => s.Text).ToArray();
        Assert.Equal(["Древний Египет\nПирамида Хеопса", "Голосуйте за Ортиса"], attached);
    }

    [Fact]
    public void A_damaged_pdf_is_a_defect_naming_the_file_and_the_rest_of_the_message_is_read()
    {
        var pdf = Pdf("Vote for Dana Ortiz");
        var damaged = pdf[..(pdf.Length / 3)];
        var m = Normalize(WithAttachments("See attached.", ("application/pdf", "flyer.pdf", Base64(damaged), true)));

        Assert.Equal("See attached.", m.Text);
        var defect = Assert.Single(m.Defects, d => d.Kind == MessageNormalizer.AttachmentUnreadable);
        Assert.StartsWith("flyer.pdf (PDF): ", defect.Detail, StringComparison.Ordinal);
        Assert.True(defect.Offset > 0);
    }

    [Fact]
    public void Reading_attachments_can_be_turned_off()
    {
        var m = Normalize(WithAttachments("FYI", ("text/plain", "shifts.txt", "Canvass shifts Saturday.", false)), NormalizeOptions.Default with { ReadAttachments = false });
        Assert.DoesNotContain(m.Segments, s => s.Kind == SegmentKind.Attachment);
        Assert.Single(m.Parts, p => p.IsAttachment);
    }

    [Fact]
    public void At_most_twenty_attachments_are_read()
    {
        var files = Enumerable.Range(1, 25).Select(i => ("text/plain", $"note{i}.txt", $"Note number {i}.", false)).ToArray();
        var m = Normalize(WithAttachments("Many notes", files));
        var attached = m.Segments.Where(s => s.Kind == SegmentKind.Attachment).ToArray();
        Assert.Equal(MessageNormalizer.MaxAttachmentsRead, attached.Length);
        Assert.Equal("Note number 1.", attached[0].Text);
        Assert.Equal("Note number 20.", attached[^1].Text);
        Assert.Equal(25, m.Parts.Count(p => p.IsAttachment));
    }

    [Fact]
    public void An_attachments_name_is_one_line_in_its_attribution()
    {
        var m = Normalize(WithAttachments("FYI", ("text/plain", "a=0D=0Ab.txt", "x", false)).Replace("filename=\"a=0D=0Ab.txt\"", "filename*=utf-8''evil%0D%0AFrom%3A%20x.txt", StringComparison.Ordinal));
        var attached = Assert.Single(m.Segments, s => s.Kind == SegmentKind.Attachment);
        Assert.Equal("Attached file: evil  From: x.txt (text)", attached.Attribution);
        Assert.Equal("(no name)", MessageNormalizer.NameForAttribution("  "));
        Assert.Equal(200, MessageNormalizer.NameForAttribution(new string('n', 500)).Length);
    }

    [Fact]
    public void A_longer_text_is_cut_and_says_so()
    {
        var reading = AttachmentText.Read(Encoding.UTF8.GetBytes(new string('a', AttachmentText.MaxChars + 10)), "text/plain", "big.txt", "utf-8");
        Assert.NotNull(reading);
        Assert.Equal(AttachmentText.MaxChars, reading.Value.Text.Length);
        Assert.Contains("200,000", reading.Value.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_detector_flags_a_note_whose_campaign_ask_is_in_the_attached_flyer_and_points_into_it()
    {
        var pdf = Pdf(
            "Friends of Dana Ortiz - Spring Externship Program",
            "Students earn class credit for 12 hours a week on the campaign:",
            "knocking doors, phone banking and canvassing for Dana Ortiz for Mayor.",
            "Sign up today at reelect-dana-ortiz.example/externs and vote for Dana Ortiz on February 28!",
            "Paid for by Friends of Dana Ortiz");
        var message = WithAttachments("Please share this with your advisory students this week.", ("application/pdf", "externship.pdf", Base64(pdf), true));
        var m = Normalize(message);
        var without = Normalize(message, NormalizeOptions.Default with { ReadAttachments = false });
        var detector = new Detector(model: TextModel.LoadEmbedded());

        var verdict = detector.Classify(m);
        Assert.True(verdict.IsElectioneering, string.Join("; ", verdict.Reasons.Select(r => $"{r.Signal} {r.Weight}")));
        Assert.False(detector.Classify(without).IsElectioneering);

        // Evidence in the attachment points at its words, and names the file.
        var attachment = m.Segments.Single(s => s.Kind == SegmentKind.Attachment);
        var inAttachment = verdict.Reasons.SelectMany(r => r.Evidence).Where(e => e.Where == "attachment").ToArray();
        Assert.NotEmpty(inAttachment);
        foreach (var e in inAttachment)
        {
            Assert.Equal(attachment.Text.Substring(e.Offset, e.Length), e.Text);
            Assert.Contains("externship.pdf", e.Note, StringComparison.Ordinal);
        }
    }
}
