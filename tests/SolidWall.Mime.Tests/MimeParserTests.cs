using System.Text;

namespace SolidWall.Mime.Tests;

public sealed class MimeParserTests
{
    private static MimeMessage Parse(string text) => MimeParser.Parse(Encoding.UTF8.GetBytes(text));

    private static string Body(MimeEntity e) => Encoding.UTF8.GetString(e.Body.Span);

    [Fact]
    public void The_mailboxes_a_copy_was_delivered_to_are_read_from_every_hop()
    {
        var m = Parse(
            "Delivered-To: t.okonjo@gmail.example\r\n" +
            "X-Original-To: T.Okonjo@Lakeshore-Schools.example\r\n" +
            "Delivered-To: t.okonjo@lakeshore-schools.example\r\n" +
            "From: volunteer@reelect-ortiz.example\r\n" +
            "To: undisclosed-recipients:;\r\n" +
            "\r\n" +
            "Saturday.\r\n");
        Assert.Empty(m.To);
        Assert.Equal(["t.okonjo@gmail.example", "t.okonjo@lakeshore-schools.example", "T.Okonjo@lakeshore-schools.example"], m.DeliveredTo.Select(a => a.Address));
        Assert.Equal(0, m.Defects.Count);
    }

    [Fact]
    public void Rfc5322_A1_1_simple_message_has_headers_and_body()
    {
        // RFC 5322 appendix A.1.1, "A Message from One Person to Another with Simple Addressing".
        var m = Parse(
            "From: John Doe <jdoe@machine.example>\r\n" +
            "To: Mary Smith <mary@example.net>\r\n" +
            "Subject: Saying Hello\r\n" +
            "Date: Fri, 21 Nov 1997 09:55:06 -0600\r\n" +
            "Message-ID: <1234@local.machine.example>\r\n" +
            "\r\n" +
            "This is a message just to say hello.\r\n" +
            "So, \"Hello\".\r\n");
        Assert.Equal(5, m.Headers.Count);
        Assert.Equal("Saying Hello", m.Subject);
        Assert.Equal("1234@local.machine.example", m.MessageId);
        Assert.Equal("This is a message just to say hello.\r\nSo, \"Hello\".\r\n", Body(m));
        Assert.Equal("text/plain", m.ContentType.MimeType);
        Assert.Equal(0, m.Defects.Count);
        Assert.Equal(m.Headers[4].Offset + "Message-ID: <1234@local.machine.example>\r\n\r\n".Length, m.BodyOffset);
    }

    [Fact]
    public void Folded_header_keeps_raw_bytes_and_unfolds_on_read()
    {
        // RFC 5322 section 2.2.3: "Subject: This\r\n is a test" unfolds to "This is a test".
        var m = Parse("Subject: This\r\n is a test\r\nTo: a@b.example\r\n\r\nbody");
        Assert.Equal(" This\r\n is a test", Encoding.ASCII.GetString(m.Headers.Get("subject")!.RawValue.Span));
        Assert.Equal("This is a test", m.Headers.Get("Subject")!.Value);
        Assert.Equal("body", Body(m));
    }

    [Fact]
    public void Duplicate_and_missing_headers_are_kept_in_order()
    {
        var m = Parse("Received: one\nReceived: two\nSubject: s\n\nx");
        Assert.Equal(["one", "two"], m.Headers.GetAll("received").Select(h => h.Value));
        Assert.Null(m.Date);
        Assert.Empty(m.From);
        Assert.Null(m.Subject is null ? "missing" : null);
    }

    [Fact]
    public void Leading_mbox_envelope_line_is_not_a_header()
    {
        var m = Parse("From someone@example.com Sat Sep 21 10:00:00 2002\nSubject: hi\n\nbody\n");
        Assert.Single(m.Headers);
        Assert.Equal("hi", m.Subject);
        Assert.Equal(0, m.Defects.Count);
    }

    [Fact]
    public void A_non_header_line_ends_the_header_and_records_a_defect()
    {
        var m = Parse("Subject: hi\nthis is body text without a blank line\nmore\n");
        Assert.Single(m.Headers);
        Assert.StartsWith("this is body text", Body(m), StringComparison.Ordinal);
        Assert.Contains(m.Defects.Items, d => d.Kind == "header-separator-missing" && d.Offset == 12);
    }

