using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SolidWall.Core.Text;

/// <summary>
/// The words of a Word, PowerPoint or Excel file (Office Open XML) or of an OpenDocument text, presentation or
/// spreadsheet, as a reader sees them. Campaign flyers, sign-up sheets and letters reach teachers as such attachments,
/// and the ask is often only there. An attachment is hostile until read: the zip's stated sizes are not trusted, what it
/// inflates to is counted, and a DTD is refused, so that a file can neither exhaust memory nor make the reader fetch
/// anything outside it. Never throws: what cannot be read is named in a problem, with the text read before it.
/// </summary>
public static class OfficeText
{
    /// <summary>Which format <paramref name="data"/> is, from what the zip holds (its content types or its mimetype entry); <see cref="OfficeFormat.None"/> for anything else.</summary>
    public static OfficeFormat Detect(ReadOnlySpan<byte> data) => Detect(data, OfficeLimits.Default);

    /// <summary>
    /// The readable text of an Office Open XML or OpenDocument file: paragraphs on their own lines, table cells separated
    /// by a tab, a blank line between slides, sheets and parts (a document's headers, footers, notes). Never throws:
    /// <paramref name="problem"/> is null, or a short sentence naming what could not be read and where, and the text is
    /// what was read.
    /// </summary>
    public static string Extract(ReadOnlySpan<byte> data, out string? problem) => Extract(data, OfficeLimits.Default, out problem);

    internal static OfficeFormat Detect(ReadOnlySpan<byte> data, OfficeLimits limits)
    {
        using var package = Package.Open(data, limits, out _);
        return package?.Format ?? OfficeFormat.None;
    }

    internal static string Extract(ReadOnlySpan<byte> data, OfficeLimits limits, out string? problem) => Extract(data, limits, out _, out problem);

    /// <summary>
    /// <see cref="Extract(ReadOnlySpan{byte}, out string?)"/> and <see cref="Detect(ReadOnlySpan{byte})"/> from one opening of the
    /// archive: an attachment's reader asks both, and opening it twice copied the file and read its directory and
    /// content types twice.
    /// </summary>
    internal static string Extract(ReadOnlySpan<byte> data, OfficeLimits limits, out OfficeFormat format, out string? problem)
    {
        using var package = Package.Open(data, limits, out problem);
        format = package?.Format ?? OfficeFormat.None;
        if (package is null)
        {
            return "";
        }

        var sink = new TextSink(limits.MaxUncompressedBytes);
        switch (package.Format)
        {
            case OfficeFormat.Docx:
                ReadWord(package, sink);
                break;
            case OfficeFormat.Pptx:
                ReadSlides(package, sink);
                break;
            case OfficeFormat.Xlsx:
                ReadSheets(package, sink);
                break;
            case OfficeFormat.Odt or OfficeFormat.Odp or OfficeFormat.Ods:
                ReadOpenDocument(package, sink);
                break;
            default:
                package.Report("a zip archive, but not an Office Open XML or OpenDocument file");
                break;
        }

        if (sink.Full)
        {
            package.Report($"the text is longer than {limits.MaxUncompressedBytes.ToString("N0", CultureInfo.InvariantCulture)} characters: the rest was not read");
        }

        problem = package.Problem;
        return sink.ToText();
    }

    // The document, then what a reader sees around it on every page, then what hangs off it (notes, comments).
    private static void ReadWord(Package package, TextSink sink)
    {
        var folder = package.Folder;
        if (!package.Holds(package.MainPart))
        {
            package.Report($"{package.MainPart}: the main part is missing");
        }

        string[] parts =
        [
            package.MainPart,
            .. package.Numbered(folder + "header", ".xml"),
            .. package.Numbered(folder + "footer", ".xml"),
            folder + "footnotes.xml",
            folder + "endnotes.xml",
            folder + "comments.xml",
        ];
        foreach (var part in parts)
        {
            ReadPart(package, part, new WordPart(), sink);
            sink.EndBlock();
        }
    }

