using SolidWall.Core.Detection.Model;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>The vector a message becomes: words and word pairs, sublinear counts, unit length, reply prefixes ignored.</summary>
public sealed class FeatureExtractorTests
{
    [Theory]
    [InlineData("Re: Fwd: RE: Volunteer shifts", "Volunteer shifts")]
    [InlineData("FW: AW:Sign the petition", "Sign the petition")]
    [InlineData("Reyes: the plan", "Reyes: the plan")]
    [InlineData("Results: vote", "Results: vote")]
    public void ReplyPrefixesAreNotContent(string subject, string expected) =>
        Assert.Equal(expected, FeatureExtractor.WithoutReplyPrefixes(subject).ToString());

    [Fact]
    public void ShortVectorCountsWordsAndPairs()
    {
        var extractor = new FeatureExtractor();
        var x = extractor.Extract(null, "call call call for Ortiz");
        // No word is longer than five letters, so no stems here, and none is a campaign word.
        // Distinct features: call, ortiz + pairs (call call), (call for), (for ortiz) = 5, barring collisions; "for" is a
        // function word, no feature of its own.
        Assert.Equal(5, x.Count);
        Assert.DoesNotContain(Enumerable.Range(0, x.Count), i => extractor.Term(x.Origins[i], x.Buckets[i]) == "for");
        // Short: not scaled up to unit length, but to length (raw norm / MinimumNorm).
        var raw = Math.Sqrt(Math.Pow(1 + Math.Log(3), 2) + Math.Pow(1 + Math.Log(2), 2) + 3); // call ×3, "call call" ×2, three singles
        Assert.Equal(raw / FeatureExtractor.MinimumNorm, Norm(x), 5);
        Assert.Equal(5, x.TokenCount);
        var call = Enumerable.Range(0, x.Count).Single(i => extractor.Term(x.Origins[i], x.Buckets[i]) == "call");
        var ortiz = Enumerable.Range(0, x.Count).Single(i => extractor.Term(x.Origins[i], x.Buckets[i]) == "ortiz");
        Assert.Equal(1 + Math.Log(3), x.Values[call] / x.Values[ortiz], 4);
        Assert.Contains(Enumerable.Range(0, x.Count), i => extractor.Term(x.Origins[i], x.Buckets[i]) == "for ortiz");
    }

    [Fact]
    public void LongWordsAlsoCountAsTheirStem()
    {
        var extractor = new FeatureExtractor();
        // Words of no concept (ConceptLexicon): a word and its stem.
        var a = extractor.Extract(null, "gardeners").Compact();
        var b = extractor.Extract(null, "gardening").Compact();
        Assert.Equal(2, a.Count);
        Assert.Single(a.Buckets.Intersect(b.Buckets));
        var c = extractor.Extract(null, "votación");
        Assert.Contains(Enumerable.Range(0, c.Count), i => extractor.Term(c.Origins[i], c.Buckets[i]) == "votac…");
    }

