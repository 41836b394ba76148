using System.Buffers;
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
    /// The matches of <paramref name="pattern"/> that <paramref name="accept"/> keeps. <paramref name="keywords"/>
    /// are lower-case words every match contains one of: a field holding none of them is skipped with one
    /// vectorised search, so most mail never runs the pattern at all.
    /// </summary>
    public static List<Evidence>? Find(DetectionContext context, SearchValues<string> keywords, Regex pattern, Func<DetectionContext, TextField, int, int, bool> accept, string? note = null) =>
        Find(context, keywords, pattern, accept, needsCampaign: false, note);

    /// <summary>As above; with <paramref name="needsCampaign"/>, a message without any campaign word is skipped at once.</summary>
    public static List<Evidence>? Find(DetectionContext context, SearchValues<string> keywords, Regex pattern, Func<DetectionContext, TextField, int, int, bool> accept, bool needsCampaign, string? note = null)
    {
        if (needsCampaign && !context.MayMentionCampaign)
        {
            return null;
        }

        List<Evidence>? found = null;
        foreach (var field in context.Fields)
        {
            if (!field.Lower.AsSpan().ContainsAny(keywords))
            {
                continue;
            }

            foreach (var match in pattern.EnumerateMatches(field.Lower))
            {
                if (accept(context, field, match.Index, match.Length))
                {
                    found ??= [];
                    found.Add(field.At(match.Index, match.Length, note));
                    if (found.Count == MaxEvidence)
                    {
                        return found;
                    }
                }
            }
        }

        return found;
    }

    public static Regex Compile(string pattern) => new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static SearchValues<string> Keywords(params string[] words) => SearchValues.Create(words, StringComparison.Ordinal);
}
