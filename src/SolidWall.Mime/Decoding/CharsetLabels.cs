using System.Text;

namespace SolidWall.Mime.Decoding;

/// <summary>
/// Resolves a charset label as mail writes it (quoted, with trailing junk, with made-up aliases) to a decoder.
/// Labels are compared on their letters and digits only, so "UTF_8", "utf8" and "utf-8" are one label. Where a
/// superset is what the sending software really produced, the superset decodes: GB2312 and GBK as GB18030,
/// Shift_JIS as cp932, EUC-KR as cp949, and (as browsers do, per the WHATWG Encoding Standard) ISO-8859-1 as
/// windows-1252 and ISO-8859-9 as windows-1254.
/// </summary>
internal static class CharsetLabels
{
    private const int Utf8 = -1;
    private const int Ascii = -2;
    private const int Utf7 = -3;
    private const int Utf16 = -10;
    private const int Utf16LE = -11;
    private const int Utf16BE = -12;
    private const int Utf32 = -20;
    private const int Utf32LE = -21;
    private const int Utf32BE = -22;

    private static readonly DecoderReplacementFallback Replacement = new("\uFFFD");

    // Keys are labels with everything but ASCII letters and digits removed, lower-cased.
    private static readonly Dictionary<string, int> Aliases = BuildAliases();

