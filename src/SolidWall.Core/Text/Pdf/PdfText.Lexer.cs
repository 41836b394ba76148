using System.Buffers;
using System.Text;
using PdfDict = System.Collections.Generic.Dictionary<string, object?>;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
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

    /// <summary>
    /// Hex digits to bytes, anything else (white space) skipped, an odd last digit read as if a 0 followed: a hex string's
    /// body (ISO 32000-1, 7.3.4.3) and ASCIIHexDecode's (7.4.2), each cut at its '&gt;' by the caller. Returns how many bytes
    /// were written; <paramref name="output"/> must hold (digits + 1) / 2.
    /// </summary>
    private static int DecodeHex(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var count = 0;
        var high = -1;
        foreach (var b in input)
        {
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

        return count;
    }

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
            var rest = Data.AsSpan(Position, End - Position);
            var close = rest.IndexOf((byte)'>');
            var digits = close < 0 ? rest : rest[..close];
            Position += close < 0 ? rest.Length : close + 1;
            var bytes = new byte[(digits.Length + 1) / 2];
            var count = DecodeHex(digits, bytes);
            return new PdfString(count == bytes.Length ? bytes : bytes.AsSpan(0, count).ToArray());
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
}
