using System.Text;

namespace SolidWall.Mime.Tests;

public sealed class EncodedWordTests
{
    private static string D(string raw, DefectSink? defects = null) => HeaderText.Decode(TestData.Ascii(raw), defects);

    // RFC 2047 section 8, the table of encoded words and what they display as. In unstructured text such as a
    // Subject the parentheses are not comments, but clients decode the words beside them just the same.
    [Theory]
    [InlineData("(=?ISO-8859-1?Q?a?=)", "(a)")]
    [InlineData("(=?ISO-8859-1?Q?a?= b)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a_b?=)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)")]
    public void Rfc2047_section8_table(string raw, string expected) => Assert.Equal(expected, D(raw));

    // RFC 2047 section 8, the message header example.
    [Theory]
    [InlineData("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "Keith Moore <moore@cs.utk.edu>")]
    [InlineData("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>", "Keld Jørn Simonsen <keld@dkuug.dk>")]
    [InlineData("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>", "André Pirard <PIRARD@vm1.ulg.ac.be>")]
    [InlineData(" =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
        "If you can read this you understand the example.")]
    [InlineData("=?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>", "Olle Järnefors <ojarnef@admin.kth.se>")]
    [InlineData("Nathaniel Borenstein <nsb@thumper.bellcore.com>\r\n    (=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)",
        "Nathaniel Borenstein <nsb@thumper.bellcore.com>    (םולש ןב ילטפנ)")]
    public void Rfc2047_section8_headers(string raw, string expected) => Assert.Equal(expected, D(raw));

    [Fact]
    public void Unfolds_rfc5322_folding() => Assert.Equal("This is a test\t of folding", D(" This is a test\r\n\t of folding\r\n"));

    [Fact]
    public void Plain_ascii_fast_path_keeps_text() => Assert.Equal("Hello, world", D("  Hello, world  "));

    [Fact]
    public void Lower_case_b_and_q_are_accepted() =>
        Assert.Equal("Grüße aus Köln", D("=?utf-8?b?R3LDvMOfZQ==?= =?utf-8?q?_aus_K=c3=b6ln?="));

    [Fact]
    public void Rfc2231_language_suffix_is_ignored() => Assert.Equal("€ price", D("=?utf-8*en?Q?=E2=82=AC_price?="));

    [Fact]
    public void Words_without_whitespace_between_them_are_joined() =>
        Assert.Equal("abcdef", D("=?utf-8?Q?abc?==?utf-8?Q?def?="));

    [Fact]
    public void Word_inside_quoted_string_is_decoded() =>
        Assert.Equal("\"Jörg Müller\" <j@example.com>", D("\"=?utf-8?Q?J=C3=B6rg_M=C3=BCller?=\" <j@example.com>"));

    [Fact]
    public void Word_glued_inside_a_word_is_decoded() => Assert.Equal("preJörgpost", D("pre=?utf-8?Q?J=C3=B6rg?=post"));

    [Fact]
    public void Multibyte_character_split_across_two_words_survives()
    {
        // "中" is E4 B8 AD: the first word carries E4 B8, the second AD.
        Assert.Equal("中文", D("=?UTF-8?Q?=E4=B8?= =?UTF-8?Q?=AD=E6=96=87?="));
        // Same split in base64, as Outlook and mobile clients cut long subjects.
        var a = Convert.ToBase64String([0xE4, 0xB8]);
        var b = Convert.ToBase64String([0xAD, 0xE6, 0x96, 0x87]);
        Assert.Equal("中文", D($"=?utf-8?B?{a}?=\r\n =?UTF-8?B?{b}?="));
    }

    [Fact]
    public void Split_shift_jis_character_survives()
    {
        var bytes = TestData.Legacy(932).GetBytes("日本");
        var a = Convert.ToBase64String(bytes.AsSpan(0, 1));
        var b = Convert.ToBase64String(bytes.AsSpan(1));
        Assert.Equal("日本", D($"=?shift_jis?B?{a}?= =?Shift_JIS?B?{b}?="));
    }

    [Fact]
    public void Wrong_charset_label_falls_back()
    {
        var defects = new DefectSink();
        // Declared us-ascii, carries UTF-8 bytes.
        Assert.Equal("Jörg", D("=?us-ascii?Q?J=C3=B6rg?=", defects));
        Assert.Contains(defects.Items, d => d.Kind == "charset-mismatch");
    }

    [Fact]
    public void Unknown_charset_label_guesses()
    {
        var defects = new DefectSink();
        Assert.Equal("Jörg", D("=?unknown-8bit?Q?J=F6rg?=", defects));
        Assert.Contains(defects.Items, d => d.Kind == "charset-unknown");
    }

    [Theory]
    [InlineData("=?utf-8?B?SGVsbG8?=", "Hello")]
    [InlineData("=?utf-8?B?SGVsbG8=?=", "Hello")]
    [InlineData("=?utf-8?B?SGVsbG8==?=", "Hello")]
    [InlineData("=?utf-8?B?SGVs bG8=?=", "Hello")]
    public void Bad_base64_padding_is_tolerated(string raw, string expected) => Assert.Equal(expected, D(raw));

    [Theory]
    [InlineData("=?utf-8?Q?Is_this_ok??=", "Is this ok?")]
    [InlineData("=?utf-8?Q?a?b?=", "a?b")]
    [InlineData("=?utf-8?Q?hello world?=", "hello world")]
    [InlineData("=?iso-8859-1?Q?100=25 sure?=", "100% sure")]
    public void Question_marks_and_spaces_inside_q_words(string raw, string expected) => Assert.Equal(expected, D(raw));

    [Theory]
    [InlineData("=?utf-8?X?abc?=")]
    [InlineData("=?utf-8?Q?never closed")]
    [InlineData("=??Q?empty charset?=")]
    [InlineData("=?utf 8?Q?abc?=")]
    [InlineData("a =? b ?= c")]
    [InlineData("=?utf-8?Q")]
    public void Malformed_words_stay_literal(string raw) => Assert.Equal(raw, D(raw));

    [Fact]
    public void Malformed_word_then_good_word()
    {
        Assert.Equal("=?utf-8?Q?broken ok", D("=?utf-8?Q?broken =?utf-8?Q?ok?="));
    }

    [Fact]
    public void Whitespace_between_word_and_text_is_kept() =>
        Assert.Equal("Re: Jörg and Anna", D("Re: =?utf-8?Q?J=C3=B6rg?= and Anna"));

    [Fact]
    public void Raw_utf8_header_is_rfc6532_text()
    {
        var defects = new DefectSink();
        Assert.Equal("Grüße – 中文", HeaderText.Decode(TestData.Utf8("Grüße – 中文"), defects));
        Assert.Equal(0, defects.Count);
    }

    [Fact]
    public void Raw_legacy_8bit_header_reads_windows_1252_with_defect()
    {
        var defects = new DefectSink();
        Assert.Equal("Café crème", HeaderText.Decode(TestData.Legacy(1252).GetBytes("Café crème"), defects));
        Assert.Equal("header-8bit-not-utf8", Assert.Single(defects.Items).Kind);
    }

    [Fact]
    public void Mixed_raw_utf8_and_encoded_word() =>
        Assert.Equal("Grüße und Küsse", HeaderText.Decode(TestData.Utf8("Grüße =?utf-8?Q?und_K=C3=BCsse?=")));

    [Fact]
    public void Encoded_words_in_legacy_charsets()
    {
        var koi = Convert.ToBase64String(TestData.Legacy(20866).GetBytes("Привет"));
        var jis = Convert.ToBase64String(TestData.Legacy(50220).GetBytes("選挙"));
        // The blank between the two words is not text (RFC 2047 section 6.2).
        Assert.Equal("Привет選挙", D($"=?koi8-r?B?{koi}?= =?ISO-2022-JP?B?{jis}?="));
    }

    [Theory]
    [InlineData("\"Doe, John\" <john@example.com>", "Doe, John <john@example.com>")]
    [InlineData("\"=?utf-8?Q?J=C3=B6rg?= M\\\"x\" <j@example.com>", "Jörg M\"x <j@example.com>")]
    [InlineData("=?utf-8?Q?J=C3=B6rg?=", "Jörg")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    public void DecodePhrase_unquotes(string raw, string expected) =>
        Assert.Equal(expected, HeaderText.DecodePhrase(TestData.Ascii(raw)));

    [Fact]
    public void Unfold_removes_line_breaks_only() =>
        Assert.Equal("a =?x?Q?y?= b\tc", HeaderText.Unfold(TestData.Ascii("a =?x?Q?y?= b\r\n\tc")));
}
