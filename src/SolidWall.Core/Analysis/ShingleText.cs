using System.Buffers;
using System.Globalization;
using System.Text;
using SolidWall.Core.Text;

namespace SolidWall.Core.Analysis;

/// <summary>Receives the normalised words of a text, one at a time, in a buffer that is reused for the next word.</summary>
internal interface IWordSink
{
    void Word(ReadOnlySpan<char> word);
}

/// <summary>
/// Turns a text into the words its shingles are made of, with what differs between per-recipient copies of one
/// blast taken out: the greeting line, case, accents and compatibility forms (Unicode KD, then the combining
/// accents U+0300–U+036F dropped, so "Estimada" and "estimada", "información" and "informacion" agree), link query
/// strings and fragments (tracking tokens), e-mail addresses, numbers and long letter-and-digit tokens (codes,
/// hex ids), and punctuation. Accents are dropped rather than kept because the same blast reaches mailboxes through
/// clients and gateways that lose them; dropping them makes "año" and "ano" one word, a collision that costs a
/// shingle hash nothing. Accented letters stay inside their words (they are letters, not separators), so Spanish
/// and French texts keep their words whole.
/// </summary>
internal static class ShingleText
{
    public const string Number = "<num>";
    public const string Identifier = "<id>";
    public const string Email = "<email>";

    private const int MaxWord = 256;

    private const byte OtherKind = 0;
    private const byte SpaceKind = 1;
    private const byte SpecialKind = 2;

    // For each ASCII char: white space (as char.IsWhiteSpace), a char a link or an address needs, or anything else.
    private static readonly byte[] AsciiKinds = Enumerable.Range(0, 128)
        .Select(c => char.IsWhiteSpace((char)c) ? SpaceKind : c is ':' or '.' or '@' ? SpecialKind : OtherKind)
        .ToArray();
    private const int MinIdentifier = 6;

    public static void Words<TSink>(string text, ref TSink sink)
        where TSink : struct, IWordSink
    {
        // What the institution's mail system wrote into the message (a gateway's warning above mail from outside, a
        // confidentiality notice or a group's footer below) is on thousands of messages and is no one's text: left in, a
        // short note and a short campaign ask that both carry it share most of their shingles.
        text = MailBoilerplate.Blank(text);
        var source = Ascii.IsValid(text) ? text : WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKD);
        var (skipStart, skipEnd) = Greetings.Find(source);
        var buffer = ArrayPool<char>.Shared.Rent(MaxWord);
        try
        {
            Range(source.AsSpan(0, skipStart), buffer, ref sink);
            Range(source.AsSpan(skipEnd), buffer, ref sink);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // Normalize throws on a lone surrogate, which broken mail does contain; it becomes U+FFFD, a break between words.
    private static string WithoutLoneSurrogates(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                bad = i;
                break;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    // Cuts the text at white space; a chunk without ':', '.' or '@' cannot hold a link or an address and goes
    // straight to the word loop (most chunks are one word).
    private static void Range<TSink>(ReadOnlySpan<char> text, char[] buffer, ref TSink sink)
        where TSink : struct, IWordSink
    {
        var kinds = AsciiKinds;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80 ? kinds[c] == SpaceKind : char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var end = i;
            var special = false;
            while (end < text.Length)
            {
                c = text[end];
                if (c < 0x80)
                {
                    var kind = kinds[c];
                    if (kind == SpaceKind)
                    {
                        break;
                    }

                    special |= kind == SpecialKind;
                }
                else if (char.IsWhiteSpace(c))
                {
                    break;
                }

                end++;
            }

            if (special)
            {
                Chunk(text[i..end], buffer, ref sink);
            }
            else
            {
                Plain(text[i..end], buffer, ref sink);
            }

            i = end;
        }
    }

    // One whitespace-delimited chunk: a link, an address, or words and numbers joined by punctuation.
    private static void Chunk<TSink>(ReadOnlySpan<char> chunk, char[] buffer, ref TSink sink)
        where TSink : struct, IWordSink
    {
        var link = LinkStart(chunk);
        if (link >= 0)
        {
            Plain(chunk[..link], buffer, ref sink);
            var length = Link(chunk[link..], buffer, out var consumed);
            sink.Word(buffer.AsSpan(0, length));
            Plain(chunk[(link + consumed)..], buffer, ref sink);
            return;
        }

        var at = chunk.IndexOf('@');
        if (at > 0 && at < chunk.Length - 1 && IsAddressChar(chunk[at - 1]) && IsAddressChar(chunk[at + 1]))
        {
            var start = at;
            while (start > 0 && IsAddressChar(chunk[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < chunk.Length && (IsAddressChar(chunk[end]) && chunk[end] != '@'))
            {
                end++;
            }

            if (chunk[(at + 1)..end].Contains('.'))
            {
                var local = chunk[..start];
                if (local.EndsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    local = local[..^7];
                }

                Plain(local, buffer, ref sink);
                sink.Word(Email);
                Plain(chunk[end..], buffer, ref sink);
                return;
            }
        }

        Plain(chunk, buffer, ref sink);
    }

    private static int LinkStart(ReadOnlySpan<char> chunk)
    {
        var scheme = chunk.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var start = scheme;
            while (start > 0 && char.IsAsciiLetter(chunk[start - 1]))
            {
                start--;
            }

            var name = chunk[start..scheme];
            if (name.Equals("http", StringComparison.OrdinalIgnoreCase) || name.Equals("https", StringComparison.OrdinalIgnoreCase))
            {
                return start;
            }
        }

        var www = chunk.IndexOf("www.", StringComparison.OrdinalIgnoreCase);
        return www >= 0 && (www == 0 || !char.IsLetterOrDigit(chunk[www - 1])) && www + 4 < chunk.Length && char.IsLetterOrDigit(chunk[www + 4]) ? www : -1;
    }

    // Writes scheme://host/path of the link at the start of text, lower-cased, query and fragment dropped and
    // id-like path segments replaced; returns the length written and, in consumed, how much of text the link took.
    private static int Link(ReadOnlySpan<char> text, char[] buffer, out int consumed)
    {
        var end = text.IndexOfAny("<>\"'`");
        end = end < 0 ? text.Length : end;
        while (end > 0 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '»' or '”' or '’')
        {
            end--;
        }

        consumed = end;
        var url = text[..end];
        var cut = url.IndexOfAny('?', '#');
        if (cut >= 0)
        {
            url = url[..cut];
        }

        var length = 0;
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal);
        if (afterScheme < 0)
        {
            Append(buffer, ref length, "http://"); // www.example.org and http://www.example.org are one link
        }
        else
        {
            Append(buffer, ref length, url[..(afterScheme + 3)]);
            url = url[(afterScheme + 3)..];
        }

        var slash = url.IndexOf('/');
        var host = slash < 0 ? url : url[..slash];
        var user = host.LastIndexOf('@');
        Append(buffer, ref length, user >= 0 ? host[(user + 1)..] : host);
        var path = slash < 0 ? [] : url[(slash + 1)..];
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.IsEmpty)
            {
                continue;
            }

            Append(buffer, ref length, "/");
            Append(buffer, ref length, LooksLikeId(segment) ? Identifier : segment);
        }

