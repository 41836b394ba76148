using System.Text;

namespace SolidWall.Mime.Decoding;

/// <summary>How a resolved charset label is decoded; the kinds with special rules (BOMs, validation, fallback) are named.</summary>
internal enum CharsetKind
{
    /// <summary>The label means nothing we can decode with (DEFAULT, unknown-8bit, a typo): guess.</summary>
    Unknown,
    Ascii,
    Utf8,
    Utf7,

    /// <summary>UTF-16 with byte order from the BOM, else guessed from where the zero bytes fall.</summary>
    Utf16,
    Utf16LE,
    Utf16BE,
    Utf32,
    Utf32LE,
    Utf32BE,
    SingleByte,
    MultiByte,
}

/// <summary>A charset label resolved once and cached: what kind it is and the decoder to use.</summary>
internal sealed class CharsetInfo
{
    public CharsetInfo(CharsetKind kind, Encoding? encoding, string name)
    {
        Kind = kind;
        Encoding = encoding;
        Name = name;
    }

    public CharsetKind Kind { get; }

    /// <summary>The decoder; null only for <see cref="CharsetKind.Unknown"/> and <see cref="CharsetKind.Utf7"/>.</summary>
    public Encoding? Encoding { get; }

    /// <summary>The canonical name, for defects and for <see cref="Charsets.GetEncoding"/> callers.</summary>
    public string Name { get; }

    public bool IsUtf8 => Kind == CharsetKind.Utf8;
}
