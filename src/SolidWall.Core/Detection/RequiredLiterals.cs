using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// The literal words one of which every match of a pattern holds, read from the pattern's source, and a test of
/// whether a field can hold any of them (<see cref="MayMatch"/>, by the field's <see cref="CharPairs"/>). The
/// patterns of other scripts (<see cref="OtherScripts"/>: Ukrainian, Arabic, Chinese, Vietnamese), which the lexicon
/// cannot gate, otherwise each run over the whole of every field that holds such a letter: 5–8 ns a character each,
/// a dozen of them, most finding nothing. Derived from the source, the words cannot drift from the pattern as it is
/// edited; a pattern the derivation cannot read with certainty (case-insensitive, inline options, an alternative
/// that can match without a literal) has none and always runs.
/// </summary>
internal sealed class RequiredLiterals
{
    private static readonly ConditionalWeakTable<Regex, RequiredLiterals> ByPattern = [];

    private readonly int[][]? _pairs;

    // The words, one of which every match holds, as their pairs' bits; null when the pattern's source does not say.
    private RequiredLiterals(string[]? words) => _pairs = words?.Select(CharPairs.Of).ToArray();

    /// <summary>The required literals of <paramref name="regex"/>, derived once per pattern.</summary>
    public static RequiredLiterals Of(Regex regex) =>
        ByPattern.GetValue(regex, static r => new RequiredLiterals(Derive(r.ToString(), r.Options)));

