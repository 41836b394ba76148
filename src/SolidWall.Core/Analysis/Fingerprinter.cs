using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using SolidWall.Core.Case;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Computes the near-duplicate fingerprint of message segments: the text is normalised (<see cref="NormaliseForShingles"/>),
/// cut into overlapping k-word shingles, and each shingle's 64-bit hash is fed to <see cref="Hashes"/> MinHash
/// functions. Two fingerprints agree in a slot with probability equal to the Jaccard similarity of their shingle sets.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// MinHash family: slot i keeps <c>min over shingles h of (a_i·h + b_i) mod 2^64 &gt;&gt; 32</c>, with odd
/// a_i and b_i drawn from SplitMix64 of the seed: the multiply-add-shift scheme (Dietzfelbinger), 2-universal from
/// 64-bit hashes to 32 bits. It costs one multiply per shingle and slot, done 8 slots at a time with AVX-512 (4
/// with AVX2); unlike one-permutation hashing it needs no densification for short texts, which are the common case
/// in mail. The seed, the word hash and the normalisation are part of the case format: fingerprints from different
/// seeds or versions cannot be compared.
/// </remarks>
public sealed class Fingerprinter
{
    /// <summary>The seed of the shipped fingerprints; every stored case uses it.</summary>
    public const ulong DefaultSeed = 0x5011_D3A1_1B1A_57EDUL;

    /// <summary>
    /// Which normalisation the fingerprints were computed with, kept with a case (<c>case.fingerprints</c>): 1 read
    /// what an institution's mail system writes into mail (a gateway's warning, a confidentiality notice, a group's
    /// footer) as text, 2 leaves it out, 3 leaves out a mailing list's footer too (Mailman's, Yahoo! Groups', LISTSERV's;
    /// 30 November 2026). Fingerprints of different versions are not comparable, so a case is scanned with one.
    /// </summary>
    public const int NormalisationVersion = 3;

    private const ulong EmptyStandIn = 0x9e3779b97f4a7c15UL;

    private readonly ulong[] multipliers;
    private readonly ulong[] offsets;
    private readonly int shingleWords;

