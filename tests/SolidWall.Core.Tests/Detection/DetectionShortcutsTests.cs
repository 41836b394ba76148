using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The shortcuts the detector takes for speed must change nothing: the table lower-casing gives what
/// <see cref="string.ToLowerInvariant()"/> gives, a link the platform pre-check rules out leads to no platform, and
/// the candidate pattern starts no match before where its scan now begins.
/// </summary>
public sealed class DetectionShortcutsTests
{
    [Fact]
    public void TableLowerCasingIsToLowerInvariantForEveryCharacter()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // After a non-ASCII character, where the runtime leaves ASCII casing for ICU.
            var text = "É" + (char)c + "Ab";
            Assert.Equal(text.ToLowerInvariant(), InvariantLower.Of(text));
        }
    }

    [Fact]
    public void TableLowerCasingIsToLowerInvariantForMixedText()
    {
        string[] pieces = ["ABC", "déjà", "İ", "ı", "ß", "Ω", "\u00a0", "’", "𐐀", "\ud801", "\udc00", "x", " ", "Straße", "ǅ", "Ⅻ"];
        var random = new Random(3);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(text.ToLowerInvariant(), InvariantLower.Of(text));
        }
    }

    [Theory]
    [InlineData("https://secure.ACTBLUE.com/donate/x")]
    [InlineData("https://t.example.com/r?u=https%3A%2F%2Fsecure.actblue.com%2Fdonate")]
    [InlineData("https://t.example.com/r?u=https://www.mobilize.us/event/1")]
    [InlineData("https://xn--actblue.com/")]
    [InlineData("https://ａｃｔｂｌｕｅ.com/donate")]
    [InlineData("https://actblue.com./x")]
    public void LinksThatMayReachAPlatformAreNotRuledOut(string link) =>
        Assert.False(DonationPlatformLink.CannotReachPlatform(link));

    [Fact]
    public void RuledOutLinksReachNoPlatform()
    {
        string[] pieces = ["https://", "http://", "www.", "act", "blue", ".com", ".org", "winred", "donorbox", "/", "?u=", "&v=", "%2F", "%3A", "://", "+", ".", "x", "ACT", "BLUE", " ", "mobilize.us"];
        var random = new Random(5);
        for (var i = 0; i < 5000; i++)
        {
            var link = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (DonationPlatformLink.CannotReachPlatform(link))
            {
                Assert.Null(DonationPlatformLink.Find(link, 0));
            }
        }
    }

    [Fact]
    public void NoCandidatePatternMatchStartsBeforeItsEarliestStart()
    {
        string[] pieces = ["Vote for ", "vote ", "Jane ", "O'Neil ", "Doe ", "for ", "FOR ", "4 ", "para ", "Mayor", "school board", "State Rep", "re-elect ", "Re-Elect ", "Reelige a ",
            "Vota por ", "Elect ", "election ", "before ", "Vote\tfor ", "for\u00a0", "élan ", "Ñandú ", "\u00a0", "\n", "-", ".", "2024 ", "x ", "Alcalde", "the ", "Board "];
        var random = new Random(7);
        var found = 0;
        for (var i = 0; i < 5000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 16)).Select(_ => pieces[random.Next(pieces.Length)]));
            var field = new TextField("text", text);
            var earliest = CandidateCallToAction.EarliestStart(field, 0, text.Length);
            var first = CandidateCallToAction.NamePattern.Regex.Match(text);
            if (first.Success)
            {
                found++;
                Assert.True(earliest >= 0 && first.Index >= earliest, $"'{text}': match at {first.Index}, scan from {earliest}");
            }
        }

        Assert.True(found > 500, $"only {found} texts matched");
    }

    [Fact]
    public void ContextPatternsInAWindowAreFoundRunByRunAsInTheWholeWindow()
    {
        // Cut look-behinds ("marketing campaign"), words cut at a window's edge ("pace", "candidatex"), matches
        // across blanks and line breaks, punctuation of every kind between them.
        string[] pieces = ["campaign", "Campaigns ", "marketing ", "anti-bullying ", "ad-free ", "for ", "4 ", "mayor", "state  rep", "pac", "e ", "x",
            "candidat", "re-elect", "reelect", "elect ", "Ballot", "school board race", "city\ncouncil", "lit drop", "phone-bank", "yard signs",
            "para ", "alcaldesa", "campaña", "elección", "board", "clerk ", "the ", " ", "\n", "-", "_", ".", ",", "'", "!", "(", "é", "\u00a0", "2024",
            "non-partisan", "student council", "pta", "polling place", "union\tmeeting", "de publicidad"];
        var random = new Random(11);
        var matched = 0;
        var lookAlikes = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var field = new TextField("text", text);
            for (var w = 0; w < 5; w++)
            {
                var from = random.Next(text.Length + 1);
                var window = field.Lower.Slice(from, random.Next(text.Length - from + 1));
                var expected = CampaignTerms.Terms.IsMatch(window);
                matched += expected ? 1 : 0;
                Assert.True(expected == CampaignTerms.HasTerm(field, from, window), $"'{text}' [{from}, +{window.Length}): expected {expected}");
                var common = LookAlikes.Common.IsMatch(window);
                lookAlikes += common ? 1 : 0;
                Assert.True(common == RunScan.IsMatch(LookAlikes.Common, LookAlikes.CommonAnchors, field, from, window), $"'{text}' [{from}, +{window.Length}): look-alike expected {common}");
            }
        }

        Assert.True(matched > 2000 && lookAlikes > 300, $"only {matched} windows matched campaign terms, {lookAlikes} look-alikes");
    }

    [Fact]
    public void TrapPatternsFoundRunByRunAreTheWholeTextsMatches()
    {
        string[] pieces = ["charity", "food ", "drive", "walk-a-thon", "walkathon", "book fair", "red  cross", "elect ", "officers", "a\nnew", "favourite",
            "student of the month", "pep rally", "car wash", "scholarships", "venta de pasteles", "x", "s", "the ", " ", "\n", "-", "_", ".", ",", "'", "!", "é"];
        TrapPattern[] traps = [CampaignDonationAsk.OwnTraps, CandidateCallToAction.OwnTraps, EventInvitation.OwnTraps];
        var random = new Random(13);
        var matched = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = InvariantLower.Of(string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)])));
            var from = random.Next(text.Length + 1);
            var window = text.AsSpan(from, random.Next(text.Length - from + 1));
            foreach (var trap in traps)
            {
                var expected = trap.IsMatchWhole(window);
                matched += expected ? 1 : 0;
                Assert.True(expected == trap.IsMatch(window), $"'{window}': expected {expected}");
            }
        }

        Assert.True(matched > 300, $"only {matched} windows matched");
    }
}
