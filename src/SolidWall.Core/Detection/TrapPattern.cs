using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// A signal's own look-alike pattern with words every match of it holds, so that a window holding none of them
/// is passed with one vectorised search instead of running the pattern. Patterns read the lower-cased text.
/// </summary>
internal sealed class TrapPattern(string pattern, params string[] anchors)
{
    private readonly LazyRegex _regex = PhraseScan.Lazy(pattern);
    private readonly WordSet _anchors = new(anchors);

    // Trap patterns read nothing but word characters, blanks and '-', so they are run by run (see RunScan).
    public bool IsMatch(ReadOnlySpan<char> text) => RunScan.IsMatch(_regex, _anchors, text);

    /// <summary>The pattern over the whole text, for tests.</summary>
    internal bool IsMatchWhole(ReadOnlySpan<char> text) => _regex.IsMatch(text);
}