        for (var i = 0; i < length; i++)
        {
            buffer[i] = char.ToLowerInvariant(buffer[i]);
        }

        return length;
    }

    private static bool LooksLikeId(ReadOnlySpan<char> segment)
    {
        var hasDigit = segment.IndexOfAnyInRange('0', '9') >= 0;
        return (hasDigit && segment.Length >= MinIdentifier) || segment.Length >= 24;
    }

    private static void Append(char[] buffer, ref int length, ReadOnlySpan<char> text)
    {
        var n = Math.Min(text.Length, buffer.Length - length);
        text[..n].CopyTo(buffer.AsSpan(length));
        length += n;
    }

    // Words and numbers: letters, digits and marks make words; an apostrophe inside a word and soft hyphens or
    // zero-width characters are skipped; digits joined by . , : / - are one number.
    private static void Plain<TSink>(ReadOnlySpan<char> text, char[] buffer, ref TSink sink)
        where TSink : struct, IWordSink
    {
        var length = 0;
        var digits = 0;
        var letters = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    letters++;
                    if (length < MaxWord)
                    {
                        buffer[length++] = (char)(c | 0x20);
                    }

                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    digits++;
                    if (length < MaxWord)
                    {
                        buffer[length++] = c;
                    }

                    continue;
                }
            }
            else
            {
                var kind = Classify(c);
                if (kind == CharKind.Skip)
                {
                    continue; // a format character or a dropped accent: not part of the word, not a break either
                }

                if (kind == CharKind.Word)
                {
                    if (char.IsDigit(c))
                    {
                        digits++;
                    }
                    else if (char.IsLetter(c))
                    {
                        letters++;
                    }

                    if (length < MaxWord)
                    {
                        buffer[length++] = char.ToLowerInvariant(c);
                    }

                    continue;
                }
            }

            if (length > 0 && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (c is '\'' or '’' && letters > 0 && char.IsLetter(next))
                {
                    continue; // don't -> dont
                }

                if (c is '.' or ',' or ':' or '/' or '-' && letters == 0 && char.IsDigit(next))
                {
                    continue; // 1,000.50 and 10/15/2024 are one number
                }
            }

            Flush(buffer, ref length, ref digits, ref letters, ref sink);
        }

        Flush(buffer, ref length, ref digits, ref letters, ref sink);
    }

    private static void Flush<TSink>(char[] buffer, ref int length, ref int digits, ref int letters, ref TSink sink)
        where TSink : struct, IWordSink
    {
        if (length == 0)
        {
            return;
        }

        if (digits > 0 && letters == 0)
        {
            sink.Word(Number);
        }
        else if (digits > 0 && length >= MinIdentifier)
        {
            sink.Word(Identifier);
        }
        else if (letters > 0 || digits > 0)
        {
            sink.Word(buffer.AsSpan(0, length));
        }

        length = 0;
        digits = 0;
        letters = 0;
    }

    private enum CharKind
    {
        Word,
        Break,
        Skip,
    }

    // Outside ASCII: letters, digits and kept marks are word characters; format characters (zero-width space, soft
    // hyphen) and the combining accents U+0300–U+036F are skipped without breaking the word.
    private static CharKind Classify(char c)
    {
        if (char.IsLetterOrDigit(c) || IsKeptMark(c))
        {
            return CharKind.Word;
        }

        return c is >= '\u0300' and <= '\u036f' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? CharKind.Skip : CharKind.Break;
    }

    // Marks other than the Latin accents (Devanagari vowel signs, Thai tone marks) belong to their words.
    private static bool IsKeptMark(char c) =>
        c is not (>= '\u0300' and <= '\u036f')
        && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsAddressChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '%';
}
