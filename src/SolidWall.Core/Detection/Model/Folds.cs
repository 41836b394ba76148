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

    /// <summary>Group id per row (the index of its group's first row): district rows joined by shared 4-grams, others alone.</summary>
    internal static int[] Groups(IReadOnlyList<TrainingExample> examples)
    {
        var parent = new int[examples.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        var district = new List<(int Index, HashSet<ulong> Grams)>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].IsDistrict)
            {
                district.Add((i, FourGrams(examples[i].Text)));
            }
        }

        for (var a = 0; a < district.Count; a++)
        {
            for (var b = a + 1; b < district.Count; b++)
            {
                var (x, y) = (district[a].Grams, district[b].Grams);
                var smaller = x.Count <= y.Count ? x : y;
                var larger = ReferenceEquals(smaller, x) ? y : x;
                if (smaller.Count == 0)
                {
                    continue;
                }

                var shared = 0;
                foreach (var g in smaller)
                {
                    if (larger.Contains(g))
                    {
                        shared++;
                    }
                }

                if (shared > ContainmentForSameGroup * smaller.Count)
                {
                    Union(parent, district[a].Index, district[b].Index);
                }
            }
        }

        var result = new int[examples.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Find(parent, i);
        }

        return result;
    }

    private static HashSet<ulong> FourGrams(string text)
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
