using System.Text;

namespace SolidWall.Mime.Tests;

public sealed class TransferEncodingTests
{
    private static string Dec(string body, string? encoding, DefectSink? defects = null) =>
        Encoding.Latin1.GetString(TransferEncodings.Decode(TestData.Ascii(body), encoding, defects));

    [Fact]
    public void Base64_with_line_breaks_matches_dotnet()
    {
        var data = new byte[10_000];
        new Random(7).NextBytes(data);
        var text = Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks);
        Assert.Equal(data, TransferEncodings.Decode(TestData.Ascii(text), "base64"));
        Assert.Equal(data, TransferEncodings.Decode(TestData.Ascii(text.Replace("\r\n", "\n", StringComparison.Ordinal)), "BASE64"));
    }

    [Theory]
    [InlineData("SGVsbG8gV29ybGQ", "Hello World")]
    [InlineData("SGVsbG8gV29ybGQh", "Hello World!")]
    [InlineData("SGVs bG8g\tV29y\r\nbGQh\r\n", "Hello World!")]
    [InlineData("SGVs*bG8g!V29ybGQh", "Hello World!")]
    [InlineData("SGVsbG8=\r\nThis is a signature after the padding", "Hello")]
    [InlineData("SGVsbG8", "Hello")]
    [InlineData("", "")]
    public void Base64_is_lenient(string body, string expected) => Assert.Equal(expected, Dec(body, "base64"));

    [Fact]
    public void Base64_invalid_characters_record_a_defect()
    {
        var defects = new DefectSink();
        Assert.Equal("Hello World!", Dec("SGVs*bG8gV29ybGQh", "base64", defects));
        Assert.Equal("base64-invalid", Assert.Single(defects.Items).Kind);
    }

    // RFC 2045 section 6.7, the soft line break example of rule 5.
    [Fact]
    public void Qp_rfc2045_soft_breaks() =>
        Assert.Equal("Now's the time for all folk to come to the aid of their country.",
            Dec("Now's the time =\r\nfor all folk to come=\r\n to the aid of their country.", "quoted-printable"));

    // Rule 1: =XX is the octet; lower-case hex accepted, as robust implementations do.
    [Theory]
    [InlineData("caf=E9", "café")]
    [InlineData("caf=e9", "café")]
    [InlineData("a=3Db", "a=b")]
    [InlineData("=C3=A9", "Ã©")]
    public void Qp_rule1_hex(string body, string expected) => Assert.Equal(expected, Dec(body, "quoted-printable"));

    // Rule 3: trailing white space on a line is removed; an encoded =20 stays.
    [Fact]
    public void Qp_rule3_trailing_whitespace_removed() =>
        Assert.Equal("a\r\nb=20\r\nc \r\nd", Dec("a   \r\nb=3D20\t\r\nc=20\r\nd \t", "quoted-printable"));

    [Fact]
    public void Qp_soft_break_with_bare_lf_and_trailing_blanks() =>
        Assert.Equal("onetwothree", Dec("one=\ntwo= \t\r\nthree=", "quoted-printable"));

    [Fact]
    public void Qp_invalid_escape_kept_literally_with_defect()
    {
        var defects = new DefectSink();
        Assert.Equal("100=ZZ sure", Dec("100=ZZ sure", "quoted-printable", defects));
        Assert.Equal("qp-invalid-escape", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Qp_lone_equals_before_text_is_kept() =>
        Assert.Equal("a=b", Dec("a=b", "quoted-printable"));

    [Theory]
    [InlineData("7bit")]
    [InlineData("8bit")]
    [InlineData("binary")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" 8BIT ")]
    public void Identity_encodings_pass_through(string? encoding)
    {
        var defects = new DefectSink();
        Assert.Equal("raw =41 bytes\r\n", Dec("raw =41 bytes\r\n", encoding, defects));
        Assert.Equal(0, defects.Count);
    }

    [Theory]
    [InlineData("\"base64\"")]
    [InlineData("Base64;")]
    [InlineData("base64 (encoded)")]
    public void Encoding_names_with_junk(string encoding) => Assert.Equal("Hello", Dec("SGVsbG8=", encoding));

    [Fact]
    public void Unknown_encoding_passes_through_with_defect()
    {
        var defects = new DefectSink();
        Assert.Equal("SGVsbG8=", Dec("SGVsbG8=", "x-gzip64", defects));
        Assert.Equal("transfer-encoding-unknown", Assert.Single(defects.Items).Kind);
    }

    [Theory]
    [InlineData("x-uuencode")]
    [InlineData("uuencode")]
    [InlineData("x-uue")]
    public void Uuencode_bodies(string encoding) =>
        Assert.Equal("Cat", Dec("begin 644 cat.txt\n#0V%T\n`\nend\n", encoding));
}