    private static Dictionary<string, int> BuildAliases()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int cp, params string[] keys)
        {
            foreach (var k in keys)
            {
                d[k] = cp;
            }
        }

        Add(Utf8, "utf8", "unicode11utf8", "unicode20utf8", "unicode40utf8", "utf8mb4", "cp65001", "windows65001");
        Add(Utf7, "utf7", "unicode11utf7", "csunicode11utf7", "unicode20utf7");
        Add(Utf16, "utf16", "unicode", "ucs2", "iso10646ucs2", "csunicode", "ucs2le");
        Add(Utf16LE, "utf16le", "unicodele", "unicodelittleunmarked");
        Add(Utf16BE, "utf16be", "unicodefffe", "unicodebigunmarked", "ucs2be");
        Add(Utf32, "utf32", "ucs4", "iso10646ucs4");
        Add(Utf32LE, "utf32le", "ucs4le");
        Add(Utf32BE, "utf32be", "ucs4be");
        Add(Ascii, "usascii", "ascii", "ansix341968", "ansix341986", "iso646us", "iso646irv1991", "us", "ibm367", "cp367",
            "csascii", "isoir6", "7bit", "usascii7bit");

        // ISO-8859-1 and -9 decode as their windows supersets: the 0x80-0x9F C1 controls are never meant in mail.
        Add(1252, "iso88591", "latin1", "l1", "cp819", "ibm819", "isoir100", "csisolatin1", "iso8859", "88591", "ansi", "cp1252", "windows1252", "8859", "westerneuropean");
        Add(28592, "iso88592", "latin2", "l2", "isoir101", "csisolatin2");
        Add(28593, "iso88593", "latin3", "l3", "isoir109", "csisolatin3");
        Add(28594, "iso88594", "latin4", "l4", "isoir110", "csisolatin4");
        Add(28595, "iso88595", "cyrillic", "isoir144", "csisolatincyrillic");
        Add(28596, "iso88596", "arabic", "asmo708", "ecma114", "isoir127", "csisolatinarabic", "iso88596i", "iso88596e");
        Add(28597, "iso88597", "greek", "greek8", "elot928", "ecma118", "isoir126", "csisolatingreek");
        Add(28598, "iso88598", "hebrew", "isoir138", "csisolatinhebrew", "iso88598e", "visual");
        Add(38598, "iso88598i", "logical", "csiso88598i");
        Add(1254, "iso88599", "latin5", "l5", "isoir148", "csisolatin5");
        Add(28600, "iso885910", "latin6", "l6", "isoir157", "csisolatin6");
        Add(874, "iso885911", "tis620", "dos874", "thai", "windows874");
        Add(28603, "iso885913", "latin7", "l7", "baltic");
        Add(28604, "iso885914", "latin8", "l8", "isoceltic", "isoir199");
        Add(28605, "iso885915", "latin9", "l9", "csisolatin9", "latin0");
        Add(28606, "iso885916", "latin10", "l10", "isoir226");

        Add(20866, "koi8r", "koi8", "cskoi8r", "koi");
        Add(21866, "koi8u", "koi8ru");

        // GB2312 and GBK mail is routinely written by GBK or GB18030 encoders; the superset decodes all three.
        Add(54936, "gb2312", "gbk", "gb18030", "cp936", "ms936", "windows936", "euccn", "csgb2312", "chinese", "gb231280",
            "isoir58", "csiso58gb231280", "cngb", "gb", "gb2312chinese");
        Add(52936, "hzgb2312", "hz");
        Add(950, "big5", "big5hkscs", "cnbig5", "xxbig5", "csbig5", "cp950", "ms950", "windows950", "big5et", "big5tw", "twbig5");
        Add(932, "shiftjis", "sjis", "mskanji", "csshiftjis", "windows31j", "cp932", "ms932", "windows932", "shiftjis2004", "sjisopen", "cswindows31j");
        Add(51932, "eucjp", "cseucpkdfmtjapanese", "ujis", "eucjpms", "cp51932");
        Add(50221, "iso2022jp", "csiso2022jp", "iso2022jp1", "iso2022jp2", "iso2022jp3", "jis", "csiso2022jp2", "cp50220", "cp50221", "cp50222");
        Add(949, "euckr", "ksc56011987", "ksc5601", "ksc56011989", "cp949", "uhc", "windows949", "ms949", "korean",
            "csksc56011987", "cseuckr", "isoir149", "ks56011987");
        Add(50225, "iso2022kr", "csiso2022kr");
        Add(10000, "macintosh", "mac", "macroman", "csmacintosh");
        return d;
    }

    /// <summary>Resolves a label; null when nothing we know matches.</summary>
    public static CharsetInfo? Resolve(ReadOnlySpan<char> label)
    {
        var cleaned = Clean(label);
        if (cleaned.IsEmpty)
        {
            return null;
        }
        Span<char> keyBuf = stackalloc char[48];
        var n = 0;
        foreach (var c in cleaned)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (n == keyBuf.Length)
                {
                    return null;
                }
                keyBuf[n++] = char.ToLowerInvariant(c);
            }
        }
        if (n == 0)
        {
            return null;
        }
        var key = new string(keyBuf[..n]);
        if (Aliases.TryGetValue(key, out var code)
            || (key.StartsWith('x') && Aliases.TryGetValue(key[1..], out code))
            || TryNumbered(key, out code))
        {
            return Create(code, key);
        }
        // Whatever else the code-page provider knows by name (ibm850, x-mac-cyrillic, ...). It returns null, not throws.
        var byName = CodePagesEncodingProvider.Instance.GetEncoding(cleaned.ToString().ToLowerInvariant());
        return byName is null ? null : Create(byName.CodePage, key);
    }

    // "windows-1251", "cp866", "ibm437", "win-1250", "ms-949": a prefix and a code page number.
    private static bool TryNumbered(string key, out int code)
    {
        code = 0;
        ReadOnlySpan<string> prefixes = ["windows", "xcp", "cp", "win", "ms", "ibm", "ansi", "dos", "codepage"];
        foreach (var p in prefixes)
        {
            if (key.Length > p.Length && key.StartsWith(p, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(p.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cp)
                && cp is > 0 and < 70000)
            {
                code = cp;
                return true;
            }
        }
        return false;
    }

    // One decoder per code page however it was named, so the label cache stays small and lookups agree.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, CharsetInfo> ByCode = new();

    private static CharsetInfo? Create(int code, string key)
    {
        if (ByCode.TryGetValue(code, out var known))
        {
            return known;
        }
        var created = CreateUncached(code, key);
        return created is null ? null : ByCode.GetOrAdd(code, created);
    }

    private static CharsetInfo? CreateUncached(int code, string key)
    {
        switch (code)
        {
            case Utf8: return new CharsetInfo(CharsetKind.Utf8, new UTF8Encoding(false, false), "utf-8");
            case Ascii: return new CharsetInfo(CharsetKind.Ascii, Encoding.GetEncoding(20127, EncoderFallback.ReplacementFallback, Replacement), "us-ascii");
            case Utf7: return new CharsetInfo(CharsetKind.Utf7, null, "utf-7");
            case Utf16: return new CharsetInfo(CharsetKind.Utf16, new UnicodeEncoding(true, false, false), "utf-16");
            case Utf16LE: return new CharsetInfo(CharsetKind.Utf16LE, new UnicodeEncoding(false, false, false), "utf-16le");
            case Utf16BE: return new CharsetInfo(CharsetKind.Utf16BE, new UnicodeEncoding(true, false, false), "utf-16be");
            case Utf32: return new CharsetInfo(CharsetKind.Utf32, new UTF32Encoding(true, false, false), "utf-32");
            case Utf32LE: return new CharsetInfo(CharsetKind.Utf32LE, new UTF32Encoding(false, false, false), "utf-32le");
            case Utf32BE: return new CharsetInfo(CharsetKind.Utf32BE, new UTF32Encoding(true, false, false), "utf-32be");
            case 28600: return new CharsetInfo(CharsetKind.SingleByte, UpperHalfEncoding.Iso8859_10, "iso-8859-10");
            case 28604: return new CharsetInfo(CharsetKind.SingleByte, UpperHalfEncoding.Iso8859_14, "iso-8859-14");
            case 28606: return new CharsetInfo(CharsetKind.SingleByte, UpperHalfEncoding.Iso8859_16, "iso-8859-16");
            case 65001: return Create(Utf8, key);
            case 1200: return Create(Utf16LE, key);
            case 1201: return Create(Utf16BE, key);
            case 20127: return Create(Ascii, key);
            case 28591: return Create(1252, key);
            case 28599: return Create(1254, key);
            case 936 or 20936: return Create(54936, key);
            case 51949: return Create(949, key);
            default:
                if (CodePagesEncodingProvider.Instance.GetEncoding(code) is null)
                {
                    return null;
                }
                var enc = Encoding.GetEncoding(code, EncoderFallback.ReplacementFallback, Replacement);
                return new CharsetInfo(enc.IsSingleByte ? CharsetKind.SingleByte : CharsetKind.MultiByte, enc, enc.WebName);
        }
    }

    /// <summary>Strips quotes and whitespace and cuts at the junk mail appends: <c>"iso-8859-1"</c>, <c>utf-8;format=flowed</c>.</summary>
    internal static ReadOnlySpan<char> Clean(ReadOnlySpan<char> label)
    {
        label = label.Trim().Trim("\"'<>[]()\\ \t\r\n");
        var cut = label.IndexOfAny(";, \t\r\n\"'()/:?");
        if (cut >= 0)
        {
            label = label[..cut];
        }
        return label;
    }
}
