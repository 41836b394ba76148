using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SolidWall.Core.Detection;

/// <summary>What counts as a word character outside ASCII, for <see cref="WordBits"/>.</summary>
internal interface IWordCharacters
{
    /// <summary>Whether '-', '_' and '@' join a word too.</summary>
    static abstract bool AsciiJoiners { get; }

    /// <summary>Whether a character outside ASCII is a word character.</summary>
    static abstract bool IsWordCharacter(char c);
}

/// <summary>
/// Which characters of a text are word characters, one bit each, read sixteen at a time by vector comparisons: ASCII
/// letters and digits (and '-', '_', '@' where they join words), and each character outside ASCII by its own test. The
/// readers that must find every word of a text but look closely at few of them (the registry's names) step from one
/// word's start to the next by the bits, a count of trailing zeros each, instead of looking at every character: with
/// the district set's registry, the model's name mask took 4.3 µs a message that way, 8.8 by looking at every character
/// and 6.0 by two vectorised searches per word; the registry's names 4.6 against 6.1 (`bench -- classify --parts`).
/// </summary>
internal static class WordBits
{
    /// <summary>A bitmap for a text of <paramref name="length"/> characters, from the shared pool: give it back with <see cref="Return"/>.</summary>
    public static ulong[] Rent(int length) => ArrayPool<ulong>.Shared.Rent((length >> 6) + 1);

    public static void Return(ulong[] bits) => ArrayPool<ulong>.Shared.Return(bits);

    /// <summary>Sets bit i of <paramref name="bits"/> where text[i] is a word character, clears every other bit up to the text's end and the word after it.</summary>
    public static void Mark<TWord>(ReadOnlySpan<char> text, Span<ulong> bits)
        where TWord : IWordCharacters
    {
        var words = (text.Length >> 6) + 1;
        bits[..words].Clear();
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            var a = Vector256.Create((ushort)'a');
            var zero = Vector256.Create((ushort)'0');
            var caseBit = Vector256.Create((ushort)0x20);
            var letters = Vector256.Create((ushort)25);
            var digits = Vector256.Create((ushort)9);
            var ascii = Vector256.Create((ushort)0x7F);
            for (; i + 16 <= text.Length; i += 16)
            {
                var v = Vector256.Create(chars.Slice(i, 16));
                var word = Vector256.LessThanOrEqual((v | caseBit) - a, letters) | Vector256.LessThanOrEqual(v - zero, digits);
                if (TWord.AsciiJoiners)
                {
                    word |= Vector256.Equals(v, Vector256.Create((ushort)'-')) | Vector256.Equals(v, Vector256.Create((ushort)'_'))
                        | Vector256.Equals(v, Vector256.Create((ushort)'@'));
                }

                var found = word.ExtractMostSignificantBits();
                var other = Vector256.GreaterThan(v, ascii).ExtractMostSignificantBits();
                while (other != 0)
                {
                    var j = BitOperations.TrailingZeroCount(other);
                    if (TWord.IsWordCharacter(text[i + j]))
                    {
                        found |= 1u << j;
                    }

                    other &= other - 1;
                }

                bits[i >> 6] |= (ulong)found << (i & 63);
            }
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 ? char.IsAsciiLetterOrDigit(c) || (TWord.AsciiJoiners && c is '-' or '_' or '@') : TWord.IsWordCharacter(c))
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>The first place at or after <paramref name="from"/> where a word starts (a word character after none), or -1.</summary>
    public static int NextStart(ReadOnlySpan<ulong> bits, int from, int length)
    {
        if (from >= length)
        {
            return -1;
        }

        var w = from >> 6;
        var carry = w > 0 ? bits[w - 1] >> 63 : 0;
        var starts = bits[w] & ~((bits[w] << 1) | carry) & (ulong.MaxValue << (from & 63));
        var last = length >> 6;
        while (starts == 0)
        {
            if (++w > last)
            {
                return -1;
            }

            starts = bits[w] & ~((bits[w] << 1) | (bits[w - 1] >> 63));
        }

        return (w << 6) + BitOperations.TrailingZeroCount(starts);
    }

    /// <summary>The place after the word that holds <paramref name="at"/>: the first place after it that holds no word character, or the text's end.</summary>
    public static int RunEnd(ReadOnlySpan<ulong> bits, int at, int length)
    {
        var w = at >> 6;
        var gaps = ~bits[w] & (ulong.MaxValue << (at & 63));
        var last = length >> 6;
        while (gaps == 0)
        {
            if (++w > last)
            {
                return length;
            }

            gaps = ~bits[w];
        }

        return Math.Min(length, (w << 6) + BitOperations.TrailingZeroCount(gaps));
    }
}
