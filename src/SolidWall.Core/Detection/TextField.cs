using System.Buffers;

namespace SolidWall.Core.Detection;

/// <summary>
/// One piece of text signals read (the subject, the text, or a forwarded segment), with its one lower-cased copy.
/// The copy has the original's length (invariant lower-casing maps char to char), so offsets found in it are
/// offsets in the original, shifted by <see cref="BaseOffset"/> when the field is a part of the message text.
/// </summary>
internal sealed class TextField
{
    private const int MaxExcerpt = 200;
    private WordHits? _hits;
    private bool? _otherScripts;
    private ulong[]? _characterRunBits;

    /// <summary>The lower-cased copy: a string, or an array rented from the shared pool (<see cref="Release"/>).</summary>
    private string? _lowerString;
    private char[]? _lowerRented;

    /// <summary>
    /// A field lower-cased into an array rented from the shared pool, given back by <see cref="Release"/>: the copy of
    /// the text was a third of what classifying a message allocated, and so a third of its garbage collections.
    /// Signals read the lower-cased copy of <paramref name="scan"/> when given: the original with the institution's
    /// boilerplate blanked (<see cref="Text.MailBoilerplate"/>), of the same length, so that offsets still hold.
    /// </summary>
    public TextField(string where, string original, int baseOffset = 0, string? scan = null)
    {
        if (scan is not null && scan.Length != original.Length)
        {
            throw new ArgumentException("the text to scan must have the original's length", nameof(scan));
        }

        Where = where;
        Original = original;
        BaseOffset = baseOffset;
        scan ??= original;
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(scan.Length, 1));
        if (InvariantLower.TryInto(scan, rented))
        {
            _lowerRented = rented;
        }
        else
        {
            ArrayPool<char>.Shared.Return(rented);
            _lowerString = InvariantLower.Of(scan);
        }
    }

    /// <summary>
    /// A part of a field already read: its lower-cased copy is copied from the field's into an array rented from the
    /// shared pool (<see cref="Release"/>), and its words are the field's there.
    /// </summary>
    public TextField(string where, string original, ReadOnlySpan<char> lower, int baseOffset, WordHits hits)
    {
        if (lower.Length != original.Length)
        {
            throw new ArgumentException("the lower-cased copy must have the original's length", nameof(lower));
        }

        Where = where;
        Original = original;
        BaseOffset = baseOffset;
        _lowerRented = ArrayPool<char>.Shared.Rent(Math.Max(lower.Length, 1));
        lower.CopyTo(_lowerRented);
        _hits = hits;
    }

    /// <summary>A field whose lower-cased copy is already known (the empty subject).</summary>
    public TextField(string where, string original, string lower, int baseOffset)
    {
        Where = where;
        Original = original;
        _lowerString = lower;
        BaseOffset = baseOffset;
    }

    public string Where { get; }

    public string Original { get; }

    /// <summary>The lower-cased copy of <see cref="Original"/>, of the same length. Valid until <see cref="Release"/>.</summary>
    public ReadOnlySpan<char> Lower => _lowerRented is { } rented ? rented.AsSpan(0, Original.Length)
        : _lowerString is { } lower ? lower : throw new ObjectDisposedException(nameof(TextField), "the field's lower-cased copy was given back");

    /// <summary>Gives the lower-cased copy's array and the list of its words' places back to their pools; the field must not be read after this.</summary>
    public void Release()
    {
        if (_lowerRented is { } rented)
        {
            _lowerRented = null;
            ArrayPool<char>.Shared.Return(rented);
        }

        if (_hits is { } hits)
        {
            _hits = null;
            Lexicon.Return(hits);
        }

        if (_characterRunBits is { } runBits)
        {
            _characterRunBits = null;
            ArrayPool<ulong>.Shared.Return(runBits);
        }
    }

    public int BaseOffset { get; }

    public int Length => Original.Length;

    /// <summary>The registered names in this field, found once per message (<see cref="DetectionContext.NamesIn"/>).</summary>
    internal RegistryNameHit[]? RegistryNames { get; set; }

    /// <summary>Where the words of every phrase signal occur in <see cref="Lower"/>: one pass, on first use.</summary>
    public WordHits Hits => _hits ??= SignalCatalog.Lexicon.Scan(Lower);

    /// <summary>True when the field holds letters the lexicon does not know (<see cref="OtherScripts"/>): computed on first use.</summary>
    public bool HasOtherScripts => _otherScripts ??= OtherScripts.Hold(Lower);

    /// <summary>The runs of characters <see cref="Lower"/> holds (<see cref="RequiredLiterals"/>): one pass, on first use.</summary>
    /// <remarks>The bits are rented from the shared pool and given back by <see cref="Release"/>, as the lower-cased copy is.</remarks>
    public CharacterRuns CharacterRuns
    {
        get
        {
            if (_characterRunBits is { } bits)
            {
                return new CharacterRuns(bits);
            }

            _characterRunBits = ArrayPool<ulong>.Shared.Rent(CharacterRuns.Words);
            return new CharacterRuns(Lower, _characterRunBits);
        }
    }

    /// <summary>
    /// Whether a pattern for other scripts can match in this field: it holds such letters and, where the pattern's
    /// source names words every match holds (<see cref="RequiredLiterals"/>), the runs of characters of one of them.
    /// </summary>
    public bool MayMatchOtherScripts(System.Text.RegularExpressions.Regex regex) => HasOtherScripts && RequiredLiterals.Of(regex).MayMatch(this);

    /// <summary>Evidence for the span [start, start+length) of this field, quoted from the original text.</summary>
    public Evidence At(int start, int length, string? note = null)
    {
        start = Math.Clamp(start, 0, Original.Length);
        length = Math.Clamp(length, 0, Original.Length - start);
        var excerpt = Original.AsSpan(start, Math.Min(length, MaxExcerpt));
        // Line breaks and tabs become single blanks; an excerpt without any (most) only needs trimming.
        var text = excerpt.ContainsAny('\r', '\n', '\t')
            ? string.Join(' ', excerpt.ToString().Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim()
            : excerpt.Trim().ToString();
        return new Evidence(Where, BaseOffset + start, length, text, note);
    }

    /// <summary>The lower-cased text within <paramref name="window"/> characters either side of a span.</summary>
    public ReadOnlySpan<char> Around(int start, int end, int window)
    {
        var from = Math.Max(0, start - window);
        var to = Math.Min(Original.Length, end + window);
        return Lower[from..to];
    }
}
