using System.Runtime.CompilerServices;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The tokens of one message as the model sees them: each token's folded text (kept in one shared char array so
/// that tokenizing allocates nothing per token), its stable hash, the hash of its first
/// <see cref="StemLength"/> chars (its stem's, when it is longer), and whether a word pair may span it and the
/// token before (not across the subject/body boundary). Reused between messages on the same thread.
/// </summary>
internal sealed class TokenBuffer
{
    /// <summary>How many chars of a token <see cref="StemHash"/> covers.</summary>
    public const int StemLength = 5;

    private char[] _chars = new char[4096];
    private int[] _starts = new int[512];
    private int[] _lengths = new int[512];
    private uint[] _hashes = new uint[512];
    private uint[] _stemHashes = new uint[512];
    private bool[] _breakBefore = new bool[512];
    private int _charCount;
    private bool _pendingBreak;

    public int Count { get; private set; }

    public uint Hash(int index) => _hashes[index];

    /// <summary>The hash of the token's first <see cref="StemLength"/> chars; meaningful only for a longer token.</summary>
    public uint StemHash(int index) => _stemHashes[index];

    public int Length(int index) => _lengths[index];

    public bool BreakBefore(int index) => _breakBefore[index];

    public ReadOnlySpan<char> Text(int index) => _chars.AsSpan(_starts[index], _lengths[index]);

    public string TextString(int index) => new(_chars, _starts[index], _lengths[index]);

    // The arrays behind the accessors above, for the extractor's loop over every token.
    internal ReadOnlySpan<uint> Hashes => _hashes.AsSpan(0, Count);

    internal ReadOnlySpan<uint> StemHashes => _stemHashes.AsSpan(0, Count);

    internal ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, Count);

    internal ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count);

    internal ReadOnlySpan<bool> BreaksBefore => _breakBefore.AsSpan(0, Count);

    internal ReadOnlySpan<char> Chars => _chars.AsSpan(0, _charCount);

    public void Clear()
    {
        Count = 0;
        _charCount = 0;
        _pendingBreak = false;
    }

    /// <summary>
    /// Room for the next token's chars, written in place by the tokenizer (no copy) and kept by <see cref="AddWritten"/>;
    /// valid until the next token is added.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<char> Space()
    {
        if (_charCount + Tokenizer.MaxTokenLength > _chars.Length)
        {
            Grow(Tokenizer.MaxTokenLength);
        }

        return _chars.AsSpan(_charCount, Tokenizer.MaxTokenLength);
    }

    /// <summary>Adds the token of <paramref name="length"/> chars written at the start of <see cref="Space"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddWritten(int length, uint hash, uint stemHash)
    {
        if (Count == _starts.Length)
        {
            Grow(length);
        }

        _starts[Count] = _charCount;
        _lengths[Count] = length;
        _hashes[Count] = hash;
        _stemHashes[Count] = stemHash;
        _breakBefore[Count] = _pendingBreak || Count == 0;
        _pendingBreak = false;
        _charCount += length;
        Count++;
    }

    /// <summary>Makes room for one more token of <paramref name="length"/> chars (out of line: it is rare).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int length)
    {
        if (Count == _starts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _hashes, size);
            Array.Resize(ref _stemHashes, size);
            Array.Resize(ref _breakBefore, size);
        }

        if (_charCount + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
        }
    }

    /// <summary>
    /// Forgets every token from <paramref name="count"/> on (the tokenizer taking back a chunk's words). The break
    /// before the first one forgotten is pending again; at 0 it does not matter, the first token always has one.
    /// </summary>
    public void Truncate(int count)
    {
        if (count < Count)
        {
            _pendingBreak = _breakBefore[count];
            _charCount = _starts[count];
            Count = count;
        }
    }

    /// <summary>The next token starts a new run: no word pair joins it to the token before.</summary>
    public void Break() => _pendingBreak = true;

    public void Add(ReadOnlySpan<char> folded) =>
        Add(folded, StableHash.Of(folded), folded.Length > StemLength ? StableHash.Of(folded[..StemLength]) : 0);

    /// <summary>Adds a token whose hashes the caller computed while building it (the same as <see cref="StableHash.Of"/> would give).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<char> folded, uint hash, uint stemHash)
    {
        if (Count == _starts.Length || _charCount + folded.Length > _chars.Length)
        {
            Grow(folded.Length);
        }

        folded.CopyTo(_chars.AsSpan(_charCount));
        _starts[Count] = _charCount;
        _lengths[Count] = folded.Length;
        _hashes[Count] = hash;
        _stemHashes[Count] = stemHash;
        _breakBefore[Count] = _pendingBreak || Count == 0;
        _pendingBreak = false;
        _charCount += folded.Length;
        Count++;
    }
}
