using SolidWall.Cli.Commands;

namespace SolidWall.Cli.Tests;

/// <summary>`solidwall train` and `solidwall eval`: usage errors name the fix, and train writes a model that loads.</summary>
public sealed class ModelCommandTests
{
    [Fact]
    public void TrainWithoutCorporaIsAUsageError()
    {
        var stderr = new StringWriter();
        var code = TrainCommand.Run("/nonexistent/corpora", null, "/tmp/never.bin", TextWriter.Null, stderr);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--data DIR", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvalNeedsTwoFolds()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, EvalCommand.Run(1, false, null, null, TextWriter.Null, stderr));
        Assert.Contains("--folds", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvalRefusesAScoresFileItCannotWriteBeforeItStarts()
    {
        var stderr = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), $"solidwall-no-such-dir-{Guid.NewGuid():N}", "scores.tsv");
        Assert.Equal(ExitCodes.Usage, EvalCommand.Run(5, false, null, null, TextWriter.Null, stderr, scores: path));
        Assert.Contains("--scores " + path, stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fold 1/5", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainWritesAModelThatLoads()
    {
        // The real training data, written to a temporary file instead of the repository.
        var output = Path.Combine(Path.GetTempPath(), $"solidwall-model-{Guid.NewGuid():N}.bin");
        try
        {
            var root = Core.Detection.Model.TrainingData.FindRepositoryRoot(AppContext.BaseDirectory)!;
            var corpora = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora"));
            var stdout = new StringWriter();
            Assert.Equal(ExitCodes.Ok, TrainCommand.Run(corpora, Path.Combine(root, "data", "district"), output, stdout, TextWriter.Null));
            Assert.Contains("wrote " + output, stdout.ToString(), StringComparison.Ordinal);
            using var stream = File.OpenRead(output);
            var model = Core.Detection.Model.ModelFile.Read(stream);
            Assert.True(model.Score("Chip in", "Chip in $25 to re-elect Dana Ortiz before the deadline: https://secure.actblue.com/donate/ortiz").Probability > 0.5);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