    // Slides by the number in their name (slide2 before slide10), then their notes. The list in presentation.xml, which
    // alone says the order after slides were moved in a file that was not renumbered, is not read.
    private static void ReadSlides(Package package, TextSink sink)
    {
        var folder = package.Folder;
        foreach (var part in package.Numbered(folder + "slides/slide", ".xml").Concat(package.Numbered(folder + "notesSlides/notesSlide", ".xml")))
        {
            ReadPart(package, part, new DrawingPart(), sink);
            sink.EndBlock();
        }
    }

    private static void ReadSheets(Package package, TextSink sink)
    {
        var folder = package.Folder;
        var shared = new SharedStringsPart();
        ReadPart(package, folder + "sharedStrings.xml", shared, sink);
        foreach (var part in package.Numbered(folder + "worksheets/sheet", ".xml"))
        {
            ReadPart(package, part, new SheetPart(shared.Strings), sink);
            sink.EndBlock();
        }
    }

    private static void ReadOpenDocument(Package package, TextSink sink)
    {
        // A password-protected OpenDocument file is a zip of encrypted streams; its manifest says so, and content.xml
        // would only read as malformed XML.
        var manifest = package.Read("META-INF/manifest.xml");
        if (manifest is not null && manifest.AsSpan().IndexOf("encryption-data"u8) >= 0)
        {
            package.Report("encrypted OpenDocument file: its text cannot be read");
            return;
        }

        if (!package.Holds(package.MainPart))
        {
            package.Report($"{package.MainPart}: the main part is missing");
        }

        ReadPart(package, package.MainPart, new OpenDocumentPart(package.Format == OfficeFormat.Ods), sink);
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        // No DTD at all: an external entity could read a file of the machine or call a server, an internal one could
        // expand a billion times (XXE, "billion laughs"). Office and OpenDocument parts never declare one.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly byte[] Utf16Doctype = Encoding.Unicode.GetBytes("<!DOCTYPE");

    private static void ReadPart(Package package, string name, PartReader part, TextSink sink)
    {
        var bytes = package.Read(name);
        if (bytes is null)
        {
            return;
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
            Walk(reader, part, sink);
        }
        catch (XmlException e)
        {
            package.Report(XmlProblem(name, bytes, e)); // what was read before the fault stays in the sink
        }
    }

    private static string XmlProblem(string name, byte[] bytes, XmlException e) =>
        bytes.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0 || bytes.AsSpan().IndexOf(Utf16Doctype) >= 0
            ? $"{name}: the XML declares a DTD, which is refused so that nothing outside the file is read"
            : e.LineNumber > 0
                ? $"{name}: XML is malformed at line {e.LineNumber}, position {e.LinePosition}"
                : $"{name}: XML is malformed";

    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private static void Walk(XmlReader reader, PartReader part, TextSink sink)
    {
        // For each open mc:AlternateContent, whether one of its branches has been read: Word writes a text box twice,
        // as a DrawingML shape (mc:Choice) and as VML (mc:Fallback), and its words must be read once.
        var alternatives = new Stack<bool>();
        var more = reader.Read();
        while (more && !sink.Full)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (!Enter(reader, part, sink, alternatives))
                    {
                        reader.Skip(); // now on the node after the element, which is read next
                        more = !reader.EOF;
                        continue;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (reader.NamespaceURI == MarkupCompatibility)
                    {
                        if (reader.LocalName == "AlternateContent" && alternatives.Count > 0)
                        {
                            alternatives.Pop();
                        }
                    }
                    else
                    {
                        part.End(reader, sink);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    part.Text(reader.Value, sink);
                    break;
            }

            more = reader.Read();
        }
    }

    // Whether to read into the element the reader is on.
    private static bool Enter(XmlReader reader, PartReader part, TextSink sink, Stack<bool> alternatives)
    {
        if (reader.NamespaceURI == MarkupCompatibility)
        {
            switch (reader.LocalName)
            {
                case "AlternateContent":
                    if (!reader.IsEmptyElement)
                    {
                        alternatives.Push(false);
                    }

                    return true;
                case "Choice" or "Fallback":
                    if (alternatives.Count == 0)
                    {
                        return true;
                    }

                    if (alternatives.Pop())
                    {
                        alternatives.Push(true);
                        return false;
                    }

                    alternatives.Push(true);
                    return true;
                default:
                    return true;
            }
        }

        var empty = reader.IsEmptyElement;
        if (!part.Start(reader, sink))
        {
            return false;
        }

        if (empty)
        {
            part.End(reader, sink); // <w:p/> has no end tag of its own
        }

        return true;
    }

    /// <summary>The zip, its first entries by name, its format and main part, what has been inflated so far and the first problem met.</summary>
    private sealed class Package : IDisposable
    {
        private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

        private readonly ZipArchive archive;
        private readonly OfficeLimits limits;
        private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.OrdinalIgnoreCase); // OPC part names ignore case
        private readonly List<string> names = [];
        private long inflated;
        private bool stopped;

        private Package(ZipArchive archive, OfficeLimits limits)
        {
            this.archive = archive;
            this.limits = limits;
        }

        public OfficeFormat Format { get; private set; }

        public string MainPart { get; private set; } = "";

        /// <summary>The main part's folder with its slash ("word/"), where the parts that go with it are.</summary>
        public string Folder => MainPart[..(MainPart.LastIndexOf('/') + 1)];

        public string? Problem { get; private set; }

        public static Package? Open(ReadOnlySpan<byte> data, OfficeLimits limits, out string? problem)
        {
            problem = null;
            if (data.StartsWith(OleSignature))
            {
                // An encrypted .docx/.xlsx/.pptx is an OLE compound file holding the encrypted zip; so is a legacy .doc.
                problem = "encrypted or legacy binary Office file (OLE): its text cannot be read";
                return null;
            }

            if (!data.StartsWith("PK"u8))
            {
                problem = "not a zip archive";
                return null;
            }

            ZipArchive? archive = null;
            try
            {
                archive = new ZipArchive(new MemoryStream(data.ToArray(), writable: false), ZipArchiveMode.Read);
                var package = new Package(archive, limits);
                var all = archive.Entries;
                foreach (var entry in all.Take(limits.MaxEntries))
                {
                    if (!entry.FullName.EndsWith('/') && package.entries.TryAdd(entry.FullName, entry))
                    {
                        package.names.Add(entry.FullName);
                    }
                }

                if (all.Count > limits.MaxEntries)
                {
                    var most = limits.MaxEntries.ToString("N0", CultureInfo.InvariantCulture);
                    package.Report($"the archive holds more than {most} entries: only the first {most} were considered");
                }

                package.Identify();
                return package;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                archive?.Dispose();
                problem = "damaged zip archive: its directory cannot be read";
                return null;
            }
        }

        public void Report(string problem) => Problem ??= problem; // the first fault is the one to fix; later ones often follow from it

        public bool Holds(string name) => entries.ContainsKey(name);

        /// <summary>The entries named prefix, digits, suffix, in the order of their numbers (slide2 before slide10).</summary>
        public IEnumerable<string> Numbered(string prefix, string suffix) => names
            .Where(n => n.Length > prefix.Length + suffix.Length
                && n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && n.AsSpan(prefix.Length, n.Length - prefix.Length - suffix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
            .OrderBy(n => n.Length)
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The inflated bytes of an entry, or null when it is missing, cannot be inflated or would pass a limit. The sizes
        /// the zip states are checked first, then what it really inflates to, since a zip bomb may state anything.
        /// </summary>
        public byte[]? Read(string name)
        {
            if (stopped || !entries.TryGetValue(name, out var entry))
            {
                return null;
            }

            if (entry.Length > limits.MaxUncompressedBytes - inflated)
            {
                return Stop(name);
            }

            if (IsBomb(entry.Length, entry.CompressedLength))
            {
                return Bomb(name);
            }

            // .NET stops an entry's stream at the size the zip states, but what it inflates to is counted all the same: the
            // limits must not rest on a detail of the zip reader.
            try
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int count;
                while ((count = stream.Read(chunk)) > 0)
                {
                    inflated += count;
                    if (inflated > limits.MaxUncompressedBytes)
                    {
                        return Stop(name);
                    }

                    buffer.Write(chunk, 0, count);
                    if (IsBomb(buffer.Length, entry.CompressedLength))
                    {
                        return Bomb(name);
                    }
                }

                return buffer.ToArray();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
            {
                Report($"{name}: the zip entry is damaged or compressed in a way that cannot be read");
                return null;
            }
        }

        private bool IsBomb(long size, long compressed) => size > limits.RatioCheckedAbove && size > (long)limits.MaxRatio * Math.Max(1, compressed);

        private byte[]? Bomb(string name)
        {
            Report($"{name}: compressed more than {limits.MaxRatio}:1, as zip bombs are; the entry was not read");
            return null;
        }

        private byte[]? Stop(string name)
        {
            stopped = true;
            Report($"{name}: reading stopped, as the file inflates to more than {Size(limits.MaxUncompressedBytes)} (the limit against zip bombs)");
            return null;
        }

        private static string Size(long bytes) => (bytes % (1 << 20), bytes % (1 << 10)) switch
        {
            (0, _) => $"{bytes >> 20} MB",
            (_, 0) => $"{bytes >> 10} KB",
            _ => $"{bytes} bytes",
        };

        // An OpenDocument file names its type in its first entry, "mimetype"; an Office Open XML file names its main
        // part's content type in [Content_Types].xml. Failing both, the main part's usual name.
        private void Identify()
        {
            if (entries.TryGetValue("mimetype", out var entry) && entry.Length < 256 && Read("mimetype") is { } bytes)
            {
                var type = Encoding.ASCII.GetString(bytes).Trim();
                Format = type.StartsWith("application/vnd.oasis.opendocument.text", StringComparison.Ordinal) ? OfficeFormat.Odt
                    : type.StartsWith("application/vnd.oasis.opendocument.presentation", StringComparison.Ordinal) ? OfficeFormat.Odp
                    : type.StartsWith("application/vnd.oasis.opendocument.spreadsheet", StringComparison.Ordinal) ? OfficeFormat.Ods
                    : OfficeFormat.None;
                MainPart = "content.xml";
                if (Format != OfficeFormat.None)
                {
                    return;
                }
            }

            if (Read("[Content_Types].xml") is { } types)
            {
                try
                {
                    using var reader = XmlReader.Create(new MemoryStream(types, writable: false), Settings);
                    while (reader.Read())
                    {
                        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Override"
                            && reader.GetAttribute("PartName") is { } part && reader.GetAttribute("ContentType") is { } type
                            && FromContentType(type) is var format and not OfficeFormat.None)
                        {
                            (Format, MainPart) = (format, part.TrimStart('/'));
                            return;
                        }
                    }
                }
                catch (XmlException e)
                {
                    Report(XmlProblem("[Content_Types].xml", types, e));
                }
            }

            (Format, MainPart) =
                Holds("word/document.xml") ? (OfficeFormat.Docx, "word/document.xml")
                : Holds("ppt/presentation.xml") ? (OfficeFormat.Pptx, "ppt/presentation.xml")
                : Holds("xl/workbook.xml") ? (OfficeFormat.Xlsx, "xl/workbook.xml")
                : (OfficeFormat.None, "");
        }

        // application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml, its template and macro-enabled
        // kin (application/vnd.ms-word.document.macroEnabled.main+xml), and the same for PowerPoint and Excel. Binary
        // workbooks (.xlsb) have a main part that is not XML and are not read.
        private static OfficeFormat FromContentType(string type) =>
            !type.EndsWith(".main+xml", StringComparison.OrdinalIgnoreCase) ? OfficeFormat.None
            : type.Contains("wordprocessingml", StringComparison.OrdinalIgnoreCase) || type.Contains("ms-word", StringComparison.OrdinalIgnoreCase) ? OfficeFormat.Docx
            : type.Contains("presentationml", StringComparison.OrdinalIgnoreCase) || type.Contains("ms-powerpoint", StringComparison.OrdinalIgnoreCase) ? OfficeFormat.Pptx
            : type.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) || type.Contains("ms-excel", StringComparison.OrdinalIgnoreCase) ? OfficeFormat.Xlsx
            : OfficeFormat.None;

        public void Dispose() => archive.Dispose();
    }

