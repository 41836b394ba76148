using System.Buffers;
using System.IO.Compression;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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
            var digits = input.AsSpan();
            var close = digits.IndexOf((byte)'>');
            if (close >= 0)
            {
                digits = digits[..close];
            }

            var output = new byte[(digits.Length / 2) + 1];
            return new ArraySegment<byte>(output, 0, DecodeHex(digits, output));
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
}
