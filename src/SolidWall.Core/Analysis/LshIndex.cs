using System.Runtime.InteropServices;

namespace SolidWall.Core.Analysis;

/// <summary>
/// An incremental locality-sensitive-hashing index over MinHash signatures: signatures are cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> slots, and any two that agree on a whole band are candidates.
/// Candidates are not verified here: the caller compares the signatures (<see cref="Fingerprinter.Similarity"/>).
/// Not thread-safe.
/// </summary>
public sealed class LshIndex
{
    private readonly int hashes;
    private readonly Dictionary<ulong, int>[] heads;
    private readonly List<Entry> entries = [];

    /// <summary>Picks the banding for signatures of <paramref name="hashes"/> slots and a Jaccard threshold (see the remarks of <c>LshBanding</c>).</summary>
    public LshIndex(int hashes, double threshold)
    {
        (Bands, Rows) = LshBanding.Choose(hashes, threshold);
        this.hashes = hashes;
        heads = new Dictionary<ulong, int>[Bands];
        for (var i = 0; i < Bands; i++)
        {
            heads[i] = [];
        }
    }

    public int Bands { get; }

    public int Rows { get; }

    public void Add(int id, uint[] minHash)
    {
        Check(minHash);
        for (var band = 0; band < Bands; band++)
        {
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(heads[band], Key(minHash, band), out var exists);
            entries.Add(new Entry(id, exists ? head : -1));
            head = entries.Count - 1;
        }
    }

    /// <summary>The ids added with a signature that shares at least one band with <paramref name="minHash"/>, each once, most recent first per band.</summary>
    public IEnumerable<int> Candidates(uint[] minHash)
    {
        Check(minHash);
        var seen = new HashSet<int>();
        for (var band = 0; band < Bands; band++)
        {
            if (!heads[band].TryGetValue(Key(minHash, band), out var at))
            {
                continue;
            }

            for (; at >= 0; at = entries[at].Next)
            {
                if (seen.Add(entries[at].Id))
                {
                    yield return entries[at].Id;
                }
            }
        }
    }

    private ulong Key(uint[] minHash, int band) => Signatures.Key(minHash.AsSpan(band * Rows, Rows), band);

    private void Check(uint[] minHash)
    {
        ArgumentNullException.ThrowIfNull(minHash);
        if (minHash.Length != hashes)
        {
            throw new ArgumentException($"a signature of {minHash.Length} slots given to an index of {hashes}-slot signatures", nameof(minHash));
        }
    }

    private readonly record struct Entry(int Id, int Next);
}
