using System.Buffers;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// A signal's trigger pattern, with what lets it run on a few clauses of a field instead of all of it. A clause is
/// the text between two <em>stops</em>, characters the pattern cannot match (derived from its source: "." "," "!"
/// and the like when it never names them), so no match spans two clauses and a clause read on its own gives the
/// matches the whole field gives there. Only clauses holding an <em>anchor</em>, a word every match holds, are
/// read, and a field holding no anchor is not read at all. (Until 2026-11-27 the signal's keywords alone decided
/// that, and they missed matches of their own patterns: "chip in" across a line break, "check made
/// out to", "no son elegibles". The anchors complete them.)
/// </summary>
internal sealed class PhrasePattern
{
    // Punctuation that may stop a clause; '_' is missing because \w matches it.
    private const string StopCandidates = ".,!?;:\"()[]{}<>/\\|*+=~^%&@#$`'’‘“”«»–—…•";

    private readonly SearchValues<char>? _stops;

    /// <param name="regex">The pattern; it reads the lower-cased text unless the signal says otherwise.</param>
    /// <param name="keywords">The signal's keywords: the words most matches hold.</param>
    /// <param name="moreAnchors">
    /// Words that, with <paramref name="keywords"/>, every match holds. The shipped keywords miss some matches
    /// (a line break inside "chip in"); these complete them so that no match is lost to the clause skipping.
    /// </param>
    public PhrasePattern(LazyRegex regex, string[] keywords, params string[] moreAnchors)
    {
        _regex = regex;
        Anchors = new WordSet([.. keywords, .. moreAnchors]);
        _stops = StopsOf(regex.Pattern);
    }

    private readonly LazyRegex _regex;

    /// <summary>The pattern, built the first time a clause is read with it.</summary>
    public Regex Regex => _regex.Value;

    /// <summary>The keywords and the words that complete them: every match holds one.</summary>
    public WordSet Anchors { get; }

    /// <summary>
    /// Whether any field of the message holds one of the anchors (the lexicon's pass found them already), or letters
    /// of the other scripts, which a signal reads with a pattern of its own: where neither stands, nothing can match.
    /// </summary>
    public bool MayMatchIn(DetectionContext context)
    {
        foreach (var field in context.Fields)
        {
            if (Anchors.IsIn(field) || field.HasOtherScripts)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every match holds one of its anchors at the start of a word (after no letter or digit), as a pattern
    /// whose words all begin after \b or a blank does: an anchor inside a word ("moun" in "amount", "sure" in
    /// "measure", "grade" in "upgrade") then opens no clause. Checked on the district set by PhraseAnchorsTests.
    /// </summary>
    public bool AnchorsStartWords { get; init; }

    /// <summary>The characters no match of <paramref name="pattern"/> can hold, or null when that cannot be told from its source.</summary>
    internal static SearchValues<char>? StopsOf(string pattern)
    {
        // A wildcard, a negated shorthand, a character given by its code or a Unicode category other than letters
        // could match punctuation without naming it; a negated class matches all punctuation it does not name.
        var named = new System.Text.StringBuilder();
        var negated = new List<string>();
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is 'W' or 'S' or 'D' or 'P' or 'x' or 'u' or 'c' or (>= '0' and <= '9')
                    || (next == 'p' && !pattern.AsSpan(i + 1).StartsWith("{L}") && !pattern.AsSpan(i + 1).StartsWith("{Lu}")))
                {
                    return null;
                }

                named.Append(c).Append(next);
            }
            else if (c == '[' && !inClass && i + 1 < pattern.Length && pattern[i + 1] == '^')
            {
                // What the negated class leaves out, escapes read as the character they escape ("\\." is '.').
                var end = pattern.IndexOf(']', i + 2);
                if (end < 0 || pattern.AsSpan(i + 2, end - i - 2).Contains('['))
                {
                    return null;
                }

                negated.Add(pattern[(i + 2)..end].Replace("\\", "", StringComparison.Ordinal));
                i = end;
            }
            else
            {
                if (c == '[')
                {
                    if (inClass)
                    {
                        return null;
                    }

                    inClass = true;
                }
                else if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '.' && !inClass)
                {
                    return null;
                }

                named.Append(c);
            }
        }

        var source = named.ToString();
        var stops = StopCandidates.Where(s => !source.Contains(s, StringComparison.Ordinal) && negated.TrueForAll(n => n.Contains(s, StringComparison.Ordinal))).ToArray();
        return stops.Length == 0 ? null : SearchValues.Create(stops);
    }

    /// <summary>
    /// The clauses of the field's lower-cased text (start and length, in order) that hold an anchor: the only places
    /// a match can be. The whole text is one clause when the pattern has no stops.
    /// </summary>
    public Clauses ClausesOf(TextField field) => new(field, Anchors, _stops, AnchorsStartWords);

    /// <summary>Walks the clauses that hold an anchor (at a word's start, with <paramref name="wordStarts"/>), without allocating.</summary>
    public ref struct Clauses(TextField field, WordSet anchors, SearchValues<char>? stops, bool wordStarts)
    {
        private int _from;

        public (int Start, int Length) Current { get; private set; }

        public readonly Clauses GetEnumerator() => this;

        public bool MoveNext()
        {
            var lower = field.Lower;
            if (_from >= lower.Length)
            {
                return false;
            }

            var at = anchors.IndexIn(field, _from);
            while (wordStarts && at > 0 && char.IsLetterOrDigit(lower[at - 1]))
            {
                at = at + 1 < lower.Length ? anchors.IndexIn(field, at + 1) : -1;
            }

            if (at < 0)
            {
                _from = lower.Length;
                return false;
            }

            if (stops is null)
            {
                Current = (0, lower.Length);
                _from = lower.Length;
                return true;
            }

            var start = lower.Slice(0, at).LastIndexOfAny(stops) + 1;
            var stop = lower.Slice(at).IndexOfAny(stops);
            var end = stop < 0 ? lower.Length : at + stop;

            // An anchor that itself holds a stop cannot be inside a match; its clause is read anyway, harmlessly.
            Current = (start, end - start);
            _from = end + 1;
            return true;
        }
    }
}
