using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// The literal words one of which every match of a pattern holds, read from the pattern's source, and a test of
/// whether a field can hold any of them (<see cref="MayMatch"/>, by the field's <see cref="CharacterRuns"/>). The
/// patterns of other scripts (<see cref="OtherScripts"/>: Ukrainian, Arabic, Chinese, Vietnamese), which the lexicon
/// cannot gate, otherwise each run over the whole of every field that holds such a letter: 5–8 ns a character each,
/// a dozen of them, most finding nothing. Derived from the source, the words cannot drift from the pattern as it is
/// edited; a pattern the derivation cannot read with certainty (case-insensitive, inline options, an alternative
/// that can match without a literal) has none and always runs.
/// </summary>
internal sealed class RequiredLiterals
{
    private static readonly ConditionalWeakTable<Regex, RequiredLiterals> ByPattern = [];

    private readonly int[][]? _runs;

    // The words, one of which every match holds, as their runs' bits; null when the pattern's source does not say.
    private RequiredLiterals(string[]? words) => _runs = words?.Select(CharacterRuns.Of).ToArray();

    /// <summary>The required literals of <paramref name="regex"/>, derived once per pattern.</summary>
    public static RequiredLiterals Of(Regex regex) =>
        ByPattern.GetValue(regex, static r => new RequiredLiterals(Derive(r.ToString(), r.Options)));

    /// <summary>
    /// False only when no required word can stand in the field: some run of characters of every word is
    /// missing from it. True when the pattern has no required words.
    /// </summary>
    public bool MayMatch(TextField field)
    {
        if (_runs is null)
        {
            return true;
        }

        var sketch = field.CharacterRuns;
        foreach (var word in _runs)
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
/// Which runs of three characters a text holds, which pairs and which characters, as bits (a hash picks each one's
/// bit): filled in one pass, then asked in a few operations whether every run of a word is there. A word whose runs
/// are not all there is not in the text; one whose runs are may be. A word of three letters or more is asked for its
/// runs of three: pairs alone let most of a Vietnamese letter through a pattern of thirty words ("cho" where "ch" and
/// "ho" stand apart). The runs and pairs take 65,536 bits, so that a letter of 400 characters sets about 1 % of them
/// and a word that is not there seldom looks present.
/// </summary>
internal readonly struct CharacterRuns
{
    /// <summary>How many 64-bit words the bits take.</summary>
    public const int Words = (RunBits + CharacterBits) / 64;

    private const int RunBits = 65536;
    private const int CharacterBits = 4096;

    private readonly ulong[] _bits;

    /// <summary>The bits filled before, read again.</summary>
    public CharacterRuns(ulong[] bits) => _bits = bits;

    /// <summary>Fills <paramref name="bits"/> (at least <see cref="Words"/> long; cleared here) from <paramref name="text"/>.</summary>
    public CharacterRuns(ReadOnlySpan<char> text, ulong[] bits)
    {
        bits.AsSpan(0, Words).Clear();
        var (first, second) = ('\0', '\0');
        foreach (var c in text)
        {
            var triple = Triple(first, second, c);
            var pair = Pair(second, c);
            var alone = Character(c);
            bits[triple >> 6] |= 1UL << (triple & 63);
            bits[pair >> 6] |= 1UL << (pair & 63);
            bits[alone >> 6] |= 1UL << (alone & 63);
            (first, second) = (second, c);
        }

        _bits = bits;
    }

    /// <summary>
    /// The bits a word needs: its runs of three characters; for a word of two, the pair; for a word of one, that
    /// character's own bit (it stands after any character).
    /// </summary>
    public static int[] Of(string word)
    {
        switch (word.Length)
        {
            case 1:
                return [Character(word[0])];
            case 2:
                return [Pair(word[0], word[1])];
        }

        var hashes = new int[word.Length - 2];
        for (var i = 2; i < word.Length; i++)
        {
            hashes[i - 2] = Triple(word[i - 2], word[i - 1], word[i]);
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

    // 16 bits for a run or a pair (the pair's hash is the run's with no first character, which no text holds: '\uffff');
    // 12 for a character alone, after them.
    private static int Triple(char first, char second, char c) =>
        (int)(((((uint)first * 0x27D4EB2Fu) + ((uint)second * 0x9E3779B1u)) ^ ((uint)c * 0x85EBCA77u)) * 0xC2B2AE3Du >> 16);

    private static int Pair(char first, char c) => Triple('\uffff', first, c);

    private static int Character(char c) => RunBits + (int)(((uint)c * 0x9E3779B1u) >> 20);
}
