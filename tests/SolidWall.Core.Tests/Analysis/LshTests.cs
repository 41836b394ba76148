using SolidWall.Core.Analysis;

namespace SolidWall.Core.Tests.Analysis;

public sealed class LshTests
{
    [Theory]
    [InlineData(64, 0.8)]
    [InlineData(64, 0.5)]
    [InlineData(64, 0.9)]
    [InlineData(128, 0.7)]
    [InlineData(16, 0.8)]
    public void Banding_finds_a_pair_at_the_threshold_with_high_probability_and_its_curve_sits_below_it(int hashes, double threshold)
    {
        var index = new LshIndex(hashes, threshold);
        Assert.True(index.Bands * index.Rows <= hashes);
        Assert.True(LshBanding.CandidateProbability(threshold, index.Bands, index.Rows) >= 0.95);
        var curve = Math.Pow(1.0 / index.Bands, 1.0 / index.Rows);
        Assert.InRange(curve, threshold - 0.35, threshold);
        if (index.Rows < hashes)
        {
            // One more row per band would miss more than 5 % of pairs at the threshold: the choice is the tightest.
            Assert.True(LshBanding.CandidateProbability(threshold, hashes / (index.Rows + 1), index.Rows + 1) < 0.95);
        }
    }

    [Fact]
    public void A_threshold_of_one_is_one_band_of_every_slot()
    {
        var index = new LshIndex(64, 1.0);
        Assert.Equal((1, 64), (index.Bands, index.Rows));
    }

    [Fact]
    public void Pairs_above_the_threshold_are_candidates_and_unrelated_ones_are_not()
    {
        // Planted pairs of known similarity: b is a with a given fraction of its slots replaced.
        var random = new Random(7);
        var index = new LshIndex(64, 0.8);
        var pairs = new List<(int Id, uint[] Probe)>();
        for (var id = 0; id < 2_000; id++)
        {
            var a = RandomSignature(random);
            index.Add(id, a);
            var similarity = 0.8 + (random.NextDouble() * 0.2);
            pairs.Add((id, Perturb(a, similarity, random)));
        }

        var found = pairs.Count(p => index.Candidates(p.Probe).Contains(p.Id));
        Assert.True(found >= pairs.Count * 0.97, $"{found} of {pairs.Count} pairs at similarity ≥ 0.8 were candidates");

        var strangers = Enumerable.Range(0, 500).Count(_ => index.Candidates(RandomSignature(random)).Any());
        Assert.Equal(0, strangers);
    }

    [Fact]
    public void Candidates_are_listed_once_each_and_signatures_of_other_lengths_are_refused()
    {
        var index = new LshIndex(64, 0.5);
        var a = RandomSignature(new Random(1));
        index.Add(1, a);
        index.Add(2, a);
        Assert.Equal([1, 2], index.Candidates(a).Order());
        Assert.Throws<ArgumentException>(() => index.Add(3, new uint[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LshIndex(64, 0));
    }

    [Fact]
    public void Real_near_duplicates_are_candidates()
    {
        var fingerprinter = new Fingerprinter();
        var index = new LshIndex(fingerprinter.Hashes, 0.8);
        const string text = "The school board election is on November 5 and our candidate needs volunteers to knock on doors this weekend. "
            + "Sign up for a shift or reply to this message. Every hour you give brings us closer to a board that listens to teachers, "
            + "parents and students across the district, and we cannot do it without you. Thank you for everything you do.";
        index.Add(1, fingerprinter.Fingerprint(SegmentKind.Body, text).MinHash);
        var edited = fingerprinter.Fingerprint(SegmentKind.Body, text.Replace("Thank you for everything you do.", "With gratitude, the team.", StringComparison.Ordinal));
        Assert.Contains(1, index.Candidates(edited.MinHash));
    }

    internal static uint[] RandomSignature(Random random)
    {
        var s = new uint[64];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = (uint)random.NextInt64(0, uint.MaxValue);
        }

        return s;
    }

    // A copy of a with round((1 - similarity) * length) slots changed.
    internal static uint[] Perturb(uint[] a, double similarity, Random random)
    {
        var b = (uint[])a.Clone();
        var change = (int)Math.Round((1 - similarity) * a.Length);
        foreach (var i in Enumerable.Range(0, a.Length).OrderBy(_ => random.Next()).Take(change))
        {
            b[i] = (uint)random.NextInt64(0, uint.MaxValue);
        }

        return b;
    }
}
