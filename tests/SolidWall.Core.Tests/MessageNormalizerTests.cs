using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Detection;
using SolidWall.Core.Text;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Tests;

public sealed class MessageNormalizerTests
{
    private static Message Normalize(string message, NormalizeOptions? options = null, IReadOnlyList<string>? labels = null)
    {
        var bytes = Encoding.UTF8.GetBytes(message.Replace("\n", "\r\n", StringComparison.Ordinal));
        var raw = new RawMessage("test.mbox", 1234, bytes, labels);
        return MessageNormalizer.Normalize(MimeParser.Parse(bytes), raw, options ?? NormalizeOptions.Default);
    }

    private const string Envelope = """
        From: Jane Doe <jane@janeforboard.example>
        To: Teachers <teachers@district.example>, "Smith, John" <john@district.example>
        Cc: office@district.example
        Subject: Voluntarios para el sabado
        Date: Mon, 07 Oct 2024 09:14:00 -0500
        Message-ID: <abc123@janeforboard.example>
        In-Reply-To: <prev@district.example>
        References: <root@district.example> <prev@district.example>
        MIME-Version: 1.0

        """;

    [Fact]
    public void Envelope_fields_and_provenance_are_filled()
    {
        var raw = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n", StringComparison.Ordinal) + "Hola.\n";
        var m = Normalize(raw, labels: ["Inbox", "Important"]);
        Assert.Equal("test.mbox", m.Source);
        Assert.Equal(1234, m.Offset);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n", StringComparison.Ordinal)))), m.Sha256);
        Assert.Equal("jane@janeforboard.example", Assert.Single(m.From).Address);
        Assert.Equal(["teachers@district.example", "john@district.example"], m.To.Select(a => a.Address));
        Assert.Equal("office@district.example", Assert.Single(m.Cc).Address);
        Assert.Empty(m.Bcc);
        Assert.Equal(new DateTimeOffset(2024, 10, 7, 9, 14, 0, TimeSpan.FromHours(-5)), m.Date);
        Assert.Equal("abc123@janeforboard.example", m.MessageId);
        Assert.Equal(["prev@district.example"], m.InReplyTo);
        Assert.Equal(["root@district.example", "prev@district.example"], m.References);
        Assert.Equal(["Inbox", "Important"], m.Labels);
        Assert.Equal("Voluntarios para el sabado", m.Subject);
        Assert.Equal("Hola.", m.Text);
        Assert.Equal(new PartInfo("text/plain", "utf-8", 7, null, null, false), Assert.Single(m.Parts));
    }

    private const string Invitation = """
        BEGIN:VCALENDAR
        METHOD:REQUEST
        BEGIN:VEVENT
        ORGANIZER;CN=Kelsey Branham:mailto:kelsey@reelect-ortiz.example
        SUMMARY:Canvass kickoff with Mayor Ortiz
        DTSTART:20230114T160000Z
        LOCATION:Lincoln Park field house
        DESCRIPTION:Bring your students\, they earn service hours! Sign up: https://www.mobilize.us/reelectortiz/event/581204/
        END:VEVENT
        END:VCALENDAR
        """;

