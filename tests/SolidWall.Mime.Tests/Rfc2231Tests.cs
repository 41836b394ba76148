namespace SolidWall.Mime.Tests;

public sealed class Rfc2231Tests
{
    private static IReadOnlyDictionary<string, string> P(string raw, out string value, DefectSink? defects = null)
    {
        value = MimeParameters.Parse(TestData.Ascii(raw), out var p, defects);
        return p;
    }

    // RFC 2231 section 3.
    [Fact]
    public void Section3_continuations()
    {
        var p = P("message/external-body; access-type=URL;\r\n URL*0=\"ftp://\";\r\n URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"", out var v);
        Assert.Equal("message/external-body", v);
        Assert.Equal("URL", p["access-type"]);
        Assert.Equal("ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar", p["url"]);
    }

    // RFC 2231 section 4.
    [Fact]
    public void Section4_charset_and_language() =>
        Assert.Equal("This is ***fun***", P("application/x-stuff;\r\n title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A", out _)["title"]);

    // RFC 2231 section 4.1.
    [Fact]
    public void Section4_1_mixed_continuations_and_charset()
    {
        var p = P("application/x-stuff;\r\n title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n title*2=\"isn't it!\"", out _);
        Assert.Equal("This is even more ***fun*** isn't it!", p["title"]);
    }

    [Fact]
    public void Utf8_euro_file_name() =>
        Assert.Equal("€ rates.pdf", P("attachment; filename*=utf-8'en'%E2%82%AC%20rates.pdf", out _)["filename"]);

    [Fact]
    public void Multibyte_character_split_across_sections()
    {
        var p = P("attachment; filename*0*=utf-8''%E4%B8; filename*1*=%AD%E6%96%87.txt", out _);
        Assert.Equal("中文.txt", p["filename"]);
    }

    [Fact]
    public void Sections_out_of_order_are_sorted() =>
        Assert.Equal("abcdef", P("x/y; n*1=\"def\"; n*0=\"abc\"", out _)["n"]);

    [Fact]
    public void Extended_form_wins_over_plain()
    {
        var defects = new DefectSink();
        var p = P("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", out _, defects);
        Assert.Equal("résumé.pdf", p["filename"]);
        Assert.DoesNotContain(defects.Items, d => d.Kind == "parameter-duplicate");
    }

    [Fact]
    public void Legacy_charset_in_extended_value() =>
        Assert.Equal("Привет.doc", P("attachment; filename*=koi8-r''%F0%D2%C9%D7%C5%D4.doc", out _)["filename"]);

    // RFC 2045 section 5.1: these are equivalent, and type, subtype and parameter names are case-insensitive.
    [Theory]
    [InlineData("text/plain; charset=us-ascii (Plain text)")]
    [InlineData("text/plain; charset=\"us-ascii\"")]
    [InlineData("TEXT/PLAIN; CHARSET=us-ascii")]
    [InlineData("text/plain ; charset = us-ascii")]
    public void Rfc2045_equivalent_forms(string raw)
    {
        var ct = ContentType.Parse(TestData.Ascii(raw));
        Assert.Equal("text/plain", ct.MimeType);
        Assert.Equal("us-ascii", ct.Charset);
    }

    [Fact]
    public void Values_keep_case() =>
        Assert.Equal("----=_NextPart_000_0012_01C2", ContentType.Parse(TestData.Ascii("multipart/mixed; BOUNDARY=\"----=_NextPart_000_0012_01C2\"")).Boundary);

    [Fact]
    public void Backslash_escapes_in_quoted_strings() =>
        Assert.Equal("say \"hi\"\\now", P("x/y; a=\"say \\\"hi\\\"\\\\now\"", out _)["a"]);

    [Fact]
    public void Windows_path_backslashes_are_kept() =>
        Assert.Equal("C:\\Docs\\a.txt", P("attachment; filename=\"C:\\Docs\\a.txt\"", out _)["filename"]);

    [Fact]
    public void Comments_are_skipped() =>
        Assert.Equal("utf-8", ContentType.Parse(TestData.Ascii("text/plain (body) ; (c) charset=utf-8")).Charset);

    [Theory]
    [InlineData("attachment; filename=\"=?UTF-8?B?0J/RgNC40LLQtdGCLnBkZg==?=\"", "Привет.pdf")]
    [InlineData("attachment; filename==?utf-8?Q?R=C3=A9sum=C3=A9.pdf?=", "Résumé.pdf")]
    [InlineData("attachment; filename*0=\"=?utf-8?Q?R=C3=A9\"; filename*1=\"sum=C3=A9.pdf?=\"", "Résumé.pdf")]
    public void Rfc2047_words_in_file_names(string raw, string expected) =>
        Assert.Equal(expected, ContentDisposition.Parse(TestData.Ascii(raw)).FileName);

    [Fact]
    public void Unquoted_value_with_spaces()
    {
        var d = ContentDisposition.Parse(TestData.Ascii("attachment; filename=My Report (1).pdf; size=10"));
        Assert.Equal("My Report (1).pdf", d.FileName);
        Assert.Equal("10", d.Parameters["size"]);
    }

    [Fact]
    public void Missing_semicolons()
    {
        var defects = new DefectSink();
        var ct = ContentType.Parse(TestData.Ascii("text/plain charset=utf-8 format=flowed"), defects);
        Assert.Equal("text/plain", ct.MimeType);
        Assert.Equal("utf-8", ct.Charset);
        Assert.Equal("flowed", ct.Parameters["format"]);
        Assert.Contains(defects.Items, d => d.Kind == "parameter-missing-semicolon");
    }

    [Fact]
    public void Duplicate_parameters_first_wins_with_defect()
    {
        var defects = new DefectSink();
        var ct = ContentType.Parse(TestData.Ascii("text/plain; charset=utf-8; CHARSET=iso-8859-1"), defects);
        Assert.Equal("utf-8", ct.Charset);
        Assert.Contains(defects.Items, d => d.Kind == "parameter-duplicate");
    }

    [Theory]
    [InlineData("text/html; charset=utf-8;;", "text/html", "utf-8")]
    [InlineData("text/html; ; junk; charset=utf-8", "text/html", "utf-8")]
    [InlineData("text/html; charset=\"utf-8", "text/html", "utf-8")]
    [InlineData("text/html; charset=\"utf-8\"junk", "text/html", "utf-8")]
    [InlineData("text / html; charset=utf-8", "text/html", "utf-8")]
    [InlineData("text/html;charset=utf-8", "text/html", "utf-8")]
    [InlineData("\r\n text/html;\r\n\tcharset=utf-8\r\n", "text/html", "utf-8")]
    public void Junk_is_tolerated(string raw, string type, string charset)
    {
        var ct = ContentType.Parse(TestData.Ascii(raw));
        Assert.Equal(type, ct.MimeType);
        Assert.Equal(charset, ct.Charset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("text")]
    [InlineData("; charset=utf-8")]
    [InlineData("/plain")]
    public void Invalid_type_reads_as_text_plain(string raw)
    {
        var defects = new DefectSink();
        Assert.Equal("text/plain", ContentType.Parse(TestData.Ascii(raw), defects).MimeType);
        Assert.Contains(defects.Items, d => d.Kind == "content-type-invalid");
    }

    [Fact]
    public void Disposition_without_value_but_file_name_is_attachment()
    {
        var d = ContentDisposition.Parse(TestData.Ascii("filename=\"a.pdf\""));
        Assert.True(d.IsAttachment);
        Assert.Equal("a.pdf", d.FileName);
    }

    [Fact]
    public void Disposition_type_is_lower_cased() => Assert.Equal("inline", ContentDisposition.Parse(TestData.Ascii("INLINE")).Disposition);

    [Fact]
    public void Raw_utf8_file_name() =>
        Assert.Equal("naïve.txt", ContentDisposition.Parse(TestData.Utf8("attachment; filename=\"naïve.txt\"")).FileName);
}
