using System.Runtime.CompilerServices;

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

    /// <summary>FnvPrime², for a char below 256: its high byte is 0, and xoring 0 changes nothing, so its two steps are one multiply.</summary>
    private const uint FnvPrimeSquared = unchecked(FnvPrime * FnvPrime);

    /// <summary>The hash of the empty text, where <see cref="Step"/> starts.</summary>
    public const uint Start = FnvOffset;

    public static uint Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = Step(h, c);
        }

        return h;
    }

    /// <summary>The hash of a text whose hash without its last char <paramref name="c"/> is <paramref name="h"/> (for hashing while tokenizing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint h, char c)
    {
        if (c < 0x100)
        {
            return (h ^ c) * FnvPrimeSquared;
        }

        h ^= (byte)c;
        h *= FnvPrime;
        h ^= (byte)(c >> 8);
        return h * FnvPrime;
    }

    /// <summary>The hash of the ordered pair (first, second); differs from the pair (second, first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Pair(uint first, uint second) => Mix((first * 0x9E3779B1u) ^ Rotate(second, 15) ^ 0x5bd1e995u);

    /// <summary>MurmurHash3's 32-bit finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