    /// <summary>
    /// Where the words go: a line per paragraph outside tables, a row per line in them with a tab between cells, and
    /// inside a cell everything on the cell's line (its paragraphs and line breaks as spaces), so that a row stays a line.
    /// </summary>
    private sealed class TextSink(long capacity)
    {
        private readonly StringBuilder text = new();
        private readonly Stack<bool> rows = new(); // for each open table row, whether a cell has begun in it
        private int openCells;
        private bool spacePending; // a paragraph ended inside a cell: a space if more words follow in it
        private char last = '\n';

        /// <summary>The text reached its capacity (a spreadsheet can repeat a long shared string a million times); the rest is dropped.</summary>
        public bool Full { get; private set; }

        public bool InCell => openCells > 0;

        public void Append(string value)
        {
            if (value.Length == 0 || Full)
            {
                return;
            }

            if (openCells == 0)
            {
                Add(value);
                return;
            }

            if (spacePending && last is not ('\t' or ' ' or '\n'))
            {
                Add(" ");
            }

            spacePending = false;
            Add(value.AsSpan().IndexOfAny('\t', '\r', '\n') < 0 ? value : value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '));
        }

        /// <summary>The end of a paragraph or a line break.</summary>
        public void NewLine()
        {
            if (openCells > 0)
            {
                spacePending = true;
            }
            else
            {
                Add("\n");
            }
        }

        /// <summary>A new line unless one has just begun: before a text box, a table, after a text box.</summary>
        public void EnsureNewLine()
        {
            if (openCells > 0)
            {
                spacePending = true;
            }
            else if (last != '\n')
            {
                Add("\n");
            }
        }

        public void TableStart() => EnsureNewLine();

        public void RowStart()
        {
            rows.Push(false);
            if (openCells == 0)
            {
                EnsureNewLine();
            }
        }

        public void CellStart()
        {
            if (rows.TryPop(out var begun))
            {
                rows.Push(true);
                if (begun)
                {
                    if (openCells == 0)
                    {
                        Add("\t");
                    }
                    else
                    {
                        spacePending = true; // a table in a cell reads along the outer cell's line
                    }
                }
            }

            openCells++;
        }

        public void CellEnd()
        {
            if (openCells > 0 && --openCells == 0)
            {
                spacePending = false;
            }
        }

        public void RowEnd()
        {
            rows.TryPop(out _);
            NewLine();
        }

        /// <summary>A blank line: between slides, sheets and parts. A part that ended mid-table (malformed) leaves no table open.</summary>
        public void EndBlock()
        {
            rows.Clear();
            openCells = 0;
            spacePending = false;
            Add("\n\n");
        }

        private void Add(ReadOnlySpan<char> value)
        {
            if (Full || value.IsEmpty)
            {
                return;
            }

            var room = capacity - text.Length;
            if (value.Length > room)
            {
                value = value[..(int)room];
                Full = true;
            }

            text.Append(value);
            if (!value.IsEmpty)
            {
                last = value[^1];
            }
        }

        /// <summary>Trailing blanks trimmed from each line, no blank line at either end nor two in a row; every other character kept.</summary>
        public string ToText()
        {
            var source = text.ToString();
            var output = new StringBuilder(source.Length);
            var blank = false;
            var at = 0;
            while (at < source.Length)
            {
                var rest = source.AsSpan(at);
                var end = rest.IndexOfAny('\r', '\n');
                var line = (end < 0 ? rest : rest[..end]).TrimEnd();
                at += end < 0 ? rest.Length : end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
                TextCleanup.AppendLine(output, line, ref blank);
            }

            return output.ToString();
        }
    }

