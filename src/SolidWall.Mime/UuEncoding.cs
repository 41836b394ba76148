using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SolidWall.Mime;

/// <summary>A uuencoded file found in text: its name and mode from the "begin" line, its bytes, and where it sat.</summary>
/// <param name="FileName">The name from <c>begin 644 name</c>.</param>
/// <param name="Mode">The Unix permission bits (octal in the text).</param>
/// <param name="Content">The decoded file.</param>
/// <param name="Start">Offset of the "begin" line in the searched text.</param>
/// <param name="End">Offset just past the "end" line (or the last data line when "end" is missing).</param>
public sealed record UuBlock(string FileName, int Mode, byte[] Content, int Start, int End);

/// <summary>
/// Uuencoding, the attachment format of pre-MIME mail that spam and old clients still send inside plain text
/// or as Content-Transfer-Encoding x-uuencode. Each data line starts with a length character; every four
/// characters (value = char - 32, with '`' for zero) carry three bytes.
/// </summary>
public static class UuEncoding
{
    /// <summary>Finds every <c>begin MODE NAME</c> … <c>end</c> block in the text, so it can be cut out and listed as an attachment.</summary>
    public static IReadOnlyList<UuBlock> FindBlocks(ReadOnlySpan<byte> text)
    {
        List<UuBlock>? blocks = null;
        var pos = 0;
        while (pos < text.Length)
        {
            var hit = text[pos..].IndexOf("begin "u8);
            if (hit < 0)
            {
                break;
            }
            var start = pos + hit;
            pos = start + 6;
            if (start > 0 && text[start - 1] != (byte)'\n')
            {
                continue;
            }
            var lineEnd = LineEnd(text, start);
            if (!TryParseBegin(text[start..lineEnd.ContentEnd], out var mode, out var name))
            {
                continue;
            }
            var writer = new ArrayBufferWriter<byte>();
            var end = DecodeLines(text, lineEnd.Next, writer, out var dataLines, out var shortLines, out var sawEnd);
            // Lines shorter than their length character says (trailing zero-value blanks stripped in transit)
            // are only believed when the block closes with "end".
            if ((dataLines == 0 && !sawEnd) || (shortLines > 0 && !sawEnd))
            {
                continue;
            }
            (blocks ??= []).Add(new UuBlock(name, mode, writer.WrittenSpan.ToArray(), start, end));
            pos = end;
        }
        return (IReadOnlyList<UuBlock>?)blocks ?? [];
    }

    /// <summary>Decodes a body sent as x-uuencode: the first block when there is a "begin" line, else the data lines as they stand.</summary>
    internal static byte[] Decode(ReadOnlySpan<byte> body, DefectSink? defects, long offset)
    {
        var blocks = FindBlocks(body);
        if (blocks.Count > 0)
        {
            return blocks[0].Content;
        }
        var writer = new ArrayBufferWriter<byte>(Math.Max(16, body.Length / 4 * 3));
        DecodeLines(body, 0, writer, out var lines, out _, out _);
        if (lines == 0 && !body.IsEmpty)
        {
            defects?.Add("uuencode-invalid", "no uuencoded data found in an x-uuencode body", offset);
        }
        return writer.WrittenSpan.ToArray();
    }

    private static bool TryParseBegin(ReadOnlySpan<byte> line, out int mode, out string name)
    {
        mode = 0;
        name = "";
        var rest = line[6..].TrimStart(" \t"u8);
        var digits = 0;
        while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'7')
        {
            mode = (mode * 8) + (rest[digits] - '0');
            digits++;
        }
        if (digits is < 3 or > 4 || digits == rest.Length || rest[digits] is not ((byte)' ' or (byte)'\t'))
        {
            return false;
        }
        var nameBytes = rest[digits..].Trim(" \t"u8);
        if (nameBytes.IsEmpty)
        {
            return false;
        }
        name = Utf8.IsValid(nameBytes) ? Encoding.UTF8.GetString(nameBytes) : Charsets.Windows1252.GetString(nameBytes);
        return true;
    }

    // Decodes data lines from 'pos' until "end", a line that is not uuencoded, or the text's end.
    // Returns the offset just past the last line that belongs to the block.
    private static int DecodeLines(ReadOnlySpan<byte> text, int pos, ArrayBufferWriter<byte> output, out int dataLines, out int shortLines, out bool sawEnd)
    {
        dataLines = 0;
        shortLines = 0;
        sawEnd = false;
        var blockEnd = pos;
        while (pos < text.Length)
        {
            var le = LineEnd(text, pos);
            var line = text[pos..le.ContentEnd].TrimEnd(" \t"u8);
            if (line.SequenceEqual("end"u8))
            {
                sawEnd = true;
                return le.Next;
            }
            if (line.IsEmpty && dataLines == 0)
            {
                break;
            }
            if (!TryDecodeLine(line, output, out var isTerminator, out var isShort))
            {
                break;
            }
            shortLines += isShort ? 1 : 0;
            if (!isTerminator)
            {
                dataLines++;
            }
            blockEnd = le.Next;
            pos = le.Next;
        }
        return blockEnd;
    }

    private static bool TryDecodeLine(ReadOnlySpan<byte> line, ArrayBufferWriter<byte> output, out bool isTerminator, out bool isShort)
    {
        isTerminator = false;
        isShort = false;
        if (line.IsEmpty)
        {
            // Transports strip the trailing blank of the " " zero-length line.
            isTerminator = true;
            return true;
        }
        if (line[0] is < 32 or > 96)
        {
            return false;
        }
        var count = (line[0] - 32) & 63;
        if (count == 0)
        {
            isTerminator = true;
            return line.Length == 1;
        }
        var chars = line[1..];
        if (chars.IsEmpty || chars.Length > ((count + 2) / 3 * 4) + 2)
        {
            return false;
        }
        // Trailing spaces (zero values) are often stripped; missing characters read as zero.
        isShort = chars.Length < ((count * 4) + 2) / 3;
        foreach (var c in chars)
        {
            if (c is < 32 or > 96)
            {
                return false;
            }
        }
        var dest = output.GetSpan(count + 3);
        var w = 0;
        for (var i = 0; w < count; i += 4)
        {
            var a = Value(chars, i);
            var b = Value(chars, i + 1);
            var c = Value(chars, i + 2);
            var d = Value(chars, i + 3);
            dest[w++] = (byte)((a << 2) | (b >> 4));
            if (w < count)
            {
                dest[w++] = (byte)((b << 4) | (c >> 2));
            }
            if (w < count)
            {
                dest[w++] = (byte)((c << 6) | d);
            }
        }
        output.Advance(count);
        return true;
    }

    private static int Value(ReadOnlySpan<byte> chars, int i) => i < chars.Length ? (chars[i] - 32) & 63 : 0;

    private static (int ContentEnd, int Next) LineEnd(ReadOnlySpan<byte> text, int pos)
    {
        var nl = text[pos..].IndexOf((byte)'\n');
        if (nl < 0)
        {
            return (text.Length, text.Length);
        }
        var end = pos + nl;
        return (end > pos && text[end - 1] == (byte)'\r' ? end - 1 : end, end + 1);
    }
}
