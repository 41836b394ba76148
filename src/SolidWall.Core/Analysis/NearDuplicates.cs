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
/// each goes on to banding. Bands are processed one at a time, each with one hash table from band key to a short
/// list of "leaders": a signature is compared with the leaders of its bucket (at most <see cref="MaxLeaders"/>)
/// rather than with every member, and becomes a leader only when it joined none of them. A bucket of thousands of
/// near-copies thus costs one comparison per member instead of thousands. The price: a pair whose only link is
/// through a non-leader of one bucket is found only through another band or another member; with near-copies this
/// does not happen in practice, and LSH is probabilistic in the same way. Signatures of empty texts (no shingles)
/// are never joined to anything.
/// </remarks>
public static class NearDuplicates
{
    internal const int MaxLeaders = 32;

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
        var buckets = new Dictionary<ulong, int>(distinct.Count);
        for (var band = 0; band < bands; band++)
        {
            buckets.Clear();
            foreach (var x in distinct)
            {
                var sx = signatures[x];
                ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, Signatures.Key(sx.AsSpan(band * rows, rows), band), out var exists);
                if (!exists)
                {
                    head = x;
                    next[x] = -1;
                    continue;
                }

                var root = sets.Find(x);
                var joined = false;
                var leaders = 0;
                for (var leader = head; leader >= 0; leader = next[leader])
                {
                    leaders++;
                    if (sets.Find(leader) == root)
                    {
                        joined = true;
                    }
                    else if (Signatures.EqualSlots(sx, signatures[leader]) >= needed)
                    {
                        root = sets.Union(x, leader);
                        joined = true;
                    }
                }

                if (!joined && leaders < MaxLeaders)
                {
                    next[x] = head;
                    head = x;
                }
            }
        }

        return Number(sets, n);
    }

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
