using System.Text;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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
}