    [Fact]
    public void Message_without_body_or_separator_parses()
    {
        var m = Parse("Subject: only headers");
        Assert.Equal("only headers", m.Subject);
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void Bare_CR_line_endings_are_line_endings()
    {
        var m = Parse("Subject: old mac\rTo: x@y.example\r\rbody\r");
        Assert.Equal(2, m.Headers.Count);
        Assert.Equal("body\r", Body(m));
    }

    [Fact]
    public void Rfc2046_section_5_1_1_example_multipart()
    {
        // The example of RFC 2046 section 5.1.1, with its preamble and epilogue.
        var m = Parse(
            "From: Nathaniel Borenstein <nsb@bellcore.com>\r\n" +
            "To: Ned Freed <ned@innosoft.com>\r\n" +
            "Date: Sun, 21 Mar 1993 23:56:48 -0800 (PST)\r\n" +
            "Subject: Sample message\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-type: multipart/mixed; boundary=\"simple boundary\"\r\n" +
            "\r\n" +
            "This is the preamble.  It is to be ignored, though it\r\n" +
            "is a handy place for composition agents to include an\r\n" +
            "explanatory note to non-MIME conformant readers.\r\n" +
            "\r\n" +
            "--simple boundary\r\n" +
            "\r\n" +
            "This is implicitly typed plain US-ASCII text.\r\n" +
            "It does NOT end with a linebreak.\r\n" +
            "--simple boundary\r\n" +
            "Content-type: text/plain; charset=us-ascii\r\n" +
            "\r\n" +
            "This is explicitly typed plain US-ASCII text.\r\n" +
            "It DOES end with a linebreak.\r\n" +
            "\r\n" +
            "--simple boundary--\r\n" +
            "\r\n" +
            "This is the epilogue.  It is also to be ignored.\r\n");
        Assert.Equal(2, m.Children.Count);
        Assert.Equal("This is implicitly typed plain US-ASCII text.\r\nIt does NOT end with a linebreak.", Body(m.Children[0]));
        Assert.Equal("This is explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n", Body(m.Children[1]));
        Assert.Equal("text/plain", m.Children[0].ContentType.MimeType);
        Assert.EndsWith("non-MIME conformant readers.\r\n", Encoding.ASCII.GetString(m.Preamble.Span), StringComparison.Ordinal);
        Assert.Equal("\r\nThis is the epilogue.  It is also to be ignored.\r\n", Encoding.ASCII.GetString(m.Epilogue.Span));
        Assert.Equal(0, m.Defects.Count);
        Assert.Equal(2, m.Leaves().Count());
    }

    [Fact]
    public void Nested_multiparts_and_offsets_point_into_the_message()
    {
        var text =
            "Content-Type: multipart/mixed; boundary=outer\n\n" +
            "--outer\n" +
            "Content-Type: multipart/alternative; boundary=inner\n\n" +
            "--inner\nContent-Type: text/plain\n\nplain\n" +
            "--inner\nContent-Type: text/html\n\n<p>html</p>\n" +
            "--inner--\n" +
            "--outer\nContent-Type: application/pdf; name=a.pdf\nContent-Disposition: attachment; filename=a.pdf\n\n%PDF\n" +
            "--outer--\n";
        var m = Parse(text);
        var leaves = m.Leaves().ToList();
        Assert.Equal(["text/plain", "text/html", "application/pdf"], leaves.Select(l => l.ContentType.MimeType));
        Assert.Equal("plain", Body(leaves[0]));
        Assert.Equal(text.IndexOf("plain\n--inner", StringComparison.Ordinal), leaves[0].BodyOffset);
        Assert.Equal(text.IndexOf("--inner\nContent-Type: text/plain", StringComparison.Ordinal) + "--inner\n".Length, leaves[0].Offset);
        Assert.True(leaves[2].IsAttachment);
        Assert.Equal("a.pdf", leaves[2].FileName);
        Assert.Equal(0, m.Defects.Count);
    }

    [Fact]
    public void Missing_final_boundary_runs_the_last_part_to_the_end()
    {
        var m = Parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n");
        Assert.Equal(2, m.Children.Count);
        Assert.Equal("two\n", Body(m.Children[1]));
        Assert.Contains(m.Defects.Items, d => d.Kind == "boundary-final-missing");
    }

    [Fact]
    public void Inner_multipart_without_close_is_ended_by_the_outer_boundary()
    {
        var m = Parse(
            "Content-Type: multipart/mixed; boundary=A\n\n" +
            "--A\nContent-Type: multipart/alternative; boundary=B\n\n--B\n\ninner one\n" +
            "--A\n\nouter two\n--A--\n");
        Assert.Equal(2, m.Children.Count);
        Assert.Equal("inner one", Body(m.Children[0].Children[0]));
        Assert.Equal("outer two", Body(m.Children[1]));
        Assert.Contains(m.Defects.Items, d => d.Kind == "boundary-final-missing");
    }

    [Fact]
    public void Multipart_without_boundary_or_without_delimiters_is_one_body()
    {
        var a = Parse("Content-Type: multipart/mixed\n\nhello\n");
        Assert.Single(a.Leaves());
        Assert.Contains(a.Defects.Items, d => d.Kind == "boundary-missing");

        var b = Parse("Content-Type: multipart/mixed; boundary=zz\n\nhello\n");
        Assert.Single(b.Leaves());
        Assert.Equal("hello\n", Body(b));
        Assert.Contains(b.Defects.Items, d => d.Kind == "boundary-start-missing");
    }

    [Fact]
    public void Boundary_needs_a_whole_line_but_allows_transport_padding()
    {
        var m = Parse("Content-Type: multipart/mixed; boundary=b\n\n--b \t\n\none\n--bx\nstill one\n--b--  \n");
        Assert.Single(m.Children);
        Assert.Equal("one\n--bx\nstill one", Body(m.Children[0]));
    }

    [Fact]
    public void Boundary_that_prefixes_another_boundary_is_not_confused()
    {
        var m = Parse(
            "Content-Type: multipart/mixed; boundary=\"=_x\"\n\n--=_x\n" +
            "Content-Type: multipart/alternative; boundary=\"=_x=_y\"\n\n--=_x=_y\n\nalt\n--=_x=_y--\n--=_x--\n");
        Assert.Equal("alt", Body(m.Children[0].Children[0]));
        Assert.Equal(0, m.Defects.Count);
    }

    [Fact]
    public void Forwarded_message_attachment_is_read_as_a_message_recursively()
    {
        var m = Parse(
            "Subject: Fwd: campaign\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nsee below\n" +
            "--b\nContent-Type: message/rfc822\n\nFrom: Campaign <info@camp.example>\nSubject: Volunteer!\n" +
            "Content-Type: multipart/alternative; boundary=c\n\n--c\nContent-Type: text/plain\n\nJoin us\n--c--\n" +
            "--b--\n");
        var inner = m.Children[1].EmbeddedMessage;
        Assert.NotNull(inner);
        Assert.Equal("Volunteer!", inner.Subject);
        Assert.Equal("info@camp.example", inner.From[0].Address);
        Assert.Equal(["text/plain", "text/plain"], m.Leaves().Select(l => l.ContentType.MimeType));
        Assert.Equal("Join us", Body(m.Leaves().Last()));
    }

    [Fact]
    public void Digest_parts_default_to_message_rfc822()
    {
        var m = Parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nfirst\n--d\n\nSubject: two\n\nsecond\n--d--\n");
        Assert.All(m.Children, c => Assert.Equal("message/rfc822", c.ContentType.MimeType));
        Assert.Equal("two", m.Children[1].EmbeddedMessage!.Subject);
    }

    [Fact]
    public void Encoded_message_part_is_decoded_then_read()
    {
        var inner = Convert.ToBase64String(Encoding.ASCII.GetBytes("Subject: inside\n\nhello\n"));
        var m = Parse($"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n{inner}\n--b--\n");
        Assert.Contains(m.Defects.Items, d => d.Kind == "message-part-encoded");
        Assert.Equal("inside", m.Children[0].EmbeddedMessage?.Subject);
    }

    [Fact]
    public void Deep_nesting_stops_at_the_limit_with_a_defect()
    {
        var sb = new StringBuilder();
        const int depth = 10_000;
        for (var i = 0; i < depth; i++)
        {
            sb.Append("Content-Type: multipart/mixed; boundary=b").Append(i).Append("\n\n--b").Append(i).Append('\n');
        }
        sb.Append("\ndeepest\n");
        var m = Parse(sb.ToString());
        Assert.Contains(m.Defects.Items, d => d.Kind == "nesting-too-deep");
        Assert.Single(m.Leaves());
    }

    [Fact]
    public void Too_many_headers_are_cut_with_a_defect()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 1_000_000; i++)
        {
            sb.Append("X-H: ").Append(i).Append('\n');
        }
        sb.Append("Subject: late\n\nbody");
        var m = Parse(sb.ToString());
        Assert.Equal(MimeLimits.Default.MaxHeaders, m.Headers.Count);
        Assert.Contains(m.Defects.Items, d => d.Kind == "headers-too-many");
        Assert.Equal("body", Body(m));
    }

    [Fact]
    public void Too_many_parts_stop_structure_with_a_defect()
    {
        var sb = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("--b\n\nx\n");
        }
        sb.Append("--b--\n");
        var m = Parse(sb.ToString());
        Assert.Contains(m.Defects.Items, d => d.Kind == "parts-too-many");
        Assert.Equal(20_000, m.Children.Count);
    }

    [Fact]
    public void Multipart_ignores_a_content_transfer_encoding_and_parts_keep_theirs()
    {
        var m = Parse("Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: base64\n\n--b\nContent-Transfer-Encoding: Quoted-Printable \n\nx=3Dy\n--b--\n");
        Assert.Equal("quoted-printable", m.Children[0].TransferEncoding);
        Assert.Single(m.Children);
    }
}
