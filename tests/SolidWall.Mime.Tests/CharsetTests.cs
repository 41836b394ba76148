using System.Text;

namespace SolidWall.Mime.Tests;

public sealed class CharsetTests
{
    // Real text in each charset mail uses: encoded here with .NET's encoder, decoded with ours under the label.
    [Theory]
    [InlineData("koi8-r", 20866, "Привет, как дела? Съешь же ещё этих мягких французских булок")]
    [InlineData("KOI8-U", 21866, "Доброго ранку, ґанок і їжак")]
    [InlineData("gb2312", 936, "中华人民共和国教育部通知")]
    [InlineData("GBK", 936, "選舉捐款鏈接")]
    [InlineData("gb18030", 54936, "中文邮件测试 𠀀")]
    [InlineData("big5", 950, "臺灣學校選舉通知")]
    [InlineData("big5-hkscs", 950, "香港教育局")]
    [InlineData("shift_jis", 932, "日本語のメールです。ﾊﾝｶｸ")]
    [InlineData("x-sjis", 932, "①②③ 髙橋")]
    [InlineData("euc-jp", 51932, "選挙のお知らせ")]
    [InlineData("iso-2022-jp", 50220, "こんにちは、世界")]
    [InlineData("euc-kr", 949, "안녕하세요 선거 안내")]
    [InlineData("ks_c_5601-1987", 949, "똠방각하 학교")]
    [InlineData("iso-8859-7", 28597, "Καλημέρα κόσμε")]
    [InlineData("windows-1255", 1255, "שלום עולם")]
    [InlineData("windows-1256", 1256, "مرحبا بالعالم")]
    [InlineData("windows-1250", 1250, "Příliš žluťoučký kůň")]
    [InlineData("windows-1251", 1251, "Съешь же ещё этих булок")]
    [InlineData("windows-1252", 1252, "Café “quoted” – €5")]
    [InlineData("windows-1253", 1253, "Ελληνικά")]
    [InlineData("windows-1254", 1254, "Türkçe ığüşöç")]
    [InlineData("windows-1257", 1257, "Lietuvių ąčęėįšųūž")]
    [InlineData("windows-1258", 1258, "Đưa ơn ăn")]
    [InlineData("iso-8859-2", 28592, "Zażółć gęślą jaźń")]
    [InlineData("iso-8859-3", 28593, "Ĉu ĝi ŝanĝiĝas")]
    [InlineData("iso-8859-4", 28594, "Latviešu ķēķis")]
    [InlineData("iso-8859-5", 28595, "Привет мир")]
    [InlineData("iso-8859-6", 28596, "مرحبا")]
    [InlineData("iso-8859-8", 28598, "שלום")]
    [InlineData("iso-8859-9", 28599, "Türkçe ığüş")]
    [InlineData("iso-8859-11", 874, "สวัสดีครับ")]
    [InlineData("iso-8859-13", 28603, "Łódź ąčę")]
    [InlineData("iso-8859-15", 28605, "Prix: 5 € œuvre")]
    [InlineData("latin1", 28591, "Grüße aus Köln")]
    [InlineData("cp1252", 1252, "naïve façade")]
    [InlineData("utf8", 65001, "Grüße 中文 😀")]
    [InlineData("ansi_x3.4-1968", 20127, "plain ascii text")]
    public void Decodes_real_text_in_each_charset(string label, int codePage, string text)
    {
        var bytes = TestData.Legacy(codePage).GetBytes(text);
        var defects = new DefectSink();
        Assert.Equal(text, Charsets.Decode(bytes, label, defects));
        Assert.Equal(0, defects.Count);
    }

    // .NET has no encoder for these three ISO-8859 parts; the byte values come from the ISO tables.
    [Theory]
    [InlineData("iso-8859-10", new byte[] { 0xA1, 0xB1, 0xBF, 0xC0 }, "ĄąŋĀ")]
    [InlineData("iso-8859-14", new byte[] { 0xA1, 0xD0, 0xF0, 0xFF }, "ḂŴŵÿ")]
    [InlineData("iso-8859-16", new byte[] { 0xA4, 0xAA, 0xDE, 0xFE }, "€ȘȚț")]
    public void Decodes_iso_8859_parts_net_lacks(string label, byte[] bytes, string expected) =>
        Assert.Equal(expected, Charsets.Decode(bytes, label));

    [Theory]
    [InlineData("utf-16", true, true)]
    [InlineData("utf-16", false, true)]
    [InlineData("UTF-16LE", false, false)]
    [InlineData("utf-16be", true, false)]
    [InlineData("utf-16", false, false)]
    public void Decodes_utf16_with_and_without_bom(string label, bool bigEndian, bool bom)
    {
        var text = "Hello wörld 中";
        var enc = new UnicodeEncoding(bigEndian, bom);
        var bytes = bom ? [.. enc.GetPreamble(), .. enc.GetBytes(text)] : enc.GetBytes(text);
        Assert.Equal(text, Charsets.Decode(bytes, label));
    }

    [Theory]
    [InlineData("utf-32", false)]
    [InlineData("utf-32be", true)]
    [InlineData("utf-32le", false)]
    public void Decodes_utf32(string label, bool bigEndian)
    {
        var text = "UTF-32 😀 text";
        var bytes = new UTF32Encoding(bigEndian, false).GetBytes(text);
        Assert.Equal(text, Charsets.Decode(bytes, label));
    }

