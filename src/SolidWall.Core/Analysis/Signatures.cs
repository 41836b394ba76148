using System.Numerics;
using System.Runtime.Intrinsics;

namespace SolidWall.Core.Analysis;

/// <summary>Comparisons of MinHash signatures shared by the fingerprinter, the LSH index and the grouping.</summary>
internal static class Signatures
{
    /// <summary>How many slots of two signatures of equal length hold the same value.</summary>
    public static int EqualSlots(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<uint>.Count <= a.Length; i += Vector256<uint>.Count)
            {
                var mask = Vector256.Equals(Vector256.Create(a[i..]), Vector256.Create(b[i..])).ExtractMostSignificantBits();
                equal += BitOperations.PopCount(mask);
            }
        }

        for (; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return equal;
    }

    /// <summary>The number of equal slots that reaches <paramref name="threshold"/> for signatures of <paramref name="length"/> slots.</summary>
    public static int SlotsFor(double threshold, int length) => Math.Max(1, (int)Math.Ceiling((threshold * length) - 1e-9));

    /// <summary>True when a signature is that of an empty text (no shingles: every slot at its maximum).</summary>
    public static bool IsEmpty(ReadOnlySpan<uint> signature) => signature.IndexOfAnyExcept(uint.MaxValue) < 0;

    /// <summary>A 64-bit hash of a run of slots, salted with which run it is.</summary>
    public static ulong Key(ReadOnlySpan<uint> slots, int salt)
    {
        var h = Hash64.Mix((ulong)salt + 0x9e3779b97f4a7c15UL);
        foreach (var v in slots)
        {
            h = Hash64.Mix(h ^ v);
        }

        return h;
    }
}
