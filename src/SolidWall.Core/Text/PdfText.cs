using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

/// <summary>
/// The readable text of a PDF. A campaign's flyer, one-pager or sign-up sheet reaches staff as an attachment ("I've
/// attached a one-pager") and says what it asks for only there, so the detector must read its words as a person copying
/// them out would: page by page, line by line, in the order the page's text operators draw them. Written for the PDFs
/// that Word, Google Docs, Canva, Acrobat, Quartz, Skia and LibreOffice produce, and for damaged or hostile ones: objects
/// are found by scanning the file, never through its xref table; a stream's /Length is checked before it is believed;
/// decompression, pages and nesting have limits. Never throws: what could not be read is named in a problem sentence
/// with the byte offset where it went wrong, and the text read up to there is returned.
/// </summary>
public static class PdfText
{
    /// <summary>At most this many pages are read; a longer document's rest is left out and named as the problem.</summary>
    public const int MaxPages = 1000;

    /// <summary>At most this much data is decompressed from one PDF in total: a file of a few kilobytes can inflate to gigabytes.</summary>
    public const long MaxDecodedBytes = 64L * 1024 * 1024;

    /// <summary>Arrays and dictionaries, the page tree, chains of references and forms drawn inside forms nest at most this deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Content is interpreted up to this many bytes in total, a form counted each time it is drawn: forms that draw a form
    /// twice, thirty levels deep, multiply the work without decompressing a byte more.
    /// </summary>
    internal const long MaxInterpretedBytes = 256L * 1024 * 1024;

    /// <summary>The text stops at this many characters, far above any flyer and above what any caller keeps.</summary>
    internal const int MaxChars = 16_000_000;

    /// <summary>
    /// The readable text of <paramref name="pdf"/>, page by page (pages separated by "\n\n"), lines as the text operators
    /// place them. <paramref name="problem"/> is null when the whole file was read, else a short sentence naming what was
    /// wrong and where (a byte offset), e.g. "encrypted PDF: its text cannot be read" or "stream at byte 1234:
    /// FlateDecode data is corrupt"; the text read before it is returned all the same.
    /// </summary>
    public static string Extract(ReadOnlySpan<byte> pdf, out string? problem) => Extract(pdf, MaxDecodedBytes, out problem);

