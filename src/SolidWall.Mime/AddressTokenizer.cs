namespace SolidWall.Mime;

/// <summary>The lexical pieces of an address list (RFC 5322 section 3.2); see <see cref="AddressTokenizer"/>.</summary>
internal enum AddressTokenKind : byte
{
    Atom,
    Quoted,
    Comment,
    DomainLiteral,
    Dot,
    At,
    Comma,
    Semicolon,
    Colon,
    LAngle,
    RAngle,
}

/// <summary>One token: <see cref="Start"/>..<see cref="End"/> is its content (inside the quotes or parentheses).</summary>
internal readonly record struct AddressToken(AddressTokenKind Kind, int Start, int End, bool SpaceBefore)
{
    public bool IsWord => Kind is AddressTokenKind.Atom or AddressTokenKind.Quoted;
}

/// <summary>
/// Splits a raw structured header value (RFC 5322 section 3.2) into atoms, quoted strings, comments, domain
/// literals and the specials the address grammar needs. Folding is ordinary white space here, so the value
/// need not be unfolded first. Unbalanced quotes and comments are repaired the way a mail client reads them.
/// </summary>
internal static class AddressTokenizer
{
    /// <summary>atext of RFC 5322 section 3.2.3; bytes of 0x80 and up are atext too (RFC 6532 UTF8-non-ascii).</summary>
    public static bool IsAtext(byte b) => b >= 0x80 || (b > 0x20 && b < 0x7F && !IsSpecial(b));

    private static bool IsSpecial(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'['
        or (byte)']' or (byte)':' or (byte)';' or (byte)'@' or (byte)'\\' or (byte)',' or (byte)'.' or (byte)'"';

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>Fills <paramref name="tokens"/> (at least raw.Length + 1 long) and returns how many were written.</summary>
    public static int Tokenize(ReadOnlySpan<byte> raw, Span<AddressToken> tokens, DefectSink? defects, long offset)
    {
        var n = 0;
        var i = 0;
        var space = false;
        // After one unclosed comment or quote, later '(' and '"' are stray too: scanning to the end again for
        // each of them would make a hostile value quadratic.
        var strayParens = false;
        var strayQuotes = false;
        while (i < raw.Length)
        {
            var b = raw[i];
            if (IsSpace(b) || (b == '(' && strayParens) || (b == '"' && strayQuotes))
            {
                space |= IsSpace(b);
                i++;
                continue;
            }
            switch (b)
            {
                case (byte)'(':
                    {
                        var end = FindCommentEnd(raw, i);
                        if (end < 0)
                        {
                            defects?.Add("address-comment-unterminated", "a comment is not closed", At(offset, i));
                            // A '(' before the address itself is a stray character; after it, the rest is the comment.
                            if (raw[(i + 1)..].IndexOfAny((byte)'@', (byte)'<') >= 0)
                            {
                                strayParens = true;
                                i++;
                                continue;
                            }
                            tokens[n++] = new AddressToken(AddressTokenKind.Comment, i + 1, raw.Length, space);
                            i = raw.Length;
                        }
                        else
                        {
                            tokens[n++] = new AddressToken(AddressTokenKind.Comment, i + 1, end, space);
                            i = end + 1;
                        }
                        space = true;
                        continue;
                    }
                case (byte)'"':
                    {
                        var end = FindQuoteEnd(raw, i);
                        if (end < 0)
                        {
                            defects?.Add("address-quote-unterminated", "a quoted string is not closed", At(offset, i));
                            if (raw[(i + 1)..].IndexOf((byte)'<') >= 0)
                            {
                                // "Joe Public <joe@x>: the quote is stray, the rest is readable.
                                strayQuotes = true;
                                i++;
                                continue;
                            }
                            tokens[n++] = new AddressToken(AddressTokenKind.Quoted, i + 1, raw.Length, space);
                            i = raw.Length;
                        }
                        else
                        {
                            tokens[n++] = new AddressToken(AddressTokenKind.Quoted, i + 1, end, space);
                            i = end + 1;
                        }
                        break;
                    }
                case (byte)'[':
                    {
                        var close = raw[i..].IndexOf((byte)']');
                        if (close < 0)
                        {
                            defects?.Add("address-literal-unterminated", "a domain literal is not closed", At(offset, i));
                            tokens[n++] = new AddressToken(AddressTokenKind.DomainLiteral, i + 1, raw.Length, space);
                            i = raw.Length;
                        }
                        else
                        {
                            tokens[n++] = new AddressToken(AddressTokenKind.DomainLiteral, i + 1, i + close, space);
                            i += close + 1;
                        }
                        break;
                    }
                case (byte)'.': tokens[n++] = new AddressToken(AddressTokenKind.Dot, i, i + 1, space); i++; break;
                case (byte)'@': tokens[n++] = new AddressToken(AddressTokenKind.At, i, i + 1, space); i++; break;
                case (byte)',': tokens[n++] = new AddressToken(AddressTokenKind.Comma, i, i + 1, space); i++; break;
                case (byte)';': tokens[n++] = new AddressToken(AddressTokenKind.Semicolon, i, i + 1, space); i++; break;
                case (byte)':': tokens[n++] = new AddressToken(AddressTokenKind.Colon, i, i + 1, space); i++; break;
                case (byte)'<': tokens[n++] = new AddressToken(AddressTokenKind.LAngle, i, i + 1, space); i++; break;
                case (byte)'>': tokens[n++] = new AddressToken(AddressTokenKind.RAngle, i, i + 1, space); i++; break;
                default:
                    {
                        // An atom; stray ')', ']' and '\' are taken as atom characters rather than lost.
                        var start = i;
                        while (i < raw.Length && !IsSpace(raw[i]) && !IsDelimiter(raw[i]))
                        {
                            i++;
                        }
                        if (i == start)
                        {
                            i++;
                        }
                        tokens[n++] = new AddressToken(AddressTokenKind.Atom, start, i, space);
                        break;
                    }
            }
            space = false;
        }
        return n;
    }

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)'"' or (byte)'[' or (byte)'.' or (byte)'@'
        or (byte)',' or (byte)';' or (byte)':' or (byte)'<' or (byte)'>';

    /// <summary>Index of the ')' closing the comment opened at <paramref name="open"/>, or -1. Comments nest (3.2.2).</summary>
    private static int FindCommentEnd(ReadOnlySpan<byte> raw, int open)
    {
        var depth = 0;
        for (var i = open; i < raw.Length; i++)
        {
            switch (raw[i])
            {
                case (byte)'\\': i++; break;
                case (byte)'(': depth++; break;
                case (byte)')':
                    if (--depth == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return -1;
    }

    private static int FindQuoteEnd(ReadOnlySpan<byte> raw, int open)
    {
        for (var i = open + 1; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                i++;
            }
            else if (raw[i] == '"')
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Appends the content of a quoted string or comment with quoted-pairs resolved and folding line breaks
    /// removed (the white space after them stays, as RFC 5322 section 3.2.4 says).
    /// </summary>
    public static int AppendUnescaped(ReadOnlySpan<byte> content, Span<byte> dest, int at)
    {
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            if (b == '\\' && i + 1 < content.Length)
            {
                b = content[++i];
            }
            dest[at++] = b;
        }
        return at;
    }

    public static long At(long offset, int position) => offset >= 0 ? offset + position : -1;
}
