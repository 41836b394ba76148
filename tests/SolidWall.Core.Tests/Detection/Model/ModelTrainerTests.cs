using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>Training on small synthetic sets: it learns a separable set, it is deterministic, and the file round-trips.</summary>
public sealed class ModelTrainerTests
{
    private static readonly string[] Filler =
    [
        "the", "school", "week", "please", "note", "staff", "students", "meeting", "room", "thanks", "schedule", "monday",
        "report", "office", "team", "update", "reminder", "library", "form", "parents",
    ];

    /// <summary>
    /// 240 messages from a fixed generator: positives carry one campaign phrase per category they belong to, negatives
    /// only filler and routine words. Separable by construction.
    /// </summary>
    internal static List<TrainingExample> Synthetic(int count = 240, ulong seed = 7)
    {
        var rng = new SplitMix64(seed);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Filler[(int)rng.Below((ulong)Filler.Length)]));
        var list = new List<TrainingExample>();
        for (var i = 0; i < count; i++)
        {
            var kind = i % 3;
            if (kind == 0)
            {
                list.Add(new TrainingExample($"neg-{i}", "district", "Note " + Words(2), Words(30) + " bake sale grades lunch " + Words(10), false, [], true));
            }
            else if (kind == 1)
            {
                list.Add(new TrainingExample($"fund-{i}", "district", "Urgent " + Words(2), Words(20) + " chip in to the campaign donate now " + Words(10), true, ["fundraising"], true));
            }
            else
            {
                list.Add(new TrainingExample($"event-{i}", "district", "Join us " + Words(2), Words(20) + " come to the rally for the candidate " + Words(10), true, ["event"], true));
            }
        }

        return list;
    }

    private static readonly Lazy<(List<TrainingExample> Data, TextModel Model)> Trained = new(() =>
    {
        var data = Synthetic();
        return (data, ModelTrainer.Train(data));
    });

    [Fact]
    public void LearnsASeparableSetPerfectly()
    {
        var (data, model) = Trained.Value;
        foreach (var e in data.Concat(Synthetic(60, seed: 99)))
        {
            var score = model.Score(e.Subject, e.Text);
            Assert.True(e.Electioneering == score.Probability >= 0.5, $"{e.Id}: {score.Probability}");
        }
    }

    [Fact]
    public void CategoryHeadsTellFundraisingFromEvents()
    {
        var model = Trained.Value.Model;
        var fund = model.Score("Urgent", "please chip in to the campaign donate now");
        var rally = model.Score("Join us", "come to the rally for the candidate");
        Assert.True(fund.CategoryProbabilities["fundraising"] > fund.CategoryProbabilities["event"]);
        Assert.True(rally.CategoryProbabilities["event"] > rally.CategoryProbabilities["fundraising"]);
        Assert.Equal(TextModel.Categories.Order(), fund.CategoryProbabilities.Keys.Order());
        Assert.All(fund.CategoryProbabilities.Values, p => Assert.InRange(p, 0, fund.Probability));
    }

    [Fact]
    public void TrainingTwiceGivesTheSameBytes()
    {
        var data = Synthetic(120, seed: 3);
        var first = ModelFile.ToBytes(ModelTrainer.Train(data));
        var second = ModelFile.ToBytes(ModelTrainer.Train(data.ToList()));
        Assert.Equal(first, second);
        var other = ModelFile.ToBytes(ModelTrainer.Train(data, new TrainerOptions { Seed = 12345 }));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ModelFileRoundTrips()
    {
        var model = Trained.Value.Model;
        var bytes = ModelFile.ToBytes(model);
        var read = ModelFile.Read(new MemoryStream(bytes));
        Assert.Equal(bytes, ModelFile.ToBytes(read));
        foreach (var e in Trained.Value.Data.Take(30))
        {
            var a = model.Score(e.Subject, e.Text);
            var b = read.Score(e.Subject, e.Text);
            Assert.Equal(a.Probability, b.Probability);
            Assert.Equal(a.TopTerms, b.TopTerms);
        }
    }

    [Fact]
    public void ModelFileRejectsOtherFiles()
    {
        Assert.Throws<InvalidDataException>(() => ModelFile.Read(new MemoryStream("not a model at all"u8.ToArray())));
        var bytes = ModelFile.ToBytes(Trained.Value.Model);
        bytes[4] = 99; // version
        Assert.Throws<InvalidDataException>(() => ModelFile.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void AModelTrainedOnOtherFeaturesIsRefused()
    {
        // "SWTM", version 2, bucket bits, head count, then the features' fingerprint.
        var bytes = ModelFile.ToBytes(Trained.Value.Model);
        Assert.Equal(FeatureExtractor.Fingerprint, BitConverter.ToUInt32(bytes, 8));
        bytes[8] ^= 1;
        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Read(new MemoryStream(bytes)));
        Assert.Contains("trained on features", error.Message, StringComparison.Ordinal);
        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);

        // A file from before the fingerprint (version 1) says which version it is.
        var old = ModelFile.ToBytes(Trained.Value.Model);
        old[4] = 1;
        Assert.Contains("version 1 is not supported", Assert.Throws<InvalidDataException>(() => ModelFile.Read(new MemoryStream(old))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopTermsComeFromTheMessageAndExplainTheScore()
    {
        var model = Trained.Value.Model;
        var score = model.Score("Join us", "please come to the RALLY for the candidate, and chip in");
        Assert.NotEmpty(score.TopTerms);
        var words = TokenizerTests.Tokens("Join us please come to the RALLY for the candidate, and chip in").ToHashSet();
        Assert.All(score.TopTerms, t => Assert.True(TokenizerTests.TermIsFrom(t.Term, words), t.Term));
        // The strongest term comes from the campaign phrases (subject or text) the positives were built from, not from the filler.
        var campaignWords = TokenizerTests.Tokens("join us chip in to the campaign donate now come to the rally for the candidate").ToHashSet();
        Assert.True(score.TopTerms[0].Weight > 0);
        Assert.True(TokenizerTests.TermIsFrom(score.TopTerms[0].Term, campaignWords), score.TopTerms[0].Term);
        var magnitudes = score.TopTerms.Select(t => Math.Abs(t.Weight)).ToList();
        Assert.Equal(magnitudes.OrderDescending(), magnitudes);
    }

    [Fact]
    public void PlattScalingIsMonotoneAndFitsItsData()
    {
        var scores = Enumerable.Range(-50, 101).Select(i => i / 10.0).ToList();
        var labels = scores.Select(s => s > 0.5).ToList();
        var platt = Platt.Fit(scores, labels);
        Assert.True(platt.Probability(3) > 0.9);
        Assert.True(platt.Probability(-2) < 0.1);
        Assert.True(platt.Probability(1) > platt.Probability(0.9));
    }
}
