using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// A signal's own look-alike pattern with words every match of it holds, so that a window holding none of them
/// is passed with one vectorised search instead of running the pattern. Patterns read the lower-cased text.
/// </summary>
internal sealed class TrapPattern(string pattern, params string[] anchors)
{
    private readonly Regex _regex = PhraseScan.Compile(pattern);
    private readonly WordSet _anchors = new(anchors);

    public bool IsMatch(ReadOnlySpan<char> text) => _anchors.IsIn(text) && _regex.IsMatch(text);
}
