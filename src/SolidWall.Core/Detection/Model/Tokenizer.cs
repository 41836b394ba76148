using System.Globalization;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Turns text into the model's tokens: words lower-cased with accents folded, each Han/kana character a token of
/// its own, every digit turned into '0' (so "2002" and "2024" look alike and no year can become a feature), a
/// link reduced to its host ("host:secure.actblue.com") and an e-mail address to its domain
/// ("domain:example.org"). Apostrophes inside a word stay (curly ones made straight); every other
/// punctuation mark splits. Tokens longer than <see cref="MaxTokenLength"/> (encoded junk) are dropped.
/// </summary>
internal static class Tokenizer
{
    public const int MaxTokenLength = 32;

    private const int MaxHostLength = 80;

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (appending).</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        Span<char> scratch = stackalloc char[MaxHostLength + 8];
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSeparator(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !IsSeparator(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                Chunk(text[start..i], tokens, scratch);
            }
        }
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '(' or ')' or '[' or ']' or '|';

    /// <summary>One run of non-blank text: a link, an address, or words.</summary>
    private static void Chunk(ReadOnlySpan<char> chunk, TokenBuffer tokens, Span<char> scratch)
    {
        if (chunk.IndexOfAny('.', '@', ':') < 0)
        {
            Words(chunk, tokens);
            return;
        }

        var scheme = chunk.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var schemeStart = scheme;
            while (schemeStart > 0 && char.IsAsciiLetter(chunk[schemeStart - 1]))
            {
                schemeStart--;
            }

            if (schemeStart < scheme)
            {
                Words(chunk[..schemeStart], tokens);
                Host("host:", chunk[(scheme + 3)..], tokens, scratch, stripUser: true);
                return;
            }
        }

        var www = chunk.IndexOf("www.", StringComparison.OrdinalIgnoreCase);
        if (www >= 0 && (www == 0 || !char.IsLetterOrDigit(chunk[www - 1])))
        {
            Words(chunk[..www], tokens);
            Host("host:", chunk[www..], tokens, scratch, stripUser: false);
            return;
        }

        var at = chunk.IndexOf('@');
        if (at > 0 && at + 3 < chunk.Length && chunk[(at + 1)..].Contains('.') && char.IsLetterOrDigit(chunk[at - 1]))
        {
            var localStart = at;
            while (localStart > 0 && (char.IsLetterOrDigit(chunk[localStart - 1]) || chunk[localStart - 1] is '.' or '_' or '-' or '+' or '%'))
            {
                localStart--;
            }

            Words(chunk[..localStart], tokens);
            Host("domain:", chunk[(at + 1)..], tokens, scratch, stripUser: false);
            return;
        }

        Words(chunk, tokens);
    }

    /// <summary>Emits prefix + the lower-cased host name at the start of <paramref name="rest"/>.</summary>
    private static void Host(string prefix, ReadOnlySpan<char> rest, TokenBuffer tokens, Span<char> scratch, bool stripUser)
    {
        var end = 0;
        while (end < rest.Length && (char.IsLetterOrDigit(rest[end]) || rest[end] is '.' or '-' or '_' or '@'))
        {
            end++;
        }

        var host = rest[..end];
        if (stripUser && host.LastIndexOf('@') is var userEnd and >= 0)
        {
            host = host[(userEnd + 1)..];
        }

        host = host.Trim('.');
        if (host.IsEmpty || host.Contains('@') || host.Length > MaxHostLength)
        {
            return;
        }

        prefix.AsSpan().CopyTo(scratch);
        for (var k = 0; k < host.Length; k++)
        {
            scratch[prefix.Length + k] = TextFolding.Fold(host[k]);
        }

        tokens.Add(scratch[..(prefix.Length + host.Length)]);
    }

    /// <summary>Splits on everything but letters, digits and in-word apostrophes; Han and kana are one token per character.</summary>
    private static void Words(ReadOnlySpan<char> chunk, TokenBuffer tokens)
    {
        Span<char> word = stackalloc char[MaxTokenLength];
        var length = 0;
        var tooLong = false;
        for (var k = 0; k < chunk.Length; k++)
        {
            var c = chunk[k];
            char folded;
            if (c < 0x80)
            {
                // ASCII, most of every message: no table, no Unicode category.
                if (char.IsAsciiLetter(c))
                {
                    folded = (char)(c | 0x20);
                }
                else if (char.IsAsciiDigit(c))
                {
                    folded = '0';
                }
                else
                {
                    if (c == '\'' && length > 0 && k + 1 < chunk.Length && char.IsLetter(chunk[k + 1]))
                    {
                        Append(word, ref length, ref tooLong, '\'');
                    }
                    else
                    {
                        Flush(word, ref length, ref tooLong, tokens);
                    }

                    continue;
                }

                Append(word, ref length, ref tooLong, folded);
                continue;
            }

            folded = TextFolding.Fold(c);
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // A combining accent after a Latin letter (decomposed text) is folded away; other marks (Indic vowel signs) stay.
                if (length > 0 && word[length - 1] >= 0x250)
                {
                    Append(word, ref length, ref tooLong, c);
                }

                continue;
            }

            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                if (IsIdeograph(c))
                {
                    Flush(word, ref length, ref tooLong, tokens);
                    word[0] = c;
                    tokens.Add(word[..1]);
                    continue;
                }

                Append(word, ref length, ref tooLong, char.IsDigit(c) ? '0' : folded);
            }
            else if (folded == '\'' && length > 0 && k + 1 < chunk.Length && char.IsLetter(chunk[k + 1]))
            {
                Append(word, ref length, ref tooLong, '\'');
            }
            else
            {
                Flush(word, ref length, ref tooLong, tokens);
            }
        }

        Flush(word, ref length, ref tooLong, tokens);
    }

    private static void Append(Span<char> word, ref int length, ref bool tooLong, char c)
    {
        if (length == MaxTokenLength)
        {
            tooLong = true;
        }
        else
        {
            word[length++] = c;
        }
    }

    private static void Flush(Span<char> word, ref int length, ref bool tooLong, TokenBuffer tokens)
    {
        if (length > 0 && !tooLong)
        {
            tokens.Add(word[..length]);
        }

        length = 0;
        tooLong = false;
    }

    private static bool IsIdeograph(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
