using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// A pattern built on first use. Building one of the signals' patterns for the non-backtracking engine takes 5–20 ms and
/// keeps up to 5 MB (docs/BENCHMARKS.md), and most of them run only when a message holds one of their words: built
/// eagerly, the signals' 56 were most of the 1.6 s and 270 MB that `solidwall classify` took for one message. Thread-safe:
/// two threads may both build it, and one copy is kept.
/// </summary>
internal sealed class LazyRegex(string pattern, RegexOptions options)
{
    private Regex? _regex;

    /// <summary>The pattern's source, read without building it.</summary>
    public string Pattern { get; } = pattern;

    public Regex Value => Volatile.Read(ref _regex) ?? Build();

    /// <summary>Whether the pattern has been built.</summary>
    internal bool IsBuilt => Volatile.Read(ref _regex) is not null;

    public static implicit operator Regex(LazyRegex lazy) => lazy.Value;

    public bool IsMatch(ReadOnlySpan<char> input) => Value.IsMatch(input);

    public Match Match(string input) => Value.Match(input);

    public MatchCollection Matches(string input) => Value.Matches(input);

    public Regex.ValueMatchEnumerator EnumerateMatches(ReadOnlySpan<char> input) => Value.EnumerateMatches(input);

    public override string ToString() => Pattern;

    private Regex Build()
    {
        Interlocked.CompareExchange(ref _regex, new Regex(Pattern, options), null);
        return _regex!;
    }
}