    [Fact]
    public void LongMessagesHaveUnitLength()
    {
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => "word" + (char)('a' + (i % 26)) + (char)('a' + (i / 26))));
        Assert.Equal(1.0, Norm(new FeatureExtractor().Extract("subject", text)), 5);
    }

    private static int[] PairBuckets(FeatureExtractor extractor, string pair) => extractor.Extract(null, pair).Compact().Buckets.ToArray();

    private static double Norm(FeatureVector x) => Math.Sqrt(Enumerable.Range(0, x.Count).Sum(i => (double)x.Values[i] * x.Values[i]));

    [Fact]
    public void AQuotedWordAlsoCountsAsQuoted()
    {
        var extractor = new FeatureExtractor();
        const string text = "Nope, busy.\n\n> Call Reyes\n";
        var segments = SegmentSplitter.Split(text);
        var x = extractor.Extract(null, text, segments);
        var terms = Enumerable.Range(0, x.Count).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).ToList();
        // The author's words as themselves and as own words above a quote, the quoted ones as themselves and as quoted;
        // no pair across the two.
        var above = FeatureExtractor.ReplySuffix;
        string[] expected = ["> call", "> reyes", "busy", "busy" + above, "call", "call reyes", "nope", "nope busy", "nope" + above, "reyes"];
        Assert.Equal(expected.Order(), terms.Order());

        // The same words unquoted share the plain features and have no quoted ones.
        var plain = extractor.Extract(null, "Nope, busy.\n\nCall Reyes\n", SegmentSplitter.Split("Nope, busy.\n\nCall Reyes\n")).Compact();
        var quoted = extractor.Extract(null, text, segments).Compact();
        Assert.Equal(7, plain.Count);
        Assert.Equal(6, plain.Buckets.Intersect(quoted.Buckets).Count()); // all but the pair "busy call", which the quote breaks
        Assert.Equal(plain.Count, plain.ContextFrom);
        Assert.Equal(quoted.Count - 2, quoted.ContextFrom); // the two own words above the quote come last
    }

    [Fact]
    public void ForwardedTextAndItsHeadersReadAsQuoted()
    {
        var extractor = new FeatureExtractor();
        const string text = "FYI\n\n---------- Forwarded message ---------\nFrom: Kelsey <kelsey@reelect.example>\nSubject: Externship\n\nApply today\n";
        var x = extractor.Extract(null, text, SegmentSplitter.Split(text));
        var terms = Enumerable.Range(0, x.Count).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).ToHashSet();
        Assert.Contains("fyi", terms);
        Assert.DoesNotContain("> fyi", terms);
        Assert.Contains("> apply", terms);
        Assert.Contains("> externship", terms);
    }

    [Fact]
    public void WithoutSegmentsTheTextIsTheAuthorsOwn()
    {
        var extractor = new FeatureExtractor();
        var a = extractor.Extract("Hi", "> Vote Reyes", []).Compact();
        var b = extractor.Extract("Hi", "> Vote Reyes").Compact();
        Assert.Equal(b.Buckets, a.Buckets);
        Assert.Equal(b.Values, a.Values);
    }

    [Fact]
    public void NoPairAcrossSubjectAndBody()
    {
        var extractor = new FeatureExtractor();
        var x = extractor.Extract("Call", "today");
        Assert.Equal(["call", "today"], Enumerable.Range(0, x.Count).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).Order());
    }

    [Fact]
    public void BesideACampaignWordEveryWordAlsoCountsInCampaignContext()
    {
        var extractor = new FeatureExtractor();
        // The school's own sign: no campaign word, so each word counts once.
        var school = extractor.Extract(null, "Please hang our sign in your window");
        var schoolTerms = Enumerable.Range(0, school.Count).Select(i => extractor.Term(school.Origins[i], school.Buckets[i])).ToList();
        Assert.DoesNotContain(schoolTerms, t => t.EndsWith(FeatureExtractor.ContextSuffix, StringComparison.Ordinal));
        Assert.Equal(school.Count, school.ContextFrom);

        // Words that are campaign words elsewhere: a Mexican "boleta" is a report card, a Vietnamese "góp" (folded "gop") chipping in.
        foreach (var text in new[] { "Recojan la boleta de calificaciones el viernes", "Mỗi lớp góp 20 đô cho tiệc" })
        {
            var x = extractor.Extract(null, text);
            Assert.Equal(x.Count, x.ContextFrom);
        }

        // The same ask beside a campaign word (or the placeholder of a registered candidate's name, or a Vietnamese
        // two-syllable word): every content word also counts as itself in campaign context; pairs and stems do not.
        foreach (var text in new[] { "Please hang our campaign sign in your window", $"Please hang our {WorldNames.Placeholder} sign in your window", "Xin treo bảng bầu cử" })
        {
            var x = extractor.Extract(null, text);
            var terms = Enumerable.Range(0, x.Count).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).ToList();
            var words = terms.Where(t => !t.Contains(' ', StringComparison.Ordinal) && !t.EndsWith('…')).ToList();
            Assert.NotEmpty(words);
            Assert.All(words, w => Assert.Contains(w + FeatureExtractor.ContextSuffix, terms));
            // They come last, where the category heads stop reading (FeatureVector.ContextFrom).
            Assert.All(terms.Take(x.ContextFrom), t => Assert.False(t.EndsWith(FeatureExtractor.ContextSuffix, StringComparison.Ordinal), t));
            Assert.All(terms.Skip(x.ContextFrom), t => Assert.EndsWith(FeatureExtractor.ContextSuffix, t, StringComparison.Ordinal));
        }

        // The words' own features are the same with or without the campaign word.
        var campaign = extractor.Extract(null, "Please hang our campaign sign in your window").Compact();
        var own = extractor.Extract(null, "Please hang our sign in your window").Compact();
        Assert.Empty(own.Buckets.Where(b => !campaign.Buckets.Contains(b)).Except(PairBuckets(extractor, "our sign")));
    }

    [Fact]
    public void CrossValidationOfASeparableSetIsPerfect()
    {
        var report = CrossValidator.Run(ModelTrainerTests.Synthetic(150, seed: 11), folds: 3);
        Assert.Equal(150, report.Examples);
        Assert.Equal(1.0, report.Overall.F1);
        Assert.Empty(report.Errors);
        Assert.Equal(100, report.District.Support);
        Assert.Equal(3, report.FoldCombinations.Count);
        Assert.Equal(50, report.Categories["fundraising"].Support);

        // The district rows read a third time, with a registry of other campaigns: not complete, it finds nothing in
        // them, and they read as with no registry. A fourth time with that registry marked complete.
        Assert.Equal(report.District.Support, report.DistrictUnregistered!.Support);
        Assert.Equal(report.DistrictWithoutRegistry, report.DistrictUnregistered);
        Assert.Equal(report.District.Support, report.DistrictUnregisteredMarkedComplete!.Support);

        // Twice more with the registry suggested from their own held-out verdicts without one: never complete.
        Assert.Equal(report.District.Support, report.DistrictSuggested!.Support);
        Assert.Equal(report.District.Support, report.DistrictSuggestedMarkedComplete!.Support);
        Assert.False(report.SuggestedRegistry!.Complete);

        // The same verdicts at other thresholds: the policy's own is the report's figures, and a higher one flags no more.
        Assert.Equal(CrossValidator.OperatingThresholds, report.OperatingPoints.Select(p => p.Threshold));
        var atPolicy = report.OperatingPoints.Single(p => p.Threshold == report.Threshold);
        Assert.Equal((report.Overall, report.District), (atPolicy.Overall, atPolicy.District));
        Assert.All(report.OperatingPoints.Zip(report.OperatingPoints.Skip(1)), pair =>
            Assert.True(pair.Second.Overall.TruePositives + pair.Second.Overall.FalsePositives <= pair.First.Overall.TruePositives + pair.First.Overall.FalsePositives));

        // Every row's held-out score, in the data's order, agreeing with the counts.
        Assert.Equal(150, report.Scores.Count);
        Assert.Equal(report.Overall.TruePositives + report.Overall.FalsePositives, report.Scores.Count(s => s.Flagged));
        Assert.Equal(report.Overall.Support, report.Scores.Count(s => s.Electioneering));
        Assert.All(report.Scores.Where(s => s.Flagged), s => Assert.True(s.Score >= report.Threshold));

        // Each row's labelled categories where its source labels them, and the categories its held-out verdict names:
        // some exactly when it is flagged, and agreeing with the per-category counts.
        Assert.Equal(150, report.Scores.Count(s => s.Categories is not null));
        Assert.All(report.Scores, s => Assert.Equal(s.Flagged, s.NamedCategories!.Count > 0));
        var fundraising = report.Categories["fundraising"];
        Assert.Equal(fundraising.TruePositives, report.Scores.Count(s => s.Categories!.Contains("fundraising") && s.NamedCategories!.Contains("fundraising")));
        Assert.Equal(fundraising.FalsePositives, report.Scores.Count(s => !s.Categories!.Contains("fundraising") && s.NamedCategories!.Contains("fundraising")));
    }
}
