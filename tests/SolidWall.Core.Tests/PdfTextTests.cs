using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

public sealed class PdfTextTests
{
    // The standard Helvetica, as hand-made and older PDFs use it: no /Widths, so string widths are estimated.
    private const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

    [Fact]
    public void A_one_page_flyer_reads_line_by_line()
    {
        var pdf = Pages(Helvetica, """
            BT
            /F1 24 Tf
            72 720 Td
            (Re-elect Mayor Dana Ortiz) Tj
            /F1 12 Tf
            0 -40 Td
            (Canvass kickoff Saturday, 10 a.m. \226 Lincoln Park) Tj
            0 -14 Td
            (Paid for by Friends of Dana Ortiz) Tj
            ET
            """);

        Assert.Equal("Re-elect Mayor Dana Ortiz\nCanvass kickoff Saturday, 10 a.m. – Lincoln Park\nPaid for by Friends of Dana Ortiz", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Flate_compressed_content_reads_as_plain_content_does()
    {
        var pdf = Pages(Helvetica, flate: true, "BT /F1 12 Tf 72 700 Td (Paid for by Friends of Dana Ortiz) Tj ET");
        var bytes = pdf.Build();

        Assert.DoesNotContain("Paid for", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("Paid for by Friends of Dana Ortiz", Read(bytes, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Pages_are_read_in_the_page_tree_order_not_the_file_order()
    {
        // The second page's objects come first in the file; /Kids says which page is first.
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [6 0 R 4 0 R] /Count 2 /Resources << /Font << /F1 3 0 R >> >> >>");
        pdf.Add(Helvetica);
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Second page: sign up at reelectortiz.example) Tj ET");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (First page: canvass kickoff) Tj ET");

        Assert.Equal("First page: canvass kickoff\n\nSecond page: sign up at reelectortiz.example", Read(pdf.Build(), out _));
    }

    [Fact]
    public void A_TJ_array_gap_of_more_than_a_fifth_of_an_em_is_a_space_and_kerning_is_not()
    {
        var pdf = Pages(Helvetica, """
            BT /F1 12 Tf 72 700 Td
            [(Paid) -250 (for) -300 (by) -1200 (Fri) 40 (e) -15 (nds) -250 (of) -250 (Da) -199 (na) -201 (Ortiz)] TJ
            ET
            """);

        Assert.Equal("Paid for by Friends of Dana Ortiz", Read(pdf.Build(), out _));
    }

    [Fact]
    public void Moves_to_a_new_line_break_the_line_and_jumps_along_it_are_spaces()
    {
        var pdf = Pages(Helvetica, """
            BT /F1 12 Tf 14 TL 72 700 Td
            (Phone bank) Tj 150 0 Td (Tuesday) Tj
            T* (Office hours) Tj
            (Friday) '
            1 0 0 1 72 600 Tm (Ward) Tj 1 0 0 1 200 600 Tm (3) Tj
            0 -30 TD (Precinct) Tj T* (12) Tj
            ET
            BT /F1 12 Tf 72 500 Td (Next) Tj ET
            BT /F1 12 Tf 110 500 Td (block, same line) Tj ET
            """);

        Assert.Equal("Phone bank Tuesday\nOffice hours\nFriday\nWard 3\nPrecinct\n12\nNext block, same line", Read(pdf.Build(), out _));
    }

    [Fact]
    public void With_widths_known_a_word_placed_after_the_last_ends_with_a_space_and_a_word_split_by_kerning_does_not()
    {
        // Every glyph 500/1000 wide: "Paid" at 12 pt ends 24 pt after it starts.
        var widths = string.Join(' ', Enumerable.Repeat("500", 95));
        var pdf = Pages($"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [{widths}] /Encoding /WinAnsiEncoding >>", """
            BT /F1 12 Tf
            1 0 0 1 72 700 Tm (Paid) Tj
            1 0 0 1 99 700 Tm (for) Tj
            1 0 0 1 120 700 Tm (Fri) Tj
            1 0 0 1 138.5 700 Tm (ends) Tj
            ET
            """);

        Assert.Equal("Paid for Friends", Read(pdf.Build(), out _));
    }

    [Fact]
    public void A_ToUnicode_map_gives_letters_accents_Chinese_and_characters_beyond_the_BMP()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>");
        pdf.Add("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSans /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>");
        pdf.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>");
        pdf.Stream("", """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange
            3 beginbfchar
            <0010> <00ED>
            <0011> <00F1>
            <0020> <D83DDDF3>
            endbfchar
            3 beginbfrange
            <0001> <0004> [<0056> <006F> <0074> <0065>]
            <0041> <005A> <0061>
            <0030> <0031> [<6295> <7968>]
            endbfrange
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end
            """, flate: true);
        pdf.Stream("", """
            BT /F1 14 Tf 72 700 Td
            <0001000200030004> Tj
            0 -20 Td [<00530010> -400 <004D004100110041004E0041>] TJ
            0 -20 Td <00300031> Tj [-300 <0020>] TJ
            ET
            """);

        // V o t e from the array form; s, m, a, n from the range a..z; í, ñ, the ballot box from bfchar; 投票.
        Assert.Equal("Vote\nsí mañana\n投票 🗳", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_code_space_of_one_and_two_byte_codes_splits_a_string_by_it()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>");
        pdf.Add("<< /Type /Font /Subtype /Type0 /BaseFont /Mixed /Encoding /Identity-H /DescendantFonts [<< /Subtype /CIDFontType0 /DW 500 >>] /ToUnicode 5 0 R >>");
        pdf.Stream("", """
            begincmap
            2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
            1 beginbfrange <41> <5A> <0041> endbfrange
            2 beginbfchar <8001> <00E9> <8002> <00D1> endbfchar
            endcmap
            """);
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td <43 4146 8001 20 80 02 4A 4F> Tj ET");

        // C A F é, then a code in no range (0x20: one byte, unmapped), Ñ, J O.
        Assert.Equal("CAFéÑJO", Read(pdf.Build(), out _));
    }

    [Fact]
    public void Arabic_drawn_left_to_right_reads_in_its_own_order_with_numbers_and_ligatures_kept_whole()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R /Ar 5 0 R >> >> /Contents 7 0 R >>");
        pdf.Add(Helvetica);
        pdf.Add("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoNaskhArabic /Encoding /Identity-H /DescendantFonts [<< /Subtype /CIDFontType2 /DW 500 >>] /ToUnicode 6 0 R >>");
        // One glyph each: ز ي ت ر و, the lam-alef ligature لأ, a space, ا ص ع م.
        pdf.Stream("", """
            begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            11 beginbfchar
            <0001> <0632> <0002> <064A> <0003> <062A> <0004> <0631> <0005> <0648> <0006> <06440623>
            <0009> <0020> <0007> <0627> <0008> <0635> <000A> <0639> <000B> <0645>
            endbfchar
            endcmap
            """);
        // The first three lines' glyphs in the order they appear from left to right, as Skia, Word and LibreOffice place them.
        pdf.Stream("", """
            BT /Ar 14 Tf 72 700 Td <000100020003000400050006000900070005000300050008> Tj
            /F1 12 Tf 0 -20 Td (Vote: ) Tj /Ar 12 Tf <00070005000300050008> Tj /F1 12 Tf ( \(2024\)) Tj
            0 -20 Td (\(2024\) ) Tj /Ar 12 Tf <000B0007000A> Tj
            ET
            BT /Ar 14 Tf 1 0 0 1 300 600 Tm [<0008> 1000 <0005> 1000 <0003> 1000 <0005> 1000 <0007>] TJ ET
            """);

        // The last line is drawn the way Cairo draws it: in reading order, each glyph to the left of the one before.
        Assert.Equal("صوتوا لأورتيز\nVote: صوتوا (2024)\nعام (2024)\nصوتوا", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Differences_name_glyphs_by_their_Adobe_names()
    {
        var pdf = Pages("""
            << /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Lato
               /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding
                  /Differences [1 /V /o /t /e 128 /eacute /ntilde /uni00ED /f_i /quotedblleft /quotedblright /Scaron /a.sc /g123 /u1F5F3 /Tcommaaccent /ohungarumlaut] >> >>
            """, """
            BT /F1 12 Tf 72 700 Td
            (\001\002\003\004) Tj
            0 -14 Td (s\202 ma\201ana caf\200) Tj
            0 -14 Td (\203ve \204Vote\205 \206\207\210) Tj
            0 -14 Td (\211 \212\213) Tj
            ET
            """);

        Assert.Equal("Vote\nsí mañana café\nfive “Vote” Ša\n🗳 \u021A\u0151", Read(pdf.Build(), out _));
    }

    [Fact]
    public void MacRoman_and_Standard_encodings_read_their_own_codes()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /Mac 4 0 R /Std 5 0 R >> >> /Contents 6 0 R >>");
        pdf.Add("<< /Type /Font /Subtype /TrueType /BaseFont /Georgia /Encoding /MacRomanEncoding >>");
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>");
        pdf.Stream("", """
            BT /Mac 12 Tf 72 700 Td (Educaci\227n, se\226ales, \322Vote\323) Tj
            /Std 12 Tf 0 -14 Td (Friends' \341ther \252quoted\272) Tj ET
            """);

        Assert.Equal("Educación, señales, “Vote”\nFriends’ Æther “quoted”", Read(pdf.Build(), out _));
    }

    [Fact]
    public void Objects_inside_an_object_stream_are_found()
    {
        // The page tree, the page and the font exist only inside object 6, compressed, as PDF 1.5 writers store them.
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Reserve();
        pdf.Reserve();
        pdf.Reserve();
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Paid for by Friends of Dana Ortiz) Tj ET", flate: true);
        pdf.ObjectStream(
            (2, "<< /Type /Pages /Kids [4 0 R] /Count 1 >>"),
            (3, Helvetica),
            (4, "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>"));

        Assert.Equal("Paid for by Friends of Dana Ortiz", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_later_definition_of_an_object_replaces_the_earlier_one_as_an_incremental_update_does()
    {
        var pdf = Pages(Helvetica, "BT /F1 12 Tf 72 700 Td (Old wording) Tj ET");
        var original = pdf.Build();
        var update = Encoding.Latin1.GetBytes("""
            4 0 obj
            << /Length 48 >>
            stream
            BT /F1 12 Tf 72 700 Td (Corrected wording) Tj ET
            endstream
            endobj
            trailer
            << /Size 6 /Root 1 0 R >>
            %%EOF

            """);

        Assert.Equal("Corrected wording", Read([.. original, .. update], out _));
    }

    [Fact]
    public void Text_in_a_form_XObject_is_read_with_the_form_resources_and_a_form_drawing_itself_is_read_once()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>");
        pdf.Add(Helvetica);
        pdf.Stream("", """
            BT /F1 18 Tf 72 700 Td (Canvass kickoff) Tj ET
            q 1 0 0 1 72 600 cm /Fm1 Do Q
            BT /F1 12 Tf 72 500 Td (See you there) Tj ET
            """);
        pdf.Stream("/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Resources << /Font << /F2 7 0 R >> /XObject << /Me 6 0 R >> >>",
            "BT /F2 10 Tf 0 50 Td (Paid for by Friends of Dana Ortiz) Tj ET /Me Do", flate: true);
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>");

        Assert.Equal("Canvass kickoff\nPaid for by Friends of Dana Ortiz\nSee you there", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void An_encrypted_PDF_that_needs_a_password_gives_no_text_and_says_so()
    {
        var pdf = Pages(Helvetica, "\u008F\u00E2\u0017\u00B5 encrypted bytes, not content");
        var encrypt = pdf.Add("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1084 /O <5A8E2C6B0D9E1F3A4B5C6D7E8F901A2B3C4D5E6F708192A3B4C5D6E7F8091A2B> /U <1F2E3D4C5B6A79880A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6071> >>");
        pdf.Trailer = $"/Encrypt {encrypt} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";

        Assert.Equal("", Read(pdf.Build(), out var problem));
        Assert.Equal("encrypted PDF: its text cannot be read", problem);
    }

    [Theory]
    [InlineData("RC4")]
    [InlineData("AESV2")]
    [InlineData("AESV3")]
    public void A_protected_PDF_that_opens_without_a_password_is_read(string method)
    {
        // Encrypted with the empty user password, as "protected" flyers are: the page tree in an object stream, both encrypted.
        byte[] id = [0x8F, 0x2A, 0x61, 0x0C, 0xD4, 0x93, 0x5E, 0x17, 0xB0, 0x44, 0xE9, 0x26, 0x7D, 0xC8, 0x05, 0x3B];
        var (dict, encrypt) = Protection(method, id);
        var pdf = new Pdf { Encrypt = encrypt };
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Reserve();
        pdf.Reserve();
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Paid for by Friends of Dana Ortiz) Tj ET");
        pdf.ObjectStream(
            (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 6 0 R >> >> >>"),
            (3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"));
        pdf.Add(Helvetica);
        var encryption = pdf.Add(dict);
        pdf.Trailer = $"/Encrypt {encryption} 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>]";
        var bytes = pdf.Build();

        Assert.DoesNotContain("Paid for", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("Paid for by Friends of Dana Ortiz", Read(bytes, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_file_cut_short_gives_the_pages_before_the_cut_and_names_where()
    {
        var pdf = Pages(Helvetica,
            "BT /F1 12 Tf 72 700 Td (First page: canvass kickoff) Tj ET",
            "BT /F1 12 Tf 72 700 Td (Second page: sign up) Tj ET");
        var whole = pdf.Build();
        var cut = whole[..(IndexOf(whole, "(Second page") + 5)];
        var stream = IndexOf(cut, "stream\n", IndexOf(cut, "6 0 obj")) + 7;

        Assert.Equal("First page: canvass kickoff", Read(cut, out var problem));
        Assert.Equal($"stream at byte {stream}: the file ends inside it (cut short)", problem);
    }

    [Fact]
    public void Corrupt_compressed_data_is_named_with_its_offset_and_the_other_pages_are_still_read()
    {
        var pdf = Pages(Helvetica, flate: true,
            "BT /F1 12 Tf 72 700 Td (Page one reads) Tj ET",
            "BT /F1 12 Tf 72 700 Td (Page two is damaged) Tj ET",
            "BT /F1 12 Tf 72 700 Td (Page three reads) Tj ET");
        var bytes = pdf.Build();
        var stream = IndexOf(bytes, "stream\n", IndexOf(bytes, "6 0 obj")) + 7;
        for (var i = stream + 2; i < stream + 12; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var text = Read(bytes, out var problem);

        Assert.StartsWith("Page one reads\n\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nPage three reads", text, StringComparison.Ordinal);
        Assert.Equal($"stream at byte {stream}: FlateDecode data is corrupt", problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello, this is a plain text file.")]
    [InlineData("PK\u0003\u0004 a zip file")]
    public void What_is_not_a_PDF_says_so(string content)
    {
        Assert.Equal("", Read(Encoding.Latin1.GetBytes(content), out var problem));
        Assert.Equal("not a PDF (no %PDF- header)", problem);
    }

    [Fact]
    public void A_header_after_junk_is_still_a_PDF()
    {
        var bytes = Pages(Helvetica, "BT /F1 12 Tf 72 700 Td (Vote Tuesday) Tj ET").Build();

        Assert.Equal("Vote Tuesday", Read([.. Encoding.Latin1.GetBytes("MIME junk before the header\r\n"), .. bytes], out _));
    }

    [Theory]
    [InlineData("/Length 5")] // too short
    [InlineData("/Length 99999")] // past the end of the file
    [InlineData("/Length 7 0 R")] // indirect, and wrong
    [InlineData("/Length 8 0 R")] // indirect, and right
    [InlineData("")] // missing
    public void A_wrong_or_missing_Length_is_found_out_by_the_endstream_keyword(string length)
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
        pdf.Add(Helvetica);
        const string Content = "BT /F1 12 Tf 72 700 Td (Paid for by Friends of Dana Ortiz) Tj ET";
        pdf.Add($"<< {length} >>\nstream\n{Content}\nendstream");
        pdf.Add("<< /Type /Annot /Subtype /Text /Contents (an object after the stream) >>");
        pdf.Add("12");
        pdf.Add(Content.Length.ToString(CultureInfo.InvariantCulture));

        Assert.Equal("Paid for by Friends of Dana Ortiz", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Decompression_stops_at_the_limit_and_says_so()
    {
        // 1 MB of nothing, a few kilobytes compressed: read under a limit of 4 KB.
        var bomb = "BT /F1 12 Tf 72 700 Td (Page two starts) Tj ET\n" + new string(' ', 1 << 20) + "BT (never reached) Tj ET";
        var pdf = Pages(Helvetica, flate: true, "BT /F1 12 Tf 72 700 Td (Page one) Tj ET", bomb, "BT /F1 12 Tf 72 700 Td (Page three) Tj ET");
        var bytes = pdf.Build();
        var stream = IndexOf(bytes, "stream\n", IndexOf(bytes, "6 0 obj")) + 7;

        var text = PdfText.Extract(bytes, 4096, out var problem);

        Assert.Equal("Page one\n\nPage two starts", text);
        Assert.Equal($"stream at byte {stream}: more than 4 KB of decompressed data in the PDF, the rest is not read", problem);
    }

    [Fact]
    public void Hex_strings_octal_escapes_and_balanced_parentheses_are_read_as_written()
    {
        var pdf = Pages(Helvetica, """
            BT /F1 12 Tf 72 700 Td
            <566F7465 2054 7565 7364 6179> Tj
            0 -14 Td <31323> Tj
            0 -14 Td (\101\102\103 caf\351 \(1\) back\\slash\ttab) Tj
            0 -14 Td (Vote (again) on \
            Tuesday) Tj
            0 -14 Td (one\ntwo a\bb\fc \q\0536) Tj
            ET
            """);

        Assert.Equal("Vote Tuesday\n120\nABC café (1) back\\slash tab\nVote (again) on Tuesday\none two abc q+6", Read(pdf.Build(), out _));
    }

    [Fact]
    public void Identity_H_codes_without_ToUnicode_are_left_out_and_named()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>");
        pdf.Add(Helvetica);
        pdf.Add("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [<< /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri >>] >>");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Readable line) Tj /F2 12 Tf 0 -14 Td <002A0044002F> Tj /F1 12 Tf 0 -14 Td (Another readable line) Tj ET");

        Assert.Equal("Readable line\nAnother readable line", Read(pdf.Build(), out var problem));
        Assert.Equal("page 1: font /F2 (ABCDEF+Calibri) has Identity-H codes and no ToUnicode map, its text is left out", problem);
    }

    [Fact]
    public void Inline_images_are_stepped_over_even_when_their_data_holds_EI_or_parentheses()
    {
        // The first image is unfiltered, 4 x 2 gray: its length is known, and its data reads "EI )" first. The second is
        // filtered, so its length is unknown; the first EI in its data is followed by binary, not by operators.
        const string Unfiltered = "q 4 0 0 2 72 650 cm BI /W 4 /H 2 /CS /G /BPC 8 ID EI )\0\u00FF(Q EI Q";
        const string Filtered = "q 8 0 0 8 72 600 cm BI /W 8 /H 8 /CS /RGB /BPC 8 /F /DCT ID \u00FF\u00D8\u00FF EI \u0001\u0002\u0003\u00FF\u00D9 EI Q";
        var pdf = Pages(Helvetica, $"BT /F1 12 Tf 72 700 Td (Before the images) Tj ET\n{Unfiltered}\n{Filtered}\nBT /F1 12 Tf 72 550 Td (After the images) Tj ET");

        Assert.Equal("Before the images\nAfter the images", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Comments_are_not_text()
    {
        var pdf = Pages(Helvetica, """
            % (Not this) Tj
            BT /F1 12 Tf 72 700 Td (Only this) Tj % (nor this) Tj
            ET
            """);

        Assert.Equal("Only this", Read(pdf.Build(), out _));
    }

    [Fact]
    public void Runs_of_spaces_collapse_lines_are_trimmed_and_ligatures_are_spelt_out()
    {
        var pdf = Pages("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>", """
            BT /F1 12 Tf 72 700 Td
            (   Paid    for   by   ) Tj
            0 -14 Td (Con\256rm your shift: see the \257yer) Tj
            ET
            """);

        // \256 and \257 are the fi and fl ligatures in the standard encoding: "confirm" and "flyer" must be found as words.
        Assert.Equal("Paid for by\nConfirm your shift: see the flyer", Read(pdf.Build(), out _));
    }

    [Fact]
    public void ActualText_replaces_the_glyphs_it_spans()
    {
        var pdf = Pages(Helvetica, """
            BT /F1 12 Tf 72 700 Td
            (O) Tj /Span << /ActualText <FEFF006600660069> >> BDC (X) Tj EMC (ce hours) Tj
            ET
            """);

        Assert.Equal("Office hours", Read(pdf.Build(), out _));
    }

    [Fact]
    public void Filters_in_an_array_are_undone_in_turn()
    {
        // Long enough for LZW codes to grow from 9 to 10 and 11 bits.
        var lines = Enumerable.Range(1, 40).Select(i => $"Line {i}: Paid for by Friends of Dana Ortiz, {i * 37 % 101} volunteers").ToList();
        var content = Encoding.Latin1.GetBytes("BT /F1 12 Tf 14 TL 72 700 Td " + string.Concat(lines.Select(l => $"({l}) Tj T* ")) + "ET");
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R] /Count 4 /Resources << /Font << /F1 7 0 R >> >> >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 8 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 9 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 10 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 11 0 R >>");
        pdf.Add(Helvetica);
        pdf.Stream("/Filter [/ASCII85Decode /FlateDecode]", Ascii85(Pdf.Deflate(content)));
        pdf.Stream("/Filter /ASCIIHexDecode", Encoding.ASCII.GetBytes(Convert.ToHexString(content) + ">"));
        pdf.Stream("/Filter [/LZWDecode]", Lzw(content));
        pdf.Stream("/Filter /RunLengthDecode", RunLength(content));

        var text = Read(pdf.Build(), out var problem);

        Assert.Equal(string.Join("\n\n", Enumerable.Repeat(string.Join('\n', lines), 4)), text);
        Assert.Null(problem);
    }

    [Fact]
    public void PNG_predictors_of_every_row_type_are_undone()
    {
        var content = Encoding.Latin1.GetBytes("BT /F1 12 Tf 72 700 Td (Predicted rows of five types, the last one short) Tj ET");
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
        pdf.Add(Helvetica);
        pdf.Stream("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 2 /Columns 4 >>", Pdf.Deflate(PngPredict(content, 8, 2)));

        Assert.Equal("Predicted rows of five types, the last one short", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void An_unknown_filter_is_named_and_the_rest_is_read()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources << /Font << /F1 5 0 R >> >> >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>");
        pdf.Add(Helvetica);
        pdf.Stream("/Filter /JBIG2Decode", "BT /F1 12 Tf 72 700 Td (Page one) Tj ET");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Page two) Tj ET");
        var bytes = pdf.Build();
        var stream = IndexOf(bytes, "stream\n", IndexOf(bytes, "6 0 obj")) + 7;

        Assert.Equal("Page two", Read(bytes, out var problem));
        Assert.Equal($"stream at byte {stream}: filter /JBIG2Decode is not supported", problem);
    }

    [Fact]
    public void Resources_are_inherited_and_a_page_tree_with_a_cycle_reads_each_page_once()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R 2 0 R 5 0 R] /Count 2 /Resources << /Font << /F1 6 0 R >> >> >>");
        pdf.Add("<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 3 0 R /Contents 7 0 R >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 8 0 R >>");
        pdf.Add(Helvetica);
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Page one, two levels down) Tj ET");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Page two) Tj ET");

        Assert.Equal("Page one, two levels down\n\nPage two", Read(pdf.Build(), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_page_tree_deeper_than_the_limit_is_named_and_its_pages_are_found_by_their_type()
    {
        // Page tree nodes 2..41, each the only kid of the one before; the page under the last.
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        for (var n = 2; n <= 41; n++)
        {
            pdf.Add($"<< /Type /Pages /Kids [{n + 1} 0 R] /Count 1 /Resources << /Font << /F1 44 0 R >> >> >>");
        }

        pdf.Add("<< /Type /Page /Contents 43 0 R >>");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Too deep to read) Tj ET");
        pdf.Add(Helvetica);

        Assert.Equal("Too deep to read", Read(pdf.Build(), out var problem));
        Assert.Equal($"the page tree is nested deeper than {PdfText.MaxDepth}: the pages below are not read", problem);
    }

    [Fact]
    public void Arrays_nested_deeper_than_the_limit_are_skipped_without_losing_the_page()
    {
        var deep = new string('[', 200) + new string(']', 200);
        var pdf = Pages(Helvetica, "BT /F1 12 Tf 72 700 Td (Still read) Tj ET");
        var bytes = Encoding.Latin1.GetString(pdf.Build()).Replace("/Type /Page /Parent", $"/Junk {deep} /Type /Page /Parent", StringComparison.Ordinal);

        Assert.Equal("Still read", Read(Encoding.Latin1.GetBytes(bytes), out var problem));
        Assert.Matches(@"^byte \d+: arrays or dictionaries nested deeper than 32, the rest of that object is skipped$", problem);
    }

    [Fact]
    public void At_most_the_page_limit_is_read()
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var count = PdfText.MaxPages + 1;
        var kids = string.Join(' ', Enumerable.Range(5, count).Select(n => $"{n} 0 R"));
        pdf.Add($"<< /Type /Pages /Kids [{kids}] /Count {count} /Resources << /Font << /F1 3 0 R >> >> >>");
        pdf.Add(Helvetica);
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (A page) Tj ET");
        for (var i = 0; i < count; i++)
        {
            pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>");
        }

        var text = Read(pdf.Build(), out var problem);

        Assert.Equal(PdfText.MaxPages, text.Split("\n\n").Length);
        Assert.Equal("more than 1,000 pages: only the first 1,000 are read", problem);
    }

    [Fact]
    public void A_catalog_lost_with_the_trailer_is_found_by_its_type()
    {
        var bytes = Pages(Helvetica, "BT /F1 12 Tf 72 700 Td (Found without a trailer) Tj ET").Build();
        var withoutTrailer = bytes[..IndexOf(bytes, "xref\n")];

        Assert.Equal("Found without a trailer", Read(withoutTrailer, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_PDF_with_pages_but_no_text_says_it_may_be_a_scan()
    {
        var pdf = Pages(Helvetica, "q 612 0 0 792 0 0 cm /Im1 Do Q", "q 612 0 0 792 0 0 cm /Im1 Do Q");

        Assert.Equal("", Read(pdf.Build(), out var problem));
        Assert.Equal("no text on its 2 pages (scanned images?)", problem);
    }

    [Fact]
    public void A_two_hundred_page_document_is_read_to_its_end()
    {
        var pages = Enumerable.Range(1, 200).Select(n => $"""
            BT /F1 12 Tf 14 TL 72 720 Td
            (Page {n}: Re-elect Mayor Dana Ortiz) Tj
            T* (Canvass kickoff Saturday at Lincoln Park field house; bring your students, they earn service hours.) Tj
            T* [(Paid) -250 (for) -250 (by) -250 (Friends) -250 (of) -250 (Dana) -250 (Ortiz)] TJ
            ET
            """).ToArray();

        var text = Read(Pages(Helvetica, flate: true, pages).Build(), out var problem);

        Assert.Null(problem);
        Assert.Equal(200, text.Split("\n\n").Length);
        Assert.EndsWith("Page 200: Re-elect Mayor Dana Ortiz\nCanvass kickoff Saturday at Lincoln Park field house; bring your students, they earn service hours.\nPaid for by Friends of Dana Ortiz", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_files_of_every_kind_are_read_without_an_error_of_the_reader()
    {
        // A PDF using most of what the reader knows, then cut, overwritten and spliced at random places.
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Fm 9 0 R >> >> >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents [7 0 R 8 0 R] >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /Contents 8 0 R >>");
        pdf.Add(Helvetica);
        pdf.Add("<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [<< /W [1 [500 600] 10 20 700] >>] /ToUnicode 10 0 R >>");
        pdf.Stream("", "BT /F1 12 Tf 72 700 Td (Paid for) Tj [(by) -300 (Friends)] TJ ET BI /W 2 /H 2 /CS /G /BPC 8 ID abcd EI", flate: true);
        pdf.Stream("", "q /Fm Do Q BT /F2 10 Tf <00010002> Tj /Span << /ActualText (x) >> BDC <0003> Tj EMC T* (a) ' ET");
        pdf.Stream("/Subtype /Form /Resources << /Font << /F1 5 0 R >> >>", "BT /F1 9 Tf (In the form) Tj ET", flate: true);
        pdf.Stream("", "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0003> <0041> endbfrange endcmap", flate: true);
        pdf.ObjectStream((20, "<< /Type /Annot >>"), (21, "[1 2 3]"));
        var original = pdf.Build();
        var random = new Random(20231107);
        for (var round = 0; round < 1000; round++)
        {
            var bytes = (byte[])original.Clone();
            switch (round % 4)
            {
                case 0:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 1:
                    for (var k = random.Next(1, 20); k > 0; k--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 2:
                    var at = random.Next(bytes.Length);
                    var length = random.Next(1, 200);
                    bytes = [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + length)..]];
                    break;
                default:
                    var from = random.Next(bytes.Length);
                    var to = random.Next(bytes.Length);
                    var piece = bytes[from..Math.Min(bytes.Length, from + random.Next(1, 300))];
                    bytes = [.. bytes[..to], .. piece, .. bytes[to..]];
                    break;
            }

            PdfText.Extract(bytes, out var problem);
            Assert.False(problem?.Contains("internal error", StringComparison.Ordinal) ?? false, $"round {round}: {problem}");
        }
    }

    private static string Read(byte[] pdf, out string? problem) => PdfText.Extract(pdf, out problem);

    // A catalog (1), a page tree (2), the font as /F1 (3), then for each page its content stream and the page.
    private static Pdf Pages(string font, params string[] contents) => Pages(font, false, contents);

    private static Pdf Pages(string font, bool flate, params string[] contents)
    {
        var pdf = new Pdf();
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        var tree = pdf.Reserve();
        var fontNumber = pdf.Add(font);
        var kids = new List<int>();
        foreach (var content in contents)
        {
            var stream = pdf.Stream("", content, flate);
            kids.Add(pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {fontNumber} 0 R >> >> /Contents {stream} 0 R >>"));
        }

        pdf.Set(tree, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        return pdf;
    }

    private static readonly byte[] PasswordPadding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    // The standard security handler's dictionary for the empty user password, and each stream's encryption, as
    // ISO 32000-2, 7.6.4 describes them: algorithms 1, 2 and 5 for RC4 and AES-128, 2.B and 8 for AES-256. /O is
    // any 32 bytes: the owner password is never asked for.
    private static (string Dict, Func<int, byte[], byte[]> Encrypt) Protection(string method, byte[] id)
    {
        var owner = Enumerable.Range(0, 48).Select(i => (byte)((i * 7) + 1)).ToArray();
        if (method == "AESV3")
        {
            var fileKey = Enumerable.Range(0, 32).Select(i => (byte)(255 - (i * 3))).ToArray();
            byte[] validationSalt = [1, 2, 3, 4, 5, 6, 7, 8];
            byte[] keySalt = [8, 7, 6, 5, 4, 3, 2, 1];
            using var aes = Aes.Create();
            aes.Key = Hash2B(keySalt);
            var ue = aes.EncryptCbc(fileKey, new byte[16], PaddingMode.None);
            byte[] user = [.. Hash2B(validationSalt), .. validationSalt, .. keySalt];
            return ($"<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /OE <{Convert.ToHexString(owner[..32])}> /UE <{Convert.ToHexString(ue)}> /P -1084 /Perms <{Convert.ToHexString(owner[..16])}> >>",
                (_, data) => AesEncrypt(fileKey, data));
        }

        var key = MD5.HashData([.. PasswordPadding, .. owner[..32], .. BitConverter.GetBytes(-1084), .. id]);
        for (var i = 0; i < 50; i++)
        {
            key = MD5.HashData(key);
        }

        var check = Rc4(key, MD5.HashData([.. PasswordPadding, .. id]));
        for (var i = 1; i <= 19; i++)
        {
            check = Rc4(key.Select(b => (byte)(b ^ i)).ToArray(), check);
        }

        var u = Convert.ToHexString([.. check, .. new byte[16]]);
        var o = Convert.ToHexString(owner[..32]);
        var isAes = method == "AESV2";
        var dict = isAes
            ? $"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <{o}> /U <{u}> /P -1084 >>"
            : $"<< /Filter /Standard /V 2 /R 3 /Length 128 /O <{o}> /U <{u}> /P -1084 >>";
        byte[] Encrypt(int number, byte[] data)
        {
            var objectKey = MD5.HashData([.. key, (byte)number, (byte)(number >> 8), (byte)(number >> 16), 0, 0, .. (isAes ? "sAlT"u8.ToArray() : [])]);
            return isAes ? AesEncrypt(objectKey, data) : Rc4(objectKey, data);
        }

        return (dict, Encrypt);
    }

    private static byte[] AesEncrypt(byte[] key, byte[] data)
    {
        byte[] iv = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6];
        using var aes = Aes.Create();
        aes.Key = key;
        return [.. iv, .. aes.EncryptCbc(data, iv, PaddingMode.PKCS7)];
    }

    // Algorithm 2.B for the empty password: SHA-256, then rounds of AES-128 and SHA-2 until the 64th and a condition.
    private static byte[] Hash2B(byte[] salt)
    {
        var k = SHA256.HashData(salt);
        using var aes = Aes.Create();
        for (var round = 1; ; round++)
        {
            var k1 = Enumerable.Repeat(k, 64).SelectMany(x => x).ToArray();
            aes.Key = k[..16];
            var e = aes.EncryptCbc(k1, k[16..32], PaddingMode.None);
            k = (e[..16].Sum(b => b) % 3) switch { 0 => SHA256.HashData(e), 1 => SHA384.HashData(e), _ => SHA512.HashData(e) };
            if (round >= 64 && e[^1] <= round - 32)
            {
                return k[..32];
            }
        }
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) % 256;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) % 256;
            j = (j + s[i]) % 256;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) % 256]);
        }

        return output;
    }

    private static int IndexOf(byte[] bytes, string text, int from = 0) => bytes.AsSpan(from).IndexOf(Encoding.Latin1.GetBytes(text)) + from;

    // ASCII85 as ISO 32000-1, 7.4.3 describes it: four bytes to five characters, "z" for four zeros, "~>" at the end.
    private static byte[] Ascii85(byte[] data)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 4)
        {
            var n = Math.Min(4, data.Length - i);
            uint group = 0;
            for (var k = 0; k < 4; k++)
            {
                group = (group << 8) | (k < n ? data[i + k] : 0u);
            }

            if (n == 4 && group == 0)
            {
                sb.Append('z');
                continue;
            }

            var chars = new char[5];
            for (var k = 4; k >= 0; k--)
            {
                chars[k] = (char)('!' + (group % 85));
                group /= 85;
            }

            sb.Append(chars, 0, n + 1);
            if (i % 60 == 0)
            {
                sb.Append('\n');
            }
        }

        return Encoding.ASCII.GetBytes(sb.Append("~>").ToString());
    }

    // LZW with 9- to 12-bit codes, a clear code first, and the code length growing one code early (EarlyChange 1).
    private static byte[] Lzw(byte[] data)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<(int Code, int Bits)>();
        var next = 258;
        var bits = 9;
        codes.Add((256, bits));
        var current = "";
        foreach (var b in data)
        {
            var extended = current + (char)b;
            if (extended.Length == 1 || table.ContainsKey(extended))
            {
                current = extended;
                continue;
            }

            codes.Add((current.Length == 1 ? current[0] : table[current], bits));
            table[extended] = next++;
            if (next >= 1 << bits)
            {
                bits++;
            }

            current = ((char)b).ToString();
        }

        codes.Add((current.Length == 1 ? current[0] : table[current], bits));
        codes.Add((257, bits));
        var output = new List<byte>();
        var buffer = 0L;
        var count = 0;
        foreach (var (code, width) in codes)
        {
            buffer = (buffer << width) | (uint)code;
            count += width;
            while (count >= 8)
            {
                output.Add((byte)(buffer >> (count - 8)));
                count -= 8;
            }
        }

        if (count > 0)
        {
            output.Add((byte)(buffer << (8 - count)));
        }

        return [.. output];
    }

    // Literal runs of up to 128 bytes, a repeated byte as one run, 128 at the end (ISO 32000-1, 7.4.5).
    private static byte[] RunLength(byte[] data)
    {
        var output = new List<byte>();
        for (var i = 0; i < data.Length;)
        {
            var same = 1;
            while (i + same < data.Length && same < 128 && data[i + same] == data[i])
            {
                same++;
            }

            if (same >= 3)
            {
                output.Add((byte)(257 - same));
                output.Add(data[i]);
                i += same;
                continue;
            }

            var take = Math.Min(same, data.Length - i);
            output.Add((byte)(take - 1));
            output.AddRange(data.AsSpan(i, take).ToArray());
            i += take;
        }

        output.Add(128);
        return [.. output];
    }

    // Rows of `rowLength` bytes, each given a PNG filter type in turn (None, Sub, Up, Average, Paeth) and that type's
    // byte before it, with `pixel` bytes per pixel.
    private static byte[] PngPredict(byte[] data, int rowLength, int pixel)
    {
        var output = new List<byte>();
        var previous = new byte[rowLength];
        for (int row = 0, start = 0; start < data.Length; row++, start += rowLength)
        {
            var current = new byte[rowLength];
            var count = Math.Min(rowLength, data.Length - start);
            data.AsSpan(start, count).CopyTo(current);
            var type = row % 5;
            output.Add((byte)type);
            for (var i = 0; i < count; i++)
            {
                int left = i >= pixel ? current[i - pixel] : 0, up = previous[i], upLeft = i >= pixel ? previous[i - pixel] : 0;
                var p = left + up - upLeft;
                var paeth = Math.Abs(p - left) <= Math.Abs(p - up) && Math.Abs(p - left) <= Math.Abs(p - upLeft) ? left : Math.Abs(p - up) <= Math.Abs(p - upLeft) ? up : upLeft;
                var predicted = type switch { 1 => left, 2 => up, 3 => (left + up) / 2, 4 => paeth, _ => 0 };
                output.Add((byte)(current[i] - predicted));
            }

            previous = current;
        }

        return [.. output];
    }

    /// <summary>
    /// Writes a PDF as a writer does: numbered objects in order, a cross-reference table with their offsets and a
    /// trailer, so that each test shows the objects it reads and nothing else.
    /// </summary>
    private sealed class Pdf
    {
        private readonly List<byte[]?> bodies = [];

        /// <summary>Entries added to the trailer dictionary after /Size and /Root.</summary>
        public string Trailer { get; set; } = "";

        /// <summary>Encrypts a stream's data, given the stream's object number: for a protected PDF.</summary>
        public Func<int, byte[], byte[]>? Encrypt { get; init; }

        public static byte[] Deflate(byte[] data)
        {
            using var output = new MemoryStream();
            using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(data);
            }

            return output.ToArray();
        }

        public int Add(string body)
        {
            bodies.Add(Encoding.Latin1.GetBytes(body));
            return bodies.Count;
        }

        /// <summary>A number for an object written later with <see cref="Set"/>, or never (one in an object stream).</summary>
        public int Reserve()
        {
            bodies.Add(null);
            return bodies.Count;
        }

        public void Set(int number, string body) => bodies[number - 1] = Encoding.Latin1.GetBytes(body);

        public int Stream(string dict, string content, bool flate = false) => Stream(dict, Encoding.Latin1.GetBytes(content), flate);

        public int Stream(string dict, byte[] data, bool flate = false)
        {
            if (flate)
            {
                data = Deflate(data);
                dict = "/Filter /FlateDecode " + dict;
            }

            if (Encrypt is not null)
            {
                data = Encrypt(bodies.Count + 1, data);
            }

            bodies.Add([.. Encoding.Latin1.GetBytes($"<< {dict.Trim()} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8]);
            return bodies.Count;
        }

        /// <summary>An object stream (ISO 32000-1, 7.5.7) holding the objects given: "number offset" pairs, then the objects.</summary>
        public int ObjectStream(params (int Number, string Body)[] objects)
        {
            var header = new StringBuilder();
            var body = new StringBuilder();
            foreach (var (number, text) in objects)
            {
                header.Append(CultureInfo.InvariantCulture, $"{number} {body.Length} ");
                body.Append(text).Append('\n');
            }

            header.Append('\n');
            return Stream($"/Type /ObjStm /N {objects.Length} /First {header.Length}", header.ToString() + body, flate: true);
        }

        public byte[] Build()
        {
            var output = new MemoryStream();
            void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
            Write("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
            var offsets = new long[bodies.Count];
            for (var i = 0; i < bodies.Count; i++)
            {
                if (bodies[i] is not { } body)
                {
                    continue;
                }

                offsets[i] = output.Position;
                Write($"{i + 1} 0 obj\n");
                output.Write(body);
                Write("\nendobj\n");
            }

            var xref = output.Position;
            Write($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                Write(offset == 0 ? "0000000000 65535 f \n" : $"{offset:D10} 00000 n \n");
            }

            Write($"trailer\n<< /Size {bodies.Count + 1} /Root 1 0 R {Trailer} >>\nstartxref\n{xref}\n%%EOF\n");
            return output.ToArray();
        }
    }
}