    public Fingerprinter(int hashes = 64, int shingleWords = 3, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleWords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shingleWords, 32);
        Hashes = hashes;
        this.shingleWords = shingleWords;
        multipliers = new ulong[hashes];
        offsets = new ulong[hashes];
        for (var i = 0; i < hashes; i++)
        {
            multipliers[i] = Hash64.SplitMix(seed, 2 * i) | 1;
            offsets[i] = Hash64.SplitMix(seed, (2 * i) + 1);
        }
    }

    /// <summary>The number of MinHash slots in every fingerprint.</summary>
    public int Hashes { get; }

    /// <summary>The number of words in a shingle.</summary>
    public int ShingleWords => shingleWords;

    /// <summary>
    /// The estimated Jaccard similarity of two signatures: the fraction of slots in which they agree. Two empty
    /// texts' signatures agree everywhere; callers that must not group empty texts check <see cref="SegmentFingerprint.Shingles"/>.
    /// </summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"signatures of different lengths ({a.Length} and {b.Length}) cannot be compared", nameof(b));
        }

        return a.Length == 0 ? 0 : (double)Signatures.EqualSlots(a, b) / a.Length;
    }

    /// <summary>
    /// The text as its shingles see it: greeting dropped, lower-cased, Unicode KD with Latin accents removed, links
    /// reduced to scheme://host/path (ids in the path as &lt;id&gt;), addresses as &lt;email&gt;, numbers as
    /// &lt;num&gt;, letter-and-digit codes of six or more characters as &lt;id&gt;, words separated by one space.
    /// </summary>
    public static string NormaliseForShingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new JoinSink(new StringBuilder(text.Length));
        ShingleText.Words(text, ref sink);
        return sink.Builder.ToString();
    }

    /// <summary>Normalises, shingles and MinHashes one text.</summary>
    public SegmentFingerprint Fingerprint(SegmentKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new HashSink(ArrayPool<ulong>.Shared.Rent(Math.Max(16, text.Length / 4)));
        try
        {
            ShingleText.Words(text, ref sink);
            var shingles = Shingle(sink.Hashes.AsSpan(0, sink.Count));
            var distinct = Deduplicate(shingles);
            var signature = new uint[Hashes];
            MinHash(shingles[..distinct], signature);
            return new SegmentFingerprint(kind, signature, distinct);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sink.Hashes);
        }
    }

    /// <summary>
    /// One fingerprint per segment of the message that has words, in the order of <see cref="Message.Segments"/>, so
    /// that a forward is fingerprinted apart from the note above it. A message without segments is fingerprinted
    /// as one body.
    /// </summary>
    public IReadOnlyList<SegmentFingerprint> Fingerprints(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Segments.Count == 0)
        {
            var whole = Fingerprint(SegmentKind.Body, message.Text);
            return whole.Shingles == 0 ? [] : [whole];
        }

        var result = new List<SegmentFingerprint>(message.Segments.Count);
        foreach (var segment in message.Segments)
        {
            var fingerprint = Fingerprint(segment.Kind, segment.Text);
            if (fingerprint.Shingles > 0)
            {
                result.Add(fingerprint);
            }
        }

        return result;
    }

    // Replaces the word hashes in place by the hashes of k-word windows; a text shorter than k words is one shingle.
    private Span<ulong> Shingle(Span<ulong> words)
    {
        if (words.IsEmpty)
        {
            return words;
        }

        var k = Math.Min(shingleWords, words.Length);
        var count = words.Length - k + 1;
        for (var i = 0; i < count; i++)
        {
            var h = (ulong)k;
            for (var j = 0; j < k; j++)
            {
                h = Hash64.Mix(h ^ words[i + j]) + (ulong)j;
            }

            words[i] = h;
        }

        return words[..count];
    }

    // Moves the distinct values to the front, in order of first appearance, with an open-addressing table (cheaper
    // than sorting a few hundred values); returns how many there are.
    private static int Deduplicate(Span<ulong> values)
    {
        if (values.Length < 2)
        {
            return values.Length;
        }

        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)values.Length * 2);
        var table = ArrayPool<ulong>.Shared.Rent(capacity);
        try
        {
            var slots = table.AsSpan(0, capacity);
            slots.Clear();
            var mask = capacity - 1;
            var n = 0;
            foreach (var value in values)
            {
                var key = value == 0 ? EmptyStandIn : value; // 0 marks a free slot
                var at = (int)(key >> 40) & mask;
                while (slots[at] != 0 && slots[at] != key)
                {
                    at = (at + 1) & mask;
                }

                if (slots[at] == 0)
                {
                    slots[at] = key;
                    values[n++] = value;
                }
            }

            return n;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(table);
        }
    }

    private void MinHash(ReadOnlySpan<ulong> shingles, uint[] signature)
    {
        var slots = Hashes;
        Span<ulong> minimum = slots <= 512 ? stackalloc ulong[slots] : new ulong[slots];
        minimum.Fill(ulong.MaxValue);
        var vectorised = 0;
        if (Vector512.IsHardwareAccelerated && slots >= Vector512<ulong>.Count)
        {
            vectorised = slots - (slots % Vector512<ulong>.Count);
            for (var i = 0; i < vectorised; i += Vector512<ulong>.Count)
            {
                var a = Vector512.Create<ulong>(multipliers.AsSpan(i));
                var b = Vector512.Create<ulong>(offsets.AsSpan(i));
                var min = Vector512<ulong>.AllBitsSet;
                foreach (var h in shingles)
                {
                    min = Vector512.Min(min, Vector512.ShiftRightLogical((Vector512.Create(h) * a) + b, 32));
                }

                min.CopyTo(minimum[i..]);
            }
        }
        else if (Vector256.IsHardwareAccelerated && slots >= Vector256<ulong>.Count)
        {
            vectorised = slots - (slots % Vector256<ulong>.Count);
            for (var i = 0; i < vectorised; i += Vector256<ulong>.Count)
            {
                var a = Vector256.Create<ulong>(multipliers.AsSpan(i));
                var b = Vector256.Create<ulong>(offsets.AsSpan(i));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var h in shingles)
                {
                    min = Vector256.Min(min, Vector256.ShiftRightLogical((Vector256.Create(h) * a) + b, 32));
                }

                min.CopyTo(minimum[i..]);
            }
        }

        for (var i = vectorised; i < slots; i++)
        {
            var a = multipliers[i];
            var b = offsets[i];
            var min = ulong.MaxValue;
            foreach (var h in shingles)
            {
                min = Math.Min(min, ((h * a) + b) >> 32);
            }

            minimum[i] = min;
        }

        for (var i = 0; i < slots; i++)
        {
            signature[i] = shingles.IsEmpty ? uint.MaxValue : (uint)minimum[i];
        }
    }

    private struct HashSink(ulong[] hashes) : IWordSink
    {
        public ulong[] Hashes = hashes;
        public int Count;

        public void Word(ReadOnlySpan<char> word)
        {
            if (Count == Hashes.Length)
            {
                var larger = ArrayPool<ulong>.Shared.Rent(Hashes.Length * 2);
                Hashes.AsSpan().CopyTo(larger);
                ArrayPool<ulong>.Shared.Return(Hashes);
                Hashes = larger;
            }

            Hashes[Count++] = Hash64.Chars(word);
        }
    }

    private readonly struct JoinSink(StringBuilder builder) : IWordSink
    {
        public StringBuilder Builder { get; } = builder;

        public void Word(ReadOnlySpan<char> word)
        {
            if (Builder.Length > 0)
            {
                Builder.Append(' ');
            }

            Builder.Append(word);
        }
    }
}
