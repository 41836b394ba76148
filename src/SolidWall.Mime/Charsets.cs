using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using SolidWall.Mime.Decoding;

namespace SolidWall.Mime;

/// <summary>
/// Maps charset labels as mail carries them (including wrong and made-up ones) to decoders, and decodes bytes
/// with a sensible fallback when the label is missing, unknown or wrong: valid UTF-8 reads as UTF-8, anything
/// else as windows-1252, the way mail clients recover. Never throws.
/// </summary>
public static class Charsets
{
    // Hostile mail can carry endless distinct labels; past this many the cache stops growing.
    private const int MaxCached = 512;

    private static readonly ConcurrentDictionary<string, CharsetInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, CharsetInfo?>.AlternateLookup<ReadOnlySpan<char>> CacheBySpan;

    static Charsets()
    {
        // The legacy code pages (windows-125x, KOI8, GB18030, Big5, Shift_JIS, EUC-*, ISO-2022-*) ship in-box but
        // are only reachable once this provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        CacheBySpan = Cache.GetAlternateLookup<ReadOnlySpan<char>>();
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    internal static Encoding Windows1252 { get; }

    internal static UTF8Encoding Utf8Lossy { get; } = new(false, false);

    /// <summary>The encoding for a label, or null when it is not known (or is UTF-7, which has no in-box decoder).</summary>
    public static Encoding? GetEncoding(string? label) =>
        label is null ? null : Resolve(label.AsSpan())?.Encoding;

    /// <summary>The canonical name for a label ("latin1" gives "windows-1252", "x-sjis" gives "shift_jis"), or null when unknown.</summary>
    public static string? Normalize(string? label) => label is null ? null : Resolve(label.AsSpan())?.Name;

    /// <summary>
    /// Decodes bytes under a label. A null label is us-ascii (RFC 2045 section 5.2); a missing, unknown or wrong
    /// label falls back (valid UTF-8, else windows-1252) and records <c>charset-unknown</c> or <c>charset-mismatch</c>.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? label, DefectSink? defects = null, long offset = -1)
    {
        if (label is null)
        {
            return DecodeUndeclared(bytes, defects, offset);
        }
        var info = Resolve(label.AsSpan());
        if (info is null)
        {
            defects?.Add("charset-unknown", $"charset '{Shorten(label)}' is not known; decoded by guessing", offset);
            return Guess(bytes);
        }
        return Decode(bytes, info, defects, offset);
    }

    internal static CharsetInfo? Resolve(ReadOnlySpan<char> label)
    {
        if (label.Length > 80)
        {
            return CharsetLabels.Resolve(label);
        }
        if (CacheBySpan.TryGetValue(label, out var hit))
        {
            return hit;
        }
        var info = CharsetLabels.Resolve(label);
        if (Cache.Count < MaxCached)
        {
            CacheBySpan.TryAdd(label, info);
        }
        return info;
    }

    /// <summary>Resolves an ASCII label held as bytes (an encoded word's charset) without allocating on a cache hit.</summary>
    internal static CharsetInfo? Resolve(ReadOnlySpan<byte> label)
    {
        if (label.Length > 80)
        {
            return null;
        }
        Span<char> chars = stackalloc char[label.Length];
        for (var i = 0; i < label.Length; i++)
        {
            chars[i] = (char)label[i];
        }
        return Resolve(chars);
    }

    internal static string Decode(ReadOnlySpan<byte> bytes, CharsetInfo info, DefectSink? defects, long offset)
    {
        switch (info.Kind)
        {
            case CharsetKind.Utf8:
                if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    bytes = bytes[3..];
                }
                if (Utf8.IsValid(bytes))
                {
                    return Utf8Lossy.GetString(bytes);
                }
                defects?.Add("charset-mismatch", "declared utf-8 but the bytes are not valid UTF-8", offset);
                return DecodeInvalidUtf8(bytes);
            case CharsetKind.Ascii:
                if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
                {
                    return Encoding.Latin1.GetString(bytes);
                }
                defects?.Add("charset-mismatch", "declared us-ascii but the bytes are 8-bit", offset);
                return Guess(bytes);
            case CharsetKind.Utf7:
                return Utf7Decoder.Decode(bytes);
            case CharsetKind.Utf16:
                return DecodeUtf16(bytes);
            case CharsetKind.Utf16LE or CharsetKind.Utf16BE:
                return DecodeUtf16(bytes, info.Kind == CharsetKind.Utf16BE);
            case CharsetKind.Utf32:
            case CharsetKind.Utf32LE:
            case CharsetKind.Utf32BE:
                return DecodeUtf32(bytes, info);
            case CharsetKind.SingleByte:
                if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
                {
                    return info.Encoding!.GetString(bytes);
                }
                // A legacy label on text that is valid UTF-8 with real multi-byte sequences is a mislabel: legacy
                // text forms such sequences by chance almost never.
                if (Utf8.IsValid(bytes) && IsAsciiCompatible(info))
                {
                    defects?.Add("charset-mismatch", $"declared {info.Name} but the bytes are UTF-8", offset);
                    return Utf8Lossy.GetString(bytes);
                }
                return info.Encoding!.GetString(bytes);
            case CharsetKind.MultiByte:
                // ISO-2022 and HZ are 7-bit; 8-bit bytes under them mean the label is wrong.
                if (info.Encoding!.CodePage is 50220 or 50221 or 50222 or 50225 or 52936
                    && bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
                {
                    defects?.Add("charset-mismatch", $"declared {info.Name} but the bytes are 8-bit", offset);
                    return Guess(bytes);
                }
                return info.Encoding.GetString(bytes);
            default:
                return Guess(bytes);
        }
    }

    /// <summary>Bytes with no declared charset: us-ascii by RFC 2045, with the usual guess when that is not true.</summary>
    internal static string DecodeUndeclared(ReadOnlySpan<byte> bytes, DefectSink? defects, long offset)
    {
        if (!bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            return Encoding.Latin1.GetString(bytes);
        }
        if (Utf8.IsValid(bytes))
        {
            return Utf8Lossy.GetString(bytes);
        }
        defects?.Add("charset-mismatch", "no charset declared and the 8-bit bytes are not UTF-8; read as windows-1252", offset);
        return Guess(bytes);
    }

    /// <summary>The fallback for an unknown or wrong label: UTF-8 (with a BOM, UTF-16) when the bytes say so, else windows-1252.</summary>
    internal static string Guess(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Utf8Lossy.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return DecodeUtf16(bytes);
        }
        return DecodeInvalidUtf8(bytes);
    }

