using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// The loop phrase signals share: run one precompiled pattern over the lower-cased subject and text, keep the
/// matches the signal accepts (context near, no look-alike near), and quote up to three as evidence.
/// </summary>
internal static class PhraseScan
{
    public const int MaxEvidence = 3;

    /// <summary>
    /// <see cref="FirstOutsideLexicon"/> over the fields that hold letters the lexicon leaves out (<see cref="OtherScripts"/>),
    /// as a signal's list of evidence: the one match found, or null.
    /// </summary>
    public static List<Evidence>? FindInOtherScripts(DetectionContext context, Regex regex, Func<DetectionContext, TextField, int, int, bool> accept) =>
        FirstOutsideLexicon(context, regex, static field => field.HasOtherScripts, accept) is { } found ? [found] : null;

    /// <summary>
    /// The first match of <paramref name="regex"/> that <paramref name="accept"/> keeps, over the lower-cased fields that
    /// <paramref name="worthReading"/> lets through: for patterns outside the lexicon (other scripts, words too common to
    /// anchor on), which a cheap test per field keeps off most mail. The acceptance is <see cref="Find(DetectionContext, PhrasePattern, Func{DetectionContext, TextField, int, int, bool}, string?)"/>'s
    /// (context, field, index, length), so that a signal passes one method to both and no closure is allocated per message.
    /// </summary>
    public static Evidence? FirstOutsideLexicon(DetectionContext context, Regex regex, Func<TextField, bool> worthReading, Func<DetectionContext, TextField, int, int, bool> accept, string? note = null)
    {
        foreach (var field in context.Fields)
        {
            if (!worthReading(field))
            {
                continue;
            }

            // A field of other scripts that cannot hold a word every match holds is not run through the pattern.
            if (field.HasOtherScripts && !RequiredLiterals.Of(regex).MayMatch(field))
            {
                continue;
            }

            foreach (var match in regex.EnumerateMatches(field.Lower))
            {
                if (accept(context, field, match.Index, match.Length))
                {
                    return field.At(match.Index, match.Length, note);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The matches of <paramref name="pattern"/> that <paramref name="accept"/> keeps. A field holding none of the
    /// pattern's keywords is skipped with one vectorised search, and in the others the pattern runs only on the
    /// clauses that hold an anchor, so most mail never runs it at all and the rest runs it on a few clauses.
    /// </summary>
    public static List<Evidence>? Find(DetectionContext context, PhrasePattern pattern, Func<DetectionContext, TextField, int, int, bool> accept, string? note = null) =>
        Find(context, pattern, accept, needsCampaign: false, note);

    /// <summary>As above; with <paramref name="needsCampaign"/>, a message without any campaign word is skipped at once.</summary>
    public static List<Evidence>? Find(DetectionContext context, PhrasePattern pattern, Func<DetectionContext, TextField, int, int, bool> accept, bool needsCampaign, string? note = null)
    {
        if (needsCampaign && !context.MayMentionCampaign)
        {
            return null;
        }

        List<Evidence>? found = null;
        foreach (var field in context.Fields)
        {
            if (!pattern.Anchors.IsIn(field))
            {
                continue;
            }

            foreach (var (start, length) in pattern.ClausesOf(field))
            {
                foreach (var match in pattern.Regex.EnumerateMatches(field.Lower.Slice(start, length)))
                {
                    if (accept(context, field, start + match.Index, match.Length))
                    {
                        found ??= [];
                        found.Add(field.At(start + match.Index, match.Length, note));
                        if (found.Count == MaxEvidence)
                        {
                            return found;
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A pattern for the non-backtracking engine, culture-invariant, built on first use (<see cref="LazyRegex"/>).</summary>
    public static LazyRegex Lazy(string pattern) => new(pattern, Options);

    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>A trigger: the pattern, the shipped keywords that gate a field, and the anchors that complete them (see <see cref="PhrasePattern"/>).</summary>
    public static PhrasePattern Trigger(string pattern, string[] keywords, params string[] moreAnchors) => new(Lazy(pattern), keywords, moreAnchors);

    /// <summary>A trigger whose every match holds an anchor at a word's start (<see cref="PhrasePattern.AnchorsStartWords"/>).</summary>
    public static PhrasePattern WordTrigger(string pattern, string[] keywords, params string[] moreAnchors) =>
        new(Lazy(pattern), keywords, moreAnchors) { AnchorsStartWords = true };
}
