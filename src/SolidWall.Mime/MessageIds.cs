using System.Buffers;

namespace SolidWall.Mime;

/// <summary>
/// Reads msg-id lists (Message-ID, In-Reply-To, References; RFC 5322 section 3.6.4) leniently: comments, folding
/// inside brackets, quoted local parts, missing brackets, and the junk old clients put between ids
/// (<c>Your message of "Tue, 1 Jul 2003" &lt;id@x&gt;</c>).
/// </summary>
public static class MessageIds
{
    /// <summary>The ids without angle brackets, in order.</summary>
    public static IReadOnlyList<string> ParseList(ReadOnlySpan<byte> raw) => ParseList(raw, null);

    /// <summary>The ids without angle brackets, in order; repairs are reported on <paramref name="defects"/>.</summary>
    public static IReadOnlyList<string> ParseList(ReadOnlySpan<byte> raw, DefectSink? defects, long offset = -1)
    {
        var ids = new List<string>();
        if (raw.IsEmpty)
        {
            return ids;
        }
        var scratch = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            var junkWords = 0;
            var junkStart = -1;
            var junkEnd = -1;
            var i = 0;
            while (i < raw.Length)
            {
                var b = raw[i];
                if (IsSpace(b) || b == ',')
                {
                    i++;
                }
                else if (b == '(')
                {
                    i = SkipComment(raw, i);
                }
                else if (b == '"')
                {
                    // A quoted phrase between ids ("Your message of ..."): junk.
                    var close = raw[(i + 1)..].IndexOf((byte)'"');
                    i = close < 0 ? raw.Length : i + close + 2;
                    junkWords += 2;
                }
                else if (b == '<')
                {
                    i = ReadBracketed(raw, i, scratch, ids, defects, offset);
                }
                else
                {
                    var start = i;
                    while (i < raw.Length && !IsSpace(raw[i]) && raw[i] is not ((byte)',' or (byte)'<' or (byte)'(' or (byte)'"'))
                    {
                        i++;
                    }
                    var word = raw[start..i].TrimEnd((byte)'>');
                    if (word.IndexOf((byte)'@') > 0)
                    {
                        defects?.Add("message-id-no-brackets", "message id without '<' '>'", At(offset, start));
                        ids.Add(HeaderText.Unfold(word));
                    }
                    else if (!word.IsEmpty)
                    {
                        junkWords++;
                        junkStart = start;
                        junkEnd = start + word.Length;
                    }
                }
            }
            if (ids.Count == 0 && junkWords == 1)
            {
                // Message-ID: 12345.abc — one bare token is the id a broken client meant.
                defects?.Add("message-id-no-brackets", "message id without '<' '>' or '@'", At(offset, junkStart));
                ids.Add(HeaderText.Unfold(raw[junkStart..junkEnd]));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return ids;
    }

    /// <summary>Reads '&lt;' id '&gt;' from <paramref name="open"/>; white space outside quotes (folding) is dropped.</summary>
    private static int ReadBracketed(ReadOnlySpan<byte> raw, int open, byte[] scratch, List<string> ids, DefectSink? defects, long offset)
    {
        var n = 0;
        var quoted = false;
        var i = open + 1;
        // White space inside the brackets is folding when a '>' closes them before any new '<'. Decided once per
        // id, so that a hostile value full of spaces stays linear.
        var rest = raw[i..];
        var lt = rest.IndexOf((byte)'<');
        var spaceIsFolding = (lt < 0 ? rest : rest[..lt]).IndexOf((byte)'>') >= 0;
        for (; i < raw.Length; i++)
        {
            var b = raw[i];
            if (quoted)
            {
                if (b == '\\' && i + 1 < raw.Length)
                {
                    scratch[n++] = b;
                    b = raw[++i];
                }
                else if (b == '"')
                {
                    quoted = false;
                }
                if (b is not ((byte)'\r' or (byte)'\n'))
                {
                    scratch[n++] = b;
                }
                continue;
            }
            if (b == '>')
            {
                i++;
                break;
            }
            if (b == '<' || (IsSpace(b) && n > 0 && !spaceIsFolding))
            {
                // "<abc <def@x>" or "<abc@x def@y": the bracket was never closed.
                defects?.Add("message-id-unterminated", "'<' without '>'", At(offset, open));
                break;
            }
            if (b == '(')
            {
                // <1234@local(blah) .machine .example>, RFC 5322 appendix A.6.2: comments inside obs-id-right.
                i = SkipComment(raw, i) - 1;
                continue;
            }
            if (b == '"')
            {
                quoted = true;
            }
            if (!IsSpace(b))
            {
                scratch[n++] = b;
            }
        }
        if (i >= raw.Length && (raw[^1] != '>' || quoted))
        {
            defects?.Add("message-id-unterminated", "'<' without '>'", At(offset, open));
        }
        if (n > 0)
        {
            ids.Add(HeaderText.Unfold(scratch.AsSpan(0, n)));
        }
        return i;
    }

    private static int SkipComment(ReadOnlySpan<byte> raw, int i)
    {
        var depth = 0;
        for (; i < raw.Length; i++)
        {
            switch (raw[i])
            {
                case (byte)'\\': i++; break;
                case (byte)'(': depth++; break;
                case (byte)')':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }
                    break;
            }
        }
        return raw.Length;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static long At(long offset, int position) => offset >= 0 ? offset + position : -1;
}
