using System.Runtime.CompilerServices;

namespace SolidWall.Core.Text;

public static partial class PdfText
{
    // Marks around characters that stay together, in their order, when a right-to-left line is reordered: a ligature's
    // letters, an /ActualText. Noncharacters, which no text holds; they never reach the output.
    private const char UnitStart = '\uFDD0';
    private const char UnitEnd = '\uFDD1';

    // Marks a line drawn in reading order: it is not reordered.
    private const char ReadingOrder = '\uFDD2';

    private static bool HasRightToLeft(string s)
    {
        foreach (var c in s)
        {
            if (IsRightToLeft(c))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRightToLeft(char c) =>
        c >= '\u0590' && c is (>= '\u0590' and <= '\u08FF' and not (>= '\u0660' and <= '\u0669') and not (>= '\u06F0' and <= '\u06F9'))
            or (>= '\uFB1D' and <= '\uFDFF' and not (>= UnitStart and <= '\uFDEF')) or (>= '\uFE70' and <= '\uFEFC');

    /// <summary>
    /// A line with right-to-left text (Arabic, Hebrew) in reading order. Most writers draw glyphs left to right as they
    /// appear, so an Arabic word comes out of their content backwards; a line drawn in reading order instead (Cairo's) is
    /// marked so and left alone. A line mostly in such a script is reversed, and the numbers and Latin words in it put
    /// back the right way round; in a line mostly left-to-right only the right-to-left runs are reversed, numbers in them
    /// excepted. Brackets that were mirrored for display are mirrored back. A simplification of the Unicode
    /// bidirectional algorithm that holds for the lines flyers have.
    /// </summary>
    private static string Reorder(string line)
    {
        if (!HasRightToLeft(line) || line.Contains(ReadingOrder, StringComparison.Ordinal))
        {
            return line.AsSpan().IndexOfAny(UnitStart, UnitEnd, ReadingOrder) < 0
                ? line
                : line.Replace(UnitStart.ToString(), "", StringComparison.Ordinal).Replace(UnitEnd.ToString(), "", StringComparison.Ordinal).Replace(ReadingOrder.ToString(), "", StringComparison.Ordinal);
        }

        var units = new List<string>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == UnitStart)
            {
                var end = line.IndexOf(UnitEnd, i + 1);
                end = end < 0 ? line.Length : end;
                units.Add(line[(i + 1)..end].Replace(UnitStart.ToString(), "", StringComparison.Ordinal));
                i = end;
            }
            else if (line[i] != UnitEnd)
            {
                var pair = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]);
                units.Add(line.Substring(i, pair ? 2 : 1));
                i += pair ? 1 : 0;
            }
        }

        // R right-to-left, L left-to-right, D a digit, N the rest (spaces, punctuation).
        var kinds = units.Select(u => u.Any(IsRightToLeft) ? 'R' : u.Any(char.IsLetter) ? 'L' : u.Any(char.IsDigit) ? 'D' : 'N').ToArray();
        var keep = new bool[units.Count]; // left-to-right again after the reversal: not mirrored
        if (kinds.Count(k => k == 'R') >= 2 * kinds.Count(k => k == 'L'))
        {
            units.Reverse();
            Array.Reverse(kinds);
            foreach (var (start, end) in Runs(kinds, 0, kinds.Length, 'L', 'R'))
            {
                Reverse(units, kinds, start, end);
                keep.AsSpan(start, end - start + 1).Fill(true);
            }

            Mirror(units, kinds, keep, 0, units.Count);
        }
        else
        {
            foreach (var (start, end) in Runs(kinds, 0, kinds.Length, 'R', 'L'))
            {
                Reverse(units, kinds, start, end);
                foreach (var (from, to) in Runs(kinds, start, end + 1, 'D', 'R'))
                {
                    Reverse(units, kinds, from, to);
                    keep.AsSpan(from, to - from + 1).Fill(true);
                }

                Mirror(units, kinds, keep, start, end + 1);
            }
        }

        return string.Concat(units);
    }

    // Maximal runs in kinds[from..to) that begin and end with a unit of kind `strong` (a digit counts as left-to-right)
    // and hold no unit of kind `barrier`.
    private static List<(int Start, int End)> Runs(char[] kinds, int from, int to, char strong, char barrier)
    {
        bool Strong(char k) => k == strong || (strong == 'L' && k == 'D');
        var runs = new List<(int, int)>();
        var start = -1;
        var last = -1;
        for (var i = from; i < to; i++)
        {
            if (kinds[i] == barrier || (strong == 'D' && kinds[i] == 'L'))
            {
                if (start >= 0)
                {
                    runs.Add((start, last));
                }

                start = -1;
            }
            else if (Strong(kinds[i]))
            {
                start = start < 0 ? i : start;
                last = i;
            }
        }

        if (start >= 0)
        {
            runs.Add((start, last));
        }

        return runs;
    }

    private static void Reverse(List<string> units, char[] kinds, int start, int end)
    {
        units.Reverse(start, end - start + 1);
        Array.Reverse(kinds, start, end - start + 1);
    }

    private static void Mirror(List<string> units, char[] kinds, bool[] keep, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (kinds[i] == 'N' && !keep[i])
            {
                units[i] = units[i] switch
                {
                    "(" => ")",
                    ")" => "(",
                    "[" => "]",
                    "]" => "[",
                    "{" => "}",
                    "}" => "{",
                    "<" => ">",
                    ">" => "<",
                    "«" => "»",
                    "»" => "«",
                    var u => u,
                };
            }
        }
    }
}
