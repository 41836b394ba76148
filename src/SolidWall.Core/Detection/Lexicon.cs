using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SolidWall.Core.Detection;

/// <summary>
/// Every word the phrase signals look for (their keywords, their anchors, the campaign words), found in one pass
/// over a field instead of one search per signal: an Aho–Corasick automaton over the lower-cased text that
/// reports, for each <see cref="WordSet"/> it was built from, whether any of its words occurs and where each
/// occurrence starts. Built once, from the signals in <see cref="SignalCatalog"/>.
/// </summary>
internal sealed class Lexicon
{
    // Up to 64 sets, one bit each in a ulong.
    public const int MaxSets = 64;

    private readonly byte[] _classOf = new byte[char.MaxValue + 1];
    private readonly int _classes;

    // The scan's table: for each state's row (an even number of entries, _stride) and character class, where the
    // row of the next state starts, so that the scan adds instead of multiplying; the low bit, free because rows
    // start at even places, marks a state that finds words, so that the scan reads _found only there. ushort, half
    // the cache an int table takes: the scan is bound by loading transitions.
    private readonly int _stride;
    private readonly ushort[] _moves;
    private readonly (int Length, ulong Sets)[]?[] _found;

    public Lexicon(IReadOnlyList<WordSet> sets)
    {
        if (sets.Count > MaxSets)
        {
            throw new ArgumentException($"a lexicon holds at most {MaxSets} word sets, not {sets.Count}", nameof(sets));
        }

        // Which sets each distinct word belongs to.
        var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (var i = 0; i < sets.Count; i++)
        {
            foreach (var word in sets[i].Words)
            {
                words[word] = words.GetValueOrDefault(word) | (1UL << i);
            }
        }

        // Characters no word holds share class 0, on which every state goes back to the root.
        var alphabet = words.Keys.SelectMany(w => w).Distinct().Order().ToArray();
        if (alphabet.Length >= byte.MaxValue)
        {
            throw new ArgumentException("the words hold too many distinct characters", nameof(sets));
        }

        for (var i = 0; i < alphabet.Length; i++)
        {
            _classOf[alphabet[i]] = (byte)(i + 1);
        }

        _classes = alphabet.Length + 1;

        // The trie: state 0 is the root; children[s] maps a class to the next state.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<(int Length, ulong Sets)?> { null };
        foreach (var (word, mask) in words)
        {
            var state = 0;
            foreach (var c in word)
            {
                if (!children[state].TryGetValue(_classOf[c], out var child))
                {
                    child = children.Count;
                    children.Add([]);
                    own.Add(null);
                    children[state][_classOf[c]] = child;
                }

                state = child;
            }

            own[state] = (word.Length, mask);
        }

        // Breadth first: each state's failure link, its full transition row, and what it finds (its own word and its failure's).
        if (children.Count > ushort.MaxValue)
        {
            throw new ArgumentException("the words make too many automaton states", nameof(sets));
        }

        var next = new ushort[children.Count * _classes];
        _found = new (int, ulong)[]?[children.Count];
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            for (var c = 1; c < _classes; c++)
            {
                if (children[state].TryGetValue(c, out var child))
                {
                    fail[child] = state == 0 ? 0 : next[(fail[state] * _classes) + c];
                    next[(state * _classes) + c] = (ushort)child;
                    queue.Enqueue(child);
                }
                else
                {
                    next[(state * _classes) + c] = state == 0 ? (ushort)0 : next[(fail[state] * _classes) + c];
                }
            }

            var inherited = state == 0 ? null : _found[fail[state]];
            _found[state] = own[state] is { } mine ? [mine, .. inherited ?? []] : inherited;
        }

        _stride = _classes + (_classes & 1);
        if ((long)children.Count * _stride > ushort.MaxValue)
        {
            throw new ArgumentException("the words make too many automaton states for the scan's table (states × character classes ≤ 65535)", nameof(sets));
        }

        _moves = new ushort[children.Count * _stride];
        for (var state = 0; state < children.Count; state++)
        {
            for (var c = 0; c < _classes; c++)
            {
                var to = next[(state * _classes) + c];
                _moves[(state * _stride) + c] = (ushort)((to * _stride) | (_found[to] is null ? 0 : 1));
            }
        }
    }

    /// <summary>Where the words occur in <paramref name="lower"/>.</summary>
    public WordHits Scan(string lower)
    {
        var present = 0UL;
        var starts = new List<(int Start, int End, ulong Sets)>(lower.Length >> 5);
        // Without bounds checks: classes are below _stride and every entry starts a row of _moves.
        ref var moves = ref MemoryMarshal.GetArrayDataReference(_moves);
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        var row = 0;
        for (var i = 0; i < lower.Length; i++)
        {
            int to = Unsafe.Add(ref moves, row + Unsafe.Add(ref classOf, lower[i]));
            row = to & ~1;
            if ((to & 1) != 0)
            {
                foreach (var (length, sets) in _found[row / _stride]!)
                {
                    present |= sets;
                    starts.Add((i - length + 1, i + 1, sets));
                }
            }
        }

        // Found by where they end; the clause walk wants them by where they start.
        starts.Sort(static (x, y) => x.Start.CompareTo(y.Start));
        return new WordHits(present, starts);
    }
}

/// <summary>What a <see cref="Lexicon"/> found in one field: which word sets occur, and each occurrence's start, end and sets, by start.</summary>
internal sealed record WordHits(ulong Present, List<(int Start, int End, ulong Sets)> Starts)
{
    /// <summary>
    /// The hits a scan of the field's part [<paramref name="start"/>, +<paramref name="length"/>) finds, offsets
    /// in the part: the words that lie wholly inside it (the automaton finds every occurrence of every word,
    /// whatever precedes it), in the same order.
    /// </summary>
    public WordHits Part(int start, int length)
    {
        var present = 0UL;
        var starts = new List<(int Start, int End, ulong Sets)>();
        for (var i = FirstAtOrAfter(start); i < Starts.Count && Starts[i].Start < start + length; i++)
        {
            var (from, to, sets) = Starts[i];
            if (to <= start + length)
            {
                present |= sets;
                starts.Add((from - start, to - start, sets));
            }
        }

        return new WordHits(present, starts);
    }

    /// <summary>Where the first word of set <paramref name="slot"/> starting at or after <paramref name="from"/> starts, or -1.</summary>
    public int NextStart(int slot, int from)
    {
        var bit = 1UL << slot;
        if ((Present & bit) == 0)
        {
            return -1;
        }

        // The first occurrence at or after `from`, then a walk to one of this set.
        for (var i = FirstAtOrAfter(from); i < Starts.Count; i++)
        {
            if ((Starts[i].Sets & bit) != 0)
            {
                return Starts[i].Start;
            }
        }

        return -1;
    }

    private int FirstAtOrAfter(int from)
    {
        int lo = 0, hi = Starts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Starts[mid].Start < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
