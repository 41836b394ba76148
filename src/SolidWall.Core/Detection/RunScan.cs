using System.Buffers;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// Whether a context pattern matches a window of a field, found by running it only on the parts of the window
/// that can hold a match. For patterns (<see cref="CampaignTerms"/>, <see cref="LookAlikes.Common"/>, the
/// signals' <see cref="TrapPattern"/>s) that read
/// and match nothing but word characters, blanks and '-': a match, the words a look-behind looks for and the
/// \b's lie within one run of text between two "breaks" (ASCII punctuation other than '-' and '_'), which read as
/// the run's edges would. So the window matches when one of its runs, cut at the window's edges, does; and a run
/// can match only when one of the anchor words, which every match holds, starts in it. Signals ask about
/// 500-character windows around common words ("donate", "please"), where a board or a student is often named
/// but no campaign: such windows now run the pattern on a sentence or two instead of the whole window.
/// </summary>
internal static class RunScan
{
    // Characters no match (nor look-behind) of those patterns can hold: neither word characters, blanks nor '-'.
    private static readonly SearchValues<char> Breaks = SearchValues.Create("!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~");

    /// <summary>pattern.IsMatch(around), where <paramref name="around"/> starts at <paramref name="from"/> in the field.</summary>
    public static bool IsMatch(Regex pattern, WordSet anchors, TextField field, int from, ReadOnlySpan<char> around)
    {
        var anchor = anchors.IndexIn(field, from);
        while (anchor >= 0 && anchor < from + around.Length)
        {
            var runStart = around[..(anchor - from)].LastIndexOfAny(Breaks) + 1;
            var runLength = around[(anchor - from)..].IndexOfAny(Breaks);
            var runEnd = runLength < 0 ? around.Length : anchor - from + runLength;
            if (pattern.IsMatch(around[runStart..runEnd]))
            {
                return true;
            }

            anchor = runEnd == around.Length ? -1 : anchors.IndexIn(field, from + runEnd);
        }

        return false;
    }

    /// <summary>pattern.IsMatch(text), the anchors searched in the text itself.</summary>
    public static bool IsMatch(Regex pattern, WordSet anchors, ReadOnlySpan<char> text)
    {
        var from = 0;
        while (from < text.Length && anchors.IndexIn(text[from..]) is var at and >= 0)
        {
            var anchor = from + at;
            var runStart = text[..anchor].LastIndexOfAny(Breaks) + 1;
            var runLength = text[anchor..].IndexOfAny(Breaks);
            var runEnd = runLength < 0 ? text.Length : anchor + runLength;
            if (pattern.IsMatch(text[runStart..runEnd]))
            {
                return true;
            }

            from = runEnd;
        }

        return false;
    }
}