    /// <summary>What one kind of XML part means by its elements: which hold words, which end a line, which hold nothing to read.</summary>
    private abstract class PartReader
    {
        /// <summary>At an element's start; false skips the element and all it holds.</summary>
        public abstract bool Start(XmlReader reader, TextSink sink);

        /// <summary>At an element's end (or just after the start of an empty one).</summary>
        public abstract void End(XmlReader reader, TextSink sink);

        public abstract void Text(string value, TextSink sink);
    }

    /// <summary>
    /// What WordprocessingML and DrawingML share, each in its own namespaces: words in &lt;t&gt;, a paragraph &lt;p&gt; that
    /// ends a line, table rows and cells, a Word text box's content that ends its own line. Where they differ is what an
    /// element's start means (<see cref="PartReader.Start"/>).
    /// </summary>
    private abstract class ParagraphPart : PartReader
    {
        /// <summary>How deep inside &lt;t&gt; elements the reader is: words count only there.</summary>
        protected int InText { get; set; }

        /// <summary>Whether an element of this namespace is one this part reads.</summary>
        protected abstract bool Owns(string ns);

        public override void End(XmlReader reader, TextSink sink)
        {
            if (!Owns(reader.NamespaceURI))
            {
                return;
            }

            switch (reader.LocalName)
            {
                case "t":
                    InText--;
                    break;
                case "p":
                    sink.NewLine();
                    break;
                case "tc":
                    sink.CellEnd();
                    break;
                case "tr":
                    sink.RowEnd();
                    break;
                case "txbxContent":
                    sink.EnsureNewLine();
                    break;
            }
        }