    private static string InvitationMessage(string body) =>
        Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + body, StringComparison.Ordinal);

    [Fact]
    public void A_meeting_request_that_is_only_a_calendar_reads_as_its_event_and_its_links_are_found()
    {
        var m = Normalize(InvitationMessage("Content-Type: text/calendar; method=REQUEST; charset=utf-8\n\n" + Invitation + "\n"));
        Assert.StartsWith("Canvass kickoff with Mayor Ortiz\nWhen: Saturday 14 January 2023, 16:00 UTC\nWhere: Lincoln Park field house\nOrganizer: Kelsey Branham <kelsey@reelect-ortiz.example>", m.Text, StringComparison.Ordinal);
        Assert.Contains("Bring your students, they earn service hours!", m.Text, StringComparison.Ordinal);
        Assert.Contains("https://www.mobilize.us/reelectortiz/event/581204/", m.Links);
    }

    [Theory]
    // The text/plain alternative says it all: it is read, as before.
    [InlineData("Join us Saturday at 10 for the canvass kickoff.", "<p>Join us</p>", "Join us Saturday at 10 for the canvass kickoff.")]
    // A stub plain text: the HTML, not the machine's copy in the calendar.
    [InlineData("", "<p>Join us at the kickoff</p>", "Join us at the kickoff")]
    // Nothing else gives text: the calendar.
    [InlineData("", "", "Canvass kickoff with Mayor Ortiz")]
    public void In_an_alternative_the_calendar_is_read_only_when_nothing_else_gives_text(string plain, string html, string expectedStart)
    {
        var m = Normalize(InvitationMessage($"""
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            {plain}
            --alt
            Content-Type: text/html; charset=utf-8

            {html}
            --alt
            Content-Type: text/calendar; method=REQUEST; charset=utf-8

            {Invitation}
            --alt--

            """));
        Assert.StartsWith(expectedStart, m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attached_ics_file_is_an_attachment_not_text()
    {
        var m = Normalize(InvitationMessage($"""
            Content-Type: multipart/mixed; boundary="mix"

            --mix
            Content-Type: text/plain; charset=utf-8

            See the attached invitation.
            --mix
            Content-Type: text/calendar; charset=utf-8; name="invite.ics"
            Content-Disposition: attachment; filename="invite.ics"

            {Invitation}
            --mix--

            """));
        Assert.Equal("See the attached invitation.", m.Text);
        Assert.Contains(m.Parts, p => p is { ContentType: "text/calendar", FileName: "invite.ics", IsAttachment: true });
    }

    private const string Alternative = """
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        Friends,   

        Chip in $25 before midnight: https://secure.example.org/jane?src=plain
        --alt
        Content-Type: text/html; charset=utf-8

        <html><body><p>Friends,</p><p>Chip in <a href="https://secure.example.org/jane?src=html&amp;a=25">$25</a> before midnight.</p>
        <div style="display:none">preheader</div></body></html>
        --alt--

        """;

    [Fact]
    public void Alternative_prefers_plain_text_and_still_reads_the_html_links()
    {
        var m = Normalize(Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + Alternative, StringComparison.Ordinal));
        Assert.Equal("Friends,\n\nChip in $25 before midnight: https://secure.example.org/jane?src=plain", m.Text);
        Assert.Equal(["https://secure.example.org/jane?src=html&a=25", "https://secure.example.org/jane?src=plain"], m.Links);
        Assert.Equal(["text/plain", "text/html"], m.Parts.Select(p => p.ContentType));
        Assert.All(m.Parts, p => Assert.False(p.IsAttachment));
        Assert.Equal(new Segment(SegmentKind.Body, m.Text), Assert.Single(m.Segments));
    }

    [Theory]
    [InlineData("")]
    [InlineData("This is an HTML message. Please use an HTML capable mail program to read this message.")]
    [InlineData("Su cliente de correo no admite HTML. Ver este correo en su navegador.")]
    public void Alternative_with_empty_or_stub_plain_text_converts_the_html(string stub)
    {
        var alt = Alternative.Replace("Friends,   \n\nChip in $25 before midnight: https://secure.example.org/jane?src=plain", stub, StringComparison.Ordinal);
        var m = Normalize(Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + alt, StringComparison.Ordinal));
        Assert.Equal("Friends,\n\nChip in $25 before midnight.", m.Text);
        Assert.Equal(["https://secure.example.org/jane?src=html&a=25"], m.Links);
    }

    [Fact]
    public void Html_conversion_can_be_turned_off_for_benchmarks()
    {
        var alt = Alternative.Replace("Friends,   \n\nChip in $25 before midnight: https://secure.example.org/jane?src=plain", "", StringComparison.Ordinal);
        var m = Normalize(Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + alt, StringComparison.Ordinal), new NormalizeOptions { HtmlToText = false });
        Assert.Equal("", m.Text);
        Assert.Equal(["https://secure.example.org/jane?src=html&a=25"], m.Links);
    }

    private const string Mixed = """
        Content-Type: multipart/mixed; boundary="mix"

        This is a multi-part message in MIME format.
        --mix
        Content-Type: text/plain; charset=utf-8

        Please post the attached flyer.
        --mix
        Content-Type: application/pdf; name="flyer.pdf"
        Content-Disposition: attachment; filename="flyer.pdf"

        %PDF-1.4 not really a pdf
        --mix
        Content-Type: text/plain; charset=utf-8
        Content-Disposition: inline

        Jane Doe
        Paid for by Friends of Jane Doe
        --mix--

        """;

    [Fact]
    public void Mixed_joins_inline_text_and_lists_attachments_with_hashes()
    {
        var m = Normalize(Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + Mixed, StringComparison.Ordinal));
        Assert.Equal("Please post the attached flyer.\n\nJane Doe\nPaid for by Friends of Jane Doe", m.Text);
        Assert.Equal(3, m.Parts.Count);
        var pdf = m.Parts[1];
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal("flyer.pdf", pdf.FileName);
        Assert.True(pdf.IsAttachment);
        var content = Encoding.ASCII.GetBytes("%PDF-1.4 not really a pdf");
        Assert.Equal(content.Length, pdf.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), pdf.Sha256);
        Assert.Null(m.Parts[0].Sha256);

        var unhashed = Normalize(Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + Mixed, StringComparison.Ordinal), new NormalizeOptions { HashAttachments = false });
        Assert.Null(unhashed.Parts[1].Sha256);
        Assert.Equal(content.Length, unhashed.Parts[1].Size);
    }

    [Fact]
    public void Base64_attachment_is_hashed_decoded_and_sized_without_decoding_when_not_hashed()
    {
        var decoded = TransferEncodings.Decode("aGVsbG8="u8, "base64");
        Assert.SkipWhen(decoded.Length != 5, "TransferEncodings is still the placeholder; base64 decoding has not landed");
        var content = new byte[1000];
        new Random(7).NextBytes(content);
        var b64 = Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks);
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + """
            Content-Type: multipart/mixed; boundary="mix"

            --mix
            Content-Type: text/plain

            See attached.
            --mix
            Content-Type: image/png; name="photo.png"
            Content-Transfer-Encoding: base64

            """ + b64.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n--mix--\n", StringComparison.Ordinal);
        var hashed = Normalize(msg);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hashed.Parts[1].Sha256);
        Assert.Equal(1000, hashed.Parts[1].Size);
        Assert.Equal(1000, Normalize(msg, new NormalizeOptions { HashAttachments = false }).Parts[1].Size);
    }

    [Fact]
    public void Attached_message_is_a_forward_segment_with_its_own_best_text()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\n" + """
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Is this allowed on district email?
            --outer
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="Volunteer this weekend.eml"

            From: Campaign Office <office@janeforboard.example>
            Date: Sun, 06 Oct 2024 18:00:00 -0500
            Subject: Volunteer this weekend
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain

            --inner
            Content-Type: text/html

            <p>Join our <b>canvass</b> Saturday!</p><p><a href="https://janeforboard.example/volunteer">Sign up</a></p>
            --inner--
            --outer--

            """, StringComparison.Ordinal);
        var m = Normalize(msg);
        Assert.Equal("Is this allowed on district email?", m.Text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Forward], m.Segments.Select(s => s.Kind));
        var forward = m.Segments[1];
        Assert.Equal("Join our canvass Saturday!\n\nSign up", forward.Text);
        Assert.Equal("From: Campaign Office <office@janeforboard.example>\nDate: Sun, 06 Oct 2024 18:00:00 -0500\nSubject: Volunteer this weekend", forward.Attribution);
        Assert.Contains("https://janeforboard.example/volunteer", m.Links);
        Assert.Equal(["text/plain", "text/plain", "text/html"], m.Parts.Select(p => p.ContentType));
    }

    [Fact]
    public void Gmail_style_inline_forward_splits_into_body_and_forward()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n", StringComparison.Ordinal) + """
            Compartan con sus estudiantes, por favor.

            ---------- Forwarded message ---------
            From: Jane for Board <info@janeforboard.example>
            Date: Mon, Oct 7, 2024 at 9:14 AM
            Subject: Students: earn service hours!
            To: <maestra@district.example>


            Students can earn service hours canvassing with us: www.janeforboard.example/students
            """;
        var m = Normalize(msg);
        Assert.Equal([SegmentKind.Body, SegmentKind.Forward], m.Segments.Select(s => s.Kind));
        Assert.Equal("Compartan con sus estudiantes, por favor.", m.Segments[0].Text);
        Assert.Equal("Students can earn service hours canvassing with us: www.janeforboard.example/students", m.Segments[1].Text);
        Assert.Equal(["www.janeforboard.example/students"], m.Links);
    }

    [Theory]
    [InlineData("FW: Volunteer this weekend", SegmentKind.Forward)]
    [InlineData("RV: Voluntarios este fin de semana", SegmentKind.Forward)]
    [InlineData("RE: Volunteer this weekend", SegmentKind.Quote)]
    public void Outlook_header_block_is_a_forward_when_the_subject_says_so(string subject, SegmentKind kind)
    {
        var msg = Envelope.Replace("Subject: Voluntarios para el sabado", "Subject: " + subject, StringComparison.Ordinal)
            .Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n", StringComparison.Ordinal) + """
            Please share with your students.

            From: Jane for Board <info@janeforboard.example>
            Sent: Monday, October 7, 2024 9:14 AM
            To: Teachers <teachers@district.example>
            Subject: Volunteer this weekend

            Students can earn service hours canvassing with us.
            """;
        var m = Normalize(msg);
        Assert.Equal(subject, m.Subject);
        Assert.Equal([SegmentKind.Body, kind], m.Segments.Select(s => s.Kind));
        Assert.Equal("Students can earn service hours canvassing with us.", m.Segments[1].Text);
    }

    [Fact]
    public void Quoted_plain_text_reply_splits_into_body_and_quote()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n", StringComparison.Ordinal) + """
            No podemos usar el correo del distrito para esto.

            El lun, 7 oct 2024 a las 9:14, Juana Pérez (<juana@example.org>)
            escribió:

            > ¿Puedes repartir los volantes de la campaña?
            > Más información: https://juana.example/volantes.
            """;
        var m = Normalize(msg);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], m.Segments.Select(s => s.Kind));
        Assert.Equal("No podemos usar el correo del distrito para esto.", m.Segments[0].Text);
        Assert.Equal("El lun, 7 oct 2024 a las 9:14, Juana Pérez (<juana@example.org>) escribió:", m.Segments[1].Attribution);
        Assert.Equal("¿Puedes repartir los volantes de la campaña?\nMás información: https://juana.example/volantes.", m.Segments[1].Text);
        Assert.Equal(["https://juana.example/volantes"], m.Links);
    }

    [Fact]
    public void Gmail_html_forward_splits_after_conversion()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n", StringComparison.Ordinal) + """
            <div dir="ltr">Please share with your classes.<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Jane for Board</strong> <span dir="auto">&lt;<a href="mailto:info@janeforboard.example">info@janeforboard.example</a>&gt;</span><br>Date: Mon, Oct 7, 2024 at 9:14 AM<br>Subject: Students: earn service hours!<br>To: &lt;<a href="mailto:teacher@district.example">teacher@district.example</a>&gt;<br></div><br><br><div dir="ltr"><p>Students can earn <b>service hours</b> canvassing with us.</p><p><a href="https://janeforboard.example/students">Sign up here</a></p></div></div></div>
            """;
        var m = Normalize(msg);
        Assert.Equal([SegmentKind.Body, SegmentKind.Forward], m.Segments.Select(s => s.Kind));
        Assert.Equal("Please share with your classes.", m.Segments[0].Text);
        Assert.Equal("From: Jane for Board <info@janeforboard.example>\nDate: Mon, Oct 7, 2024 at 9:14 AM\nSubject: Students: earn service hours!\nTo: <teacher@district.example>", m.Segments[1].Attribution);
        Assert.Equal("Students can earn service hours canvassing with us.\n\nSign up here", m.Segments[1].Text);
        Assert.Equal(["mailto:info@janeforboard.example", "mailto:teacher@district.example", "https://janeforboard.example/students"], m.Links);
    }

    [Fact]
    public void Quoted_reply_in_html_only_mail_splits_after_conversion()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n", StringComparison.Ordinal) + """
            <div dir="ltr">No, we cannot use school email for this.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">El lun, 7 oct 2024 a las 9:14, Juana Pérez (&lt;juana@example.org&gt;) escribió:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div dir="ltr">¿Puedes repartir los volantes de la campaña?</div></blockquote></div>
            """;
        var m = Normalize(msg);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], m.Segments.Select(s => s.Kind));
        Assert.Equal("No, we cannot use school email for this.", m.Segments[0].Text);
        Assert.Equal("¿Puedes repartir los volantes de la campaña?", m.Segments[1].Text);
        Assert.Equal("El lun, 7 oct 2024 a las 9:14, Juana Pérez (<juana@example.org>) escribió:", m.Segments[1].Attribution);
    }

    [Fact]
    public void Text_normalisation_drops_nuls_carriage_returns_and_trailing_blanks()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n", StringComparison.Ordinal) + "\n\nLine one\0   \r\rLine\ttwo\t\n\n\n";
        var m = Normalize(msg);
        Assert.Equal("Line one\n\nLine\ttwo", m.Text);
    }

    [Fact]
    public void Format_flowed_paragraphs_are_joined_and_quotes_kept()
    {
        // RFC 3676 section 4.2: a line ending in a space is followed by a soft break; section 4.4: " From" is space-stuffed.
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n", StringComparison.Ordinal)
            + "I will not forward this to \nmy students.\n From now on, ask first.\n\nOn Mon, Oct 7, 2024 at 9:14 AM Jane wrote:\n> Please share the canvass \n> sign-up with your class.\n-- \nMaria\n";
        var m = Normalize(msg);
        Assert.StartsWith("I will not forward this to my students.\nFrom now on, ask first.\n\nOn Mon", m.Text, StringComparison.Ordinal);
        Assert.Equal("Please share the canvass sign-up with your class.", m.Segments[1].Text);
        Assert.EndsWith("\n--\nMaria", m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_flowed_delsp_removes_the_space_before_the_soft_break()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain; format=flowed; delsp=yes\n\n", StringComparison.Ordinal)
            + "https://janeforboard.example/very/long/ \npath\n";
        var m = Normalize(msg);
        Assert.Equal("https://janeforboard.example/very/long/path", m.Text);
        Assert.Equal(["https://janeforboard.example/very/long/path"], m.Links);
    }

    [Theory]
    [InlineData("<meta charset=\"iso-8859-1\">")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">")]
    public void Html_without_a_mime_charset_uses_its_meta_charset(string meta)
    {
        var msg = "From: a@example.org\r\nContent-Type: text/html\r\n\r\n<html><head>" + meta + "</head><body><p>Reuni\u00f3n del caf\u00e9</p></body></html>\r\n";
        var bytes = Encoding.Latin1.GetBytes(msg);
        var m = MessageNormalizer.Normalize(MimeParser.Parse(bytes), new RawMessage("x", 0, bytes));
        Assert.Equal("Reunión del café", m.Text);
    }

    [Fact]
    public void Cleaned_text_never_has_carriage_returns_nuls_or_trailing_blanks_and_unflowing_never_throws()
    {
        var pieces = Gen.OneOf(Gen.Elements("\r\n", "\r", "\n", " ", "\t", "\0", "\u200B", "\u00A0", "\u3000", "\u2028", "> ", ">", "-- ", "x"), ArbMap.Default.GeneratorFor<string>().Where(x => x is not null));
        var gen = pieces.ListOf().Select(l => string.Concat(l));
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            var cleaned = TextCleanup.Normalize(FlowedText.Unflow(s, delSp: s.Length % 2 == 0));
            return !cleaned.Contains('\r') && !cleaned.Contains('\0')
                && cleaned.Split('\n').All(line => line.Length == 0 || !char.IsWhiteSpace(line[^1]))
                && !cleaned.StartsWith('\n') && !cleaned.EndsWith('\n');
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Defects_of_the_mime_tree_are_carried_over()
    {
        var msg = Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"never\"\n\n", StringComparison.Ordinal) + "No boundary ever appears.\n";
        var bytes = Encoding.UTF8.GetBytes(msg);
        var mime = MimeParser.Parse(bytes);
        var m = MessageNormalizer.Normalize(mime, new RawMessage("x", 0, bytes));
        Assert.NotEmpty(mime.Defects.Items);
        Assert.Equal(mime.Defects.Items, m.Defects);
        Assert.Equal("No boundary ever appears.", m.Text);
    }

    [Fact]
    public void Uuencoded_blocks_in_plain_text_are_cut_out_and_listed_as_parts()
    {
        var m = Normalize(PlainText("See the file.\n\nbegin 644 hi.txt\n#:&D*\n`\nend\n"));
        Assert.Equal("See the file.", m.Text);
        Assert.Contains(m.Parts, p => p.FileName == "hi.txt");
    }

    [Fact]
    public void Text_around_uuencoded_files_is_kept_and_each_file_is_a_part_with_its_size_and_sha256()
    {
        var m = Normalize(
            PlainText("Two logs attached.\nbegin 644 one.txt\n#:&D*\n`\nend\nThe second:\nbegin 600 two.log\n&:&5L;&\\*\n`\nend\nThanks, Ray\n"),
            NormalizeOptions.Default with { HashAttachments = true });
        Assert.Equal("Two logs attached.\nThe second:\nThanks, Ray", m.Text);
        var files = m.Parts.Where(p => p.FileName is not null).ToList();
        Assert.Equal(["one.txt", "two.log"], files.Select(p => p.FileName));
        Assert.All(files, p => Assert.True(p.IsAttachment));
        Assert.Equal(3, files[0].Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("hi\n"u8)), files[0].Sha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("hello\n"u8)), files[1].Sha256);
    }

    [Fact]
    public void A_begin_line_that_opens_no_uuencoded_file_stays_in_the_text()
    {
        var m = Normalize(PlainText("Rehearsal notes:\nbegin 644 is the room number, not a file.\nWe end at five.\n"));
        Assert.Contains("begin 644 is the room number", m.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(m.Parts, p => p.FileName is not null);
    }

    // The test envelope with a text/plain body.
    private static string PlainText(string body) =>
        Envelope.Replace("MIME-Version: 1.0\n", "MIME-Version: 1.0\nContent-Type: text/plain\n", StringComparison.Ordinal) + body;

    public static TheoryData<string> TortureMessages()
    {
        var data = new TheoryData<string>();
        var root = CorporaRoot();
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(root, "mime-torture"), "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name is "LICENSE.md" or "PROVENANCE.md" or "LICENSE" or "NOTICE")
            {
                continue;
            }
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TortureMessages))]
    public void Every_torture_message_normalises(string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorporaRoot(), path));
        var m = MessageNormalizer.Normalize(MimeParser.Parse(bytes), new RawMessage(path, 0, bytes));
        Assert.Equal(64, m.Sha256.Length);
        Assert.DoesNotContain('\0', m.Text);
        Assert.DoesNotContain('\r', m.Text);
        Assert.NotEmpty(m.Parts);
        Assert.All(m.Segments, s => Assert.True(s.Text.Length > 0 || s.Attribution is not null));
        Assert.All(m.Links, l => Assert.False(string.IsNullOrWhiteSpace(l)));
    }

    [Theory]
    [InlineData("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n", "S/MIME")]
    [InlineData("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\n\n--b\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--b\nContent-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--b--\n", "PGP/MIME")]
    [InlineData("Content-Type: text/plain\n\nRoom 204 is free on Friday.\n", null)]
    [InlineData("Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n", null)] // signed, not encrypted
    public void The_message_says_which_encryption_its_content_is_under_and_the_verdict_carries_it(string content, string? encryption)
    {
        var m = Normalize("From: a@x.example\nTo: b@y.example\nSubject: For your students\nMIME-Version: 1.0\n" + content);
        Assert.Equal(encryption, m.Encryption);
        var verdict = new Detector().Classify(m);
        Assert.Equal(encryption, verdict.Encrypted);
        Assert.Equal(encryption is not null, verdict.ToJson().Contains("\"encrypted\":", StringComparison.Ordinal));
    }

    [Fact]
    public void Nearly_every_ham_and_spam_message_yields_text_and_links_are_common()
    {
        // Image-only spam legitimately has no text; anything more than a sliver means text is being lost.
        var files = System.IO.Directory.EnumerateFiles(Path.Combine(CorporaRoot(), "ham-spam"), "*.txt", SearchOption.AllDirectories).ToList();
        int empty = 0, withLinks = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var m = MessageNormalizer.Normalize(MimeParser.Parse(bytes), new RawMessage(file, 0, bytes));
            empty += m.Text.Length == 0 ? 1 : 0;
            withLinks += m.Links.Count > 0 ? 1 : 0;
        }
        Assert.True(files.Count > 5_000, $"only {files.Count} messages found");
        Assert.True(empty < files.Count / 200, $"{empty} of {files.Count} messages have no text");
        Assert.True(withLinks > files.Count / 2, $"only {withLinks} of {files.Count} messages have links");
    }

    private static string CorporaRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }
        return dir is null
            ? throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory)
            : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
    }
}
