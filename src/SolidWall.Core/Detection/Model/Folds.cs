namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Deterministic stratified k-fold assignment. Rows are stratified by source and label, so every fold holds
/// its share of each corpus and of the district set. District rows that quote one another (a forward and the
/// blast it relays share most of their word 4-grams) are kept in one fold, as the district README asks, so
/// that a fold is never tested on a message it trained on in another guise.
/// </summary>
internal static class Folds
{
    private const double ContainmentForSameGroup = 0.5;

    public static int[] Assign(IReadOnlyList<TrainingExample> examples, int k, ulong seed)
    {
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(k), "at least two folds are needed");
        }

        var group = Groups(examples);

        // Stratum of a group = source and label of its first row; groups in order of first appearance.
        var strata = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (!seen.Add(group[i]))
            {
                continue;
            }

            var key = examples[i].Source + "|" + (examples[i].Electioneering ? "1" : "0");
            if (!strata.TryGetValue(key, out var list))
            {
                strata[key] = list = [];
            }

            list.Add(group[i]);
        }

        var foldOfGroup = new Dictionary<int, int>();
        var rng = new SplitMix64(seed);
        var next = 0;
        foreach (var (_, groups) in strata)
        {
            var arr = groups.ToArray();
            for (var i = arr.Length - 1; i > 0; i--)
            {
                var j = (int)rng.Below((ulong)(i + 1));
                (arr[i], arr[j]) = (arr[j], arr[i]);
            }

            // Continue the round robin across strata so that small strata do not all start at fold 0.
            foreach (var g in arr)
            {
                foldOfGroup[g] = next;
                next = (next + 1) % k;
            }
        }

        var folds = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            folds[i] = foldOfGroup[group[i]];
        }

        return folds;
    }

    /// <summary>
    /// Group id per row (the index of its group's first row): district rows, and rows an investigator labelled (copies of
    /// one blast in many mailboxes), joined where more than half of the smaller
    /// row's word 4-grams are the other's, others alone. The rows that share a 4-gram with a row are found by an index from
    /// each 4-gram to the rows that hold it, and only they are counted: comparing every pair of the 5,149 district rows
    /// took 25 of `solidwall train`'s 33 seconds, and about 110 of `solidwall eval`'s 140, which groups the rows again in
    /// each fold; with the index, grouping takes well under a second.
    /// </summary>
    internal static int[] Groups(IReadOnlyList<TrainingExample> examples)
    {
        var parent = new int[examples.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        var rows = new List<int>();
        var grams = new List<HashSet<ulong>>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].IsDistrictMail)
            {
                rows.Add(i);
                grams.Add(FourGrams(examples[i].Text));
            }
        }

        // Each 4-gram's rows, in order (indices into rows).
        var holders = new Dictionary<ulong, List<int>>();
        for (var d = 0; d < grams.Count; d++)
        {
            foreach (var g in grams[d])
            {
                if (!holders.TryGetValue(g, out var list))
                {
                    holders[g] = list = [];
                }

                list.Add(d);
            }
        }

        // For each row, how many of its 4-grams each later row holds; then the pairs over the threshold are joined.
        var shared = new int[grams.Count];
        var met = new List<int>();
        for (var a = 0; a < grams.Count; a++)
        {
            foreach (var g in grams[a])
            {
                var list = holders[g];
                for (var k = list.Count - 1; k >= 0 && list[k] > a; k--)
                {
                    if (shared[list[k]]++ == 0)
                    {
                        met.Add(list[k]);
                    }
                }
            }

            foreach (var b in met)
            {
                if (shared[b] > ContainmentForSameGroup * Math.Min(grams[a].Count, grams[b].Count))
                {
                    Union(parent, rows[a], rows[b]);
                }

                shared[b] = 0;
            }

            met.Clear();
        }

        var result = new int[examples.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Find(parent, i);
        }

        return result;
    }

    internal static HashSet<ulong> FourGrams(string text)
    {
        var tokens = new TokenBuffer();
        Tokenizer.Tokenize(text, tokens);
        var grams = new HashSet<ulong>();
        for (var t = 3; t < tokens.Count; t++)
        {
            ulong h = StableHash.Pair(StableHash.Pair(tokens.Hash(t - 3), tokens.Hash(t - 2)), StableHash.Pair(tokens.Hash(t - 1), tokens.Hash(t)));
            grams.Add((h << 32) | tokens.Hash(t));
        }

        return grams;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
        {
            // The smaller index is the root, so the group id is its first row whatever the order of unions.
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
