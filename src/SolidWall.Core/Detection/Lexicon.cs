using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SolidWall.Core.Detection;

/// <summary>
/// Every word the phrase signals look for (their keywords, their anchors, the campaign words), found in one pass
/// over a field instead of one search per signal: an Aho–Corasick automaton over the lower-cased text that
/// reports, for each <see cref="WordSet"/> it was built from, whether any of its words occurs and where each
/// occurrence starts. Built once, from the signals in <see cref="SignalCatalog"/>.
/// <para>
/// A blank in a word (a phrase, "what's right", "few words") stands for any run of blanks in the text: a line
/// break where a plain-text message was wrapped, a tab, a no-break space, two spaces. The automaton stays where it
/// is on the second and later blanks of a run, so an occurrence spanning such a run is longer in the text than the
/// word; its start is found by reading back over the text.
/// </para>
/// </summary>
internal sealed class Lexicon
{
    // Up to 64 sets, one bit each in a ulong.
    public const int MaxSets = 64;

    private readonly byte[] _classOf = new byte[char.MaxValue + 1];
    private readonly int _classes;

    // The scan's table: for each state's row (an even number of entries, _stride) and character class, where the
    // row of the next state starts, so that the scan adds instead of multiplying; the low bit, free because rows
    // start at even places, marks a state that finds words, so that the scan reads _found only there. int: a ushort
    // table, half the cache, held at most 65,535 entries, and the words of the district's ten languages (about 1,500
    // states × 46 character classes) outgrew it; the scan is bound by loading transitions, and the hot rows (the root's
    // and the first letters') fit in the first-level cache either way (docs/BENCHMARKS.md).
    private readonly int _stride;
    private readonly int[] _moves;
    private readonly (int Length, ulong Sets, bool Blanks)[]?[] _found;

    /// <summary>The class of the blank (' ' and every other white-space character no word names), or 0 when no word holds one.</summary>
    private readonly byte _blank;

    /// <summary>The length of the longest word (at least 1).</summary>
    private readonly int _longest;

    /// <summary>This thread's list for the second lane's occurrences (<see cref="ScanTwoLanes"/>).</summary>
    [ThreadStatic]
    private static List<(int Start, int End, ulong Sets)>? t_secondLane;

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

        _longest = Math.Max(1, words.Keys.Select(w => w.Length).DefaultIfEmpty(0).Max());

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

        // Every blank no word names is read as the space, so that a phrase matches across a line break or a tab.
        _blank = _classOf[' '];
        if (_blank != 0)
        {
            for (var c = 0; c <= char.MaxValue; c++)
            {
                if (_classOf[c] == 0 && char.IsWhiteSpace((char)c))
                {
                    _classOf[c] = _blank;
                }
            }
        }

