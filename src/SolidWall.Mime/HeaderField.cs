namespace SolidWall.Mime;

/// <summary>
/// One header field as it stands in the message: its name, its raw (still folded, still encoded) value bytes,
/// and where it starts. The decoded value is produced on first use, so headers nobody reads cost nothing.
/// </summary>
public sealed class HeaderField
{
    private string? _value;

    public HeaderField(string name, ReadOnlyMemory<byte> rawValue, long offset)
    {
        Name = name;
        RawValue = rawValue;
        Offset = offset;
    }

    /// <summary>The field name as written (compare with <see cref="StringComparison.OrdinalIgnoreCase"/>).</summary>
    public string Name { get; }

    /// <summary>The bytes after the colon up to the end of the field, folding line breaks included, final line break excluded.</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>Byte offset of the field's first byte from the start of the message.</summary>
    public long Offset { get; }

    /// <summary>The value unfolded, trimmed, with RFC 2047 encoded words and raw 8-bit text decoded.</summary>
    public string Value => _value ??= HeaderText.Decode(RawValue.Span);

    public override string ToString() => $"{Name}: {Value}";
}
