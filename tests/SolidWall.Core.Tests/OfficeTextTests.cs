using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

/// <summary>
/// Word, PowerPoint, Excel and OpenDocument files built here part by part, each with the few parts a reader needs
/// ([Content_Types].xml or mimetype, the main part, the part under test), so that every test's input is in front of you.
/// </summary>
public sealed class OfficeTextTests
{
    private const string WordNamespaces =
        """xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" """
        + """xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" """
        + """xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" """
        + """xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" """
        + """xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" """
        + """xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" """
        + """xmlns:v="urn:schemas-microsoft-com:vml" """;

    private const string SlideNamespaces =
        """xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" """
        + """xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" """;

    private const string SheetNamespace = """xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" """;

    private const string OpenDocumentNamespaces =
        """xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" """
        + """xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" """
        + """xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" """
        + """xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" """
        + """xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" """
        + """xmlns:dc="http://purl.org/dc/elements/1.1/" """;

    // ---- Word

    [Fact]
    public void A_document_reads_as_its_paragraphs_in_any_language()
    {
        var docx = Docx(P("Paid for by Friends of Dana Ortiz") + P("¡Vote por Dana Ortiz el martes! Señora Peña, su voz cuenta en la elección."));
        Assert.Equal(
            "Paid for by Friends of Dana Ortiz\n¡Vote por Dana Ortiz el martes! Señora Peña, su voz cuenta en la elección.",
            OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Runs_join_without_spaces_and_tabs_breaks_and_hyphens_are_kept_but_tab_stops_and_symbols_are_not()
    {
        // Word splits a word into runs wherever the formatting or the spell checker's marks change.
        var docx = Docx("""
            <w:p>
              <w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
              <w:r><w:t>Vo</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>te</w:t></w:r>
              <w:r><w:t xml:space="preserve"> early</w:t></w:r>
              <w:r><w:tab/><w:t>Nov</w:t><w:noBreakHyphen/><w:t>5</w:t></w:r>
              <w:r><w:sym w:font="Wingdings" w:char="F0E0"/><w:br/><w:t>Ward 12</w:t></w:r>
            </w:p>
            """);
        Assert.Equal("Vote early\tNov-5\nWard 12", OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_table_reads_a_row_per_line_with_a_tab_between_cells()
    {
        var docx = Docx("""
            <w:p><w:r><w:t>Volunteer shifts</w:t></w:r></w:p>
            <w:tbl>
              <w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>
              <w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>
              <w:tr>
                <w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc>
                <w:tc><w:p><w:r><w:t>Shift</w:t></w:r></w:p></w:tc>
              </w:tr>
              <w:tr>
                <w:tc><w:p><w:r><w:t>Dana Ortiz</w:t></w:r></w:p></w:tc>
                <w:tc><w:p><w:r><w:t>Saturday 10 am</w:t></w:r></w:p><w:p><w:r><w:t>Lincoln Park</w:t><w:br/><w:t>field house</w:t></w:r></w:p></w:tc>
              </w:tr>
              <w:tr>
                <w:tc><w:p/></w:tc>
                <w:tc><w:p><w:r><w:t>Sunday</w:t></w:r></w:p></w:tc>
              </w:tr>
            </w:tbl>
            <w:p><w:r><w:t>Bring a friend</w:t></w:r></w:p>
            """);
        Assert.Equal(
            "Volunteer shifts\nName\tShift\nDana Ortiz\tSaturday 10 am Lincoln Park field house\n\tSunday\nBring a friend",
            OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Headers_footers_and_footnotes_follow_the_document_each_after_a_blank_line()
    {
        var docx = Docx(
            P("Dear colleagues, see the attached flyer."),
            ("word/footer1.xml", Part("ftr", P("Paid for by Friends of Dana Ortiz"))),
            ("word/header2.xml", Part("hdr", P("Page header, first page"))),
            ("word/header1.xml", Part("hdr", P("Lincoln Park Elementary"))),
            ("word/footnotes.xml", Part("footnotes", """
                <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
                <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Not authorized by any candidate.</w:t></w:r></w:p></w:footnote>
                """)));
        Assert.Equal(
            "Dear colleagues, see the attached flyer.\n\nLincoln Park Elementary\n\nPage header, first page\n\nPaid for by Friends of Dana Ortiz\n\n Not authorized by any candidate.",
            OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Deleted_and_moved_away_text_of_tracked_changes_is_skipped()
    {
        var docx = Docx("""
            <w:p>
              <w:r><w:t xml:space="preserve">Please </w:t></w:r>
              <w:del w:id="1" w:author="Kelsey Branham" w:date="2023-01-10T09:00:00Z"><w:r><w:delText xml:space="preserve">vote for Mayor Ortiz and </w:delText></w:r></w:del>
              <w:ins w:id="2" w:author="Kelsey Branham" w:date="2023-01-10T09:00:00Z"><w:r><w:t xml:space="preserve">read about the bond and </w:t></w:r></w:ins>
              <w:r><w:t>share this.</w:t></w:r>
            </w:p>
            <w:p><w:moveFrom w:id="3" w:author="Kelsey Branham"><w:r><w:t>Moved line</w:t></w:r></w:moveFrom></w:p>
            <w:p><w:moveTo w:id="4" w:author="Kelsey Branham"><w:r><w:t>Moved line</w:t></w:r></w:moveTo></w:p>
            """);
        Assert.Equal("Please read about the bond and share this.\n\nMoved line", OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_links_display_text_is_kept_and_a_fields_code_is_not()
    {
        // A hyperlink element, then a HYPERLINK field as older Word versions and mail merges write it.
        var docx = Docx("""
            <w:p>
              <w:r><w:t xml:space="preserve">Sign up at </w:t></w:r>
              <w:hyperlink r:id="rId5" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>mobilize.us/ortiz</w:t></w:r></w:hyperlink>
              <w:r><w:t xml:space="preserve"> or </w:t></w:r>
              <w:r><w:fldChar w:fldCharType="begin"/></w:r>
              <w:r><w:instrText xml:space="preserve"> HYPERLINK "https://secure.actblue.com/donate/ortiz" </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r>
              <w:r><w:t>donate today</w:t></w:r>
              <w:r><w:fldChar w:fldCharType="end"/></w:r>
            </w:p>
            """);
        Assert.Equal("Sign up at mobilize.us/ortiz or donate today", OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_text_box_is_read_once_on_lines_of_its_own()
    {
        // Word writes a text box twice: as a DrawingML shape, and as VML for readers that do not know the shape.
        var docx = Docx("""
            <w:p>
              <w:r><w:t xml:space="preserve">See the flyer </w:t></w:r>
              <w:r>
                <mc:AlternateContent>
                  <mc:Choice Requires="wps">
                    <w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
                      <wps:wsp><wps:txbx><w:txbxContent>
                        <w:p><w:r><w:t>Canvass with Dana</w:t></w:r></w:p>
                        <w:p><w:r><w:t>Saturday 10 am</w:t></w:r></w:p>
                      </w:txbxContent></wps:txbx></wps:wsp>
                    </a:graphicData></a:graphic></wp:anchor></w:drawing>
                  </mc:Choice>
                  <mc:Fallback>
                    <w:pict><v:shape><v:textbox><w:txbxContent>
                      <w:p><w:r><w:t>Canvass with Dana</w:t></w:r></w:p>
                      <w:p><w:r><w:t>Saturday 10 am</w:t></w:r></w:p>
                    </w:txbxContent></v:textbox></v:shape></w:pict>
                  </mc:Fallback>
                </mc:AlternateContent>
              </w:r>
              <w:r><w:t>below.</w:t></w:r>
            </w:p>
            """);
        Assert.Equal("See the flyer\nCanvass with Dana\nSaturday 10 am\nbelow.", OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    // ---- PowerPoint and Excel

    [Fact]
    public void Slides_are_read_in_the_order_of_their_numbers_then_their_notes()
    {
        var pptx = Pptx(
            ("ppt/slides/slide10.xml", Slide("sld", "<a:p><a:r><a:t>Sign up tonight</a:t></a:r></a:p>")),
            ("ppt/slides/slide2.xml", Slide("sld", "<a:p><a:r><a:t>Where to canvass</a:t></a:r></a:p>")),
            ("ppt/slides/slide1.xml", Slide("sld",
                """<a:p><a:r><a:rPr lang="en-US" b="1"/><a:t>Welcome, </a:t></a:r><a:r><a:t>volunteers</a:t></a:r><a:br/><a:r><a:t>Re-elect Mayor Ortiz</a:t></a:r></a:p>""")),
            ("ppt/notesSlides/notesSlide1.xml", Slide("notes",
                """<a:p><a:r><a:t>Remind them: Paid for by Friends of Dana Ortiz</a:t></a:r></a:p><a:p><a:fld id="{B2C1}" type="slidenum"><a:t>1</a:t></a:fld></a:p>""")));
        Assert.Equal(
            "Welcome, volunteers\nRe-elect Mayor Ortiz\n\nWhere to canvass\n\nSign up tonight\n\nRemind them: Paid for by Friends of Dana Ortiz",
            OfficeText.Extract(pptx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_workbook_reads_its_cells_by_row_with_shared_strings_each_sheet_after_a_blank_line()
    {
        var xlsx = Xlsx(
            ("xl/sharedStrings.xml", $"""
                <sst {SheetNamespace}count="4" uniqueCount="4">
                  <si><t>Name</t></si>
                  <si><t>Email</t></si>
                  <si><r><t xml:space="preserve">Dana </t></r><r><rPr><b/></rPr><t>Ortiz</t></r><rPh sb="0" eb="4"><t>ダナ</t></rPh></si>
                  <si><t>Hours</t></si>
                </sst>
                """),
            ("xl/worksheets/sheet1.xml", $"""
                <worksheet {SheetNamespace}><sheetData>
                  <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" s="2"/></row>
                  <row r="2">
                    <c r="A2" t="s"><v>2</v></c><c r="B2"><v>3.1400000000000001</v></c>
                    <c r="C2" t="inlineStr"><is><t>Lincoln Park</t></is></c><c r="D2" t="b"><v>1</v></c>
                    <c r="E2"><f>B2*2</f><v>6.28</v></c>
                  </row>
                </sheetData></worksheet>
                """),
            ("xl/worksheets/sheet2.xml", $"""
                <worksheet {SheetNamespace}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Paid for by Friends of Dana Ortiz</t></is></c></row></sheetData></worksheet>
                """));
        Assert.Equal("Name\tHours\nDana Ortiz\t3.14\tLincoln Park\tTRUE\t6.28\n\nPaid for by Friends of Dana Ortiz", OfficeText.Extract(xlsx, out var problem));
        Assert.Null(problem);
    }

    // ---- OpenDocument

    [Fact]
    public void An_open_document_text_reads_its_headings_paragraphs_spaces_tabs_and_notes()
    {
        var odt = OpenDocument("application/vnd.oasis.opendocument.text", $"""
            <office:document-content {OpenDocumentNamespaces}office:version="1.3"><office:body><office:text>
              <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
              <text:h text:outline-level="1">Canvass kickoff</text:h>
              <text:p>Meet at<text:s text:c="3"/>Lincoln Park<text:tab/>10 am<text:line-break/>Bring <text:span text:style-name="T1">water</text:span>
                and   a friend.</text:p>
              <text:p>Paid for by Friends of Dana Ortiz<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Not authorized by any candidate.</text:p></text:note-body></text:note></text:p>
            </office:text></office:body></office:document-content>
            """);
        Assert.Equal(
            "Canvass kickoff\nMeet at   Lincoln Park\t10 am\nBring water and a friend.\nPaid for by Friends of Dana Ortiz\nNot authorized by any candidate.",
            OfficeText.Extract(odt, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void An_open_document_presentation_reads_a_page_at_a_time()
    {
        var odp = OpenDocument("application/vnd.oasis.opendocument.presentation", $"""
            <office:document-content {OpenDocumentNamespaces}><office:body><office:presentation>
              <draw:page draw:name="page1">
                <draw:frame><draw:text-box><text:p>Re-elect Mayor Ortiz</text:p></draw:text-box></draw:frame>
                <presentation:notes><draw:page-thumbnail draw:page-number="1"/><draw:frame><draw:text-box><text:p>Thank the volunteers</text:p></draw:text-box></draw:frame></presentation:notes>
              </draw:page>
              <draw:page draw:name="page2">
                <draw:frame><draw:text-box><text:list><text:list-item><text:p>Knock doors</text:p></text:list-item><text:list-item><text:p>Register voters</text:p></text:list-item></text:list></draw:text-box></draw:frame>
              </draw:page>
            </office:presentation></office:body></office:document-content>
            """);
        Assert.Equal("Re-elect Mayor Ortiz\nThank the volunteers\n\nKnock doors\nRegister voters", OfficeText.Extract(odp, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void An_open_document_spreadsheet_reads_a_sheet_at_a_time_without_expanding_repeated_cells()
    {
        // LibreOffice ends every sheet with its empty columns and rows as one element repeated a million times.
        var ods = OpenDocument("application/vnd.oasis.opendocument.spreadsheet", $"""
            <office:document-content {OpenDocumentNamespaces}><office:body><office:spreadsheet>
              <table:table table:name="Shifts">
                <table:table-column table:number-columns-repeated="16384"/>
                <table:table-row>
                  <table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="2"/>
                  <table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>
                  <table:table-cell table:number-columns-repeated="16380"/>
                </table:table-row>
                <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
              </table:table>
              <table:table table:name="Notes">
                <table:table-row><table:table-cell><text:p>Paid for by</text:p><text:p>Friends of Dana Ortiz</text:p></table:table-cell></table:table-row>
              </table:table>
            </office:spreadsheet></office:body></office:document-content>
            """);
        Assert.Equal("Name\t\t2\n\nPaid for by Friends of Dana Ortiz", OfficeText.Extract(ods, out var problem));
        Assert.Null(problem);
    }

    // ---- What the file is

    [Fact]
    public void The_format_is_told_by_what_the_zip_holds()
    {
        Assert.Equal(OfficeFormat.Docx, OfficeText.Detect(Docx(P("Vote"))));
        Assert.Equal(OfficeFormat.Pptx, OfficeText.Detect(Pptx()));
        Assert.Equal(OfficeFormat.Xlsx, OfficeText.Detect(Xlsx()));
        Assert.Equal(OfficeFormat.Odt, OfficeText.Detect(OpenDocument("application/vnd.oasis.opendocument.text", "<x/>")));
        Assert.Equal(OfficeFormat.Odp, OfficeText.Detect(OpenDocument("application/vnd.oasis.opendocument.presentation", "<x/>")));
        Assert.Equal(OfficeFormat.Ods, OfficeText.Detect(OpenDocument("application/vnd.oasis.opendocument.spreadsheet", "<x/>")));

        // A drawing is OpenDocument but holds no text SolidWall reads; a zip whose files are named like Office files is a zip.
        Assert.Equal(OfficeFormat.None, OfficeText.Detect(OpenDocument("application/vnd.oasis.opendocument.graphics", "<x/>")));
        var named = Zip(("flyer.docx", "Vote for Dana Ortiz"), ("word/document.txt", "Vote for Dana Ortiz"));
        Assert.Equal(OfficeFormat.None, OfficeText.Detect(named));
        Assert.Equal("", OfficeText.Extract(named, out var problem));
        Assert.Equal("a zip archive, but not an Office Open XML or OpenDocument file", problem);
    }

    [Fact]
    public void An_attachment_is_read_as_sniffing_then_extracting_reads_it()
    {
        // AttachmentText.Read opens an Office file once for what it is and for its text; that must be the reading that
        // sniffing the format and then extracting the text gives, for every format, a zip of something else and a damaged one.
        byte[][] files =
        [
            Docx(P("Paid for by Friends of Dana Ortiz") + P("Vote Tuesday.")),
            Docx(P("Volunteer\u200b Saturday   ") + P("") + P("") + P("Canvass")),
            Docx(P("unused"), ("word/document.xml", $"<w:document {WordNamespaces}><w:body><w:p><w:r><w:t>Vote</w:r></w:p></w:body></w:document>")),
            Pptx(("ppt/slides/slide1.xml", Slide("sld", "<a:p><a:r><a:t>Canvass Saturday</a:t></a:r></a:p>"))),
            Xlsx(),
            OpenDocument("application/vnd.oasis.opendocument.text", "<x>Sign the petition</x>"),
            OpenDocument("application/vnd.oasis.opendocument.presentation", "<x/>"),
            OpenDocument("application/vnd.oasis.opendocument.spreadsheet", "<x/>"),
            OpenDocument("application/vnd.oasis.opendocument.graphics", "<x/>"),
            Zip(("flyer.docx", "Vote for Dana Ortiz")),
            [.. Docx(P("Vote"))[..40]],
        ];
        foreach (var file in files)
        {
            var format = AttachmentText.Sniff(file, "application/octet-stream", "flyer.docx");
            var reading = AttachmentText.Read(file, "application/octet-stream", "flyer.docx", charset: null);
            Assert.Equal(format, reading?.Format);
            if (reading is { } read)
            {
                var text = OfficeText.Extract(file, out var problem);
                Assert.Equal(TextCleanup.Normalize(text), read.Text);
                Assert.Equal(problem, read.Problem);
            }
        }

        Assert.Equal(8, files.Count(f => AttachmentText.Read(f, null, null, null) is not null));
        Assert.Equal(("Word document", "Paid for by Friends of Dana Ortiz\nVote Tuesday.", (string?)null), AttachmentText.Read(files[0], null, null, null) is { } first ? (first.Format, first.Text, first.Problem) : default);
        Assert.NotNull(AttachmentText.Read(files[2], null, null, null)?.Problem);
    }

    [Fact]
    public void The_main_part_is_where_the_content_types_say()
    {
        // Word Online and some converters name the main part document2.xml.
        var docx = Zip(
            ("[Content_Types].xml", Types("/word/document2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            ("word/document2.xml", Part("document", "<w:body>" + P("Vote for Dana Ortiz") + "</w:body>")));
        Assert.Equal(OfficeFormat.Docx, OfficeText.Detect(docx));
        Assert.Equal("Vote for Dana Ortiz", OfficeText.Extract(docx, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void An_encrypted_or_legacy_office_file_is_named_as_such()
    {
        // The OLE compound file header (MS-CFB 2.2): an encrypted .docx is the encrypted zip inside one, and so is a .doc.
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        Assert.Equal("", OfficeText.Extract(ole, out var problem));
        Assert.Equal("encrypted or legacy binary Office file (OLE): its text cannot be read", problem);
        Assert.Equal(OfficeFormat.None, OfficeText.Detect(ole));
    }

    [Fact]
    public void An_encrypted_open_document_is_named_as_such()
    {
        var odt = Zip(
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", """
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="3120">
                    <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="x"/>
                  </manifest:file-entry>
                </manifest:manifest>
                """),
            ("content.xml", "\u0007\u00e2\u0019 ciphertext"));
        Assert.Equal("", OfficeText.Extract(odt, out var problem));
        Assert.Equal("encrypted OpenDocument file: its text cannot be read", problem);
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj", "not a zip archive")]
    [InlineData("{\\rtf1\\ansi Vote}", "not a zip archive")]
    [InlineData("", "not a zip archive")]
    [InlineData("PK\u0003\u0004 but nothing of a zip after it", "damaged zip archive: its directory cannot be read")]
    public void Anything_else_gives_no_text_and_says_why(string data, string expected)
    {
        var bytes = Encoding.Latin1.GetBytes(data);
        Assert.Equal("", OfficeText.Extract(bytes, out var problem));
        Assert.Equal(expected, problem);
        Assert.Equal(OfficeFormat.None, OfficeText.Detect(bytes));
    }

    // ---- Damaged and hostile files

    [Fact]
    public void Malformed_xml_gives_what_was_read_before_it_and_the_rest_of_the_file()
    {
        var docx = Docx(
            P("unused"),
            ("word/document.xml", $"""
                <w:document {WordNamespaces}><w:body>
                <w:p><w:r><w:t>Paid for by Friends of Dana Ortiz</w:t></w:r></w:p>
                <w:p><w:r><w:t>Vote</w:r></w:p>
                </w:body></w:document>
                """),
            ("word/footer1.xml", Part("ftr", P("Lincoln Park Elementary"))));
        Assert.Equal("Paid for by Friends of Dana Ortiz\nVote\n\nLincoln Park Elementary", OfficeText.Extract(docx, out var problem));
        Assert.Equal("word/document.xml: XML is malformed at line 3, position 22", problem);
    }

    [Fact]
    public void An_entry_compressed_like_a_zip_bomb_is_not_read_and_the_others_are()
    {
        // 100 KB of spaces deflate to about 100 bytes: a ratio no document has. Limits scaled down from 1 MB at 200:1.
        var limits = new OfficeLimits(MaxUncompressedBytes: 1 << 20, MaxEntries: 2_000, RatioCheckedAbove: 16 << 10, MaxRatio: 200);
        var docx = Docx(
            P("Dear colleagues"),
            ("word/header1.xml", Part("hdr", P("Vote" + new string(' ', 100_000) + "Ortiz"))),
            ("word/footer1.xml", Part("ftr", P("Paid for by Friends of Dana Ortiz"))));
        Assert.Equal("Dear colleagues\n\nPaid for by Friends of Dana Ortiz", OfficeText.Extract(docx, limits, out var problem));
        Assert.Equal("word/header1.xml: compressed more than 200:1, as zip bombs are; the entry was not read", problem);

        Assert.Contains("Ortiz", OfficeText.Extract(docx, out problem).Split("\n\n")[1], StringComparison.Ordinal); // the real limits let it be
        Assert.Null(problem);
    }

    [Fact]
    public void A_zip_bomb_that_understates_its_size_is_read_no_further_than_it_states()
    {
        // 500 KB stated as 100 bytes, so that the stated ratio passes: the entry ends after 100 bytes, mid-tag.
        var limits = new OfficeLimits(MaxUncompressedBytes: 1 << 20, MaxEntries: 2_000, RatioCheckedAbove: 16 << 10, MaxRatio: 200);
        var docx = Understate(Docx(P("Dear colleagues"), ("word/header1.xml", Part("hdr", P(new string('A', 500_000))))), "word/header1.xml");
        Assert.Equal("Dear colleagues", OfficeText.Extract(docx, limits, out var problem));
        Assert.Equal("word/header1.xml: XML is malformed at line 1, position 101", problem);
    }

    [Fact]
    public void Reading_stops_when_the_file_inflates_past_the_total_limit()
    {
        var limits = new OfficeLimits(MaxUncompressedBytes: 8 << 10, MaxEntries: 2_000, RatioCheckedAbove: 1 << 20, MaxRatio: 200);
        var docx = Docx(
            P("Dear colleagues"),
            ("word/header1.xml", Part("hdr", P(string.Join(' ', Enumerable.Range(0, 2_000))))),
            ("word/footer1.xml", Part("ftr", P("Paid for by Friends of Dana Ortiz"))));
        Assert.Equal("Dear colleagues", OfficeText.Extract(docx, limits, out var problem));
        Assert.Equal("word/header1.xml: reading stopped, as the file inflates to more than 8 KB (the limit against zip bombs)", problem);
    }

    [Fact]
    public void Only_the_first_entries_are_considered()
    {
        var limits = OfficeLimits.Default with { MaxEntries = 4 };
        var docx = Docx(
            P("Dear colleagues"),
            ("word/header1.xml", Part("hdr", P("Lincoln Park Elementary"))),
            ("word/footer1.xml", Part("ftr", P("Paid for by Friends of Dana Ortiz")))); // the fifth entry
        Assert.Equal("Dear colleagues\n\nLincoln Park Elementary", OfficeText.Extract(docx, limits, out var problem));
        Assert.Equal("the archive holds more than 4 entries: only the first 4 were considered", problem);
    }

    [Fact]
    public void Text_that_a_few_bytes_repeat_a_million_times_is_cut_at_the_limit()
    {
        // A cell names a shared string by its index: 20 bytes can stand for 32,767 characters.
        var limits = OfficeLimits.Default with { MaxUncompressedBytes = 8 << 10 };
        var row = string.Concat(Enumerable.Repeat("""<c t="s"><v>0</v></c>""", 10));
        var xlsx = Xlsx(
            ("xl/sharedStrings.xml", $"""<sst {SheetNamespace}><si><t>{new string('x', 500)}</t></si></sst>"""),
            ("xl/worksheets/sheet1.xml", $"""<worksheet {SheetNamespace}><sheetData>{string.Concat(Enumerable.Repeat($"<row>{row}</row>", 10))}</sheetData></worksheet>"""));
        var text = OfficeText.Extract(xlsx, limits, out var problem);
        Assert.True(text.Length <= 8 << 10, $"{text.Length} characters");
        Assert.Equal("the text is longer than 8,192 characters: the rest was not read", problem);
    }

    [Fact]
    public void A_dtd_is_refused_so_that_no_file_outside_is_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"solidwall-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "district payroll password");
        try
        {
            string[] doctypes =
            [
                $"""<!DOCTYPE w:document [<!ENTITY leak SYSTEM "{new Uri(secret).AbsoluteUri}">]>""",
                """<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY leak "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>""",
            ];
            foreach (var doctype in doctypes)
            {
                var docx = Docx(
                    P("unused"),
                    ("word/document.xml", $"""
                        <?xml version="1.0" encoding="UTF-8"?>
                        {doctype}
                        <w:document {WordNamespaces}><w:body><w:p><w:r><w:t>&leak;</w:t></w:r></w:p></w:body></w:document>
                        """),
                    ("word/footer1.xml", Part("ftr", P("Paid for by Friends of Dana Ortiz"))));
                Assert.Equal("Paid for by Friends of Dana Ortiz", OfficeText.Extract(docx, out var problem));
                Assert.Equal("word/document.xml: the XML declares a DTD, which is refused so that nothing outside the file is read", problem);
            }
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Any_damage_to_a_file_is_read_without_throwing()
    {
        // Bytes changed anywhere: in the zip's headers, in the deflated data, in stored XML.
        var files = new[]
        {
            Docx(P("Paid for by Friends of Dana Ortiz"), ("word/header1.xml", Part("hdr", P("Lincoln Park")))),
            Zip(CompressionLevel.NoCompression, ("[Content_Types].xml", Types("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
                ("word/document.xml", Part("document", "<w:body>" + P("Vote") + "<w:tbl><w:tr><w:tc>" + P("a") + "</w:tc></w:tr></w:tbl></w:body>"))),
            OpenDocument("application/vnd.oasis.opendocument.spreadsheet", $"""<office:document-content {OpenDocumentNamespaces}><table:table><table:table-row><table:table-cell><text:p>a<text:s text:c="2"/></text:p></table:table-cell></table:table-row></table:table></office:document-content>"""),
        };
        // A few bytes changed, and one file in four cut short as well.
        var damage =
            from file in Gen.Elements(files)
            from edits in Gen.Choose(0, file.Length - 1).SelectMany(at => Gen.Choose(0, 255).Select(value => (at, value))).ListOf()
            from cut in Gen.Choose(0, 3)
            from length in Gen.Choose(0, file.Length)
            select (file, edits: edits.Take(3), length: cut == 0 ? length : file.Length);
        Prop.ForAll(damage.ToArbitrary(), d =>
        {
            var bytes = d.file[..d.length];
            foreach (var (at, value) in d.edits.Where(e => e.at < bytes.Length))
            {
                bytes[at] = (byte)value;
            }

            OfficeText.Detect(bytes);
            return OfficeText.Extract(bytes, out _) is not null;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    // ---- Building the files

    private static string P(string text) => $"""<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>""";

    // A WordprocessingML part: w:document (its body given), w:hdr, w:ftr, w:footnotes.
    private static string Part(string root, string content) => $"<w:{root} {WordNamespaces}>{content}</w:{root}>";

    private static string Slide(string root, string paragraphs) =>
        $"<p:{root} {SlideNamespaces}><p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp></p:spTree></p:cSld></p:{root}>";

    private static string Types(string mainPart, string contentType) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="{mainPart}" ContentType="{contentType}"/>
        </Types>
        """;

    private static string Relationships(string mainPart) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{mainPart}"/>
        </Relationships>
        """;

    // Later parts of the same name replace earlier ones, so a test can give its own word/document.xml.
    private static byte[] Docx(string body, params (string Name, string Content)[] parts) => Package(
        "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Part("document", $"<w:body>{body}</w:body>"), parts);

    private static byte[] Pptx(params (string Name, string Content)[] parts) => Package(
        "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", $"<p:presentation {SlideNamespaces}/>", parts);

    private static byte[] Xlsx(params (string Name, string Content)[] parts) => Package(
        "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", $"<workbook {SheetNamespace}><sheets/></workbook>", parts);

    private static byte[] Package(string mainPart, string contentType, string main, (string Name, string Content)[] parts)
    {
        (string Name, string Content)[] all = [("[Content_Types].xml", Types("/" + mainPart, contentType)), ("_rels/.rels", Relationships(mainPart)), (mainPart, main), .. parts];
        return Zip([.. all.Where((p, i) => !all.Skip(i + 1).Any(later => later.Name == p.Name))]);
    }

    // The mimetype entry first and stored, as ODF 1.3 part 2 section 3.3 requires.
    private static byte[] OpenDocument(string mimetype, string content) => Zip(("mimetype", mimetype), ("content.xml", content));

    private static byte[] Zip(params (string Name, string Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    private static byte[] Zip(CompressionLevel level, params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : level).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }

    // The zip says the entry inflates to 100 bytes, in its local header and in its central directory, as a bomb would.
    private static byte[] Understate(byte[] zip, string name)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var at = 0; at + 46 < bytes.Length; at++)
        {
            var local = bytes.AsSpan(at).StartsWith("PK\u0003\u0004"u8) && bytes.AsSpan(at + 30).StartsWith(nameBytes);
            var central = bytes.AsSpan(at).StartsWith("PK\u0001\u0002"u8) && bytes.AsSpan(at + 46).StartsWith(nameBytes);
            if (local || central)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(at + (local ? 22 : 24), 4), 100u);
            }
        }

        return bytes;
    }
}