    /// <summary>As <see cref="Extract(ReadOnlySpan{byte}, out string?)"/> with the decompression limit given, so that a test reaches it with a small file.</summary>
    internal static string Extract(ReadOnlySpan<byte> pdf, long maxDecodedBytes, out string? problem)
    {
        // A PDF's header may follow up to 1,024 bytes of junk (ISO 32000-1, annex H.3).
        if (pdf[..Math.Min(pdf.Length, 1024)].IndexOf("%PDF-"u8) < 0)
        {
            problem = "not a PDF (no %PDF- header)";
            return "";
        }

        var reading = new Reading(maxDecodedBytes);
        var output = new StringBuilder();
        var pageNumber = 0;
        try
        {
            // The parser keeps offsets into the file from one lookup to the next, which a span cannot be kept for.
            var document = new Document(pdf.ToArray(), reading);
            if (document.Locked)
            {
                problem = "encrypted PDF: its text cannot be read";
                return "";
            }

            var pages = document.Pages();
            if (pages.Count == 0)
            {
                reading.Report("no pages: the PDF's page tree is missing or empty");
            }

            var content = new ContentReader(document, reading);
            foreach (var (page, resources) in pages)
            {
                pageNumber++;
                if (reading.Stopped)
                {
                    break;
                }

                string text;
                try
                {
                    text = Clean(content.Page(page, resources, pageNumber));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug in this reader costs the page it met, not the document, nor the scan of an archive; the
                    // sentence names the page to reproduce it with.
                    reading.Report($"internal error on page {pageNumber}: {e.GetType().Name}: {e.Message}");
                    continue;
                }

                if (text.Length > 0)
                {
                    if (output.Length > 0)
                    {
                        output.Append("\n\n");
                    }

                    output.Append(text);
                }
            }

            if (output.Length == 0 && pages.Count > 0 && reading.Problem is null)
            {
                reading.Report(pages.Count == 1 ? "no text on its one page (a scanned image?)" : $"no text on its {pages.Count} pages (scanned images?)");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reading.Report($"internal error reading the file's objects: {e.GetType().Name}: {e.Message}");
        }

        problem = reading.Problem;
        return output.ToString();
    }

    /// <summary>What one extraction has used of its limits, and the first problem met.</summary>
    private sealed class Reading(long maxDecoded)
    {
        private long decoded;
        private long interpreted;

        public string? Problem { get; private set; }

        /// <summary>Set when a limit is reached: nothing more is decompressed, and no further page is read.</summary>
        public bool Stopped { get; private set; }

        /// <summary>Set when the limit on content drawn or on characters is reached: the page being read stops too.</summary>
        public bool ContentStopped { get; private set; }

        public long Characters { get; set; }

        /// <summary>Where lexers collect a token's bytes: one token is read at a time, whichever lexer reads it.</summary>
        public byte[] Scratch { get; set; } = new byte[256];

        // The first problem is the one named: later ones are most often its consequences.
        public void Report(string problem) => Problem ??= problem;

        public void Stop(string problem, bool content = false)
        {
            Report(problem);
            Stopped = true;
            ContentStopped |= content;
        }

        /// <summary>How many of <paramref name="count"/> more decompressed bytes may be kept; stops the reading when that is fewer.</summary>
        public int AllowDecoded(int count, int streamOffset)
        {
            var allowed = (int)Math.Clamp(maxDecoded - decoded, 0, count);
            decoded += allowed;
            if (allowed < count)
            {
                Stop($"stream at byte {streamOffset}: more than {Size(maxDecoded)} of decompressed data in the PDF, the rest is not read");
            }

            return allowed;
        }

        public bool AllowInterpreted(int count, int pageNumber)
        {
            interpreted += count;
            if (interpreted > MaxInterpretedBytes)
            {
                Stop($"page {pageNumber}: more than {Size(MaxInterpretedBytes)} of content drawn (forms drawn inside forms?), the rest is not read", content: true);
                return false;
            }

            return true;
        }

        private static string Size(long bytes) =>
            bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : bytes % 1024 == 0 ? $"{bytes / 1024} KB" : $"{bytes} bytes";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Objects (ISO 32000-1, section 7.3). Numbers are doubles, booleans bools, null null, arrays lists, dictionaries
    // PdfDict keyed by name without its slash; the rest have a type of their own.
    // ---------------------------------------------------------------------------------------------------------------

    private sealed record Name(string Value);

    private sealed record Ref(int Number);

    /// <summary>A string's bytes: what they mean depends on where it is (a font's codes, a text string).</summary>
    private sealed class PdfString(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;
    }

    /// <summary>A bare word: an operator in a content stream, obj, stream, endobj, R and the like elsewhere.</summary>
    private sealed class Keyword(string value)
    {
        public static readonly Keyword EndOfData = new("");
        public static readonly Keyword CloseArray = new("]");
        public static readonly Keyword CloseDict = new(">>");

        // The operators of content streams and the words of the file's structure, made once: a page's content is little
        // else, and a keyword holds nothing that changes.
        private static readonly Dictionary<int, Keyword> Short = BuildShort();
        private static readonly Keyword Stream = new("stream");
        private static readonly Keyword EndObj = new("endobj");

        public string Value { get; } = value;

        public static Keyword Of(ReadOnlySpan<byte> word)
        {
            if (word.Length <= 3)
            {
                return Short.TryGetValue(ShortKey(word), out var known) ? known : new Keyword(Encoding.Latin1.GetString(word));
            }

            return word.SequenceEqual("stream"u8) ? Stream : word.SequenceEqual("endobj"u8) ? EndObj : new Keyword(Encoding.Latin1.GetString(word));
        }

        private static int ShortKey(ReadOnlySpan<byte> word)
        {
            var key = word.Length;
            for (var i = 0; i < word.Length; i++)
            {
                key |= word[i] << (8 * (i + 1));
            }

            return key;
        }

        private static Dictionary<int, Keyword> BuildShort()
        {
            string[] words =
            [
                "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1", "Do", "DP", "EI", "EMC",
                "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J", "K", "k", "l", "m", "M", "MP", "n", "q", "Q",
                "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts",
                "Tw", "Tz", "v", "w", "W", "W*", "y", "'", "\"", "R", "obj", "def", "end", "dup", "put",
            ];
            var table = new Dictionary<int, Keyword>();
            foreach (var word in words)
            {
                table[ShortKey(Encoding.Latin1.GetBytes(word))] = new Keyword(word);
            }

            return table;
        }
    }

    /// <summary>A stream object: its dictionary and where its data lies in the file.</summary>
    private sealed class PdfStream(PdfDict dict, int start, int length, int number, int generation, bool lengthChecked)
    {
        public PdfDict Dict { get; } = dict;

        public int Start { get; } = start;

        /// <summary>The data's length as found: by a /Length that checked out, else up to the endstream keyword.</summary>
        public int Length { get; set; } = length;

        public int Number { get; } = number;

        public int Generation { get; } = generation;

        /// <summary>True once /Length has been checked against the endstream keyword (or found wrong).</summary>
        public bool LengthChecked { get; set; } = lengthChecked;
    }

    // Each byte's class, looked up rather than compared: the lexer asks for every byte of every content stream.
    private const byte White = 1;
    private const byte Delimiter = 2;

    private static ReadOnlySpan<byte> Classes =>
    [
        1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00-0x1F
        1, 0, 0, 0, 0, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, // ' ' % ( ) / < >
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, // [ ]
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, // { }
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static bool IsWhite(byte b) => Classes[b] == White;

    private static bool IsRegular(byte b) => Classes[b] == 0;

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Reads objects from bytes: the file itself, an object stream, a content stream or a CMap. Lenient the way viewers
    /// are: a malformed token is read as far as it makes sense and the reading goes on after it.
    /// </summary>
    private sealed class Lexer(byte[] data, int start, int end, Reading reading, bool references)
    {
        private static readonly SearchValues<byte> LiteralSpecial = SearchValues.Create("\\()\r"u8);

        public byte[] Data { get; } = data;

        public int End { get; } = end;

        public int Position { get; set; } = start;

        public void SkipWhite()
        {
            var data = Data;
            var end = End;
            var pos = Position;
            while (pos < end)
            {
                var b = data[pos];
                if (IsWhite(b))
                {
                    pos++;
                }
                else if (b == '%')
                {
                    while (pos < end && data[pos] is not (10 or 13))
                    {
                        pos++;
                    }
                }
                else
                {
                    break;
                }
            }

            Position = pos;
        }

        /// <summary>
        /// Past white space and comments, then the number that comes next, read without boxing it; false (nothing read)
        /// for anything else. For content streams, where no number begins a reference.
        /// </summary>
        public bool TryNumber(out double value)
        {
            SkipWhite();
            if (!references && Position < End && Data[Position] is >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'-' or (byte)'.')
            {
                value = ReadNumber(out _);
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>The next object, a <see cref="Keyword"/> for a bare word, or <see cref="Keyword.EndOfData"/>.</summary>
        public object? Read(int depth = 0)
        {
            SkipWhite();
            if (Position >= End)
            {
                return Keyword.EndOfData;
            }

            var b = Data[Position];
            switch (b)
            {
                case (byte)'/':
                    return ReadName();
                case (byte)'(':
                    return ReadLiteral();
                case (byte)'<' when Position + 1 < End && Data[Position + 1] == '<':
                    Position += 2;
                    return ReadDict(depth);
                case (byte)'<':
                    return ReadHex();
                case (byte)'>' when Position + 1 < End && Data[Position + 1] == '>':
                    Position += 2;
                    return Keyword.CloseDict;
                case (byte)'[':
                    Position++;
                    return ReadArray(depth);
                case (byte)']':
                    Position++;
                    return Keyword.CloseArray;
                case (byte)'>' or (byte)')' or (byte)'{' or (byte)'}':
                    Position++;
                    return new Keyword(((char)b).ToString());
            }

            if (b is >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'-' or (byte)'.')
            {
                var number = ReadNumber(out var plainInteger);
                return plainInteger && references ? ReferenceOrNumber(number) : number;
            }

            var wordStart = Position;
            while (Position < End && IsRegular(Data[Position]))
            {
                Position++;
            }

            var word = Data.AsSpan(wordStart, Position - wordStart);
            return word switch
            {
                _ when word.SequenceEqual("true"u8) => true,
                _ when word.SequenceEqual("false"u8) => false,
                _ when word.SequenceEqual("null"u8) => null,
                _ => Keyword.Of(word),
            };
        }

        // "12 0 R" is a reference; the lookahead is undone when the words after a number are anything else.
        private object ReferenceOrNumber(double number)
        {
            var mark = Position;
            SkipWhite();
            var genStart = Position;
            while (Position < End && Data[Position] is >= (byte)'0' and <= (byte)'9')
            {
                Position++;
            }

            if (Position > genStart && (Position == End || !IsRegular(Data[Position])))
            {
                SkipWhite();
                if (Position < End && Data[Position] == 'R' && (Position + 1 == End || !IsRegular(Data[Position + 1])) && number <= int.MaxValue)
                {
                    Position++;
                    return new Ref((int)number);
                }
            }

            Position = mark;
            return number;
        }

        private double ReadNumber(out bool plainInteger)
        {
            var negative = false;
            var signed = false;
            while (Position < End && Data[Position] is (byte)'+' or (byte)'-')
            {
                negative ^= Data[Position] == '-';
                signed = true;
                Position++;
            }

            double value = 0;
            var digits = 0;
            while (Position < End && Data[Position] is >= (byte)'0' and <= (byte)'9')
            {
                value = value * 10 + (Data[Position++] - '0');
                digits++;
            }

            var fraction = false;
            if (Position < End && Data[Position] == '.')
            {
                fraction = true;
                Position++;
                var scale = 0.1;
                while (Position < End && Data[Position] is >= (byte)'0' and <= (byte)'9')
                {
                    value += (Data[Position++] - '0') * scale;
                    scale /= 10;
                }
            }

            // "1.2.3" or "4-5": the junk belongs to this token, not to the next one.
            while (Position < End && Data[Position] is >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'+' or (byte)'-')
            {
                Position++;
            }

            plainInteger = digits > 0 && !fraction && !signed;
            return negative ? -value : value;
        }

        private Name ReadName()
        {
            Position++;
            var count = 0;
            while (Position < End && IsRegular(Data[Position]))
            {
                var b = Data[Position++];
                if (b == '#' && Position + 1 < End && HexValue(Data[Position]) >= 0 && HexValue(Data[Position + 1]) >= 0)
                {
                    b = (byte)((HexValue(Data[Position]) << 4) | HexValue(Data[Position + 1]));
                    Position += 2;
                }

                Put(ref count, b);
            }

            return new Name(Encoding.Latin1.GetString(reading.Scratch, 0, count));
        }

        // ISO 32000-1, 7.3.4.2: balanced parentheses need no escape; an end of line inside the string is a line feed.
        public PdfString ReadLiteral()
        {
            Position++;
            var count = 0;
            var depth = 1;
            while (Position < End)
            {
                // The bytes that need no care, copied at once.
                var rest = Data.AsSpan(Position, End - Position);
                var plain = rest.IndexOfAny(LiteralSpecial);
                if (plain != 0)
                {
                    plain = plain < 0 ? rest.Length : plain;
                    PutRange(ref count, rest[..plain]);
                    Position += plain;
                    if (Position >= End)
                    {
                        break;
                    }
                }

                var b = Data[Position++];
                if (b == '\\')
                {
                    if (Position >= End)
                    {
                        break;
                    }

                    var e = Data[Position++];
                    switch (e)
                    {
                        case (byte)'n': Put(ref count, 10); break;
                        case (byte)'r': Put(ref count, 13); break;
                        case (byte)'t': Put(ref count, 9); break;
                        case (byte)'b': Put(ref count, 8); break;
                        case (byte)'f': Put(ref count, 12); break;
                        case (byte)'\r':
                            if (Position < End && Data[Position] == '\n')
                            {
                                Position++;
                            }

                            break; // a line continuation
                        case (byte)'\n':
                            break;
                        case >= (byte)'0' and <= (byte)'7':
                            var value = e - '0';
                            for (var i = 0; i < 2 && Position < End && Data[Position] is >= (byte)'0' and <= (byte)'7'; i++)
                            {
                                value = (value * 8) + (Data[Position++] - '0');
                            }

                            Put(ref count, (byte)value);
                            break;
                        default:
                            Put(ref count, e); // \( \) \\ and an unknown escape: the character itself
                            break;
                    }
                }
                else if (b == '(')
                {
                    depth++;
                    Put(ref count, b);
                }
                else if (b == ')')
                {
                    if (--depth == 0)
                    {
                        break;
                    }

                    Put(ref count, b);
                }
                else if (b == '\r')
                {
                    if (Position < End && Data[Position] == '\n')
                    {
                        Position++;
                    }

                    Put(ref count, 10);
                }
                else
                {
                    Put(ref count, b);
                }
            }

            return new PdfString(reading.Scratch.AsSpan(0, count).ToArray());
        }

        // An odd number of digits is read as if a 0 followed (ISO 32000-1, 7.3.4.3).
        private PdfString ReadHex()
        {
            Position++;
            var count = 0;
            var high = -1;
            while (Position < End)
            {
                var b = Data[Position++];
                if (b == '>')
                {
                    break;
                }

                var v = HexValue(b);
                if (v < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    Put(ref count, (byte)((high << 4) | v));
                    high = -1;
                }
            }

            if (high >= 0)
            {
                Put(ref count, (byte)(high << 4));
            }

            return new PdfString(reading.Scratch.AsSpan(0, count).ToArray());
        }

        private List<object?> ReadArray(int depth)
        {
            var list = new List<object?>();
            if (depth >= MaxDepth)
            {
                TooDeep();
                return list;
            }

            while (true)
            {
                var item = Read(depth + 1);
                if (ReferenceEquals(item, Keyword.CloseArray) || ReferenceEquals(item, Keyword.EndOfData))
                {
                    return list;
                }

                if (!ReferenceEquals(item, Keyword.CloseDict))
                {
                    list.Add(item);
                }
            }
        }

        private PdfDict ReadDict(int depth)
        {
            var dict = new PdfDict(StringComparer.Ordinal);
            if (depth >= MaxDepth)
            {
                TooDeep();
                return dict;
            }

            while (true)
            {
                var key = Read(depth + 1);
                if (ReferenceEquals(key, Keyword.CloseDict) || ReferenceEquals(key, Keyword.EndOfData))
                {
                    return dict;
                }

                if (key is not Name name)
                {
                    continue; // junk where a key belongs
                }

                var value = Read(depth + 1);
                if (ReferenceEquals(value, Keyword.CloseDict) || ReferenceEquals(value, Keyword.EndOfData))
                {
                    dict[name.Value] = null;
                    return dict;
                }

                dict[name.Value] = value;
            }
        }

        // The rest of an array or dictionary nested too deep is passed over without recursion, so that no file can
        // exhaust the stack.
        private void TooDeep()
        {
            reading.Report($"byte {Position}: arrays or dictionaries nested deeper than {MaxDepth}, the rest of that object is skipped");
            var open = 1;
            while (open > 0)
            {
                SkipWhite();
                if (Position >= End)
                {
                    return;
                }

                var b = Data[Position];
                var next = Position + 1 < End ? Data[Position + 1] : (byte)0;
                switch (b)
                {
                    case (byte)'(':
                        ReadLiteral();
                        break;
                    case (byte)'<' when next == '<':
                        open++;
                        Position += 2;
                        break;
                    case (byte)'<':
                        ReadHex();
                        break;
                    case (byte)'>' when next == '>':
                        open--;
                        Position += 2;
                        break;
                    case (byte)'[':
                        open++;
                        Position++;
                        break;
                    case (byte)']':
                        open--;
                        Position++;
                        break;
                    default:
                        Position++;
                        while (Position < End && IsRegular(Data[Position]))
                        {
                            Position++;
                        }

                        break;
                }
            }
        }

        private void Put(ref int count, byte b)
        {
            var scratch = reading.Scratch;
            if (count == scratch.Length)
            {
                Array.Resize(ref scratch, scratch.Length * 2);
                reading.Scratch = scratch;
            }

            scratch[count++] = b;
        }

        private void PutRange(ref int count, ReadOnlySpan<byte> bytes)
        {
            var scratch = reading.Scratch;
            if (count + bytes.Length > scratch.Length)
            {
                Array.Resize(ref scratch, (int)Math.Min(Math.Max(scratch.Length * 2L, (long)count + bytes.Length), Array.MaxLength));
                reading.Scratch = scratch;
            }

            bytes.CopyTo(scratch.AsSpan(count));
            count += bytes.Length;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The document: its objects found by scanning, object streams, stream data and filters, the page tree.
    // ---------------------------------------------------------------------------------------------------------------

    private sealed class Document
    {
        private readonly byte[] data;
        private readonly Reading reading;
        private readonly Dictionary<int, (object? Value, int Offset)> objects = [];
        private readonly List<(int Offset, PdfDict Dict)> trailers = [];
        private readonly Dictionary<PdfStream, ArraySegment<byte>?> decoded = [];
        private readonly Decryptor? decryptor;

        public Document(byte[] data, Reading reading)
        {
            this.data = data;
            this.reading = reading;
            ScanObjects();
            ScanTrailers();
            // The trailer names the /Encrypt dictionary; when the trailer is lost, a security handler's dictionary is
            // known by its entries.
            var encrypt = trailers.Select(t => t.Dict.GetValueOrDefault("Encrypt")).LastOrDefault(e => e is not null) is { } named
                ? Dict(named) ?? []
                : objects.Values.Select(o => o.Value as PdfDict).LastOrDefault(d => d is not null && d.ContainsKey("O") && d.ContainsKey("U") && d.ContainsKey("P") && d.ContainsKey("Filter"));
            if (encrypt is not null)
            {
                var id = trailers.Select(t => List(t.Dict, "ID")?.FirstOrDefault()).LastOrDefault(i => i is not null) as PdfString;
                decryptor = Decryptor.Open(encrypt, id?.Bytes ?? [], this);
                Locked = decryptor is null;
            }

            ReadObjectStreams();
        }

        /// <summary>Encrypted, and not with the empty user password this reader can open: its text cannot be read.</summary>
        public bool Locked { get; }

        public Dictionary<PdfDict, Font> Fonts { get; } = [];

        public object? Resolve(object? value)
        {
            for (var hops = 0; value is Ref r; hops++)
            {
                if (hops == MaxDepth || !objects.TryGetValue(r.Number, out var entry))
                {
                    return null;
                }

                value = entry.Value;
            }

            return value;
        }

        /// <summary>The dictionary <paramref name="value"/> is or refers to; a stream's dictionary for a stream.</summary>
        public PdfDict? Dict(object? value) => Resolve(value) switch
        {
            PdfDict d => d,
            PdfStream s => s.Dict,
            _ => null,
        };

        public object? Get(PdfDict? dict, string key) => dict is not null && dict.TryGetValue(key, out var value) ? Resolve(value) : null;

        public double Number(PdfDict? dict, string key, double otherwise) => Get(dict, key) is double d && double.IsFinite(d) ? d : otherwise;

        public string? Name(PdfDict? dict, string key) => (Get(dict, key) as Name)?.Value;

        public List<object?>? List(PdfDict? dict, string key) => Get(dict, key) as List<object?>;

        // Every "N G obj" in the file, in file order: an object defined again later (an incremental update) replaces the
        // earlier one. Stream data is stepped over, so that bytes inside a stream are never taken for an object.
        private void ScanObjects()
        {
            // Every header first: where the next one begins bounds how far a damaged object is read.
            var headers = new List<(int At, int Number, int Generation, int Start)>();
            for (var pos = 0; pos < data.Length;)
            {
                var found = data.AsSpan(pos).IndexOf("obj"u8);
                if (found < 0)
                {
                    break;
                }

                var at = pos + found;
                if (TryObjectHeader(at, out var number, out var generation, out var headerStart))
                {
                    headers.Add((at, number, generation, headerStart));
                }

                pos = at + 3;
            }

            var resume = 0;
            var nextEndobj = -1; // where the first endobj after the current header begins; data.Length when there is none
            var overreach = (long)data.Length; // how much, in all, objects may be read past the next header
            for (var i = 0; i < headers.Count; i++)
            {
                var (at, number, generation, headerStart) = headers[i];
                if (at < resume)
                {
                    continue; // inside stream data, or inside an object already read
                }

                // An object is read up to its endobj. An object read past the next header is damaged (an unclosed
                // string) or holds a header in a string: that is allowed up to a budget, so that a file of damaged
                // objects cannot make each one read to the end of the file.
                if (nextEndobj < at)
                {
                    var endobj = data.AsSpan(at).IndexOf("endobj"u8);
                    nextEndobj = endobj < 0 ? data.Length : at + endobj;
                }

                var nextHeader = i + 1 < headers.Count ? headers[i + 1].Start : data.Length;
                var limit = nextEndobj == data.Length ? data.Length : nextEndobj + 6;
                if (overreach <= 0)
                {
                    limit = Math.Min(limit, nextHeader);
                }

                var lexer = new Lexer(data, at + 3, limit, reading, references: true);
                var value = lexer.Read();
                var after = lexer.Read();
                if (after is Keyword { Value: "stream" } && value is PdfDict dict)
                {
                    var start = lexer.Position;
                    if (start < data.Length && data[start] == '\r')
                    {
                        start++;
                    }

                    if (start < data.Length && data[start] == '\n')
                    {
                        start++;
                    }

                    var (length, streamEnd, checkedLength) = FindStreamEnd(dict, start);
                    value = new PdfStream(dict, start, length, number, generation, checkedLength);
                    resume = streamEnd;
                }
                else if (after is Keyword { Value: "endobj" })
                {
                    resume = lexer.Position;
                }
                else
                {
                    // No endobj: a damaged object. The next header is looked for right after this one's.
                    if (limit == data.Length && lexer.Position >= data.Length)
                    {
                        reading.Report($"object {number} at byte {headerStart}: the file ends inside it (cut short)");
                    }

                    resume = at + 3;
                }

                if (lexer.Position > nextHeader)
                {
                    overreach -= lexer.Position - nextHeader;
                }

                objects[number] = (value, headerStart);
            }
        }

        // "12 0 obj": "obj" preceded by a generation and an object number, and followed by no more of a word.
        private bool TryObjectHeader(int at, out int number, out int generation, out int headerStart)
        {
            number = generation = 0;
            headerStart = at;
            if (at + 3 < data.Length && IsRegular(data[at + 3]))
            {
                return false;
            }

            var i = at - 1;
            if (i < 0 || !IsWhite(data[i]))
            {
                return false;
            }

            while (i >= 0 && IsWhite(data[i]))
            {
                i--;
            }

            var genEnd = i;
            while (i >= 0 && char.IsAsciiDigit((char)data[i]))
            {
                i--;
            }

            if (genEnd - i is 0 or > 5 || i < 0 || !IsWhite(data[i]))
            {
                return false;
            }

            generation = int.Parse(data.AsSpan(i + 1, genEnd - i), CultureInfo.InvariantCulture);

            while (i >= 0 && IsWhite(data[i]))
            {
                i--;
            }

            var numberEnd = i;
            while (i >= 0 && char.IsAsciiDigit((char)data[i]))
            {
                i--;
            }

            if (numberEnd - i is 0 or > 10)
            {
                return false;
            }

            var parsed = long.Parse(data.AsSpan(i + 1, numberEnd - i), CultureInfo.InvariantCulture);
            if (parsed > int.MaxValue)
            {
                return false;
            }

            number = (int)parsed;
            headerStart = i + 1;
            return true;
        }

        // A direct /Length is believed when endstream follows where it says; otherwise, and for an indirect /Length
        // (checked later, when the object it names can be looked up), the data runs to the first endstream.
        private (int Length, int Resume, bool Checked) FindStreamEnd(PdfDict dict, int start)
        {
            if (dict.TryGetValue("Length", out var declared) && declared is double d && EndstreamAt(start, d, out var resume))
            {
                return ((int)d, resume, true);
            }

            var found = data.AsSpan(start).IndexOf("endstream"u8);
            if (found < 0)
            {
                reading.Report($"stream at byte {start}: the file ends inside it (cut short)");
                return (data.Length - start, data.Length, true);
            }

            var end = start + found;
            if (end > start && data[end - 1] == '\n')
            {
                end--;
            }

            if (end > start && data[end - 1] == '\r')
            {
                end--;
            }

            return (end - start, start + found + 9, declared is not Ref);
        }

        private bool EndstreamAt(int start, double length, out int resume)
        {
            resume = 0;
            if (length < 0 || length > data.Length - start)
            {
                return false;
            }

            var i = start + (int)length;
            while (i < data.Length && IsWhite(data[i]))
            {
                i++;
            }

            if (!data.AsSpan(i).StartsWith("endstream"u8))
            {
                return false;
            }

            resume = i + 9;
            return true;
        }

        // The trailers (and cross-reference streams, which are trailers too) in file order: the last one naming a
        // catalog is the newest revision's.
        private void ScanTrailers()
        {
            var pos = 0;
            while (pos < data.Length)
            {
                var found = data.AsSpan(pos).IndexOf("trailer"u8);
                if (found < 0)
                {
                    break;
                }

                // A trailer is a few entries: a damaged one is read up to the next trailer, and 64 KB at most.
                var start = pos + found + 7;
                var next = data.AsSpan(start).IndexOf("trailer"u8);
                var lexer = new Lexer(data, start, (int)Math.Min(next < 0 ? data.Length : start + next, start + 65536L), reading, references: true);
                if (lexer.Read() is PdfDict dict)
                {
                    trailers.Add((pos + found, dict));
                }

                pos = start;
            }

            foreach (var (value, offset) in objects.Values)
            {
                if (value is PdfStream { Dict: var d } && Name(d, "Type") == "XRef")
                {
                    trailers.Add((offset, d));
                }
            }

            trailers.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }

        // ISO 32000-1, 7.5.7: an object stream holds N objects after a header of N pairs "number offset", the offsets
        // counted from /First. An object defined directly later in the file (an update) still replaces it.
        private void ReadObjectStreams()
        {
            var streams = objects.Values
                .Where(o => o.Value is PdfStream s && Name(s.Dict, "Type") == "ObjStm")
                .OrderBy(o => o.Offset)
                .ToList();
            foreach (var (value, offset) in streams)
            {
                var stream = (PdfStream)value!;
                if (Decode(stream) is not { } bytes)
                {
                    continue;
                }

                var count = (int)Math.Clamp(Number(stream.Dict, "N", 0), 0, bytes.Count);
                var first = (int)Math.Clamp(Number(stream.Dict, "First", 0), 0, bytes.Count);
                var header = new Lexer(bytes.Array!, bytes.Offset, bytes.Offset + first, reading, references: false);
                var entries = new List<(int Number, int At)>();
                for (var i = 0; i < count; i++)
                {
                    if (header.Read() is not double number || header.Read() is not double at || number < 0 || number > int.MaxValue || at < 0 || at >= bytes.Count - first)
                    {
                        break;
                    }

                    entries.Add(((int)number, (int)at));
                }

                // Each object is read up to where the next one begins, so that a damaged one cannot make all read to the end.
                var starts = entries.Select(e => e.At).Append(bytes.Count - first).Distinct().Order().ToArray();
                foreach (var (number, at) in entries)
                {
                    if (objects.TryGetValue(number, out var existing) && existing.Offset > offset)
                    {
                        continue;
                    }

                    var end = starts[Array.BinarySearch(starts, at) + 1];
                    var lexer = new Lexer(bytes.Array!, bytes.Offset + first + at, bytes.Offset + first + end, reading, references: true);
                    objects[number] = (lexer.Read(), offset);
                }
            }
        }

        /// <summary>
        /// The data of <paramref name="stream"/> with its filters undone; null when a filter is not one this reader knows
        /// (an image's) or a limit stopped the reading. Partial data when the compressed data is damaged.
        /// </summary>
        public ArraySegment<byte>? Decode(PdfStream stream)
        {
            if (decoded.TryGetValue(stream, out var cached))
            {
                return cached;
            }

            if (reading.Stopped)
            {
                return null;
            }

            if (!stream.LengthChecked)
            {
                // An indirect /Length, looked up now that every object is known; believed when endstream follows.
                stream.LengthChecked = true;
                if (Resolve(stream.Dict.GetValueOrDefault("Length")) is double length && EndstreamAt(stream.Start, length, out _))
                {
                    stream.Length = (int)length;
                }
            }

            var raw = new ArraySegment<byte>(data, stream.Start, stream.Length);
            // Cross-reference streams are never encrypted, nor a stream whose own /Crypt filter says (by default) Identity.
            if (decryptor is not null && Name(stream.Dict, "Type") != "XRef" && !Filtered(stream, "Crypt"))
            {
                raw = decryptor.Decrypt(raw, stream.Number, stream.Generation);
            }

            var result = Filters.Apply(raw, stream, this, reading);
            decoded[stream] = result;
            return result;
        }

        private bool Filtered(PdfStream stream, string filter) => Get(stream.Dict, "Filter") switch
        {
            Name n => n.Value == filter,
            List<object?> list => list.Any(f => (Resolve(f) as Name)?.Value == filter),
            _ => false,
        };

        /// <summary>The pages in document order, each with the resources it has or inherits.</summary>
        public List<(PdfDict Page, object? Resources)> Pages()
        {
            var pages = new List<(PdfDict, object?)>();
            var catalog = trailers.Select(t => Dict(t.Dict.GetValueOrDefault("Root"))).LastOrDefault(c => c is not null && c.ContainsKey("Pages"))
                ?? objects.Values.OrderBy(o => o.Offset).Select(o => o.Value as PdfDict).LastOrDefault(d => Name(d, "Type") == "Catalog" && d!.ContainsKey("Pages"));
            if (catalog is not null)
            {
                var visited = new HashSet<int>();
                if (catalog["Pages"] is Ref root)
                {
                    visited.Add(root.Number);
                }

                Walk(Dict(catalog["Pages"]), null, 0, visited, pages);
            }

            if (pages.Count == 0)
            {
                // No catalog or an empty tree (a damaged file): the page objects themselves, in file order.
                foreach (var (value, _) in objects.Values.Where(o => o.Value is PdfDict d && Name(d, "Type") == "Page").OrderBy(o => o.Offset).Take(MaxPages))
                {
                    var page = (PdfDict)value!;
                    pages.Add((page, Inherited(page, "Resources")));
                }
            }

            return pages;
        }

        private void Walk(PdfDict? node, object? inherited, int depth, HashSet<int> visited, List<(PdfDict, object?)> pages)
        {
            if (node is null)
            {
                return;
            }

            if (depth > MaxDepth)
            {
                reading.Report($"the page tree is nested deeper than {MaxDepth}: the pages below are not read");
                return;
            }

            var resources = node.GetValueOrDefault("Resources") ?? inherited;
            if (List(node, "Kids") is { } kids && Name(node, "Type") != "Page")
            {
                foreach (var kid in kids)
                {
                    // A kid seen before is a cycle (or a page listed twice): read once.
                    if (kid is Ref r && !visited.Add(r.Number))
                    {
                        continue;
                    }

                    Walk(Dict(kid), resources, depth + 1, visited, pages);
                }

                return;
            }

            if (pages.Count == MaxPages)
            {
                reading.Report(string.Create(CultureInfo.InvariantCulture, $"more than {MaxPages:N0} pages: only the first {MaxPages:N0} are read"));
                return;
            }

            pages.Add((node, resources));
        }

        private object? Inherited(PdfDict page, string key)
        {
            var node = page;
            for (var depth = 0; node is not null && depth <= MaxDepth; depth++)
            {
                if (node.TryGetValue(key, out var value))
                {
                    return value;
                }

                node = Dict(node.GetValueOrDefault("Parent"));
            }

            return null;
        }
    }

    /// <summary>
    /// The standard security handler (ISO 32000-2, 7.6.4) opened with the empty user password. A "protected" flyer opens
    /// in any viewer without a password and only asks it not to allow copying or printing; its text is readable. RC4 and
    /// AES-128 (revisions 2 to 4) and AES-256 (revisions 5 and 6). A file that needs a password, or another handler
    /// (certificates), cannot be opened.
    /// </summary>
    private sealed class Decryptor
    {
        private static readonly byte[] Padding =
        [
            0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
            0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
        ];

        private readonly byte[] key;
        private readonly string method; // RC4, AESV2, AESV3, or None when streams are left in the clear

        private Decryptor(byte[] key, string method)
        {
            this.key = key;
            this.method = method;
        }

        public static Decryptor? Open(PdfDict dict, byte[] id, Document document)
        {
            var v = (int)document.Number(dict, "V", 0);
            var r = (int)document.Number(dict, "R", 0);
            var owner = (document.Get(dict, "O") as PdfString)?.Bytes ?? [];
            var user = (document.Get(dict, "U") as PdfString)?.Bytes ?? [];
            if (document.Name(dict, "Filter") != "Standard" || owner.Length < 32 || user.Length < 32)
            {
                return null;
            }

            var method = "RC4";
            if (v is 4 or 5)
            {
                var filterName = document.Name(dict, "StmF") ?? "Identity";
                var filter = document.Dict(document.Dict(dict.GetValueOrDefault("CF"))?.GetValueOrDefault(filterName));
                method = filterName == "Identity" ? "None" : document.Name(filter, "CFM") switch
                {
                    "V2" => "RC4",
                    "AESV2" => "AESV2",
                    "AESV3" => "AESV3",
                    "None" => "None",
                    _ => "",
                };
            }

            if (method.Length == 0)
            {
                return null;
            }

            if (r is 5 or 6)
            {
                return user.Length >= 48 && document.Get(dict, "UE") is PdfString { Bytes.Length: >= 32 } ue ? OpenAes256(r, user, ue.Bytes, method) : null;
            }

            // Algorithm 2: the file key from the padded password, /O, /P, the file's first ID, (/EncryptMetadata).
            var length = method == "AESV2" ? 16 : v == 1 ? 5 : (int)Math.Clamp(document.Number(dict, "Length", 40) / 8, 5, 16);
            var permissions = (int)document.Number(dict, "P", 0);
            var metadata = document.Get(dict, "EncryptMetadata") as bool? ?? true;
            var input = new List<byte>(Padding);
            input.AddRange(owner.AsSpan(0, 32));
            input.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(permissions) : BitConverter.GetBytes(permissions).Reverse());
            input.AddRange(id);
            if (r >= 4 && !metadata)
            {
                input.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
            }

            // MD5 and RC4 because the format prescribes them: they protect nothing of SolidWall's.
            var hash = MD5.HashData(input.ToArray());
            for (var i = 0; r >= 3 && i < 50; i++)
            {
                hash = MD5.HashData(hash.AsSpan(0, length));
            }

            var fileKey = hash[..length];

            // Algorithms 4 and 5: the empty password is right when it reproduces /U.
            bool opens;
            if (r == 2)
            {
                opens = Rc4(fileKey, Padding).AsSpan().SequenceEqual(user.AsSpan(0, 32));
            }
            else
            {
                var check = Rc4(fileKey, MD5.HashData([.. Padding, .. id]));
                for (var i = 1; i <= 19; i++)
                {
                    check = Rc4(fileKey.Select(b => (byte)(b ^ i)).ToArray(), check);
                }

                opens = check.AsSpan().SequenceEqual(user.AsSpan(0, 16));
            }

            return opens ? new Decryptor(fileKey, method) : null;
        }

        // Revisions 5 and 6: /U holds a hash of the password with a validation salt, then a key salt; the file key is /UE
        // decrypted with the hash of the password and the key salt.
        private static Decryptor? OpenAes256(int r, byte[] user, byte[] ue, string method)
        {
            var validation = r == 6 ? Hash(user.AsSpan(32, 8)) : SHA256.HashData(user.AsSpan(32, 8));
            if (!validation.AsSpan(0, 32).SequenceEqual(user.AsSpan(0, 32)))
            {
                return null;
            }

            var intermediate = r == 6 ? Hash(user.AsSpan(40, 8)) : SHA256.HashData(user.AsSpan(40, 8));
            using var aes = Aes.Create();
            aes.Key = intermediate[..32];
            return new Decryptor(aes.DecryptCbc(ue.AsSpan(0, 32), new byte[16], PaddingMode.None), method);
        }

        // Algorithm 2.B (ISO 32000-2, 7.6.4.3.4) for the empty password: SHA-256, then rounds of AES-128 and SHA-2.
        private static byte[] Hash(ReadOnlySpan<byte> salt)
        {
            var k = SHA256.HashData(salt);
            using var aes = Aes.Create();
            for (var round = 0; ; round++)
            {
                var k1 = new byte[k.Length * 64];
                for (var i = 0; i < 64; i++)
                {
                    k.CopyTo(k1, i * k.Length);
                }

                aes.Key = k[..16];
                var e = aes.EncryptCbc(k1, k.AsSpan(16, 16), PaddingMode.None);
                var sum = 0;
                for (var i = 0; i < 16; i++)
                {
                    sum += e[i];
                }

                k = (sum % 3) switch
                {
                    0 => SHA256.HashData(e),
                    1 => SHA384.HashData(e),
                    _ => SHA512.HashData(e),
                };
                if (round >= 63 && e[^1] <= round + 1 - 32)
                {
                    return k[..32];
                }
            }
        }

        public ArraySegment<byte> Decrypt(ArraySegment<byte> data, int number, int generation)
        {
            if (method == "None")
            {
                return data;
            }

            // Algorithm 1: each object's own key, from the file key and its number (not for AES-256).
            var objectKey = key;
            if (method != "AESV3")
            {
                byte[] salt = method == "AESV2" ? [0x73, 0x41, 0x6C, 0x54] : [];
                objectKey = MD5.HashData([.. key, (byte)number, (byte)(number >> 8), (byte)(number >> 16), (byte)generation, (byte)(generation >> 8), .. salt]);
                objectKey = objectKey[..Math.Min(key.Length + 5, 16)];
            }

            if (method == "RC4")
            {
                return Rc4(objectKey, data);
            }

            // AES in CBC mode, the IV in the first 16 bytes, PKCS#7 padding (which a damaged stream may lack).
            var blocks = (data.Count - 16) / 16 * 16;
            if (blocks <= 0)
            {
                return ArraySegment<byte>.Empty;
            }

            using var aes = Aes.Create();
            aes.Key = objectKey;
            try
            {
                return aes.DecryptCbc(data.AsSpan(16, blocks), data.AsSpan(0, 16), PaddingMode.PKCS7);
            }
            catch (CryptographicException)
            {
                return aes.DecryptCbc(data.AsSpan(16, blocks), data.AsSpan(0, 16), PaddingMode.None);
            }
        }

        private static byte[] Rc4(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
        {
            Span<byte> s = stackalloc byte[256];
            for (var i = 0; i < 256; i++)
            {
                s[i] = (byte)i;
            }

            for (int i = 0, j = 0; i < 256; i++)
            {
                j = (j + s[i] + key[i % key.Length]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
            }

            var output = new byte[data.Length];
            for (int k = 0, i = 0, j = 0; k < data.Length; k++)
            {
                i = (i + 1) & 0xFF;
                j = (j + s[i]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
                output[k] = (byte)(data[k] ^ s[(s[i] + s[j]) & 0xFF]);
            }

            return output;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Filters (ISO 32000-1, 7.4). Images' filters (DCT, JPX, JBIG2, CCITT) are never asked for: only content streams,
    // forms, CMaps and object streams are decoded.
    // ---------------------------------------------------------------------------------------------------------------

    private static class Filters
    {
        public static ArraySegment<byte>? Apply(ArraySegment<byte> data, PdfStream stream, Document document, Reading reading)
        {
            var filter = document.Get(stream.Dict, "Filter");
            var parms = document.Get(stream.Dict, "DecodeParms");
            List<object?> names = filter switch
            {
                Name n => [n],
                List<object?> list => list.Select(document.Resolve).ToList(),
                _ => [],
            };
            for (var i = 0; i < names.Count; i++)
            {
                var name = (names[i] as Name)?.Value ?? "";
                var parm = document.Dict(parms is List<object?> list ? (i < list.Count ? list[i] : null) : parms);
                switch (name)
                {
                    case "FlateDecode" or "Fl":
                        data = Unpredict(Inflate(data, stream.Start, reading), parm, document);
                        break;
                    case "LZWDecode" or "LZW":
                        data = Unpredict(Lzw(data, (int)document.Number(parm, "EarlyChange", 1), stream.Start, reading), parm, document);
                        break;
                    case "ASCIIHexDecode" or "AHx":
                        data = AsciiHex(data);
                        break;
                    case "ASCII85Decode" or "A85":
                        data = Ascii85(data);
                        break;
                    case "RunLengthDecode" or "RL":
                        data = RunLength(data, stream.Start, reading);
                        break;
                    case "Crypt":
                        break; // the identity crypt filter: the file is not encrypted, or it was refused before this
                    default:
                        reading.Report($"stream at byte {stream.Start}: filter /{name} is not supported");
                        return null;
                }

                if (reading.Stopped && data.Count == 0)
                {
                    return null;
                }
            }

            return data;
        }

        // Raw deflate after the two-byte zlib header when there is one: some writers leave the header out, and a wrong
        // Adler-32 checksum at the end (not rare either) must not cost the data before it.
        private static ArraySegment<byte> Inflate(ArraySegment<byte> input, int where, Reading reading)
        {
            var skip = input.Count >= 2 && (input[0] & 0x0F) == 8 && ((input[0] << 8) | input[1]) % 31 == 0 ? 2 : 0;
            using var source = new MemoryStream(input.Array!, input.Offset + skip, input.Count - skip, writable: false);
            using var inflater = new DeflateStream(source, CompressionMode.Decompress);
            // Each read asks for 64 KB, no more and no less: what damaged data yields before the error depends on it. The
            // buffer is rented, and the output sized by what came out, so that a small stream costs no large zeroed arrays.
            var buffer = ArrayPool<byte>.Shared.Rent(65536);
            var output = Array.Empty<byte>();
            var count = 0;
            try
            {
                int n;
                while ((n = inflater.Read(buffer.AsSpan(0, 65536))) > 0)
                {
                    var allowed = reading.AllowDecoded(n, where);
                    if (count + allowed > output.Length)
                    {
                        var size = output.Length == 0 ? allowed : Math.Max(count + allowed, (int)Math.Min(output.Length * 2L, Array.MaxLength));
                        var grown = GC.AllocateUninitializedArray<byte>(size);
                        output.AsSpan(0, count).CopyTo(grown);
                        output = grown;
                    }

                    buffer.AsSpan(0, allowed).CopyTo(output.AsSpan(count));
                    count += allowed;
                    if (allowed < n)
                    {
                        break;
                    }
                }
            }
            catch (InvalidDataException)
            {
                reading.Report($"stream at byte {where}: FlateDecode data is corrupt");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return new ArraySegment<byte>(output, 0, count);
        }

        // ISO 32000-1, 7.4.4.4: PNG predictors (10-15, the row's own type byte decides) and TIFF predictor 2, as
        // cross-reference and object streams use them.
        private static ArraySegment<byte> Unpredict(ArraySegment<byte> data, PdfDict? parms, Document document)
        {
            var predictor = (int)document.Number(parms, "Predictor", 1);
            if (predictor < 2)
            {
                return data;
            }

            var colors = (int)Math.Clamp(document.Number(parms, "Colors", 1), 1, 32);
            var bits = (int)document.Number(parms, "BitsPerComponent", 8) is var b && b is 1 or 2 or 4 or 8 or 16 ? b : 8;
            var columns = (int)Math.Clamp(document.Number(parms, "Columns", 1), 1, 1 << 20);
            var bytesPerPixel = Math.Max(1, colors * bits / 8);
            var input = data.AsSpan();
            var rowLength = Math.Clamp(((columns * colors * bits) + 7) / 8, 1, Math.Max(1, input.Length));
            if (predictor == 2)
            {
                if (bits != 8)
                {
                    return data;
                }

                var copy = input.ToArray();
                for (var row = 0; row < copy.Length; row += rowLength)
                {
                    for (var i = row + colors; i < Math.Min(row + rowLength, copy.Length); i++)
                    {
                        copy[i] += copy[i - colors];
                    }
                }

                return copy;
            }

            var output = new byte[(input.Length / (rowLength + 1) * rowLength) + Math.Max(0, (input.Length % (rowLength + 1)) - 1)];
            var previous = new byte[rowLength];
            var current = new byte[rowLength];
            var written = 0;
            for (var pos = 0; pos < input.Length; pos += rowLength + 1)
            {
                var type = input[pos];
                var count = Math.Min(rowLength, input.Length - pos - 1);
                for (var i = 0; i < count; i++)
                {
                    var raw = input[pos + 1 + i];
                    var left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                    var up = previous[i];
                    var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                    current[i] = (byte)(type switch
                    {
                        1 => raw + left,
                        2 => raw + up,
                        3 => raw + ((left + up) / 2),
                        4 => raw + Paeth(left, up, upLeft),
                        _ => raw,
                    });
                }

                current.AsSpan(0, count).CopyTo(output.AsSpan(written));
                written += count;
                (previous, current) = (current, previous);
            }

            return new ArraySegment<byte>(output, 0, written);
        }

        private static int Paeth(int left, int up, int upLeft)
        {
            var p = left + up - upLeft;
            var pa = Math.Abs(p - left);
            var pb = Math.Abs(p - up);
            var pc = Math.Abs(p - upLeft);
            return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        }

        private static ArraySegment<byte> AsciiHex(ArraySegment<byte> input)
        {
            var output = new byte[(input.Count / 2) + 1];
            var count = 0;
            var high = -1;
            foreach (var b in input)
            {
                if (b == '>')
                {
                    break;
                }

                var v = HexValue(b);
                if (v < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    output[count++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            if (high >= 0)
            {
                output[count++] = (byte)(high << 4);
            }

            return new ArraySegment<byte>(output, 0, count);
        }

        // Groups of five characters '!'..'u' for four bytes, 'z' for four zeros, "~>" at the end (ISO 32000-1, 7.4.3).
        private static ArraySegment<byte> Ascii85(ArraySegment<byte> input)
        {
            var span = input.AsSpan();
            if (span.StartsWith("<~"u8))
            {
                span = span[2..];
            }

            var output = new byte[(span.Length / 5 * 4) + 4 + (span.Count((byte)'z') * 4)];
            var count = 0;
            long group = 0;
            var digits = 0;
            foreach (var b in span)
            {
                if (b == '~')
                {
                    break;
                }

                if (b == 'z' && digits == 0)
                {
                    count += 4; // four zero bytes, already zero
                    continue;
                }

                if (b is < (byte)'!' or > (byte)'u')
                {
                    continue;
                }

                group = (group * 85) + (b - '!');
                if (++digits == 5)
                {
                    for (var i = 3; i >= 0; i--)
                    {
                        output[count + i] = (byte)(group & 0xFF);
                        group >>= 8;
                    }

                    count += 4;
                    group = 0;
                    digits = 0;
                }
            }

            if (digits > 1)
            {
                // A final partial group is padded with 'u' and gives one byte fewer than its characters.
                for (var i = digits; i < 5; i++)
                {
                    group = (group * 85) + 84;
                }

                for (var i = 0; i < digits - 1; i++)
                {
                    output[count + i] = (byte)((group >> (24 - (8 * i))) & 0xFF);
                }

                count += digits - 1;
            }

            return new ArraySegment<byte>(output, 0, count);
        }

        private static ArraySegment<byte> RunLength(ArraySegment<byte> input, int where, Reading reading)
        {
            var output = new MemoryStream();
            var span = input.AsSpan();
            var i = 0;
            while (i < span.Length && span[i] != 128 && !reading.Stopped)
            {
                var length = span[i++];
                if (length < 128)
                {
                    var take = Math.Min(length + 1, span.Length - i);
                    output.Write(span.Slice(i, reading.AllowDecoded(take, where)));
                    i += take;
                }
                else if (i < span.Length)
                {
                    var repeat = reading.AllowDecoded(257 - length, where);
                    for (var k = 0; k < repeat; k++)
                    {
                        output.WriteByte(span[i]);
                    }

                    i++;
                }
            }

            return new ArraySegment<byte>(output.GetBuffer(), 0, (int)output.Length);
        }

        // LZW as in ISO 32000-1, 7.4.4: codes of 9 to 12 bits, 256 clears the table, 257 ends the data; with
        // EarlyChange 1 (the default) the code length grows one code early.
        private static ArraySegment<byte> Lzw(ArraySegment<byte> input, int earlyChange, int where, Reading reading)
        {
            var prefix = new int[4096];
            var suffix = new byte[4096];
            var first = new byte[4096];
            var lengths = new int[4096];
            for (var i = 0; i < 256; i++)
            {
                suffix[i] = first[i] = (byte)i;
                lengths[i] = 1;
            }

            var output = new MemoryStream();
            var entry = new byte[4096];
            var next = 258;
            var codeLength = 9;
            var previous = -1;
            var buffer = 0;
            var bits = 0;
            foreach (var b in input)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                if (bits < codeLength)
                {
                    continue;
                }

                var code = (buffer >> (bits - codeLength)) & ((1 << codeLength) - 1);
                bits -= codeLength;
                if (code == 256)
                {
                    next = 258;
                    codeLength = 9;
                    previous = -1;
                    continue;
                }

                if (code == 257 || code > next || (code == next && previous < 0))
                {
                    break; // the end, or a code no encoder writes
                }

                if (previous >= 0 && next < 4096)
                {
                    prefix[next] = previous;
                    first[next] = first[previous];
                    suffix[next] = code == next ? first[previous] : first[code];
                    lengths[next] = lengths[previous] + 1;
                    next++;
                }

                var length = lengths[code];
                for (int c = code, i = length - 1; i >= 0; c = prefix[c], i--)
                {
                    entry[i] = suffix[c];
                }

                var allowed = reading.AllowDecoded(length, where);
                output.Write(entry, 0, allowed);
                if (allowed < length)
                {
                    break;
                }

                previous = code;
                if (next + earlyChange >= 1 << codeLength && codeLength < 12)
                {
                    codeLength++;
                }
            }

            return new ArraySegment<byte>(output.GetBuffer(), 0, (int)output.Length);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fonts: from a string's bytes to character codes (one byte, or as a composite font's code space says), and from
    // codes to Unicode (the ToUnicode CMap first, then the encoding and its glyph names) and to widths.
    // ---------------------------------------------------------------------------------------------------------------

    private sealed class Font
    {
        /// <summary>Used where no font was selected or the selected one is missing: WinAnsi, estimated widths.</summary>
        public static readonly Font Fallback = new() { Label = "(none)", Simple = Encodings.WinAnsi, Estimated = true };

        private readonly Dictionary<int, double> cidWidths = [];
        private readonly List<(int First, int Last, double Width)> cidRanges = [];
        private double[]? widths;
        private int firstChar;
        private double missingWidth;
        private double defaultWidth = 1000;
        private double widthScale = 1;
        private bool composite;
        private bool utf16;
        private CMap? toUnicode;
        private List<(int Length, byte[] Low, byte[] High)> codeSpace = [];

        public required string Label { get; init; }

        public string?[]? Simple { get; private set; }

        /// <summary>The widths are guesses (a standard font without /Widths): spaces between strings are judged more loosely.</summary>
        public bool Estimated { get; private set; }

        /// <summary>Composite codes (Identity-H) without a ToUnicode map: glyph numbers, not characters.</summary>
        public bool Unreadable { get; private set; }

        /// <summary>The composite font's encoding, as the problem names it: "Identity-H", "an embedded CMap".</summary>
        public string Codes { get; private set; } = "";

        public static Font Build(PdfDict dict, string resourceName, Document document, Reading reading)
        {
            var baseFont = document.Name(dict, "BaseFont") ?? "";
            var font = new Font { Label = baseFont.Length > 0 ? $"/{resourceName} ({baseFont})" : $"/{resourceName}" };
            if (document.Get(dict, "ToUnicode") is PdfStream map && document.Decode(map) is { } mapBytes)
            {
                font.toUnicode = CMap.Parse(mapBytes, reading);
            }

            if (document.Name(dict, "Subtype") == "Type0")
            {
                font.BuildComposite(dict, document, reading);
            }
            else
            {
                font.BuildSimple(dict, baseFont, document);
            }

            return font;
        }

        private void BuildComposite(PdfDict dict, Document document, Reading reading)
        {
            composite = true;
            var encoding = document.Get(dict, "Encoding");
            var encodingName = (encoding as Name)?.Value ?? "";
            var embedded = encoding is PdfStream stream && document.Decode(stream) is { } bytes ? CMap.Parse(bytes, reading) : null;
            codeSpace = toUnicode?.CodeSpace is { Count: > 0 } own ? own : embedded?.CodeSpace is { Count: > 0 } cmap ? cmap : [(2, [0, 0], [255, 255])];
            if (toUnicode is null)
            {
                // The predefined Unicode CMaps (UniGB-UCS2-H, UniJIS-UTF16-H, ...) make the codes UTF-16 themselves.
                utf16 = encodingName.StartsWith("Uni", StringComparison.Ordinal) && (encodingName.Contains("UCS2", StringComparison.Ordinal) || encodingName.Contains("UTF16", StringComparison.Ordinal));
                Unreadable = !utf16;
                Codes = encodingName.Length > 0 ? encodingName : "embedded CMap";
                if (utf16)
                {
                    codeSpace = [(2, [0, 0], [255, 255])];
                }
            }

            var descendant = document.Dict(document.List(dict, "DescendantFonts")?.FirstOrDefault());
            defaultWidth = document.Number(descendant, "DW", 1000);
            Estimated = encodingName is not ("Identity-H" or "Identity-V") && encoding is not PdfStream;
            var w = document.List(descendant, "W");
            if (w is null || Estimated)
            {
                return;
            }

            // /W [c [w1 w2 ...]  cFirst cLast w ...]
            for (var i = 0; i < w.Count && cidWidths.Count < 65536 && cidRanges.Count < 65536;)
            {
                if (document.Resolve(w[i]) is not double start)
                {
                    i++;
                    continue;
                }

                if (i + 1 < w.Count && document.Resolve(w[i + 1]) is List<object?> list)
                {
                    for (var k = 0; k < list.Count && k < 65536; k++)
                    {
                        cidWidths[(int)start + k] = document.Resolve(list[k]) as double? ?? defaultWidth;
                    }

                    i += 2;
                }
                else if (i + 2 < w.Count && document.Resolve(w[i + 1]) is double last && document.Resolve(w[i + 2]) is double width)
                {
                    cidRanges.Add(((int)start, (int)last, width));
                    i += 3;
                }
                else
                {
                    break;
                }
            }
        }

        private void BuildSimple(PdfDict dict, string baseFont, Document document)
        {
            var encoding = document.Get(dict, "Encoding");
            var baseName = encoding switch
            {
                Name n => n.Value,
                PdfDict d => document.Name(d, "BaseEncoding"),
                _ => null,
            };
            var subtype = document.Name(dict, "Subtype");
            var table = baseName switch
            {
                "WinAnsiEncoding" => Encodings.WinAnsi,
                "MacRomanEncoding" => Encodings.MacRoman,
                "StandardEncoding" => Encodings.Standard,
                // No encoding named: a TrueType font is almost always drawn with WinAnsi codes; a Type 1 font's
                // built-in encoding is, for text fonts, the standard one.
                _ => subtype == "TrueType" ? Encodings.WinAnsi : Encodings.Standard,
            };
            var simple = (string?[])table.Clone();
            if (encoding is PdfDict encodingDict && document.List(encodingDict, "Differences") is { } differences)
            {
                // [code /name /name ... code /name ...]: each name takes the code after the one before.
                var code = 0;
                foreach (var item in differences)
                {
                    switch (document.Resolve(item))
                    {
                        case double d:
                            code = (int)d;
                            break;
                        case Name glyph when code is >= 0 and < 256:
                            simple[code++] = GlyphNames.Text(glyph.Value);
                            break;
                    }
                }
            }

            Simple = simple;
            if (subtype == "Type3" && document.List(dict, "FontMatrix") is { Count: 6 } matrix && document.Resolve(matrix[0]) is double scale)
            {
                widthScale = Math.Abs(scale) * 1000;
            }

            if (document.List(dict, "Widths") is { } list)
            {
                firstChar = (int)document.Number(dict, "FirstChar", 0);
                widths = list.Select(x => document.Resolve(x) as double? ?? 0).ToArray();
                missingWidth = document.Number(document.Dict(dict.GetValueOrDefault("FontDescriptor")), "MissingWidth", 0);
            }
            else
            {
                Estimated = true;
                missingWidth = baseFont.Contains("Courier", StringComparison.OrdinalIgnoreCase) ? 600 : 500;
            }
        }

        /// <summary>The length in bytes of the code at <paramref name="pos"/>, and the code.</summary>
        public int NextCode(ReadOnlySpan<byte> bytes, int pos, out int code)
        {
            if (!composite)
            {
                code = bytes[pos];
                return 1;
            }

            var shortest = 4;
            foreach (var (length, low, high) in codeSpace)
            {
                shortest = Math.Min(shortest, length);
                if (pos + length > bytes.Length)
                {
                    continue;
                }

                var inside = true;
                for (var i = 0; i < length && inside; i++)
                {
                    inside = bytes[pos + i] >= low[i] && bytes[pos + i] <= high[i];
                }

                if (inside)
                {
                    code = Code(bytes.Slice(pos, length));
                    return length;
                }
            }

            // A code in no range: as many bytes as the shortest range takes (ISO 32000-1, 9.7.6.3).
            var take = Math.Min(shortest, bytes.Length - pos);
            code = Code(bytes.Slice(pos, take));
            return take;
        }

        public string? Text(int code, int length)
        {
            if (toUnicode is not null)
            {
                if (toUnicode.Map.TryGetValue(CMap.Key(length, code), out var text)
                    || (!composite && toUnicode.Map.TryGetValue(CMap.Key(2, code), out text)))
                {
                    return text;
                }
            }

            if (utf16)
            {
                return ((char)code).ToString();
            }

            return Simple is not null && code < 256 ? Simple[code] : null;
        }

        /// <summary>The code's advance in thousandths of the font size.</summary>
        public double Width(int code)
        {
            if (!composite)
            {
                var i = code - firstChar;
                return (widths is not null && i >= 0 && i < widths.Length ? widths[i] : missingWidth) * widthScale;
            }

            if (cidWidths.TryGetValue(code, out var width))
            {
                return width;
            }

            foreach (var (first, last, w) in cidRanges)
            {
                if (code >= first && code <= last)
                {
                    return w;
                }
            }

            return defaultWidth;
        }

        private static int Code(ReadOnlySpan<byte> bytes)
        {
            var code = 0;
            foreach (var b in bytes)
            {
                code = (code << 8) | b;
            }

            return code;
        }
    }

    /// <summary>A ToUnicode CMap (or an embedded encoding CMap, for its code space): bfchar, bfrange, codespacerange.</summary>
    private sealed class CMap
    {
        /// <summary>A hostile map's ranges are cut at this many codes in all.</summary>
        private const int MaxCodes = 1 << 20;

        public Dictionary<long, string> Map { get; } = [];

        public List<(int Length, byte[] Low, byte[] High)> CodeSpace { get; } = [];

        public static long Key(int length, int code) => ((long)length << 32) | (uint)code;

        public static CMap Parse(ArraySegment<byte> bytes, Reading reading)
        {
            var cmap = new CMap();
            var lexer = new Lexer(bytes.Array!, bytes.Offset, bytes.Offset + bytes.Count, reading, references: false);
            var section = "";
            var operands = new List<object?>(3);
            while (true)
            {
                var item = lexer.Read();
                if (ReferenceEquals(item, Keyword.EndOfData))
                {
                    break;
                }

                if (item is Keyword keyword)
                {
                    section = keyword.Value switch
                    {
                        "begincodespacerange" => "codespace",
                        "beginbfchar" => "bfchar",
                        "beginbfrange" => "bfrange",
                        _ => "",
                    };
                    operands.Clear();
                    continue;
                }

                if (section.Length == 0)
                {
                    continue;
                }

                operands.Add(item);
                switch (section)
                {
                    case "codespace" when operands.Count == 2:
                        if (operands[0] is PdfString { Bytes: { Length: >= 1 and <= 4 } low } && operands[1] is PdfString { Bytes: var high } && high.Length == low.Length)
                        {
                            cmap.CodeSpace.Add((low.Length, low, high));
                            cmap.CodeSpace.Sort((a, b) => a.Length.CompareTo(b.Length));
                        }

                        operands.Clear();
                        break;
                    case "bfchar" when operands.Count == 2:
                        if (operands[0] is PdfString { Bytes: { Length: >= 1 and <= 4 } source } && Destination(operands[1]) is { } text && cmap.Map.Count < MaxCodes)
                        {
                            cmap.Map[Key(source.Length, Code(source))] = text;
                        }

                        operands.Clear();
                        break;
                    case "bfrange" when operands.Count == 3:
                        cmap.AddRange(operands[0], operands[1], operands[2]);
                        operands.Clear();
                        break;
                }
            }

            return cmap;
        }

        // <lo> <hi> <dst>: dst, dst+1, ... for the codes lo..hi; <lo> <hi> [<d1> <d2> ...]: one destination each.
        private void AddRange(object? lowItem, object? highItem, object? destination)
        {
            if (lowItem is not PdfString { Bytes: { Length: >= 1 and <= 4 } low } || highItem is not PdfString { Bytes: var high } || high.Length != low.Length)
            {
                return;
            }

            var first = Code(low);
            var last = Code(high);
            for (long code = first, k = 0; code <= last && Map.Count < MaxCodes && k < 65536; code++, k++)
            {
                var text = destination switch
                {
                    PdfString s => Offset(Utf16(s.Bytes), (int)k),
                    List<object?> list when k < list.Count => Destination(list[(int)k]),
                    _ => null,
                };
                if (text is null)
                {
                    break;
                }

                Map[Key(low.Length, (int)code)] = text;
            }
        }

        private static string? Destination(object? item) => item switch
        {
            PdfString s => Utf16(s.Bytes),
            Name n => GlyphNames.Text(n.Value),
            _ => null,
        };

        // Destinations are UTF-16BE; a single byte, which some writers put for a Latin letter, is read as that letter.
        private static string Utf16(byte[] bytes) => bytes.Length == 1 ? ((char)bytes[0]).ToString() : Encoding.BigEndianUnicode.GetString(bytes, 0, bytes.Length & ~1);

        // The k-th code of a range: its destination with the last character moved on by k.
        private static string Offset(string text, int k)
        {
            if (k == 0 || text.Length == 0)
            {
                return text;
            }

            var pair = text.Length >= 2 && char.IsSurrogatePair(text[^2], text[^1]);
            var last = pair ? char.ConvertToUtf32(text[^2], text[^1]) : text[^1];
            var moved = last + k;
            var head = text[..^(pair ? 2 : 1)];
            return moved is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? head : head + char.ConvertFromUtf32(moved);
        }

        private static int Code(byte[] bytes)
        {
            var code = 0;
            foreach (var b in bytes)
            {
                code = (code << 8) | b;
            }

            return code;
        }
    }

    /// <summary>The three base encodings a simple font names (ISO 32000-1, annex D.2), as the character each code draws.</summary>
    private static class Encodings
    {
        public static readonly string?[] WinAnsi = BuildWinAnsi();
        public static readonly string?[] MacRoman = BuildMacRoman();
        public static readonly string?[] Standard = BuildStandard();

        private static string?[] Ascii()
        {
            var table = new string?[256];
            for (var c = 0x20; c < 0x7F; c++)
            {
                table[c] = ((char)c).ToString();
            }

            // Tab and line breaks have no glyph; a string that holds them (hand-written PDFs do) is read with a space.
            table[9] = table[10] = table[13] = " ";
            return table;
        }

        private static string?[] BuildWinAnsi()
        {
            var table = Ascii();
            // Windows-1252 from 0x80; unused codes draw a bullet (annex D.2, note 6).
            const string High = "€•‚ƒ„…†‡ˆ‰Š‹Œ•Ž••‘’“”•–—˜™š›œ•žŸ";
            for (var i = 0; i < High.Length; i++)
            {
                table[0x80 + i] = High[i].ToString();
            }

            table[0x7F] = "•";
            for (var c = 0xA0; c <= 0xFF; c++)
            {
                table[c] = ((char)c).ToString();
            }

            table[0xA0] = " ";
            table[0xAD] = "-"; // a soft hyphen in Windows-1252, the hyphen glyph in WinAnsi
            return table;
        }

        private static string?[] BuildMacRoman()
        {
            var table = Ascii();
            const string High =
                "ÄÅÇÉÑÖÜáàâäãåçéè" +
                "êëíìîïñóòôöõúùûü" +
                "†°¢£§•¶ß®©™´¨≠ÆØ" +
                "∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
                "¿¡¬√ƒ≈∆«»… ÀÃÕŒœ" +
                "–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ" +
                "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ" +
                "\0ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
            for (var i = 0; i < High.Length; i++)
            {
                table[0x80 + i] = High[i] == '\0' ? null : High[i].ToString();
            }

            return table;
        }

        private static string?[] BuildStandard()
        {
            var table = Ascii();
            table['\''] = "’";
            table['`'] = "‘";
            const string High =
                "¡¢£⁄¥ƒ§¤'“«‹›ﬁﬂ" + // 0xA1-0xAF
                "\0–†‡·\0¶•‚„”»…‰\0¿" + // 0xB0-0xBF
                "\0`´ˆ˜¯˘˙¨\0˚¸\0˝˛ˇ" + // 0xC0-0xCF
                "—\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0" + // 0xD0-0xDF
                "\0Æ\0ª\0\0\0\0ŁØŒº\0\0\0\0" + // 0xE0-0xEF
                "\0æ\0\0\0ı\0\0łøœß\0\0\0\0"; // 0xF0-0xFF
            for (var i = 0; i < High.Length; i++)
            {
                table[0xA1 + i] = High[i] == '\0' ? null : High[i].ToString();
            }

            return table;
        }
    }

    /// <summary>
    /// Glyph names as /Differences and CMaps use them: the Adobe Glyph List's names for letters, digits, punctuation
    /// and accented Latin letters, uniXXXX and uXXXX[XX] names, ligatures written f_f_i, and suffixes such as a.sc.
    /// </summary>
    private static class GlyphNames
    {
        private static readonly Dictionary<string, string> Names = Build();

        public static string? Text(string name)
        {
            if (Names.TryGetValue(name, out var text))
            {
                return text;
            }

            // "a.sc", "one.oldstyle": the part before the first period names the character.
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                return Text(name[..dot]);
            }

            if (name.Contains('_', StringComparison.Ordinal))
            {
                var parts = name.Split('_').Select(Text).ToList();
                return parts.All(p => p is not null) ? string.Concat(parts) : null;
            }

            if (name.Length >= 7 && (name.Length - 3) % 4 == 0 && name.StartsWith("uni", StringComparison.Ordinal))
            {
                var sb = new StringBuilder();
                for (var i = 3; i < name.Length; i += 4)
                {
                    if (!int.TryParse(name.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                    {
                        return null;
                    }

                    sb.Append((char)unit);
                }

                return sb.ToString();
            }

            if (name.Length is >= 5 and <= 7 && name[0] == 'u'
                && int.TryParse(name.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var scalar)
                && scalar <= 0x10FFFF && scalar is < 0xD800 or > 0xDFFF)
            {
                return char.ConvertFromUtf32(scalar);
            }

            return null;
        }

        private static Dictionary<string, string> Build()
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 'A'; c <= 'Z'; c++)
            {
                names[c.ToString()] = c.ToString();
                names[char.ToLowerInvariant(c).ToString()] = char.ToLowerInvariant(c).ToString();
            }

            string[] digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
            for (var i = 0; i < digits.Length; i++)
            {
                names[digits[i]] = ((char)('0' + i)).ToString();
            }

            (string Name, string Text)[] named =
            [
                ("space", " "), ("exclam", "!"), ("quotedbl", "\""), ("numbersign", "#"), ("dollar", "$"), ("percent", "%"),
                ("ampersand", "&"), ("quotesingle", "'"), ("quoteright", "’"), ("parenleft", "("), ("parenright", ")"),
                ("asterisk", "*"), ("plus", "+"), ("comma", ","), ("hyphen", "-"), ("period", "."), ("slash", "/"),
                ("colon", ":"), ("semicolon", ";"), ("less", "<"), ("equal", "="), ("greater", ">"), ("question", "?"),
                ("at", "@"), ("bracketleft", "["), ("backslash", "\\"), ("bracketright", "]"), ("asciicircum", "^"),
                ("underscore", "_"), ("grave", "`"), ("quoteleft", "‘"), ("braceleft", "{"), ("bar", "|"), ("braceright", "}"),
                ("asciitilde", "~"), ("exclamdown", "¡"), ("cent", "¢"), ("sterling", "£"), ("currency", "¤"), ("yen", "¥"),
                ("brokenbar", "¦"), ("section", "§"), ("dieresis", "¨"), ("copyright", "©"), ("ordfeminine", "ª"),
                ("guillemotleft", "«"), ("logicalnot", "¬"), ("registered", "®"), ("macron", "¯"), ("degree", "°"),
                ("plusminus", "±"), ("twosuperior", "²"), ("threesuperior", "³"), ("acute", "´"), ("mu", "µ"), ("paragraph", "¶"),
                ("periodcentered", "·"), ("middot", "·"), ("cedilla", "¸"), ("onesuperior", "¹"), ("ordmasculine", "º"),
                ("guillemotright", "»"), ("onequarter", "¼"), ("onehalf", "½"), ("threequarters", "¾"), ("questiondown", "¿"),
                ("multiply", "×"), ("divide", "÷"), ("AE", "Æ"), ("ae", "æ"), ("Eth", "Ð"), ("eth", "ð"), ("Oslash", "Ø"),
                ("oslash", "ø"), ("Thorn", "Þ"), ("thorn", "þ"), ("germandbls", "ß"), ("OE", "Œ"), ("oe", "œ"), ("Lslash", "Ł"),
                ("lslash", "ł"), ("dotlessi", "ı"), ("dotlessj", "ȷ"), ("Dcroat", "Đ"), ("dcroat", "đ"), ("Hbar", "Ħ"), ("hbar", "ħ"),
                ("IJ", "Ĳ"), ("ij", "ĳ"), ("Eng", "Ŋ"), ("eng", "ŋ"), ("kgreenlandic", "ĸ"), ("Ldot", "Ŀ"), ("ldot", "ŀ"),
                ("napostrophe", "ŉ"), ("Tbar", "Ŧ"), ("tbar", "ŧ"), ("longs", "ſ"), ("florin", "ƒ"), ("circumflex", "ˆ"),
                ("caron", "ˇ"), ("breve", "˘"), ("dotaccent", "˙"), ("ring", "˚"), ("ogonek", "˛"), ("tilde", "˜"),
                ("hungarumlaut", "˝"), ("endash", "–"), ("emdash", "—"), ("quotesinglbase", "‚"), ("quotedblleft", "“"),
                ("quotedblright", "”"), ("quotedblbase", "„"), ("dagger", "†"), ("daggerdbl", "‡"), ("bullet", "•"),
                ("ellipsis", "…"), ("perthousand", "‰"), ("guilsinglleft", "‹"), ("guilsinglright", "›"), ("fraction", "⁄"),
                ("Euro", "€"), ("trademark", "™"), ("minus", "−"), ("fi", "fi"), ("fl", "fl"), ("ff", "ff"), ("ffi", "ffi"),
                ("ffl", "ffl"), ("nbspace", " "), ("nonbreakingspace", " "), ("sfthyphen", "-"), ("softhyphen", "-"),
                ("Omega", "Ω"), ("Delta", "∆"), ("pi", "π"), ("infinity", "∞"), ("notequal", "≠"), ("lessequal", "≤"),
                ("greaterequal", "≥"), ("partialdiff", "∂"), ("summation", "∑"), ("product", "∏"), ("integral", "∫"),
                ("radical", "√"), ("approxequal", "≈"), ("lozenge", "◊"), ("arrowright", "→"), ("arrowleft", "←"),
                ("checkmark", "✓"), ("numero", "№"), ("estimated", "℮"),
            ];
            foreach (var (name, text) in named)
            {
                names[name] = text;
            }

            // Accented Latin letters are named letter + accent ("eacute", "Scaron", "ohungarumlaut"): derived from the
            // letters' canonical decompositions rather than listed one by one.
            var accents = new Dictionary<char, string>
            {
                ['\u0300'] = "grave",
                ['\u0301'] = "acute",
                ['\u0302'] = "circumflex",
                ['\u0303'] = "tilde",
                ['\u0304'] = "macron",
                ['\u0306'] = "breve",
                ['\u0307'] = "dotaccent",
                ['\u0308'] = "dieresis",
                ['\u030A'] = "ring",
                ['\u030B'] = "hungarumlaut",
                ['\u030C'] = "caron",
                ['\u0326'] = "commaaccent",
                ['\u0327'] = "cedilla",
                ['\u0328'] = "ogonek",
            };
            var cedillas = new List<(char Letter, string Text)>();
            foreach (var range in new[] { (0xC0, 0x24F), (0x1E00, 0x1EFF) })
            {
                for (var cp = range.Item1; cp <= range.Item2; cp++)
                {
                    var text = ((char)cp).ToString();
                    var parts = text.Normalize(NormalizationForm.FormD);
                    if (parts.Length == 2 && char.IsAsciiLetter(parts[0]) && accents.TryGetValue(parts[1], out var accent))
                    {
                        names.TryAdd(parts[0] + accent, text);
                        if (parts[1] == '\u0327')
                        {
                            cedillas.Add((parts[0], text));
                        }
                    }
                }
            }

            // The glyph list names a cedilla under g, k, l, n, r, t a comma accent ("Gcommaaccent", "tcommaaccent").
            foreach (var (letter, text) in cedillas)
            {
                names.TryAdd(letter + "commaaccent", text);
            }

            return names;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Content streams (ISO 32000-1, sections 8 and 9): the text operators, with the text and graphics state that says
    // where each string lands, so that a move to a new line reads as a line break and a gap on a line as a space.
    // ---------------------------------------------------------------------------------------------------------------

    private readonly record struct Matrix(double A, double B, double C, double D, double E, double F)
    {
        public static readonly Matrix Identity = new(1, 0, 0, 1, 0, 0);

        public static Matrix Translation(double x, double y) => new(1, 0, 0, 1, x, y);

        /// <summary>
        /// <c>Translation(x, 0).Then(this)</c>, as each glyph's advance moves the text matrix, without building the
        /// translation: the same products and sums in the same order, so the same doubles to the last bit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Matrix AfterAdvance(double x) => new(
            (1 * A) + (0 * C), (1 * B) + (0 * D),
            (0 * A) + (1 * C), (0 * B) + (1 * D),
            (x * A) + (0 * C) + E, (x * B) + (0 * D) + F);

        /// <summary>This matrix, then <paramref name="m"/> (row vectors, as PDF writes them).</summary>
        public Matrix Then(Matrix m) => new(
            (A * m.A) + (B * m.C), (A * m.B) + (B * m.D),
            (C * m.A) + (D * m.C), (C * m.B) + (D * m.D),
            (E * m.A) + (F * m.C) + m.E, (E * m.B) + (F * m.D) + m.F);
    }

    /// <summary>An operand of a content operator: a number kept as one, unboxed; anything else as the lexer read it.</summary>
    private readonly struct Operand
    {
        private Operand(object? value, double number, bool isNumber)
        {
            Value = value;
            Number = number;
            IsNumber = isNumber;
        }

        /// <summary>The operand when it is not a number; null for a number.</summary>
        public object? Value { get; }

        public double Number { get; }

        public bool IsNumber { get; }

        public static Operand Of(double number) => new(null, number, true);

        public static Operand Of(object? value) => new(value, 0, false);
    }

    private record struct GraphicsState(Matrix Ctm, Font? Font, double FontSize, double CharSpacing, double WordSpacing, double Scale, double Leading);

    private sealed class ContentReader(Document document, Reading reading)
    {
        private readonly Stack<GraphicsState> saved = new();
        private readonly HashSet<PdfStream> formsOpen = [];
        private readonly HashSet<Font> fontsReported = [];
        private readonly Stack<bool> marked = new();
        private StringBuilder text = new();
        private GraphicsState state;
        private Matrix textMatrix;
        private Matrix lineMatrix;
        private int pageNumber;

        // Where the last string ended, its baseline direction and its size, in device space: the next string's place
        // relative to it says whether a line break or a space comes between them.
        private bool placed;
        private double endX;
        private double endY;
        private double directionX;
        private double directionY;
        private double em;
        private bool estimated;
        private bool newLine;

        // Whether right-to-left glyphs on the current line are drawn leftwards (in reading order, as Cairo writes them)
        // or rightwards (in the order they appear, as Skia, Word and LibreOffice do): the line is reordered only then.
        private int leftwards;
        private int rightwards;
        private double? lastRightToLeft;

        // /ActualText of a marked-content sequence: said once, in place of the glyphs it replaces.
        private string? actualText;
        private int actualDepth;

        public StringBuilder Page(PdfDict page, object? resources, int number)
        {
            pageNumber = number;
            text = new StringBuilder();
            state = new GraphicsState(Matrix.Identity, null, 0, 0, 0, 1, 0);
            saved.Clear();
            marked.Clear();
            textMatrix = lineMatrix = Matrix.Identity;
            placed = newLine = false;
            leftwards = rightwards = 0;
            lastRightToLeft = null;
            actualText = null;
            actualDepth = 0;
            var streams = new List<PdfStream>();
            switch (document.Get(page, "Contents"))
            {
                case PdfStream s:
                    streams.Add(s);
                    break;
                case List<object?> list:
                    foreach (var item in list)
                    {
                        if (document.Resolve(item) is PdfStream part)
                        {
                            streams.Add(part);
                        }
                    }

                    break;
            }

            if (streams.Count == 0 && page.GetValueOrDefault("Contents") is Ref missing)
            {
                reading.Report($"page {number}: its content (object {missing.Number}) is missing from the file");
            }

            // A page's content may be split across streams at any token boundary: they are read as one.
            var parts = new List<ArraySegment<byte>>(streams.Count);
            foreach (var stream in streams)
            {
                if (document.Decode(stream) is { } decoded)
                {
                    parts.Add(decoded);
                }
            }
            if (parts.Count == 1)
            {
                Run(parts[0], resources, 0);
            }
            else
            {
                using var joined = new MemoryStream();
                foreach (var part in parts)
                {
                    joined.Write(part);
                    joined.WriteByte((byte)'\n');
                }

                Run(new ArraySegment<byte>(joined.GetBuffer(), 0, (int)joined.Length), resources, 0);
            }

            EndLine();

            return text;
        }

        private void Run(ArraySegment<byte> content, object? resourcesObject, int depth)
        {
            // A tiny form drawn a million times costs more than its bytes: each drawing counts 4 KB at least.
            if (!reading.AllowInterpreted(Math.Max(content.Count, 4096), pageNumber))
            {
                return;
            }

            var resources = document.Dict(resourcesObject);
            var lexer = new Lexer(content.Array!, content.Offset, content.Offset + content.Count, reading, references: false);
            var operands = new List<Operand>(8);
            while (!reading.ContentStopped)
            {
                if (lexer.TryNumber(out var number))
                {
                    Push(operands, Operand.Of(number));
                    continue;
                }

                var item = lexer.Read();
                if (ReferenceEquals(item, Keyword.EndOfData))
                {
                    return;
                }

                if (item is not Keyword op)
                {
                    Push(operands, Operand.Of(item));
                    continue;
                }

                Execute(op.Value, operands, resources, lexer, depth);
                operands.Clear();
            }
        }

        private static void Push(List<Operand> operands, Operand operand)
        {
            if (operands.Count == 64)
            {
                operands.RemoveAt(0); // no operator takes more; a run of junk must not grow without end
            }

            operands.Add(operand);
        }

        private void Execute(string op, List<Operand> operands, PdfDict? resources, Lexer lexer, int depth)
        {
            switch (op)
            {
                case "BT":
                    textMatrix = lineMatrix = Matrix.Identity;
                    break;
                case "Tf" when operands.Count >= 2:
                    state.Font = FontFor(resources, (operands[^2].Value as Name)?.Value);
                    state.FontSize = Number(operands, 1);
                    break;
                case "Tc":
                    state.CharSpacing = Number(operands, 1);
                    break;
                case "Tw":
                    state.WordSpacing = Number(operands, 1);
                    break;
                case "Tz":
                    state.Scale = Number(operands, 1) / 100;
                    break;
                case "TL":
                    state.Leading = Number(operands, 1);
                    break;
                case "Td":
                    Move(Number(operands, 2), Number(operands, 1));
                    break;
                case "TD":
                    state.Leading = -Number(operands, 1);
                    Move(Number(operands, 2), Number(operands, 1));
                    break;
                case "Tm" when operands.Count >= 6:
                    textMatrix = lineMatrix = MatrixOf(operands);
                    break;
                case "T*":
                    NextLine();
                    break;
                case "Tj":
                    Show(operands.Count > 0 ? operands[^1].Value as PdfString : null);
                    break;
                case "'":
                    NextLine();
                    Show(operands.Count > 0 ? operands[^1].Value as PdfString : null);
                    break;
                case "\"":
                    state.WordSpacing = Number(operands, 3);
                    state.CharSpacing = Number(operands, 2);
                    NextLine();
                    Show(operands.Count > 0 ? operands[^1].Value as PdfString : null);
                    break;
                case "TJ":
                    ShowArray(operands.Count > 0 ? operands[^1].Value as List<object?> : null);
                    break;
                case "cm" when operands.Count >= 6:
                    state.Ctm = MatrixOf(operands).Then(state.Ctm);
                    break;
                case "q":
                    if (saved.Count < 4096)
                    {
                        saved.Push(state);
                    }

                    break;
                case "Q":
                    if (saved.Count > 0)
                    {
                        state = saved.Pop();
                    }

                    break;
                case "Do" when operands.Count >= 1:
                    DrawForm(resources, (operands[^1].Value as Name)?.Value, depth);
                    break;
                case "BI":
                    SkipInlineImage(lexer);
                    break;
                case "BMC" or "BDC":
                    BeginMarked(op == "BDC" && operands.Count >= 2 ? operands[^1].Value : null, resources);
                    break;
                case "EMC":
                    EndMarked();
                    break;
            }
        }

        private static double Number(List<Operand> operands, int fromEnd) =>
            operands.Count >= fromEnd && operands[^fromEnd] is { IsNumber: true, Number: var d } && double.IsFinite(d) ? d : 0;

        private static Matrix MatrixOf(List<Operand> operands) =>
            new(Number(operands, 6), Number(operands, 5), Number(operands, 4), Number(operands, 3), Number(operands, 2), Number(operands, 1));

        // A form's /Matrix: six numbers, resolved.
        private static Matrix MatrixOf(List<object?> numbers)
        {
            double At(int fromEnd) => numbers[^fromEnd] is double d && double.IsFinite(d) ? d : 0;
            return new(At(6), At(5), At(4), At(3), At(2), At(1));
        }

        private void Move(double x, double y)
        {
            lineMatrix = Matrix.Translation(x, y).Then(lineMatrix);
            textMatrix = lineMatrix;
        }

        // T*, ' and " say "the next line" outright, whatever the leading: a line break even where TL was never set.
        private void NextLine()
        {
            Move(0, -state.Leading);
            newLine = true;
        }

        private Font FontFor(PdfDict? resources, string? name)
        {
            var fonts = document.Dict(resources?.GetValueOrDefault("Font"));
            if (name is null || document.Dict(fonts?.GetValueOrDefault(name)) is not { } dict)
            {
                return Font.Fallback;
            }

            if (!document.Fonts.TryGetValue(dict, out var font))
            {
                font = Font.Build(dict, name, document, reading);
                document.Fonts[dict] = font;
            }

            return font;
        }

        private void Show(PdfString? s)
        {
            if (s is null)
            {
                return;
            }

            Place();
            Glyphs(s.Bytes);
            Placed();
        }

        // [(Vo) 120 (te) -250 (Ortiz)]: a number moves the next string left (positive) or right (negative) by
        // thousandths of the font size; a move right of more than 0.2 of it between two strings is a space.
        private void ShowArray(List<object?>? items)
        {
            if (items is null)
            {
                return;
            }

            var shown = false;
            var space = false;
            foreach (var item in items)
            {
                if (item is double adjustment && double.IsFinite(adjustment))
                {
                    textMatrix = textMatrix.AfterAdvance(-adjustment / 1000 * state.FontSize * state.Scale);
                    space |= shown && adjustment < -200;
                }
                else if (item is PdfString s)
                {
                    if (!shown)
                    {
                        Place();
                        shown = true;
                    }
                    else if (space)
                    {
                        Append(" ");
                    }

                    space = false;
                    Glyphs(s.Bytes);
                }
            }

            if (shown)
            {
                Placed();
            }
        }

        // Before a string: a line break when it starts off the last string's line, a space when it starts well after
        // the last string's end (or well before it: text drawn out of order, a column to the left).
        private void Place()
        {
            var font = state.Font ?? Font.Fallback;
            if (font.Unreadable)
            {
                return; // its text is left out, and so is the line break or space before it
            }

            var m = textMatrix.Then(state.Ctm);
            var size = Math.Abs(state.FontSize) * Math.Sqrt((m.C * m.C) + (m.D * m.D));
            if (placed)
            {
                var dx = m.E - endX;
                var dy = m.F - endY;
                var along = (dx * directionX) + (dy * directionY);
                var across = (dy * directionX) - (dx * directionY);
                var larger = Math.Max(Math.Max(em, size), 1e-6);
                var smaller = Math.Max(Math.Min(em, size), 1e-6);
                if (newLine || Math.Abs(across) > 0.5 * larger)
                {
                    EndLine();
                    Append("\n");
                }
                else if (along > (estimated || font.Estimated ? 0.6 : 0.2) * smaller || along < -0.5 * larger)
                {
                    Append(" ");
                }
            }

            newLine = false;
            em = size;
            estimated = font.Estimated;
        }

        private void Placed()
        {
            if ((state.Font ?? Font.Fallback).Unreadable)
            {
                return;
            }

            var m = textMatrix.Then(state.Ctm);
            var length = Math.Sqrt((m.A * m.A) + (m.B * m.B));
            (directionX, directionY) = length > 1e-9 ? (m.A / length, m.B / length) : (1.0, 0.0);
            (endX, endY) = (m.E, m.F);
            placed = true;
        }

        // Each code's text, and the text matrix moved on by its width (ISO 32000-1, 9.4.4).
        private void Glyphs(byte[] bytes)
        {
            var font = state.Font ?? Font.Fallback;
            if (font.Unreadable && fontsReported.Add(font))
            {
                reading.Report($"page {pageNumber}: font {font.Label} has {font.Codes} codes and no ToUnicode map, its text is left out");
            }

            // The text matrix is kept in a local while the string's glyphs move it, and stored back after.
            var matrix = textMatrix;
            var (size, charSpacing, wordSpacing, scaling) = (state.FontSize, state.CharSpacing, state.WordSpacing, state.Scale);
            for (var pos = 0; pos < bytes.Length;)
            {
                var length = font.NextCode(bytes, pos, out var code);
                pos += length;
                if (!font.Unreadable && font.Text(code, length) is { } glyph)
                {
                    var rightToLeft = HasRightToLeft(glyph);
                    if (rightToLeft)
                    {
                        var m = matrix.Then(state.Ctm);
                        var scale = Math.Sqrt((m.A * m.A) + (m.B * m.B));
                        var at = scale > 1e-9 ? ((m.E * m.A) + (m.F * m.B)) / scale : m.E;
                        leftwards += at < lastRightToLeft ? 1 : 0;
                        rightwards += at > lastRightToLeft ? 1 : 0;
                        lastRightToLeft = at;
                    }

                    // A ligature's characters (لا) are in reading order already: kept together when the line is reordered.
                    Append(glyph.Length > 1 && rightToLeft ? UnitStart + glyph + UnitEnd : glyph);
                }

                var advance = (font.Width(code) / 1000 * size) + charSpacing + (length == 1 && code == 32 ? wordSpacing : 0);
                matrix = matrix.AfterAdvance(advance * scaling);
            }

            textMatrix = matrix;
        }

        // A line whose right-to-left glyphs were drawn leftwards is in reading order already: marked so, it is not reordered.
        private void EndLine()
        {
            if (leftwards > rightwards)
            {
                Append(ReadingOrder.ToString());
            }

            leftwards = rightwards = 0;
            lastRightToLeft = null;
        }

        private void Append(string s)
        {
            if (actualDepth > 0)
            {
                if (actualText is null)
                {
                    return; // the sequence's /ActualText is said already
                }

                s = s is "\n" or " " ? s + actualText : actualText;
                actualText = null;
            }

            if (reading.Characters + s.Length > MaxChars)
            {
                reading.Stop(string.Create(CultureInfo.InvariantCulture, $"page {pageNumber}: more than {MaxChars:N0} characters of text, the rest is not read"), content: true);
                return;
            }

            reading.Characters += s.Length;
            text.Append(s);
        }

        private void BeginMarked(object? properties, PdfDict? resources)
        {
            // The properties are inline (<< /ActualText (...) >>) or named in the resources' /Properties.
            var dict = properties switch
            {
                PdfDict d => d,
                Name n => document.Dict(document.Dict(resources?.GetValueOrDefault("Properties"))?.GetValueOrDefault(n.Value)),
                _ => null,
            };
            var actual = actualDepth == 0 && document.Get(dict, "ActualText") is PdfString s ? TextString(s.Bytes) : null;
            marked.Push(actual is not null);
            if (actual is not null)
            {
                actualText = UnitStart + actual + UnitEnd; // in reading order already
                actualDepth = 1;
            }
            else if (actualDepth > 0)
            {
                actualDepth++;
            }
        }

        private void EndMarked()
        {
            if (marked.Count == 0)
            {
                return;
            }

            marked.Pop();
            if (actualDepth > 0 && --actualDepth == 0)
            {
                var unsaid = actualText;
                actualText = null;
                if (unsaid is not null)
                {
                    Append(unsaid); // a sequence with no glyphs of its own
                }
            }
        }

        // A form XObject's content with its own resources (or, in old files, the page's) and its matrix.
        private void DrawForm(PdfDict? resources, string? name, int depth)
        {
            var xobjects = document.Dict(resources?.GetValueOrDefault("XObject"));
            if (name is null || document.Resolve(xobjects?.GetValueOrDefault(name)) is not PdfStream form || document.Name(form.Dict, "Subtype") != "Form")
            {
                return;
            }

            if (depth + 1 > MaxDepth)
            {
                reading.Report($"page {pageNumber}: forms drawn inside forms deeper than {MaxDepth}, the deeper ones are not read");
                return;
            }

            if (formsOpen.Contains(form) || document.Decode(form) is not { } content)
            {
                return; // a form that draws itself, directly or through others, is read once
            }

            formsOpen.Add(form);

            var (outerState, outerText, outerLine, outerSaved) = (state, textMatrix, lineMatrix, saved.Count);
            if (document.List(form.Dict, "Matrix") is { Count: 6 } m)
            {
                state.Ctm = MatrixOf(m.Select(document.Resolve).ToList()).Then(state.Ctm);
            }

            Run(content, form.Dict.GetValueOrDefault("Resources") ?? resources, depth + 1);
            while (saved.Count > outerSaved)
            {
                saved.Pop();
            }

            (state, textMatrix, lineMatrix) = (outerState, outerText, outerLine);
            formsOpen.Remove(form);
        }

        // BI <key value ...> ID <binary data> EI. The data's length is known for an unfiltered image; otherwise the
        // data ends at an EI that stands alone and is followed by what looks like operators, not more binary.
        private void SkipInlineImage(Lexer lexer)
        {
            var dict = new PdfDict(StringComparer.Ordinal);
            for (var i = 0; i < 256; i++)
            {
                var item = lexer.Read();
                if (ReferenceEquals(item, Keyword.EndOfData))
                {
                    return;
                }

                if (item is Keyword { Value: "ID" })
                {
                    break;
                }

                if (item is Name key)
                {
                    dict[key.Value] = lexer.Read();
                }
            }

            var data = lexer.Data;
            var start = lexer.Position < lexer.End && IsWhite(data[lexer.Position]) ? lexer.Position + 1 : lexer.Position;
            var length = InlineImageLength(dict);
            if (length >= 0 && length <= lexer.End - start)
            {
                var i = start + (int)length;
                while (i < lexer.End && IsWhite(data[i]))
                {
                    i++;
                }

                if (i + 1 < lexer.End && data[i] == 'E' && data[i + 1] == 'I' && (i + 2 == lexer.End || !IsRegular(data[i + 2])))
                {
                    lexer.Position = i + 2;
                    return;
                }
            }

            for (var i = start; i + 1 < lexer.End; i++)
            {
                if (data[i] == 'E' && data[i + 1] == 'I' && (i == start || IsWhite(data[i - 1])) && (i + 2 == lexer.End || !IsRegular(data[i + 2])) && LooksLikeOperators(data, i + 2, lexer.End))
                {
                    lexer.Position = i + 2;
                    return;
                }
            }

            reading.Report($"page {pageNumber}: an inline image has no EI, the rest of its content is not read");
            lexer.Position = lexer.End;
        }

        private static bool LooksLikeOperators(byte[] data, int from, int end)
        {
            for (var i = from; i < Math.Min(end, from + 32); i++)
            {
                if (data[i] is not (>= 0x20 and < 0x7F) && !IsWhite(data[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private long InlineImageLength(PdfDict dict)
        {
            if (dict.ContainsKey("F") || dict.ContainsKey("Filter"))
            {
                return -1;
            }

            var mask = dict.GetValueOrDefault("IM") as bool? ?? dict.GetValueOrDefault("ImageMask") as bool? ?? false;
            var width = document.Number(dict, "W", document.Number(dict, "Width", -1));
            var height = document.Number(dict, "H", document.Number(dict, "Height", -1));
            var bits = mask ? 1 : document.Number(dict, "BPC", document.Number(dict, "BitsPerComponent", 8));
            var space = dict.GetValueOrDefault("CS") ?? dict.GetValueOrDefault("ColorSpace");
            var colors = mask ? 1 : (space is List<object?> { Count: > 0 } list ? list[0] : space) switch
            {
                Name { Value: "G" or "DeviceGray" or "I" or "Indexed" } => 1,
                Name { Value: "RGB" or "DeviceRGB" } => 3,
                Name { Value: "CMYK" or "DeviceCMYK" } => 4,
                _ => -1,
            };
            if (width <= 0 || height <= 0 || bits <= 0 || colors < 0 || width > 1 << 16 || height > 1 << 16)
            {
                return -1;
            }

            return (long)height * (long)Math.Ceiling(width * colors * bits / 8);
        }
    }

    // A text string outside content (/ActualText): UTF-16BE after its byte order mark, UTF-8 after its, else
    // PDFDocEncoding, which is Latin-1 but for a few codes (ISO 32000-1, annex D.3).
    private static string TextString(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, (bytes.Length - 2) & ~1);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        const string High = "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\0€";
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            sb.Append(b is >= 0x80 and <= 0xA0 ? High[b - 0x80] : (char)b);
        }

        return sb.ToString();
    }

    // Marks around characters that stay together, in their order, when a right-to-left line is reordered: a ligature's
    // letters, an /ActualText. Noncharacters, which no text holds; they never reach the output.
    private const char UnitStart = '\uFDD0';
    private const char UnitEnd = '\uFDD1';

    // Marks a line drawn in reading order: it is not reordered.
    private const char ReadingOrder = '\uFDD2';

    private static bool HasRightToLeft(string s)
    {
        foreach (var c in s)
        {
            if (IsRightToLeft(c))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRightToLeft(char c) =>
        c >= '\u0590' && c is (>= '\u0590' and <= '\u08FF' and not (>= '\u0660' and <= '\u0669') and not (>= '\u06F0' and <= '\u06F9'))
            or (>= '\uFB1D' and <= '\uFDFF' and not (>= UnitStart and <= '\uFDEF')) or (>= '\uFE70' and <= '\uFEFC');

    /// <summary>
    /// A line with right-to-left text (Arabic, Hebrew) in reading order. Most writers draw glyphs left to right as they
    /// appear, so an Arabic word comes out of their content backwards; a line drawn in reading order instead (Cairo's) is
    /// marked so and left alone. A line mostly in such a script is reversed, and the numbers and Latin words in it put
    /// back the right way round; in a line mostly left-to-right only the right-to-left runs are reversed, numbers in them
    /// excepted. Brackets that were mirrored for display are mirrored back. A simplification of the Unicode
    /// bidirectional algorithm that holds for the lines flyers have.
    /// </summary>
    private static string Reorder(string line)
    {
        if (!HasRightToLeft(line) || line.Contains(ReadingOrder, StringComparison.Ordinal))
        {
            return line.AsSpan().IndexOfAny(UnitStart, UnitEnd, ReadingOrder) < 0
                ? line
                : line.Replace(UnitStart.ToString(), "", StringComparison.Ordinal).Replace(UnitEnd.ToString(), "", StringComparison.Ordinal).Replace(ReadingOrder.ToString(), "", StringComparison.Ordinal);
        }

        var units = new List<string>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == UnitStart)
            {
                var end = line.IndexOf(UnitEnd, i + 1);
                end = end < 0 ? line.Length : end;
                units.Add(line[(i + 1)..end].Replace(UnitStart.ToString(), "", StringComparison.Ordinal));
                i = end;
            }
            else if (line[i] != UnitEnd)
            {
                var pair = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]);
                units.Add(line.Substring(i, pair ? 2 : 1));
                i += pair ? 1 : 0;
            }
        }

        // R right-to-left, L left-to-right, D a digit, N the rest (spaces, punctuation).
        var kinds = units.Select(u => u.Any(IsRightToLeft) ? 'R' : u.Any(char.IsLetter) ? 'L' : u.Any(char.IsDigit) ? 'D' : 'N').ToArray();
        var keep = new bool[units.Count]; // left-to-right again after the reversal: not mirrored
        if (kinds.Count(k => k == 'R') >= 2 * kinds.Count(k => k == 'L'))
        {
            units.Reverse();
            Array.Reverse(kinds);
            foreach (var (start, end) in Runs(kinds, 0, kinds.Length, 'L', 'R'))
            {
                Reverse(units, kinds, start, end);
                keep.AsSpan(start, end - start + 1).Fill(true);
            }

            Mirror(units, kinds, keep, 0, units.Count);
        }
        else
        {
            foreach (var (start, end) in Runs(kinds, 0, kinds.Length, 'R', 'L'))
            {
                Reverse(units, kinds, start, end);
                foreach (var (from, to) in Runs(kinds, start, end + 1, 'D', 'R'))
                {
                    Reverse(units, kinds, from, to);
                    keep.AsSpan(from, to - from + 1).Fill(true);
                }

                Mirror(units, kinds, keep, start, end + 1);
            }
        }

        return string.Concat(units);
    }

    // Maximal runs in kinds[from..to) that begin and end with a unit of kind `strong` (a digit counts as left-to-right)
    // and hold no unit of kind `barrier`.
    private static List<(int Start, int End)> Runs(char[] kinds, int from, int to, char strong, char barrier)
    {
        bool Strong(char k) => k == strong || (strong == 'L' && k == 'D');
        var runs = new List<(int, int)>();
        var start = -1;
        var last = -1;
        for (var i = from; i < to; i++)
        {
            if (kinds[i] == barrier || (strong == 'D' && kinds[i] == 'L'))
            {
                if (start >= 0)
                {
                    runs.Add((start, last));
                }

                start = -1;
            }
            else if (Strong(kinds[i]))
            {
                start = start < 0 ? i : start;
                last = i;
            }
        }

        if (start >= 0)
        {
            runs.Add((start, last));
        }

        return runs;
    }

    private static void Reverse(List<string> units, char[] kinds, int start, int end)
    {
        units.Reverse(start, end - start + 1);
        Array.Reverse(kinds, start, end - start + 1);
    }

    private static void Mirror(List<string> units, char[] kinds, bool[] keep, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (kinds[i] == 'N' && !keep[i])
            {
                units[i] = units[i] switch
                {
                    "(" => ")",
                    ")" => "(",
                    "[" => "]",
                    "]" => "[",
                    "{" => "}",
                    "}" => "{",
                    "<" => ">",
                    ">" => "<",
                    "«" => "»",
                    "»" => "«",
                    var u => u,
                };
            }
        }
    }

    // One page's text as a reader wants it: runs of spaces collapsed, lines trimmed, at most one blank line in a row, no
    // control or private-use characters, no lone surrogates, ligatures (ﬁ, ﬂ) spelt out so that "Office" is found,
    // right-to-left lines in reading order.
    private static string Clean(StringBuilder text)
    {
        // Read from an array rather than through the builder's indexer, which walks its chunks for every character.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            text.CopyTo(0, buffer, 0, text.Length);
            return new Cleaner(text.Length).Clean(buffer.AsSpan(0, text.Length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The state of <see cref="Clean(StringBuilder)"/>: the text so far and the line being gathered.</summary>
    private sealed class Cleaner(int capacity)
    {
        private readonly StringBuilder output = new(capacity);
        private char[] line = new char[256];
        private int count;
        private bool blank;

        // The line holds a right-to-left letter or a mark of the reorderer's: only then can Reorder change it.
        private bool mixed;

        public string Clean(ReadOnlySpan<char> raw)
        {
            var space = false;
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c is > ' ' and < '\u007F')
                {
                    // Printable ASCII, most of any text: none of it is dropped, spelt out or reordered.
                    var run = raw[i..].IndexOfAnyExceptInRange('!', '~');
                    run = run < 0 ? raw.Length - i : run;
                    if (space)
                    {
                        Put(' ');
                        space = false;
                    }

                    Put(raw.Slice(i, run));
                    i += run - 1;
                    continue;
                }

                if (c is '\n' or '\r')
                {
                    EndLine();
                    space = false;
                    continue;
                }

                if (c is ' ' or '\t' or '\u00A0' or '\u3000' or (>= '\u2000' and <= '\u200A'))
                {
                    space = count > 0;
                    continue;
                }

                var surrogatePair = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]);
                if (char.IsControl(c) || (char.IsSurrogate(c) && !surrogatePair) || c is '\uFFFD' or '\uFEFF' or '\u200B' or (>= '\uE000' and <= '\uF8FF'))
                {
                    continue;
                }

                if (space)
                {
                    Put(' ');
                    space = false;
                }

                if (surrogatePair)
                {
                    Put(c);
                    Put(raw[++i]);
                    continue;
                }

                if (c is (>= '\uFB50' and < UnitStart) or (> '\uFDEF' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC'))
                {
                    // Arabic presentation forms (a glyph's shape, from older writers' maps) as the letters they are.
                    var letters = c.ToString().Normalize(NormalizationForm.FormKC);
                    Put(letters.Length > 1 ? UnitStart + letters + UnitEnd : letters);
                    mixed = true;
                    continue;
                }

                switch (c)
                {
                    case 'ﬀ':
                        Put("ff");
                        break;
                    case 'ﬁ':
                        Put("fi");
                        break;
                    case 'ﬂ':
                        Put("fl");
                        break;
                    case 'ﬃ':
                        Put("ffi");
                        break;
                    case 'ﬄ':
                        Put("ffl");
                        break;
                    case 'ﬅ' or 'ﬆ':
                        Put("st");
                        break;
                    default:
                        mixed |= c is UnitStart or UnitEnd or ReadingOrder || IsRightToLeft(c);
                        Put(c);
                        break;
                }
            }

            EndLine();
            return output.ToString();
        }

        private void EndLine()
        {
            ReadOnlySpan<char> finished;
            if (mixed)
            {
                finished = Reorder(new string(line, 0, count)).AsSpan().Trim(' ');
            }
            else
            {
                // Nothing for Reorder to do: the line as it is, trimmed.
                finished = line.AsSpan(0, count).Trim(' ');
            }

            count = 0;
            mixed = false;
            if (finished.Length == 0)
            {
                blank = output.Length > 0;
                return;
            }

            if (output.Length > 0)
            {
                output.Append(blank ? "\n\n" : "\n");
            }

            output.Append(finished);
            blank = false;
        }

        private void Put(char c)
        {
            if (count == line.Length)
            {
                Array.Resize(ref line, line.Length * 2);
            }

            line[count++] = c;
        }

        private void Put(ReadOnlySpan<char> s)
        {
            if (count + s.Length > line.Length)
            {
                Array.Resize(ref line, (int)Math.Min(Math.Max(line.Length * 2L, (long)count + s.Length), Array.MaxLength));
            }

            s.CopyTo(line.AsSpan(count));
            count += s.Length;
        }
    }
}