    /// <summary>
    /// False only when no required word can stand in the field: some pair of adjacent characters of every word is
    /// missing from it. True when the pattern has no required words.
    /// </summary>
    public bool MayMatch(TextField field)
    {
        if (_pairs is null)
        {
            return true;
        }

        var sketch = field.CharPairs;
        foreach (var word in _pairs)
        {
            if (sketch.HoldsAll(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words, one of which every match of <paramref name="pattern"/> holds as written, or null when its source
    /// does not say with certainty. For each alternative at the top level: the longest run of characters it must
    /// match one after another, or the required words of a group it must match, whichever has the longer shortest word.
    /// </summary>
    internal static string[]? Derive(string pattern, RegexOptions options)
    {
        if ((options & (RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)) != 0)
        {
            return null;
        }

        var parser = new Parser(pattern);
        var words = parser.Alternation();
        return parser.Complete ? words : null;
    }

    /// <summary>A reader of the .NET pattern syntax that keeps only what is certain to be matched literally.</summary>
    private sealed class Parser(string pattern)
    {
        private int _at;
        private bool _uncertain;

        public bool Complete => !_uncertain && _at == pattern.Length;

        // Alternatives up to ')' or the end: a match holds one of the words of the alternative it took.
        public string[]? Alternation()
        {
            var words = new List<string>();
            var certain = true;
            while (true)
            {
                var alternative = Sequence();
                if (alternative is null)
                {
                    certain = false;
                }
                else
                {
                    words.AddRange(alternative);
                }

                if (_at < pattern.Length && pattern[_at] == '|')
                {
                    _at++;
                    continue;
                }

                return certain ? [.. words.Distinct(StringComparer.Ordinal)] : null;
            }
        }

        private string[]? Sequence()
        {
            var candidates = new List<string[]>();
            var run = new StringBuilder();
            void EndRun()
            {
                if (run.Length > 0)
                {
                    candidates.Add([run.ToString()]);
                    run.Clear();
                }
            }

            while (_at < pattern.Length && pattern[_at] is not ('|' or ')'))
            {
                var (literal, group) = Atom();
                var (min, quantified) = Quantifier();
                if (literal is { } c)
                {
                    if (min > 0)
                    {
                        run.Append(c);
                    }

                    if (quantified)
                    {
                        // "ab+c": the 'b' follows the 'a', but more may stand before the 'c'.
                        EndRun();
                    }

                    continue;
                }

                EndRun();
                if (min > 0 && group is not null)
                {
                    candidates.Add(group);
                }
            }

            EndRun();
            return candidates.Count == 0 ? null
                : candidates.OrderByDescending(words => words.Min(w => w.Length)).ThenBy(words => words.Length).First();
        }

        // One atom: a literal character, a group's required words (null when none), or neither.
        private (char? Literal, string[]? Group) Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    return (null, Group());
                case '[':
                    SkipClass();
                    return (null, null);
                case '.' or '^' or '$':
                    return (null, null);
                case '\\':
                    return (Escape(), null);
                default:
                    return (c, null);
            }
        }

        private string[]? Group()
        {
            var kind = GroupKind();
            var words = Alternation();
            if (_at >= pattern.Length || pattern[_at] != ')')
            {
                _uncertain = true;
                return null;
            }

            _at++;
            return kind == GroupRead.Words ? words : null;
        }

        private enum GroupRead
        {
            Words,
            ZeroWidthOrOptions,
        }

        // After '(': what kind of group this is, its opening read.
        private GroupRead GroupKind()
        {
            if (_at >= pattern.Length || pattern[_at] != '?')
            {
                return GroupRead.Words;
            }

            _at++;
            var next = _at < pattern.Length ? pattern[_at] : '\0';
            if (next is ':' or '>')
            {
                _at++;
                return GroupRead.Words;
            }

            if (next is '=' or '!')
            {
                _at++;
                return GroupRead.ZeroWidthOrOptions;
            }

            if (next == '<' && _at + 1 < pattern.Length && pattern[_at + 1] is '=' or '!')
            {
                _at += 2;
                return GroupRead.ZeroWidthOrOptions;
            }

            if (next is '<' or '\'')
            {
                var close = next == '<' ? '>' : '\'';
                var end = pattern.IndexOf(close, _at + 1);
                if (end < 0)
                {
                    _uncertain = true;
                    return GroupRead.ZeroWidthOrOptions;
                }

                _at = end + 1;
                return GroupRead.Words;
            }

            // Inline options ("(?i:", "(?i)"), conditionals and comments: not read.
            _uncertain = true;
            return GroupRead.ZeroWidthOrOptions;
        }

        private void SkipClass()
        {
            if (_at < pattern.Length && pattern[_at] == '^')
            {
                _at++;
            }

            // A ']' first in the class is a member.
            if (_at < pattern.Length && pattern[_at] == ']')
            {
                _at++;
            }

            var depth = 1;
            while (_at < pattern.Length && depth > 0)
            {
                var c = pattern[_at++];
                if (c == '\\')
                {
                    _at++;
                }
                else if (c == '[')
                {
                    depth++;
                }
                else if (c == ']')
                {
                    depth--;
                }
            }

            if (depth > 0)
            {
                _uncertain = true;
            }
        }

        // After '\': the character it stands for when that is one character, else null (classes, anchors, references).
        private char? Escape()
        {
            if (_at >= pattern.Length)
            {
                _uncertain = true;
                return null;
            }

            var c = pattern[_at++];
            switch (c)
            {
                case 'n':
                    return '\n';
                case 't':
                    return '\t';
                case 'r':
                    return '\r';
                case 'p' or 'P' or 'k':
                    // \p{L}, \k<name>: skip the braces or brackets.
                    if (_at < pattern.Length && pattern[_at] is '{' or '<' or '\'')
                    {
                        var close = pattern[_at] switch { '{' => '}', '<' => '>', _ => '\'' };
                        var end = pattern.IndexOf(close, _at + 1);
                        _at = end < 0 ? pattern.Length : end + 1;
                    }

                    return null;
                case 'u':
                    _at = Math.Min(pattern.Length, _at + 4);
                    return null;
                case 'x':
                    _at = Math.Min(pattern.Length, _at + 2);
                    return null;
                case 'c':
                    _at = Math.Min(pattern.Length, _at + 1);
                    return null;
                default:
                    // Letters and digits escape a class, an anchor or a reference; anything else stands for itself.
                    return char.IsAsciiLetterOrDigit(c) ? null : c;
            }
        }

        // A quantifier after an atom: the fewest times it must match (1 with none), and whether there was one.
        private (int Min, bool Quantified) Quantifier()
        {
            if (_at >= pattern.Length)
            {
                return (1, false);
            }

            int min;
            switch (pattern[_at])
            {
                case '?' or '*':
                    min = 0;
                    _at++;
                    break;
                case '+':
                    min = 1;
                    _at++;
                    break;
                case '{' when Braces(out var least):
                    min = least;
                    break;
                default:
                    return (1, false);
            }

            // Lazy.
            if (_at < pattern.Length && pattern[_at] == '?')
            {
                _at++;
            }

            return (min, true);
        }

        // "{n}", "{n,}", "{n,m}" at the cursor: read, with n; anything else is a literal '{' and is left.
        private bool Braces(out int least)
        {
            least = 0;
            var end = pattern.IndexOf('}', _at);
            if (end < 0)
            {
                return false;
            }

            var inside = pattern.AsSpan(_at + 1, end - _at - 1);
            var comma = inside.IndexOf(',');
            var first = comma < 0 ? inside : inside[..comma];
            if (first.Length == 0 || !int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out least)
                || (comma >= 0 && inside[(comma + 1)..] is var rest && rest.Length > 0 && !int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                return false;
            }

            _at = end + 1;
            return true;
        }
    }
}

/// <summary>
/// Which pairs of adjacent characters a text holds, and which characters, as 4,096 bits (a hash picks each one's
/// bit): filled in one pass, then asked in a few operations whether every pair of a word is there. A word whose pairs
/// are not all there is not in the text; one whose pairs are may be.
/// </summary>
internal readonly struct CharPairs
{
    /// <summary>How many 64-bit words the bits take.</summary>
    public const int Words = Bits / 64;

    private const int Bits = 4096;

    // What a character is paired with for its own bit: a one-character word stands after any character.
    private const char Alone = '\uffff';

    private readonly ulong[] _bits;

    /// <summary>The bits filled before, read again.</summary>
    public CharPairs(ulong[] bits) => _bits = bits;

    /// <summary>Fills <paramref name="bits"/> (at least <see cref="Words"/> long; cleared here) from <paramref name="text"/>.</summary>
    public CharPairs(ReadOnlySpan<char> text, ulong[] bits)
    {
        bits.AsSpan(0, Words).Clear();
        var previous = '\0';
        foreach (var c in text)
        {
            var h = Hash(previous, c);
            var one = Hash(Alone, c);
            bits[h >> 6] |= 1UL << (h & 63);
            bits[one >> 6] |= 1UL << (one & 63);
            previous = c;
        }

        _bits = bits;
    }

    /// <summary>The bits of a word's pairs; for a word of one character, that character's own bit.</summary>
    public static int[] Of(string word)
    {
        if (word.Length == 1)
        {
            return [Hash(Alone, word[0])];
        }

        var hashes = new int[word.Length - 1];
        for (var i = 1; i < word.Length; i++)
        {
            hashes[i - 1] = Hash(word[i - 1], word[i]);
        }

        return hashes;
    }

    public bool HoldsAll(int[] hashes)
    {
        foreach (var h in hashes)
        {
            if ((_bits[h >> 6] & (1UL << (h & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Hash(char previous, char c) => (int)((((uint)previous * 0x9E3779B1u) ^ ((uint)c * 0x85EBCA77u)) >> 20);
}
