using System.Buffers.Binary;
using System.Runtime.InteropServices;
using SolidWall.Core;
using SolidWall.Core.Case;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// A message's segment fingerprints as one BLOB: a version byte, then per fingerprint its kind (1 byte), its shingle
/// count (uint32) and MinHash length (uint16), then the MinHash values (uint32 each), all little-endian. MinHash
/// values look random, so nothing smaller than 4 bytes a value is worth the CPU.
/// </summary>
internal static class FingerprintCodec
{
    private const byte Version = 1;
    private const int HeaderSize = 1 + 4 + 2;

    public static byte[] Encode(IReadOnlyList<SegmentFingerprint> fingerprints)
    {
        var size = 1;
        foreach (var f in fingerprints)
        {
            if (f.MinHash.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"a MinHash of {f.MinHash.Length} values is longer than the store keeps ({ushort.MaxValue})", nameof(fingerprints));
            }

            size += HeaderSize + (f.MinHash.Length * 4);
        }

        var bytes = new byte[size];
        bytes[0] = Version;
        var at = 1;
        foreach (var f in fingerprints)
        {
            bytes[at] = (byte)f.Kind;
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 1), f.Shingles);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 5), (ushort)f.MinHash.Length);
            at += HeaderSize;
            foreach (var value in f.MinHash)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), value);
                at += 4;
            }
        }

        return bytes;
    }

    public static SegmentFingerprint[] Decode(ReadOnlySpan<byte> bytes, string sha256)
    {
        if (bytes.Length <= 1)
        {
            return [];
        }

        if (bytes[0] != Version)
        {
            throw new CaseStoreException($"message {sha256}: fingerprints are in format {bytes[0]}, which this SolidWall does not read (it reads {Version})");
        }

        var list = new List<SegmentFingerprint>(2);
        var at = 1;
        while (at < bytes.Length)
        {
            if (at + HeaderSize > bytes.Length)
            {
                throw Truncated(sha256, at);
            }

            var kind = (SegmentKind)bytes[at];
            var shingles = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 1)..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 5)..]);
            at += HeaderSize;
            if (at + (length * 4) > bytes.Length)
            {
                throw Truncated(sha256, at);
            }

            var minHash = new uint[length];
            var values = bytes.Slice(at, length * 4);
            if (BitConverter.IsLittleEndian)
            {
                // The stored order is the machine's: one copy, no per-value decoding (a report decodes a million of these).
                values.CopyTo(MemoryMarshal.AsBytes(minHash.AsSpan()));
            }
            else
            {
                for (var i = 0; i < length; i++)
                {
                    minHash[i] = BinaryPrimitives.ReadUInt32LittleEndian(values[(i * 4)..]);
                }
            }

            at += length * 4;

            list.Add(new SegmentFingerprint(kind, minHash, shingles));
        }

        return [.. list];
    }

    private static CaseStoreException Truncated(string sha256, int at) =>
        new($"message {sha256}: the fingerprints BLOB ends inside a fingerprint at byte {at}; the database is damaged");
}