        public override void Text(string value, TextSink sink)
        {
            if (InText > 0)
            {
                sink.Append(value);
            }
        }
    }

    // WordprocessingML (ECMA-376 part 1, section 17) in its transitional and strict namespaces: a document, a header, a
    // footer, footnotes, endnotes, comments.
    private sealed class WordPart : ParagraphPart
    {
        protected override bool Owns(string ns) =>
            ns is "http://schemas.openxmlformats.org/wordprocessingml/2006/main" or "http://purl.oclc.org/ooxml/wordprocessingml/main";

        public override bool Start(XmlReader reader, TextSink sink)
        {
            if (!Owns(reader.NamespaceURI))
            {
                return true; // drawings, VML shapes, content controls: read into them, a text box may be inside
            }

            switch (reader.LocalName)
            {
                // Properties hold no words (the w:tab in their w:tabs is a tab stop, not a tab). Deleted and moved-away
                // text of tracked changes, field codes (HYPERLINK "…"; the link's display text is the field's result,
                // in ordinary runs) and symbols drawn from a font's private area are not what a reader sees.
                case "pPr" or "rPr" or "sectPr" or "tblPr" or "tblGrid" or "trPr" or "tcPr" or "tblPrEx"
                    or "del" or "moveFrom" or "delText" or "instrText" or "delInstrText" or "sym":
                    return false;
                case "t":
                    InText++;
                    break;
                case "tab" or "ptab":
                    sink.Append("\t");
                    break;
                case "br" or "cr":
                    sink.NewLine();
                    break;
                case "noBreakHyphen":
                    sink.Append("-");
                    break;
                case "tbl":
                    sink.TableStart();
                    break;
                case "tr":
                    sink.RowStart();
                    break;
                case "tc":
                    sink.CellStart();
                    break;
                case "txbxContent":
                    sink.EnsureNewLine(); // a text box's paragraphs sit inside a run of the paragraph that anchors it
                    break;
            }

            return true;
        }

    }

