namespace SolidWall.Mime.Decoding;

/// <summary>
/// One RFC 2047 encoded word, <c>=?charset?B|Q?text?=</c>, located in unfolded header bytes. The reader is
/// lenient the way mail clients are: case-insensitive B/Q, an RFC 2231 language suffix on the charset
/// (<c>=?utf-8*en?Q?..?=</c>), '?' and blanks inside the text, and words glued to other text.
/// </summary>
internal readonly ref struct EncodedWord
{
    private EncodedWord(ReadOnlySpan<byte> charset, bool isBase64, ReadOnlySpan<byte> text, int end)
    {
        Charset = charset;
        IsBase64 = isBase64;
        Text = text;
        End = end;
    }

    /// <summary>The charset label without its RFC 2231 language suffix.</summary>
    public ReadOnlySpan<byte> Charset { get; }

    public bool IsBase64 { get; }

    /// <summary>The encoded text between the third '?' and the closing "?=".</summary>
    public ReadOnlySpan<byte> Text { get; }

    /// <summary>Offset just past the closing "?=".</summary>
    public int End { get; }

    /// <summary>Reads the word that starts at <paramref name="start"/> (where "=?" is); false leaves it as literal text.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, int start, out EncodedWord word)
    {
        word = default;
        var p = start + 2;
        var q1 = s[p..].IndexOf((byte)'?');
        if (q1 <= 0 || q1 > 75)
        {
            return false;
        }
        var charset = s.Slice(p, q1);
        foreach (var c in charset)
        {
            if (c <= (byte)' ' || c >= 0x7F || c == (byte)'=')
            {
                return false;
            }
        }
        var star = charset.IndexOf((byte)'*');
        if (star == 0)
        {
            return false;
        }
        if (star > 0)
        {
            charset = charset[..star];
        }
        var encPos = p + q1 + 1;
        if (encPos + 1 >= s.Length || s[encPos + 1] != (byte)'?')
        {
            return false;
        }
        var enc = s[encPos] | 0x20;
        if (enc != 'b' && enc != 'q')
        {
            return false;
        }
        var t = encPos + 2;
        var e = s[t..].IndexOf("?="u8);
        if (e < 0)
        {
            return false;
        }
        var text = s.Slice(t, e);
        // Blanks inside the text are tolerated only when the closing "?=" cannot belong to a later word.
        if (text.IndexOfAny((byte)' ', (byte)'\t') >= 0 && text.IndexOf("=?"u8) >= 0)
        {
            return false;
        }
        word = new EncodedWord(charset, enc == 'b', text, t + e + 2);
        return true;
    }

    /// <summary>Decodes the text to bytes in <paramref name="dest"/> (at least <c>Text.Length + 3</c> long); returns the count.</summary>
    public int DecodeTo(Span<byte> dest, out bool damaged)
    {
        if (IsBase64)
        {
            var n = Base64Lenient.DecodeLenient(Text, dest, out var problem);
            damaged = problem is not null;
            return n;
        }
        return DecodeQ(Text, dest, out damaged);
    }

    // RFC 2047 section 4.2: "_" is a space, "=XY" a byte; anything else stands for itself.
    private static int DecodeQ(ReadOnlySpan<byte> text, Span<byte> dest, out bool damaged)
    {
        damaged = false;
        var w = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'_')
            {
                dest[w++] = (byte)' ';
            }
            else if (b == (byte)'=' && i + 2 < text.Length && QuotedPrintable.IsHex(text[i + 1]) && QuotedPrintable.IsHex(text[i + 2]))
            {
                dest[w++] = (byte)((QuotedPrintable.Hex(text[i + 1]) << 4) | QuotedPrintable.Hex(text[i + 2]));
                i += 2;
            }
            else
            {
                damaged |= b == (byte)'=';
                dest[w++] = b;
            }
        }
        return w;
    }
}
