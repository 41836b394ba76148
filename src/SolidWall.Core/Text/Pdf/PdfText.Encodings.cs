using System.Text;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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
}