        // The trie: state 0 is the root; children[s] maps a class to the next state.
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<(int Length, ulong Sets, bool Blanks)?> { null };
        var endsInBlank = new List<bool> { false };
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
                    endsInBlank.Add(_blank != 0 && _classOf[c] == _blank);
                    children[state][_classOf[c]] = child;
                }

                state = child;
            }

            own[state] = (word.Length, mask, _blank != 0 && word.Any(c => _classOf[c] == _blank));
        }

        // Breadth first: each state's failure link, its full transition row, and what it finds (its own word and its failure's).
        if (children.Count > ushort.MaxValue)
        {
            throw new ArgumentException("the words make too many automaton states", nameof(sets));
        }

        var next = new ushort[children.Count * _classes];
        _found = new (int, ulong, bool)[]?[children.Count];
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
        if ((long)children.Count * _stride > int.MaxValue / 2)
        {
            throw new ArgumentException($"the words make too many automaton states for the scan's table: {children.Count} states × {_stride} character classes", nameof(sets));
        }

        _moves = new int[children.Count * _stride];
        for (var state = 0; state < children.Count; state++)
        {
            for (var c = 0; c < _classes; c++)
            {
                // After a blank, more blanks leave the automaton where it is, and find nothing new.
                if (c == _blank && endsInBlank[state])
                {
                    _moves[(state * _stride) + c] = state * _stride;
                    continue;
                }

                var to = next[(state * _classes) + c];
                _moves[(state * _stride) + c] = (to * _stride) | (_found[to] is null ? 0 : 1);
            }
        }
    }

    /// <summary>Where the words occur in <paramref name="lower"/>.</summary>
    public WordHits Scan(ReadOnlySpan<char> lower)
    {
        var starts = t_lists is { Count: > 0 } pool ? pool.Pop() : new List<(int Start, int End, ulong Sets)>(Math.Max(16, lower.Length >> 5));
        var present = lower.Length < TwoLaneLength ? ScanOneLane(lower, starts) : ScanTwoLanes(lower, starts);

        // Found by where they end; the clause walk wants them by where they start.
        starts.Sort(static (x, y) => x.Start.CompareTo(y.Start));
        return new WordHits(present, starts);
    }

    /// <summary>This thread's lists of occurrences given back (<see cref="Return"/>), for the next scans to fill.</summary>
    [ThreadStatic]
    private static Stack<List<(int Start, int End, ulong Sets)>>? t_lists;

    /// <summary>
    /// Gives the list of a scan's occurrences back for this thread's next scans, which then grow no list of their own:
    /// the lists were a seventh of what classifying a message allocated. <paramref name="hits"/> must not be read after this.
    /// A few lists are kept, none of more than 64K occurrences.
    /// </summary>
    public static void Return(WordHits hits)
    {
        var pool = t_lists ??= new Stack<List<(int Start, int End, ulong Sets)>>();
        if (pool.Count < 4 && hits.Starts.Capacity <= 1 << 16)
        {
            hits.Starts.Clear();
            pool.Push(hits.Starts);
        }
    }

    /// <summary>
    /// Below this length a field is scanned in one lane: the second lane's restart (up to the longest word, see
    /// <see cref="ScanTwoLanes"/>) would cost more than it saves.
    /// </summary>
    internal const int TwoLaneLength = 256;

    /// <summary>The automaton over the whole text, adding each occurrence to <paramref name="starts"/> by where it ends; the sets found.</summary>
    internal ulong ScanOneLane(ReadOnlySpan<char> lower, List<(int Start, int End, ulong Sets)> starts)
    {
        var present = 0UL;
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
                present |= Found(row, i, lower, starts);
            }
        }

        return present;
    }

    /// <summary>
    /// <see cref="ScanOneLane"/>'s result in two lanes stepped side by side, the first over the text's first half,
    /// the second over the rest: each step waits for the table load of the step before, so one lane leaves the
    /// core idle most of the time and two run in about the time of one. The second lane starts from the root
    /// <see cref="_longest"/> − 1 characters before the half, and from the half on is in the state one lane would be
    /// in: the automaton's state is the longest end of the text read that begins a word, which is never longer than
    /// the longest word, so it lies within the characters the second lane has read. Occurrences it finds before the
    /// half are the first lane's and dropped; the second lane's are appended after the first's, so
    /// <paramref name="starts"/> is in the same order.
    /// </summary>
    internal ulong ScanTwoLanes(ReadOnlySpan<char> lower, List<(int Start, int End, ulong Sets)> starts)
    {
        var half = lower.Length / 2;
        var restart = RestartBefore(lower, half);
        var second = t_secondLane ??= [];
        second.Clear();
        var present = 0UL;
        ref var moves = ref MemoryMarshal.GetArrayDataReference(_moves);
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref var text = ref MemoryMarshal.GetReference(lower);

        // Steps both lanes take; then the longer lane finishes alone.
        var both = Math.Min(half, lower.Length - restart);
        int row1 = 0, row2 = 0;
        for (var i = 0; i < both; i++)
        {
            int to1 = Unsafe.Add(ref moves, row1 + Unsafe.Add(ref classOf, Unsafe.Add(ref text, i)));
            int to2 = Unsafe.Add(ref moves, row2 + Unsafe.Add(ref classOf, Unsafe.Add(ref text, restart + i)));
            row1 = to1 & ~1;
            row2 = to2 & ~1;
            if (((to1 | to2) & 1) != 0)
            {
                if ((to1 & 1) != 0)
                {
                    present |= Found(row1, i, lower, starts);
                }

                if ((to2 & 1) != 0 && restart + i >= half)
                {
                    present |= Found(row2, restart + i, lower, second);
                }
            }
        }

        for (var i = both; i < half; i++)
        {
            int to = Unsafe.Add(ref moves, row1 + Unsafe.Add(ref classOf, Unsafe.Add(ref text, i)));
            row1 = to & ~1;
            if ((to & 1) != 0)
            {
                present |= Found(row1, i, lower, starts);
            }
        }

        for (var i = restart + both; i < lower.Length; i++)
        {
            int to = Unsafe.Add(ref moves, row2 + Unsafe.Add(ref classOf, Unsafe.Add(ref text, i)));
            row2 = to & ~1;
            if ((to & 1) != 0 && i >= half)
            {
                present |= Found(row2, i, lower, second);
            }
        }

        starts.AddRange(second);
        return present;
    }

    /// <summary>Adds the words the state at <paramref name="row"/> finds, ending at <paramref name="end"/>; their sets.</summary>
    private ulong Found(int row, int end, ReadOnlySpan<char> lower, List<(int Start, int End, ulong Sets)> starts)
    {
        var present = 0UL;
        foreach (var (length, sets, blanks) in _found[row / _stride]!)
        {
            present |= sets;
            starts.Add((blanks ? StartOf(lower, end, length) : end - length + 1, end + 1, sets));
        }

        return present;
    }

    private bool IsBlank(char c) => _blank != 0 && _classOf[c] == _blank;

    /// <summary>Where a word of <paramref name="length"/> characters ending at <paramref name="end"/> starts, a run of blanks read as one.</summary>
    private int StartOf(ReadOnlySpan<char> lower, int end, int length)
    {
        var at = end;
        for (var left = length; left > 0; left--)
        {
            if (IsBlank(lower[at]))
            {
                while (at > 0 && IsBlank(lower[at - 1]))
                {
                    at--;
                }
            }

            at--;
        }

        return at + 1;
    }

    /// <summary>
    /// Where the second lane starts for the half at <paramref name="half"/>: <see cref="_longest"/> − 1 characters
    /// before it, the second and later blanks of a run not counted, since the automaton stays put on them.
    /// </summary>
    private int RestartBefore(ReadOnlySpan<char> lower, int half)
    {
        var restart = half;
        for (var counted = 0; counted < _longest - 1 && restart > 0;)
        {
            restart--;
            if (!(IsBlank(lower[restart]) && restart + 1 < lower.Length && IsBlank(lower[restart + 1])))
            {
                counted++;
            }
        }

        return restart;
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
