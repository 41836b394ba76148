using System.Security.Cryptography;
using System.Text;

namespace SolidWall.Core.Report;

/// <summary>
/// The one rule that lets a file carry a SHA-256 that its own hash depends on: the file's hash is the SHA-256 of its
/// bytes with the 64 hex digits that follow a marker removed. manifest.json carries its own SHA-256 after
/// <see cref="ManifestMarker"/>; index.html carries the manifest's after <see cref="PageMarker"/>. Neither marker can
/// come from case data: JSON strings escape the quote and the page encodes &lt; and ".
/// </summary>
internal static class ManifestRules
{
    public const string ManifestFileName = "manifest.json";

    public const string ManifestMarker = "\"manifestSha256\": \"";

    public const string PageMarker = "<code id=\"manifest-sha256\">";

    public const int HexLength = 64;

    /// <summary>Where the 64 hex digits after the only occurrence of <paramref name="marker"/> begin; -1 when the marker is absent or appears more than once.</summary>
    public static int HashPosition(ReadOnlySpan<byte> bytes, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var first = bytes.IndexOf(needle);
        if (first < 0 || bytes[(first + 1)..].IndexOf(needle) >= 0)
        {
            return -1;
        }

        return first + needle.Length;
    }

    /// <summary>SHA-256 of <paramref name="bytes"/> without the <see cref="HexLength"/> bytes at <paramref name="position"/>.</summary>
    public static string HashWithout(ReadOnlySpan<byte> bytes, int position, int length = HexLength)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes[..position]);
        hash.AppendData(bytes[(position + length)..]);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    public static bool IsLowerHex(ReadOnlySpan<byte> bytes) =>
        bytes.Length == HexLength && !bytes.ContainsAnyExcept("0123456789abcdef"u8);
}
