using System.Globalization;
using System.Runtime.CompilerServices;
using SolidWall.Core.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Turns text into the model's tokens: words lower-cased with accents folded, each Han/kana character a token of
/// its own, every digit turned into '0' (so "2002" and "2024" look alike and no year can become a feature), a
/// link reduced to its host ("host:secure.actblue.com"; a mail gateway's rewritten link to the host it leads to,
/// <see cref="LinkTarget"/>) and an e-mail address to its domain
/// ("domain:example.org"). Apostrophes inside a word stay (curly ones made straight); every other
/// punctuation mark splits. Tokens longer than <see cref="MaxTokenLength"/> (encoded junk) are dropped.
/// </summary>
internal static class Tokenizer
{
    public const int MaxTokenLength = 32;

    private const int MaxHostLength = 80;

    /// <summary>What an ASCII char is to the tokenizer: <see cref="Separator"/>, <see cref="LinkMark"/>, <see cref="Letter"/>, <see cref="Digit"/>, or none (punctuation).</summary>
    private static readonly byte[] AsciiClass = BuildAsciiClass();

    private const byte Separator = 1;
    private const byte LinkMark = 2;
    private const byte Letter = 4;
    private const byte Digit = 8;

    /// <summary>
    /// Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (appending). The text is split into chunks at
    /// blanks and a few brackets; a chunk that may be a link or an address goes to <see cref="Chunk"/>, every other
    /// one is split into words. Both happen in one pass (<see cref="Words"/>), which only steps back when a chunk
    /// turns out to hold "@", "://" or "www.".
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        Span<char> scratch = stackalloc char[MaxHostLength + 8];
        Words(text, tokens, scratch);
    }

    /// <summary>
    /// The same tokens the plain way: split at blanks first, then each chunk as a link, an address or words. Kept as
    /// the reference the one pass of <see cref="Tokenize"/> is tested against.
    /// </summary>
    internal static void TokenizeChunkByChunk(ReadOnlySpan<char> text, TokenBuffer tokens)
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

            if (i > start && text[start..i].IndexOfAny('.', '@', ':') >= 0)
            {
                Chunk(text[start..i], tokens, scratch);
            }
            else if (i > start)
            {
                Words(text[start..i], tokens);
            }
        }
    }

    private static bool IsSeparator(char c) => c < 0x80 ? (AsciiClass[c] & Separator) != 0 : char.IsWhiteSpace(c);

    private static byte[] BuildAsciiClass()
    {
        var table = new byte[0x80];
        for (var c = (char)0; c < 0x80; c++)
        {
            table[c] = char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '(' or ')' or '[' or ']' or '|' ? Separator
                : c is '.' or '@' or ':' ? LinkMark
                : char.IsAsciiLetter(c) ? Letter
                : char.IsAsciiDigit(c) ? Digit
                : (byte)0;
        }

        return table;
    }

    /// <summary>One run of non-blank text: a link, an address, or words.</summary>
    private static void Chunk(ReadOnlySpan<char> chunk, TokenBuffer tokens, Span<char> scratch)
    {
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
                // A mail gateway's rewritten link (Safe Links, URL Defense) is read as the page it leads to.
                if (LinkTarget.MayBeGateway(chunk[(scheme + 3)..]) && LinkTarget.Resolve(chunk[schemeStart..].ToString()) is { } behind)
                {
                    Host("host:", behind.Target.AsSpan(behind.Target.IndexOf("://", StringComparison.Ordinal) + 3), tokens, scratch, stripUser: true);
                    return;
                }

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

    /// <summary>Splits <paramref name="chunk"/> into words (<see cref="Words"/>), without looking for links in it.</summary>
    private static void Words(ReadOnlySpan<char> chunk, TokenBuffer tokens) => Words(chunk, tokens, scratch: default);

    /// <summary>
    /// Splits on everything but letters, digits and in-word apostrophes; Han and kana are one token per character.
    /// Each token's hash and its stem's are computed as its chars are appended (no second pass over them), and the
    /// state stays in locals so that the loop keeps it in registers. With <paramref name="scratch"/> (the whole text,
    /// from <see cref="Tokenize"/>), a blank also ends a chunk, and a chunk found to hold a link or an address has its
    /// words taken back and goes to <see cref="Chunk"/> whole: splitting on blanks first and then into words gives
    /// the same words, since a blank ends a word anyway and is never the letter after an apostrophe.
    /// </summary>
    private static void Words(ReadOnlySpan<char> chunk, TokenBuffer tokens, Span<char> scratch)
    {
        var word = tokens.Space();
        var classes = AsciiClass;
        var findLinks = !scratch.IsEmpty;
        var chunkStart = 0;
        var chunkTokens = tokens.Count;
        var length = 0;
        var tooLong = false;
        var hash = StableHash.Start;
        var stemHash = 0u;
        for (var k = 0; k < chunk.Length; k++)
        {
            var c = chunk[k];
            char folded;
            if (c < 0x80)
            {
                // ASCII, most of every message: one small table, no Unicode category.
                var cls = classes[c];
                if ((cls & Letter) != 0)
                {
                    folded = (char)(c | 0x20);
                }
                else if ((cls & Digit) != 0)
                {
                    folded = '0';
                }
                else if (c == '\'' && length > 0 && k + 1 < chunk.Length && char.IsLetter(chunk[k + 1]))
                {
                    folded = '\'';
                }
                else
                {
                    Emit(ref word, length, tooLong, hash, stemHash, tokens);
                    (length, tooLong, hash) = (0, false, StableHash.Start);
                    if (findLinks)
                    {
                        if ((cls & Separator) != 0)
                        {
                            (chunkStart, chunkTokens) = (k + 1, tokens.Count);
                        }
                        else if ((cls & LinkMark) != 0 && MayBeLink(chunk, k, chunkStart))
                        {
                            // Take back this chunk's words and read it whole, then go on after it.
                            var end = k + 1;
                            while (end < chunk.Length && !IsSeparator(chunk[end]))
                            {
                                end++;
                            }

                            tokens.Truncate(chunkTokens);
                            Chunk(chunk[chunkStart..end], tokens, scratch);
                            word = tokens.Space();
                            (chunkStart, chunkTokens) = (end, tokens.Count);
                            k = end - 1;
                        }
                    }

                    continue;
                }
            }
            else
            {
                folded = TextFolding.Fold(c);
                var category = char.GetUnicodeCategory(c);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                {
                    // A combining accent after a Latin letter (decomposed text) is folded away; other marks (Indic vowel signs) stay.
                    if (length > 0 && word[length - 1] >= 0x250)
                    {
                        folded = c;
                    }
                    else
                    {
                        continue;
                    }
                }
                else if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
                {
                    if (IsIdeograph(c))
                    {
                        Emit(ref word, length, tooLong, hash, stemHash, tokens);
                        (length, tooLong, hash) = (0, false, StableHash.Start);
                        word = tokens.Space();
                        word[0] = c;
                        tokens.AddWritten(1, StableHash.Step(StableHash.Start, c), 0);
                        word = tokens.Space();
                        continue;
                    }

                    if (char.IsDigit(c))
                    {
                        folded = '0';
                    }
                }
                else if (folded == '\'' && length > 0 && k + 1 < chunk.Length && char.IsLetter(chunk[k + 1]))
                {
                    folded = '\'';
                }
                else
                {
                    Emit(ref word, length, tooLong, hash, stemHash, tokens);
                    (length, tooLong, hash) = (0, false, StableHash.Start);
                    if (findLinks && char.IsWhiteSpace(c))
                    {
                        (chunkStart, chunkTokens) = (k + 1, tokens.Count);
                    }

                    continue;
                }
            }

            if (length == MaxTokenLength)
            {
                tooLong = true;
            }
            else
            {
                word[length++] = folded;
                hash = StableHash.Step(hash, folded);
                if (length == TokenBuffer.StemLength)
                {
                    stemHash = hash;
                }
            }
        }

        Emit(ref word, length, tooLong, hash, stemHash, tokens);
    }

    /// <summary>
    /// Whether the chunk from <paramref name="chunkStart"/> may be a link or an address, seen at its '.', '@' or ':'
    /// at <paramref name="k"/>: an '@', a "://", or a '.' after three chars that may be "www" (any non-ASCII char
    /// counted as one, to be safe). Anything <see cref="Chunk"/> treats as more than words passes; a chunk that
    /// passes but is words after all is split by <see cref="Chunk"/> the same way.
    /// </summary>
    private static bool MayBeLink(ReadOnlySpan<char> text, int k, int chunkStart) => text[k] switch
    {
        '@' => true,
        ':' => k + 2 < text.Length && text[k + 1] == '/' && text[k + 2] == '/',
        _ => k - chunkStart >= 3 && MayBeW(text[k - 1]) && MayBeW(text[k - 2]) && MayBeW(text[k - 3]),
    };

    private static bool MayBeW(char c) => (c | 0x20) == 'w' || c >= 0x80;

    /// <summary>Adds the word built so far in the buffer's free space (<paramref name="word"/>, then moved past it), unless it is empty or was too long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Emit(ref Span<char> word, int length, bool tooLong, uint hash, uint stemHash, TokenBuffer tokens)
    {
        if (length > 0 && !tooLong)
        {
            tokens.AddWritten(length, hash, length > TokenBuffer.StemLength ? stemHash : 0);
            word = tokens.Space();
        }
    }

    private static bool IsIdeograph(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
