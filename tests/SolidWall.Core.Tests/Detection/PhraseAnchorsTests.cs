using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// A phrase pattern runs only on the clauses that hold one of its anchors (<see cref="PhrasePattern"/>), so every match
/// must hold one, or the clause skipping loses it. Checked on the district set's subjects and texts in its ten
/// languages, as written and with every space made a line break and a double space: a multi-word anchor ("od drzwi")
/// needs a one-word companion for the matches that break the line between its words. A pattern whose anchors count only
/// at a word's start (<see cref="PhrasePattern.AnchorsStartWords"/>) must have one there in every match. The campaign words and the
/// common look-alikes, read run by run with their anchors (<see cref="RunScan"/>), are held to the same.
/// </summary>
public sealed class PhraseAnchorsTests
{
    private static readonly System.Text.RegularExpressions.Regex Blanks = new("\\s+");

    [Fact]
    public void Every_match_of_every_signal_pattern_holds_one_of_its_anchors()
    {
        var texts = new List<string>();
        foreach (var text in Model.TestPaths.DistrictTextsLowerCased())
        {
            texts.Add(text);
            texts.Add(text.Replace(' ', '\n'));
            texts.Add(text.Replace(" ", "  ", StringComparison.Ordinal));
        }

        var patterns = SignalCatalog.All.SelectMany(s => s.Phrases.Select(p => (s.Name, p.Regex, p.Anchors, p.AnchorsStartWords)))
            .Append(("CampaignTerms", CampaignTerms.Terms, CampaignTerms.Anchors, false))
            .Append(("LookAlikes", LookAlikes.Common, LookAlikes.CommonAnchors, false))
            .Append(("CoercionRule pressure", CoercionRule.Pressure, CoercionRule.Anchors, false))
            .Append(("CoercionRule leverage", CoercionRule.Leverage, CoercionRule.Anchors, false))
            .ToList();
        var matches = 0;
        var lost = new List<string>();
        foreach (var text in texts)
        {
            foreach (var (name, regex, anchors, atWordStart) in patterns)
            {
                foreach (var match in regex.EnumerateMatches(text))
                {
                    matches++;
                    var (index, value) = (match.Index, text.Substring(match.Index, match.Length));
                    if (!anchors.Words.Any(w => Holds(text, index, value, w, atWordStart)) && lost.Count < 20)
                    {
                        lost.Add($"{name}{(atWordStart ? " (anchors at word starts)" : "")}: '{value.Replace("\n", "\\n", StringComparison.Ordinal)}'");
                    }
                }
            }
        }

        Assert.True(matches > 10_000, $"only {matches} matches");
        Assert.True(lost.Count == 0, "matches holding no anchor:\n" + string.Join("\n", lost));
    }

    // Whether the match (value, at index in text) holds the anchor; with atWordStart, where no letter or digit comes before it in the text.
    // A blank in an anchor stands for any run of blanks, as in the lexicon.
    private static bool Holds(string text, int index, string value, string anchor, bool atWordStart)
    {
        if (anchor.Contains(' ', StringComparison.Ordinal))
        {
            var collapsed = Blanks.Replace(value, " ");
            for (var i = collapsed.IndexOf(anchor, StringComparison.Ordinal); i >= 0; i = collapsed.IndexOf(anchor, i + 1, StringComparison.Ordinal))
            {
                var before = i > 0 ? collapsed[i - 1] : index > 0 ? text[index - 1] : ' ';
                if (!atWordStart || !char.IsLetterOrDigit(before))
                {
                    return true;
                }
            }

            return false;
        }

        for (var i = value.IndexOf(anchor, StringComparison.Ordinal); i >= 0; i = value.IndexOf(anchor, i + 1, StringComparison.Ordinal))
        {
            if (!atWordStart || index + i == 0 || !char.IsLetterOrDigit(text[index + i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