    // DrawingML text (ECMA-376 part 1, section 21.1) as PresentationML slides and notes hold it.
    private sealed class DrawingPart : ParagraphPart
    {
        protected override bool Owns(string ns) =>
            ns is "http://schemas.openxmlformats.org/drawingml/2006/main" or "http://purl.oclc.org/ooxml/drawingml/main";

        public override bool Start(XmlReader reader, TextSink sink)
        {
            if (!Owns(reader.NamespaceURI))
            {
                return true;
            }

            switch (reader.LocalName)
            {
                case "t":
                    InText++;
                    break;
                case "br":
                    sink.NewLine();
                    break;
                case "fld" when reader.GetAttribute("type") == "slidenum":
                    return false; // the page number every notes page carries
                case "tbl":
                    sink.TableStart();
                    break;
                case "tr":
                    sink.RowStart();
                    break;
                case "tc":
                    sink.CellStart();
                    break;
            }

            return true;
        }

    }

    private static bool IsSpreadsheet(string ns) =>
        ns is "http://schemas.openxmlformats.org/spreadsheetml/2006/main" or "http://purl.oclc.org/ooxml/spreadsheetml/main";

    // xl/sharedStrings.xml: the workbook's strings, which cells name by index. Writes nothing itself.
    private sealed class SharedStringsPart : PartReader
    {
        private readonly StringBuilder current = new();
        private int inText;

