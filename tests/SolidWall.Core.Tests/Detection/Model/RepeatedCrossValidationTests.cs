using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// Repeated cross-validation (<see cref="CrossValidator.Repeat"/>, `solidwall eval --runs N`): each run its own seed,
/// hence its own folds and order of training; the first run is the single cross-validation.
/// </summary>
public sealed class RepeatedCrossValidationTests
{
    [Fact]
    public void EachRunHasItsOwnSeedAndTheFirstIsTheSingleCrossValidation()
    {
        var examples = ModelTrainerTests.Synthetic(120, seed: 3);
        var options = new TrainerOptions();
        var runs = CrossValidator.Repeat(examples, folds: 3, runs: 3, options);
        var single = CrossValidator.Run(examples, folds: 3, options);

        Assert.Equal([options.Seed, options.Seed + 1, options.Seed + 2], runs.Select(r => r.Seed));
        Assert.Equal(options.Seed, single.Seed);
        Assert.Equal(single.Overall, runs[0].Overall);
        Assert.Equal(single.Scores.Select(s => s.Score), runs[0].Scores.Select(s => s.Score));

        // Another seed deals the rows to other folds and trains in another order: the held-out scores are not the same.
        Assert.NotEqual(runs[0].Scores.Select(s => s.Score), runs[1].Scores.Select(s => s.Score));
        Assert.All(runs, r => Assert.Equal(examples.Count, r.Scores.Count));
    }

    [Fact]
    public void AtLeastOneRunIsAsked()
    {
        var examples = ModelTrainerTests.Synthetic(30, seed: 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidator.Repeat(examples, folds: 3, runs: 0));
    }

    [Fact]
    public void OrdinaryMailIsReadByEveryFoldsDetectorAndWhatIsFlaggedIsListed()
    {
        var examples = ModelTrainerTests.Synthetic(120, seed: 3);
        static OrdinaryMessage Mail(string id, string subject, string text) =>
            new("ordinary:" + id, "ordinary", "en", TrainingMail.Compose("ordinary:" + id, "A Teacher <t@school.example>", ["staff@school.example"], subject, text));
        // The synthetic campaign rows' words in an "ordinary" message: every fold's detector flags it, and the bake-sale note none.
        List<OrdinaryMessage> ordinary =
        [
            Mail("neg-ordinary-001", "Note", "bake sale grades lunch on Friday, thank you all"),
            Mail("neg-ordinary-002", "Urgent", "chip in to the campaign donate now, come to the rally for the candidate"),
        ];

        var report = Assert.Single(CrossValidator.Run(examples, folds: 3, ordinary: ordinary).Ordinary);

        Assert.Equal("ordinary", report.Kind);
        Assert.Equal(2, report.Messages);
        Assert.Equal([1, 1, 1], report.FlaggedByFold);
        Assert.Equal([1, 1, 1], report.FlaggedByFoldWithoutRegistry);
        Assert.Equal(0.5, report.Rate);
        var flagged = Assert.Single(report.Flagged);
        Assert.Equal("ordinary:neg-ordinary-002", flagged.Id);
        Assert.Equal((3, 3), (flagged.Folds, flagged.FoldsWithoutRegistry));
        Assert.True(flagged.MeanScore >= 0.5);
        Assert.Contains(flagged.Reasons, r => r.StartsWith("TextModel +", StringComparison.Ordinal));

        // Without the set, no reading.
        Assert.Empty(CrossValidator.Run(examples, folds: 3).Ordinary);
    }

    [Fact]
    public void AnOrdinaryRowLabelledAnythingButAllowedIsRefusedWithItsFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("sw-ordinary-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "01.jsonl"),
                "{\"id\": \"neg-ordinary-001\", \"label\": \"allowed\", \"language\": \"en\", \"from\": \"A <a@school.example>\", \"to\": [\"b@school.example\"], \"subject\": \"Bus\", \"body\": \"Bus 12 is late.\"}\n"
                + "{\"id\": \"pos-x-001\", \"label\": \"electioneering\", \"from\": \"A <a@school.example>\", \"to\": [], \"subject\": \"Vote\", \"body\": \"Vote.\"}\n");
            var e = Assert.Throws<InvalidDataException>(() => TrainingData.LoadOrdinary(dir.FullName));
            Assert.Contains("01.jsonl:2", e.Message, StringComparison.Ordinal);
            Assert.Contains("pos-x-001", e.Message, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(dir.FullName, "01.jsonl"),
                "{\"id\": \"neg-ordinary-001\", \"label\": \"allowed\", \"language\": \"en\", \"from\": \"A <a@school.example>\", \"to\": [\"b@school.example\"], \"subject\": \"Bus\", \"body\": \"Bus 12 is late.\"}\n");
            var row = Assert.Single(TrainingData.LoadOrdinary(dir.FullName));
            Assert.Equal(("ordinary:neg-ordinary-001", "ordinary", "en", "Bus"), (row.Id, row.Kind, row.Language, row.Message.Subject));
            Assert.Contains("Bus 12 is late.", row.Message.Text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