    // Text that is UTF-8 apart from a few damaged bytes keeps its UTF-8 (with U+FFFD for the damage); text that
    // is mostly invalid as UTF-8 is a legacy charset, and windows-1252 is the one mail uses most.
    private static string DecodeInvalidUtf8(ReadOnlySpan<byte> bytes) =>
        IsMostlyUtf8(bytes) ? Utf8Lossy.GetString(bytes) : Windows1252.GetString(bytes);

    internal static bool IsMostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        while (true)
        {
            var next = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (next < 0)
            {
                break;
            }
            bytes = bytes[next..];
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
            bytes = bytes[Math.Max(consumed, 1)..];
        }
        return valid > 0 && valid >= invalid * 2;
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return DecodeUtf16(bytes, bigEndian: false);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return DecodeUtf16(bytes, bigEndian: true);
        }
        // No BOM: RFC 2781 says big-endian, but Windows writes little-endian. Latin-script text has its zero
        // bytes in the high half of each unit, so count which position holds more zeros.
        int evenZeros = 0, oddZeros = 0;
        var n = Math.Min(bytes.Length & ~1, 4096);
        for (var i = 0; i < n; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        return DecodeUtf16(bytes, bigEndian: evenZeros > oddZeros);
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            bigEndian = bytes[0] == 0xFE;
            bytes = bytes[2..];
        }
        return (bigEndian ? Utf16BE : Utf16LE).GetString(bytes);
    }

    private static string DecodeUtf32(ReadOnlySpan<byte> bytes, CharsetInfo info)
    {
        var bigEndian = info.Kind == CharsetKind.Utf32BE;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
        {
            bigEndian = false;
            bytes = bytes[4..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            bigEndian = true;
            bytes = bytes[4..];
        }
        else if (info.Kind == CharsetKind.Utf32 && bytes.Length >= 4)
        {
            bigEndian = bytes[0] == 0 && bytes[3] != 0;
        }
        return (bigEndian ? Utf32BE : Utf32LE).GetString(bytes);
    }

    private static readonly UnicodeEncoding Utf16LE = new(false, false, false);
    private static readonly UnicodeEncoding Utf16BE = new(true, false, false);
    private static readonly UTF32Encoding Utf32LE = new(false, false, false);
    private static readonly UTF32Encoding Utf32BE = new(true, false, false);

    private static bool IsAsciiCompatible(CharsetInfo info) => info.Encoding is { } e && e.GetString("Az09@="u8) == "Az09@=";

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
