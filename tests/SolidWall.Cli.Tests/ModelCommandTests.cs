using SolidWall.Cli.Commands;
using SolidWall.Core.Detection.Model;

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
    public void EvalRefusesAnOrdinaryMailPathThatIsNotThereBeforeTrainingAnything()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, EvalCommand.Run(5, false, null, null, TextWriter.Null, stderr, ordinary: "/nonexistent/our-allowed-mail"));
        Assert.Contains("no such folder or file '/nonexistent/our-allowed-mail' (--ordinary)", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fold 1/5", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvalRefusesAnOrdinaryMailFolderWithNoMessages()
    {
        var dir = Directory.CreateTempSubdirectory("sw-eval-ordinary-empty-");
        try
        {
            var stderr = new StringWriter();
            Assert.Equal(ExitCodes.Usage, EvalCommand.Run(5, false, null, null, TextWriter.Null, stderr, ordinary: dir.FullName));
            Assert.Contains($"--ordinary {dir.FullName}: no messages there", stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("fold 1/5", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void EvalRefusesAnOrdinaryMailRowLabelledElectioneeringWithItsFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("sw-eval-ordinary-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "ours.jsonl"),
                """{"id": "neg-ordinary-001", "label": "electioneering", "from": "A <a@school.example>", "to": ["b@school.example"], "subject": "Vote", "body": "Vote."}""" + "\n");
            var stderr = new StringWriter();
            Assert.Equal(ExitCodes.Usage, EvalCommand.Run(5, false, null, null, TextWriter.Null, stderr, ordinary: dir.FullName));
            Assert.Contains("ours.jsonl:1", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("allowed mail only", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheOrdinaryMailReportListsTheFirstFiftyFlaggedAndSaysHowManyThereAre()
    {
        var flags = Enumerable.Range(1, 60).Select(i => new SolidWall.Core.Detection.Model.OrdinaryFlag(
            $"ordinary:neg-ordinary-{i:000}", i % 2 == 0 ? "es" : null, $"note {i}", 5, 5, 0.9, 0.95, ["TextModel +2.00"])).ToList();
        var report = new SolidWall.Core.Detection.Model.OrdinaryMailReport("ordinary", 400, [60, 60, 60, 60, 60], [60, 60, 60, 60, 60], flags);
        var output = new StringWriter();
        EvalCommand.WriteOrdinary(report, "data/ordinary", output);
        var text = output.ToString();
        Assert.Contains("ordinary mail (data/ordinary: 400 allowed messages of this kind, never trained on)", text, StringComparison.Ordinal);
        Assert.Contains("with the district's registry  60 · 60 · 60 · 60 · 60", text, StringComparison.Ordinal);
        Assert.Contains("mean 15.00 %", text, StringComparison.Ordinal);
        Assert.Contains("flagged at least once (60, the first 50)", text, StringComparison.Ordinal);
        Assert.Contains("ordinary:neg-ordinary-050 [es] \"note 50\": TextModel +2.00", text, StringComparison.Ordinal);
        Assert.Contains("ordinary:neg-ordinary-049 \"note 49\"", text, StringComparison.Ordinal); // no language, no brackets
        Assert.DoesNotContain("neg-ordinary-051", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalNeedsOneRunOrMore()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, EvalCommand.Run(5, false, null, null, TextWriter.Null, stderr, runs: 0));
        Assert.Contains("--runs must be at least 1", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fold 1/5", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedRunsPrintTheSpreadOfEachReadingAndEveryRun()
    {
        static BinaryMetrics M(int tp, int fp, int fn, int tn) => new(tp, fp, fn, tn);
        static EvaluationReport Report(ulong seed, BinaryMetrics overall) => new(
            5, 100, 0.5, overall, M(40, 1, 2, 57), new Dictionary<string, BinaryMetrics>(), new Dictionary<string, BinaryMetrics>(),
            M(40, 3, 5, 52), M(30, 3, 4, 33), M(45, 10, 0, 45), M(35, 9, 0, 26), [], [], 0.01, [], 1.0)
        {
            Seed = seed,
            OverallWithoutRegistry = M(30, 2, 15, 53),
        };

        var output = new StringWriter();
        EvalCommand.WriteRuns([Report(7, M(45, 1, 5, 49)), Report(8, M(48, 3, 2, 47))], output);
        var text = output.ToString();
        Assert.Contains("2 runs of the 5-fold cross-validation, each with its own folds and order of training (seeds 7 to 8):", text, StringComparison.Ordinal);
        // Precision 45/46 and 48/51, recall 45/50 and 48/50: their mean, least and most.
        Assert.Matches(@"detector \(all\) +0\.9597 +0\.9412 +0\.9783 +0\.9300 +0\.9000 +0\.9600", text);
        Assert.Matches(@"no registry \(all\) +0\.9375 +0\.9375 +0\.9375 +0\.6667 +0\.6667 +0\.6667", text);
        Assert.Contains("seed 7: 0.9783 / 0.9000 (FP 1, FN 5)", text, StringComparison.Ordinal);
        Assert.Contains("seed 8: 0.9412 / 0.9600 (FP 3, FN 2)", text, StringComparison.Ordinal);
        // A reading no run has is left out.
        Assert.DoesNotContain("no registry (district)", text, StringComparison.Ordinal);
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
    public void LabelsOfYourOwnNeedAModelFileOfTheirOwnAndPathsThatExist()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, TrainCommand.Run(null, null, null, TextWriter.Null, stderr, electioneering: [Path.GetTempPath()]));
        Assert.Contains("give it a file with --out FILE", stderr.ToString(), StringComparison.Ordinal);

        stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, TrainCommand.Run(null, null, "/tmp/never.bin", TextWriter.Null, stderr, allowed: ["/nonexistent/reviewed/no"]));
        Assert.Contains("/nonexistent/reviewed/no: no such file or folder", stderr.ToString(), StringComparison.Ordinal);

        // eval measures on them, and refuses a missing folder before the minutes of cross-validation.
        stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, EvalCommand.Run(5, false, null, null, TextWriter.Null, stderr, electioneering: ["/nonexistent/reviewed/yes"]));
        Assert.Contains("solidwall eval: /nonexistent/reviewed/yes: no such file or folder", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fold 1/5", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainWritesAModelThatLoadsAndLearnsFromMailYouLabelled()
    {
        // The real training data, and mail an investigator sorted into two folders, written to a temporary file
        // instead of the repository. The shipped detector flags the neighbourhood association's Saturday notes (a
        // slate of its board, packets for each block); the investigator labels them allowed.
        var dir = Directory.CreateTempSubdirectory("sw-labels-").FullName;
        var output = Path.Combine(dir, "local.bin");
        try
        {
            string[] names = ["Ana", "Ben", "Carla", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jia", "Kofi", "Lena", "Mo", "Nia", "Omar", "Pia"];
            Directory.CreateDirectory(Path.Combine(dir, "yes"));
            Directory.CreateDirectory(Path.Combine(dir, "no"));
            for (var i = 0; i < names.Length; i++)
            {
                File.WriteAllText(Path.Combine(dir, "yes", $"{i}.eml"), $"From: Friends of Dana Ortiz <team{i}@reelect-ortiz.example>\nTo: n{i}@lakeshore-schools.example\nSubject: Saturday\n\n"
                    + $"{names[i]}, knock doors for Mayor Dana Ortiz on Saturday and chip in $25 at https://secure.actblue.com/donate/ortiz.\nPaid for by Friends of Dana Ortiz.\n");
                File.WriteAllText(Path.Combine(dir, "no", $"{i}.eml"), $"From: {names[i]} <n{i}@lakeshore-schools.example>\nTo: staff@lakeshore-schools.example\nSubject: Saturday\n\n"
                    + $"{names[(i + 1) % names.Length]}, the Renewal slate needs hands at the Kessler depot on Saturday. Take a bundle of teal packets for your block.\n");
            }

            var root = Core.Detection.Model.TrainingData.FindRepositoryRoot(AppContext.BaseDirectory)!;
            var corpora = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora"));
            var stdout = new StringWriter();
            Assert.Equal(ExitCodes.Ok, TrainCommand.Run(corpora, Path.Combine(root, "data", "district"), output, stdout, TextWriter.Null,
                electioneering: [Path.Combine(dir, "yes")], allowed: [Path.Combine(dir, "no")]));
            Assert.Contains("wrote " + output, stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("of them labelled by you: 16 electioneering, 16 allowed", stdout.ToString(), StringComparison.Ordinal);
            using (var stream = File.OpenRead(output))
            {
                var model = Core.Detection.Model.ModelFile.Read(stream);
                Assert.True(model.Score("Chip in", "Chip in $25 to re-elect Dana Ortiz before the deadline: https://secure.actblue.com/donate/ortiz").Probability > 0.5);
            }

            // A new note in the labelled words: the model trained with the labels reads it as the labels taught.
            var note = Path.Combine(dir, "note.eml");
            File.WriteAllText(note, "From: Quinn <q@lakeshore-schools.example>\nTo: staff@lakeshore-schools.example\nSubject: this weekend\n\n"
                + "Rosa, the Renewal slate is counting on you at the Kessler depot this weekend. Grab the teal packets for your block.\n");
            double Score(string? model)
            {
                var json = new StringWriter();
                ClassifyCommand.Run(new ClassifyCommand.Settings([note], true, Model: model), json, TextWriter.Null);
                return System.Text.Json.JsonDocument.Parse(json.ToString().Trim()).RootElement.GetProperty("score").GetDouble();
            }

            var shipped = Score(null);
            var local = Score(output);
            Assert.True(local < 0.5 && shipped - local > 0.3, $"shipped {shipped}, trained with the labels {local}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_model_file_is_read_only_with_the_weights_fitted_beside_it_and_a_bad_one_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("sw-model-").FullName;
        try
        {
            var message = Path.Combine(dir, "m.eml");
            File.WriteAllText(message, "From: a@x.example\nSubject: hi\n\nRoom 204 on Friday.\n");
            var alone = Path.Combine(dir, "alone.bin");
            File.WriteAllBytes(alone, [1, 2, 3, 4, 5, 6, 7, 8]);
            var errors = new StringWriter();
            Assert.Equal(ExitCodes.Usage, ClassifyCommand.Run(new ClassifyCommand.Settings([message], false, Model: alone), TextWriter.Null, errors));
            Assert.Contains(alone + ": not a SolidWall text model", errors.ToString(), StringComparison.Ordinal);

            var root = Core.Detection.Model.TrainingData.FindRepositoryRoot(AppContext.BaseDirectory)!;
            var copy = Path.Combine(dir, "copy.bin");
            File.Copy(Path.Combine(root, Core.Detection.Model.TrainingData.ModelPath), copy);
            errors = new StringWriter();
            Assert.Equal(ExitCodes.Usage, ClassifyCommand.Run(new ClassifyCommand.Settings([message], false, Model: copy), TextWriter.Null, errors));
            Assert.Contains(copy + ".policy.yaml: not found", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