        public List<string> Strings { get; } = [];

        public override bool Start(XmlReader reader, TextSink sink)
        {
            if (IsSpreadsheet(reader.NamespaceURI))
            {
                switch (reader.LocalName)
                {
                    case "si":
                        current.Clear();
                        break;
                    case "t":
                        inText++;
                        break;
                    case "rPh":
                        return false; // a phonetic reading of East Asian text, not more of it
                }
            }

            return true;
        }

        public override void End(XmlReader reader, TextSink sink)
        {
            if (IsSpreadsheet(reader.NamespaceURI))
            {
                switch (reader.LocalName)
                {
                    case "t":
                        inText--;
                        break;
                    case "si":
                        Strings.Add(current.ToString());
                        break;
                }
            }
        }

        public override void Text(string value, TextSink sink)
        {
            if (inText > 0)
            {
                current.Append(value);
            }
        }
    }

    // A worksheet's cells in the order written, each with its value as last saved: a shared or inline string, a number,
    // TRUE or FALSE, an error, a formula's cached result (formulas are not evaluated). Cells without a value are left out,
    // so a tab separates the cells that have one, not columns; dates stay the serial numbers Excel stores.
    private sealed class SheetPart(List<string> shared) : PartReader
    {
        private readonly StringBuilder cell = new();
        private string? type;
        private bool inCell;
        private bool inInline;
        private int inValue;

        public override bool Start(XmlReader reader, TextSink sink)
        {
            if (!IsSpreadsheet(reader.NamespaceURI))
            {
                return true;
            }

            switch (reader.LocalName)
            {
                case "sheetData":
                    sink.TableStart();
                    break;
                case "row":
                    sink.RowStart();
                    break;
                case "c":
                    inCell = true;
                    type = reader.GetAttribute("t");
                    cell.Clear();
                    break;
                case "v" when inCell:
                case "t" when inInline:
                    inValue++;
                    break;
                case "is":
                    inInline = true;
                    break;
                case "f" or "rPh" or "extLst":
                    return false;
            }

            return true;
        }

        public override void End(XmlReader reader, TextSink sink)
        {
            if (!IsSpreadsheet(reader.NamespaceURI))
            {
                return;
            }

            switch (reader.LocalName)
            {
                case "v" or "t" when inValue > 0:
                    inValue--;
                    break;
                case "is":
                    inInline = false;
                    break;
                case "c" when inCell:
                    inCell = false;
                    var shown = Shown(cell.ToString());
                    if (shown.Length > 0)
                    {
                        sink.CellStart();
                        sink.Append(shown);
                        sink.CellEnd();
                    }

                    break;
                case "row":
                    sink.RowEnd();
                    break;
            }
        }

        public override void Text(string value, TextSink sink)
        {
            if (inValue > 0)
            {
                cell.Append(value);
            }
        }

        private string Shown(string raw) => type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "",
            "b" => raw switch { "1" => "TRUE", "0" => "FALSE", _ => raw },
            "inlineStr" or "str" or "e" or "d" => raw,
            // Excel writes 3.14 as 3.1400000000000001; the shortest form that reads back the same is what it shows.
            _ => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : raw,
        };
    }

    // OpenDocument content.xml (ODF 1.3 part 3): text:p and text:h hold mixed content, in which white space collapses as
    // in HTML and text:s stands for the spaces that do not.
    private sealed class OpenDocumentPart(bool sheets) : PartReader
    {
        private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        private const string DrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
        private const string DublinCoreNs = "http://purl.org/dc/elements/1.1/";

