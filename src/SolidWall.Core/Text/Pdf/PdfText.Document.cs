using System.Globalization;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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
}
