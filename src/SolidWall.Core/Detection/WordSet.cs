using System.Buffers;

namespace SolidWall.Core.Detection;

/// <summary>
/// Words to find in lower-cased text, found where <see cref="SearchValues{T}"/> of the same words would find them
/// but faster. One set holding an accented word ("campaña") makes SearchValues fall back from its vectorised
/// search to a scalar automaton over the whole text; so the plain-ASCII words are searched apart, and the others
/// only from shortly before the first accented character that one of them holds, which most mail has none of.
/// </summary>
internal sealed class WordSet
{
    private readonly SearchValues<string>? _ascii;
    private readonly SearchValues<string>? _other;

    // The non-ASCII characters the other words hold, and the most characters any of them has before its first one.
    private readonly SearchValues<char>? _otherChars;
    private readonly int _otherLead;
    private readonly int _otherLength;

    public WordSet(IEnumerable<string> words)
    {
        var all = words.Distinct(StringComparer.Ordinal).ToArray();
        Words = all;
        var ascii = all.Where(w => w.All(char.IsAscii)).ToArray();
        var other = all.Where(w => !w.All(char.IsAscii)).ToArray();
        if (ascii.Length > 0)
        {
            _ascii = SearchValues.Create(ascii, StringComparison.Ordinal);
        }

        if (other.Length > 0)
        {
            _other = SearchValues.Create(other, StringComparison.Ordinal);
            _otherChars = SearchValues.Create(other.SelectMany(w => w.Where(c => !char.IsAscii(c))).Distinct().ToArray());
            _otherLead = other.Max(w => w.AsSpan().IndexOfAnyExceptInRange((char)0, (char)127));
            _otherLength = other.Max(w => w.Length);
        }
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>This set's place in <see cref="SignalCatalog.Lexicon"/>, which finds it with all the others in one pass; -1 when not there.</summary>
    public int Slot { get; set; } = -1;

    /// <summary>True when any of the words occurs in the field.</summary>
    public bool IsIn(TextField field) => Slot >= 0 ? (field.Hits.Present & (1UL << Slot)) != 0 : IsIn(field.Lower);

    /// <summary>Where the first of the words starting at or after <paramref name="from"/> in the field starts, or -1.</summary>
    public int IndexIn(TextField field, int from)
    {
        if (Slot >= 0)
        {
            return field.Hits.NextStart(Slot, from);
        }

        var at = IndexIn(field.Lower.Slice(from));
        return at < 0 ? -1 : from + at;
    }

    public bool IsIn(ReadOnlySpan<char> text) => IndexIn(text) >= 0;

    /// <summary>Where the first occurrence of any of the words starts, or -1.</summary>
    public int IndexIn(ReadOnlySpan<char> text)
    {
        var first = _ascii is null ? -1 : text.IndexOfAny(_ascii);
        if (_other is null)
        {
            return first;
        }

        // An accented word matters only when it starts before the first ASCII one, so it ends before `end`; and it
        // starts at most _otherLead characters before its first accented character, itself no earlier than the first there.
        var end = first < 0 ? text.Length : Math.Min(text.Length, first + _otherLength);
        var accent = text[..end].IndexOfAny(_otherChars!);
        if (accent < 0)
        {
            return first;
        }

        var from = Math.Max(0, accent - _otherLead);
        var hit = text[from..end].IndexOfAny(_other);
        return hit >= 0 && (first < 0 || from + hit < first) ? from + hit : first;
    }
}
