using System.Runtime.CompilerServices;

namespace SolidWall.Core.Analysis;

/// <summary>
/// The 64-bit hashing the fingerprints are built on: FNV-1a over UTF-16 chars with a SplitMix64 finaliser, so that
/// similar words still land far apart. Written here because fingerprints are stored in a case and must not change
/// with a library version; the values are part of the on-disk format.
/// </summary>
internal static class Hash64
{
    private const ulong FnvOffset = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    public static ulong Chars(ReadOnlySpan<char> text)
    {
        var h = FnvOffset ^ ((ulong)text.Length * 0x9e3779b97f4a7c15UL);
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>The i-th value of the SplitMix64 sequence from <paramref name="seed"/>: the MinHash coefficients.</summary>
    public static ulong SplitMix(ulong seed, int i) => Mix(seed + ((ulong)(i + 1) * 0x9e3779b97f4a7c15UL));
}
