using System.Security.Cryptography;

namespace SolidWall.Mime.Sources;

/// <summary>
/// One message's bytes as a source produced them, with where they came from and the evidence to find it again.
/// The bytes are the message alone (for mbox: without the "From " separator line, with mboxrd/mboxo quoting undone);
/// <see cref="Sha256"/>, <see cref="StoredOffset"/> and <see cref="StoredLength"/> describe the bytes as stored in the file.
/// </summary>
public sealed class RawMessage
{
    private string? _sha256;

    /// <param name="sha256">Hash of the stored bytes when they differ from <paramref name="bytes"/> (quoting undone, truncated); null to hash <paramref name="bytes"/>.</param>
    /// <param name="originalLength">Length of the whole message when <paramref name="bytes"/> is truncated; -1 for bytes.Length.</param>
    /// <param name="storedOffset">Where the stored bytes start in <paramref name="source"/>; -1 for <paramref name="offset"/>.</param>
    /// <param name="storedLength">How many bytes the message takes in <paramref name="source"/>; -1 for the original length.</param>
    public RawMessage(string source, long offset, ReadOnlyMemory<byte> bytes, IReadOnlyList<string>? labels = null, string? sha256 = null,
        long originalLength = -1, long storedOffset = -1, long storedLength = -1)
    {
        Source = source;
        Offset = offset;
        Bytes = bytes;
        Labels = labels ?? Array.Empty<string>();
        _sha256 = sha256;
        OriginalLength = originalLength < 0 ? bytes.Length : originalLength;
        StoredOffset = storedOffset < 0 ? offset : storedOffset;
        StoredLength = storedLength < 0 ? OriginalLength : storedLength;
    }

    /// <summary>The file the message came from (for PST, the .pst file).</summary>
    public string Source { get; }

    /// <summary>
    /// Byte offset of the message in <see cref="Source"/> (for mbox, of its "From " line); 0 for a file holding one
    /// message; for PST, the message's 1-based ordinal in its folder.
    /// </summary>
    public long Offset { get; }

    /// <summary>Byte offset of the stored message bytes in <see cref="Source"/> (for mbox, the byte after the From_ line).</summary>
    public long StoredOffset { get; }

    /// <summary>
    /// Number of bytes the message occupies in <see cref="Source"/> from <see cref="StoredOffset"/>, before any quoting
    /// was undone: <c>dd bs=1 skip=StoredOffset count=StoredLength | sha256sum</c> gives <see cref="Sha256"/>.
    /// </summary>
    public long StoredLength { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gmail labels from a Google Vault export (X-Gmail-Labels), or the Maildir/PST folder, when known.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Length of the whole message; larger than <see cref="Bytes"/> when the message exceeded <see cref="MimeLimits.MaxMessageBytes"/>.</summary>
    public long OriginalLength { get; }

    public bool Truncated => OriginalLength > Bytes.Length;

    /// <summary>Lower-case hex SHA-256 of the message's bytes as stored (the whole message, even when truncated for parsing).</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Bytes.Span));

    /// <summary>The same message under another name (a PST and its folder instead of readpst's temporary mbox), keeping a computed or pending hash.</summary>
    internal RawMessage Relocate(string source, long offset, IReadOnlyList<string> labels, bool keepStored = false) =>
        new(source, offset, Bytes, labels, _sha256, OriginalLength, keepStored ? StoredOffset : -1, StoredLength);
}
