using System.Text;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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
}
