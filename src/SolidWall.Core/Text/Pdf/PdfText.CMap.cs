using System.Text;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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
}