    [Fact]
    public void Decodes_utf7() => Assert.Equal("Hi Mom -☺-! A+B", Charsets.Decode(TestData.Ascii("Hi Mom -+Jjo--! A+-B"), "utf-7"));

    [Fact]
    public void Utf8_bom_is_dropped() => Assert.Equal("x", Charsets.Decode([0xEF, 0xBB, 0xBF, (byte)'x'], "utf-8"));

    [Theory]
    [InlineData("\"iso-8859-1\"", "windows-1252")]
    [InlineData("utf-8;format=flowed", "utf-8")]
    [InlineData("  UTF8 ", "utf-8")]
    [InlineData("UTF_8", "utf-8")]
    [InlineData("latin1", "windows-1252")]
    [InlineData("iso_8859-1:1987", "windows-1252")]
    [InlineData("x-sjis", "shift_jis")]
    [InlineData("ms_kanji", "shift_jis")]
    [InlineData("ks_c_5601-1987", "ks_c_5601-1987")]
    [InlineData("gb2312", "gb18030")]
    [InlineData("x-gbk", "gb18030")]
    [InlineData("ANSI_X3.4-1968", "us-ascii")]
    [InlineData("us-ascii", "us-ascii")]
    [InlineData("cp1251", "windows-1251")]
    [InlineData("win-1250", "windows-1250")]
    [InlineData("iso8859-15", "iso-8859-15")]
    [InlineData("ibm866", "cp866")]
    [InlineData("'koi8-r'", "koi8-r")]
    public void Resolves_aliases_real_mail_uses(string label, string canonical) =>
        Assert.Equal(canonical, Charsets.Normalize(label));

    [Theory]
    [InlineData("DEFAULT")]
    [InlineData("DEFAULT_CHARSET")]
    [InlineData("unknown-8bit")]
    [InlineData("CHINESEBIG5")]
    [InlineData("GB2312_CHARSET")]
    [InlineData("x-user-defined")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    public void Meaningless_labels_fall_back_with_charset_unknown(string label)
    {
        Assert.Null(Charsets.GetEncoding(label));
        var utf8 = new DefectSink();
        Assert.Equal("Grüße", Charsets.Decode(TestData.Utf8("Grüße"), label, utf8));
        Assert.Equal("charset-unknown", Assert.Single(utf8.Items).Kind);
        var legacy = new DefectSink();
        Assert.Equal("Grüße", Charsets.Decode(TestData.Legacy(1252).GetBytes("Grüße"), label, legacy));
        Assert.Equal("charset-unknown", Assert.Single(legacy.Items).Kind);
    }

    [Fact]
    public void Us_ascii_label_on_utf8_bytes_is_a_mismatch()
    {
        var defects = new DefectSink();
        Assert.Equal("naïve", Charsets.Decode(TestData.Utf8("naïve"), "us-ascii", defects));
        Assert.Equal("charset-mismatch", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Us_ascii_label_on_latin1_bytes_reads_windows_1252()
    {
        var defects = new DefectSink();
        Assert.Equal("naïve – ok", Charsets.Decode(TestData.Legacy(1252).GetBytes("naïve – ok"), "us-ascii", defects));
        Assert.Equal("charset-mismatch", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Utf8_label_on_windows_1252_bytes_reads_windows_1252()
    {
        var defects = new DefectSink();
        Assert.Equal("Café crème", Charsets.Decode(TestData.Legacy(1252).GetBytes("Café crème"), "utf-8", defects));
        Assert.Equal("charset-mismatch", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Utf8_with_one_damaged_byte_stays_utf8()
    {
        byte[] bytes = [.. TestData.Utf8("Grüße aus Köln, schöne Grüße"), 0xFF];
        var defects = new DefectSink();
        Assert.Equal("Grüße aus Köln, schöne Grüße\uFFFD", Charsets.Decode(bytes, "utf-8", defects));
        Assert.Equal("charset-mismatch", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Latin1_label_on_utf8_bytes_is_read_as_utf8()
    {
        var defects = new DefectSink();
        Assert.Equal("Grüße", Charsets.Decode(TestData.Utf8("Grüße"), "iso-8859-1", defects));
        Assert.Equal("charset-mismatch", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Missing_label_is_us_ascii_and_guesses_8bit()
    {
        var defects = new DefectSink();
        Assert.Equal("plain", Charsets.Decode(TestData.Ascii("plain"), null, defects));
        Assert.Equal("中文", Charsets.Decode(TestData.Utf8("中文"), null, defects));
        Assert.Equal(0, defects.Count);
        Assert.Equal("café", Charsets.Decode(TestData.Legacy(1252).GetBytes("café"), null, defects));
        Assert.Equal(1, defects.Count);
    }

    [Fact]
    public void Iso_2022_jp_label_on_8bit_bytes_is_a_mismatch()
    {
        var defects = new DefectSink();
        Assert.Equal("日本", Charsets.Decode(TestData.Utf8("日本"), "iso-2022-jp", defects));
        Assert.Equal("charset-mismatch", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Lookups_are_cached_per_label() =>
        Assert.Same(Charsets.GetEncoding("windows-1251"), Charsets.GetEncoding("WINDOWS-1251"));
}
