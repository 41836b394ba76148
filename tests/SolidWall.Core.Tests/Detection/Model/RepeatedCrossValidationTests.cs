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
}
