using System.Runtime.InteropServices;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Groups MinHash signatures into near-duplicate groups (blasts): two signatures are joined when their estimated
/// Jaccard similarity reaches the threshold, and groups are the connected components of those pairs (union-find).
/// Candidate pairs come from LSH banding (<see cref="LshIndex"/>'s choice of bands) and are verified on the
/// signatures. Deterministic: the same input in the same order gives the same groups.
/// </summary>
/// <remarks>
/// Made for a million signatures in seconds and little memory. Identical signatures (the per-recipient copies of
/// a blast, once greetings and tokens are normalised away) are joined first with one hash table, and only one of
/// each goes on to banding. Bands are processed one at a time, each with one hash table from band key to the first
/// <see cref="MaxMembers"/> signatures that fell in the bucket. A newcomer is verified against each kept member that
/// is not already in its group, so once a blast is joined up, a further copy costs one look-up per kept member and
/// no comparison, and a bucket of thousands of copies is not quadratic. The price: a pair whose only link is a
/// member beyond the first 64 of every shared bucket is missed; blast copies link through the template's exact
/// copies, which come early, and LSH is probabilistic in the same way. Signatures of empty texts (no shingles) are
/// never joined to anything.
/// </remarks>
public static class NearDuplicates
{
    internal const int MaxMembers = 64;

    /// <summary>
    /// A group number per input index, 0..groups−1, numbered in order of first appearance; indices with the same
    /// number are near-duplicates (directly or through a chain of them).
    /// </summary>
    public static int[] Group(IReadOnlyList<uint[]> signatures, double threshold)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        var n = signatures.Count;
        if (n == 0)
        {
            return [];
        }

        var hashes = signatures[0]?.Length ?? throw new ArgumentException("signature 0 is null", nameof(signatures));
        var (bands, rows) = LshBanding.Choose(hashes, threshold);
        var needed = Signatures.SlotsFor(threshold, hashes);
        var sets = new UnionFind(n);
        var distinct = JoinIdentical(signatures, hashes, sets);

        var next = new int[n];
        var buckets = new Dictionary<ulong, Bucket>(distinct.Count);
        for (var band = 0; band < bands; band++)
        {
            buckets.Clear();
            foreach (var x in distinct)
            {
                var sx = signatures[x];
                ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, Signatures.Key(sx.AsSpan(band * rows, rows), band), out var exists);
                if (!exists)
                {
                    bucket = new Bucket(x, 1);
                    next[x] = -1;
                    continue;
                }

                var root = sets.Find(x);
                for (var member = bucket.Head; member >= 0; member = next[member])
                {
                    if (sets.Find(member) != root && Signatures.EqualSlots(sx, signatures[member]) >= needed)
                    {
                        root = sets.Union(x, member);
                    }
                }

                if (bucket.Count < MaxMembers)
                {
                    next[x] = bucket.Head;
                    bucket = new Bucket(x, bucket.Count + 1);
                }
            }
        }

        return Number(sets, n);
    }

    private readonly record struct Bucket(int Head, int Count);

    // Joins signatures equal in every slot and returns one index of each (empty-text signatures excluded).
    private static List<int> JoinIdentical(IReadOnlyList<uint[]> signatures, int hashes, UnionFind sets)
    {
        var first = new Dictionary<ulong, int>(signatures.Count);
        var distinct = new List<int>();
        for (var i = 0; i < signatures.Count; i++)
        {
            var signature = signatures[i];
            if (signature is null || signature.Length != hashes)
            {
                throw new ArgumentException($"signature {i} has {signature?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} slots; signature 0 has {hashes}", nameof(signatures));
            }

            if (Signatures.IsEmpty(signature))
            {
                continue;
            }

            ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(first, Signatures.Key(signature, -1), out var exists);
            if (!exists)
            {
                seen = i;
                distinct.Add(i);
            }
            else if (signatures[seen].AsSpan().SequenceEqual(signature))
            {
                sets.Union(seen, i);
            }
            else
            {
                distinct.Add(i); // a 64-bit hash collision: vanishingly rare, and banding still compares the two
            }
        }

        return distinct;
    }

    private static int[] Number(UnionFind sets, int n)
    {
        var groupOfRoot = new int[n];
        groupOfRoot.AsSpan().Fill(-1);
        var groups = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var root = sets.Find(i);
            if (groupOfRoot[root] < 0)
            {
                groupOfRoot[root] = count++;
            }

            groups[i] = groupOfRoot[root];
        }

        return groups;
    }
}
