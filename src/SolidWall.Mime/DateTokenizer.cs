namespace SolidWall.Mime;

/// <summary>
/// Splits a raw Date value into numbers, words and the punctuation that tells a time from a date from a zone.
/// Comments (RFC 5322 section 3.2.2) are dropped and count as white space; folding is white space.
/// </summary>
internal enum DateTokenKind : byte
{
    Number,
    Word,
    Plus,
    Minus,
    Colon,
    Dot,
    Slash,
    Comma,
    Other,
}

/// <summary>One token; for a number, <see cref="Value"/> is its value (-1 when longer than nine digits).</summary>
internal readonly record struct DateToken(DateTokenKind Kind, int Start, int End, int Value, bool SpaceBefore)
{
    public int Length => End - Start;
}

internal static class DateTokenizer
{
    public const int MaxTokens = 48;

    /// <summary>Writes up to <see cref="MaxTokens"/> tokens; returns how many, or -1 when the value has more.</summary>
    public static int Tokenize(ReadOnlySpan<byte> raw, Span<DateToken> tokens)
    {
        var n = 0;
        var space = false;
        var i = 0;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                space = true;
                i++;
                continue;
            }
            if (b == '(')
            {
                var depth = 0;
                for (; i < raw.Length; i++)
                {
                    if (raw[i] == '\\')
                    {
                        i++;
                    }
                    else if (raw[i] == '(')
                    {
                        depth++;
                    }
                    else if (raw[i] == ')' && --depth == 0)
                    {
                        i++;
                        break;
                    }
                }
                space = true;
                continue;
            }
            if (n == tokens.Length)
            {
                return -1;
            }
            var start = i;
            DateTokenKind kind;
            var value = 0;
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                kind = DateTokenKind.Number;
                while (i < raw.Length && raw[i] is >= (byte)'0' and <= (byte)'9')
                {
                    value = i - start < 9 ? value * 10 + (raw[i] - '0') : -1;
                    i++;
                }
            }
            else if (IsLetter(b))
            {
                kind = DateTokenKind.Word;
                while (i < raw.Length && IsLetter(raw[i]))
                {
                    i++;
                }
            }
            else
            {
                kind = b switch
                {
                    (byte)'+' => DateTokenKind.Plus,
                    (byte)'-' => DateTokenKind.Minus,
                    (byte)':' => DateTokenKind.Colon,
                    (byte)'.' => DateTokenKind.Dot,
                    (byte)'/' => DateTokenKind.Slash,
                    (byte)',' => DateTokenKind.Comma,
                    _ => DateTokenKind.Other,
                };
                i++;
            }
            tokens[n++] = new DateToken(kind, start, i, value, space);
            space = false;
        }
        return n;
    }

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
