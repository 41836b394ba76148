namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The model's hash: FNV-1a (32-bit) over a token's UTF-16 code units, and a pair hash for word pairs, both
/// finished with MurmurHash3's avalanche step so that the low bits used as bucket numbers are well mixed.
/// Fixed forever: the model file's weights are indexed by it, so it must give the same number in every
/// process on every machine (string.GetHashCode does not).
/// </summary>
internal static class StableHash
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static uint Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h ^= (byte)c;
            h *= FnvPrime;
            h ^= (byte)(c >> 8);
            h *= FnvPrime;
        }

        return h;
    }

    /// <summary>The hash of the ordered pair (first, second); differs from the pair (second, first).</summary>
    public static uint Pair(uint first, uint second) => Mix((first * 0x9E3779B1u) ^ Rotate(second, 15) ^ 0x5bd1e995u);

    /// <summary>MurmurHash3's 32-bit finaliser.</summary>
    public static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    private static uint Rotate(uint x, int r) => (x << r) | (x >> (32 - r));
}
