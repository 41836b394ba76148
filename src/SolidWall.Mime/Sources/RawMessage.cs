using System.Security.Cryptography;

namespace SolidWall.Mime.Sources;

/// <summary>
/// One message's bytes as a source produced them, with where they came from. The bytes are the message alone
/// (for mbox: without the "From " separator line, with mboxrd/mboxo quoting undone).
/// </summary>
public sealed class RawMessage
{
    private string? _sha256;

    public RawMessage(string source, long offset, ReadOnlyMemory<byte> bytes, IReadOnlyList<string>? labels = null, string? sha256 = null, long originalLength = -1)
    {
        Source = source;
        Offset = offset;
        Bytes = bytes;
        Labels = labels ?? Array.Empty<string>();
        _sha256 = sha256;
        OriginalLength = originalLength < 0 ? bytes.Length : originalLength;
    }

    /// <summary>The file the message came from (for PST, the .pst file).</summary>
    public string Source { get; }

    /// <summary>Byte offset of the message in <see cref="Source"/> (for mbox, of its "From " line); 0 for a file holding one message.</summary>
    public long Offset { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gmail labels from a Google Vault export (X-Gmail-Labels), or the Maildir/PST folder, when known.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Length of the whole message; larger than <see cref="Bytes"/> when the message exceeded <see cref="MimeLimits.MaxMessageBytes"/>.</summary>
    public long OriginalLength { get; }

    public bool Truncated => OriginalLength > Bytes.Length;

    /// <summary>Lower-case hex SHA-256 of the message's bytes as stored (the whole message, even when truncated for parsing).</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Bytes.Span));
}