        /// <summary>text:s c="…" gives at most this many spaces: alignment needs a few, a hostile file asks for millions.</summary>
        private const int MaxSpaces = 100;

        private readonly StringBuilder collapsed = new();
        private int paragraphs; // open text:p and text:h (a note's or a comment's paragraphs sit inside another)
        private bool spaceBefore = true;

        public override bool Start(XmlReader reader, TextSink sink)
        {
            switch (reader.NamespaceURI)
            {
                case TextNs:
                    switch (reader.LocalName)
                    {
                        case "p" or "h":
                            sink.EnsureNewLine(); // a note's paragraph inside the one that cites it
                            paragraphs++;
                            spaceBefore = true;
                            break;
                        case "s" when paragraphs > 0:
                            var count = int.TryParse(reader.GetAttribute("c", TextNs), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, MaxSpaces) : 1;
                            sink.Append(new string(' ', count));
                            spaceBefore = true;
                            break;
                        case "tab" when paragraphs > 0:
                            sink.Append("\t");
                            spaceBefore = true;
                            break;
                        case "line-break" when paragraphs > 0:
                            sink.NewLine();
                            spaceBefore = true;
                            break;
                        // A footnote's number in the text, and the deleted text that tracked changes keep.
                        case "note-citation" or "tracked-changes":
                            return false;
                    }

                    break;
                case TableNs:
                    switch (reader.LocalName)
                    {
                        case "table":
                            sink.TableStart();
                            break;
                        case "table-row":
                            sink.RowStart();
                            break;
                        case "table-cell" or "covered-table-cell":
                            sink.CellStart();
                            break;
                    }

                    break;
                case DublinCoreNs:
                    return false; // a comment's author and date
            }

            return true;
        }

        public override void End(XmlReader reader, TextSink sink)
        {
            switch (reader.NamespaceURI, reader.LocalName)
            {
                case (TextNs, "p" or "h"):
                    paragraphs = Math.Max(0, paragraphs - 1);
                    sink.NewLine();
                    spaceBefore = true;
                    break;
                case (TableNs, "table-cell" or "covered-table-cell"):
                    sink.CellEnd();
                    break;
                case (TableNs, "table-row"):
                    sink.RowEnd();
                    break;
                case (TableNs, "table") when sheets && !sink.InCell:
                    sink.EndBlock();
                    break;
                case (DrawNs, "page"):
                    sink.EndBlock();
                    break;
            }
        }

        public override void Text(string value, TextSink sink)
        {
            if (paragraphs == 0)
            {
                return; // the indentation between elements
            }

            collapsed.Clear();
            foreach (var c in value)
            {
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    if (!spaceBefore)
                    {
                        collapsed.Append(' ');
                        spaceBefore = true;
                    }
                }
                else
                {
                    collapsed.Append(c);
                    spaceBefore = false;
                }
            }

            sink.Append(collapsed.ToString());
        }
    }
}

/// <summary>The kinds of file <see cref="OfficeText"/> reads.</summary>
public enum OfficeFormat
{
    None,
    Docx,
    Pptx,
    Xlsx,
    Odt,
    Odp,
    Ods,
}

/// <summary>How much of a zip <see cref="OfficeText"/> reads: <see cref="Default"/> in use, small in tests so that a bomb can be small.</summary>
/// <param name="MaxUncompressedBytes">The most bytes inflated from all entries together; reading stops there. Also the most characters of text.</param>
/// <param name="MaxEntries">Only the first this many entries are considered.</param>
/// <param name="RatioCheckedAbove">An entry that inflates to more than this many bytes …</param>
/// <param name="MaxRatio">… and more than this many times its compressed size is not read.</param>
internal sealed record OfficeLimits(long MaxUncompressedBytes, int MaxEntries, long RatioCheckedAbove, int MaxRatio)
{
    public static OfficeLimits Default { get; } = new(64L << 20, 2_000, 1L << 20, 200);
}
