using System.CommandLine;
using System.Diagnostics;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall train</c>: trains the text model and fits the score combination from the corpora and the district
/// set; writes model.bin and the fitted block of the shipped policy (or, with --out, a model file and a policy
/// file beside it that `classify --policy` reads).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The corpora folder (default: ../shared/corpora next to the repository)" };
        var district = new Option<string?>("--district") { Description = "The district-style JSONL folder (default: data/district in the repository)" };
        var output = new Option<string?>("--out") { Description = "Where to write the model (default: " + TrainingData.ModelPath + " in the repository, and the fitted weights into " + TrainingData.PolicyPath + "); with --out the fitted weights go to FILE.policy.yaml" };
        var electioneering = new Option<string[]>("--electioneering") { Description = "Mail you labelled electioneering, to learn from beside the shipped data: .eml folders, mbox files, Maildirs (repeatable; needs --out)" };
        var allowed = new Option<string[]>("--allowed") { Description = "Mail you labelled allowed, to learn from beside the shipped data (repeatable; needs --out)" };
        var command = new Command("train", "Train the text model (logistic regression over hashed words and word pairs), fit how it combines with the signals, and write both");
        command.Options.Add(data);
        command.Options.Add(district);
        command.Options.Add(output);
        command.Options.Add(electioneering);
        command.Options.Add(allowed);
        command.SetAction(parseResult => Run(parseResult.GetValue(data), parseResult.GetValue(district), parseResult.GetValue(output), Console.Out, Console.Error,
            parseResult.GetValue(electioneering), parseResult.GetValue(allowed)));
        return command;
    }

    internal static int Run(string? data, string? district, string? output, TextWriter stdout, TextWriter stderr,
        IReadOnlyList<string>? electioneering = null, IReadOnlyList<string>? allowed = null)
    {
        electioneering ??= [];
        allowed ??= [];
        var labelling = electioneering.Count + allowed.Count > 0;
        if (labelling && output is null)
        {
            // The shipped model is what the repository's data alone produce; a district's own labels make a model of its own.
            stderr.WriteLine("solidwall train: --electioneering and --allowed make a model of your own: give it a file with --out FILE, and classify with --model FILE");
            return ExitCodes.Usage;
        }

        if (!ModelData.LabelledPathsExist("train", electioneering.Concat(allowed), stderr) || !ModelData.Resolve("train", data, district, stderr, out var corpora, out var districtDir, out var root))
        {
            return ExitCodes.Usage;
        }

        var policyPath = output is null ? (root is null ? null : Path.Combine(root, TrainingData.PolicyPath)) : ModelFile.FittedPolicyPath(output);
        output ??= root is null ? null : Path.Combine(root, TrainingData.ModelPath);
        if (output is null || policyPath is null)
        {
            stderr.WriteLine("solidwall train: not inside the SolidWall repository; give the model file with --out FILE");
            return ExitCodes.Usage;
        }

        var stopwatch = Stopwatch.StartNew();
        var examples = ModelData.Load(corpora, districtDir, stderr, "train");
        var labelled = ModelData.LoadLabelled(electioneering, allowed, stderr, "train", out var skipped);
        examples.AddRange(labelled);

        var loaded = stopwatch.Elapsed.TotalSeconds;
        var options = new TrainerOptions();
        var trained = DetectorTrainer.Train(examples, options);
        var bytes = ModelFile.ToBytes(trained.Model);
        File.WriteAllBytes(output, bytes);
        var block = trained.Combination.ToPolicyBlock();
        var standalone = !string.Equals(Path.GetFullPath(policyPath), root is null ? null : Path.GetFullPath(Path.Combine(root, TrainingData.PolicyPath)), StringComparison.Ordinal);
        File.WriteAllText(policyPath, standalone ? block : ScoreCombination.ReplaceBlock(File.ReadAllText(policyPath), block, policyPath));

        var c = trained.Combination;
        stdout.WriteLine($"read {examples.Count} examples ({examples.Count(e => e.Electioneering)} electioneering) in {loaded:F1} s");
        if (labelling)
        {
            stdout.WriteLine($"of them labelled by you: {labelled.Count(e => e.Electioneering)} electioneering, {labelled.Count(e => !e.Electioneering)} allowed, each weighing {options.DistrictWeight} corpus rows as the district set's do; {skipped} item(s) skipped");
        }

        stdout.WriteLine($"trained in {stopwatch.Elapsed.TotalSeconds - loaded:F1} s: {options.Epochs} epochs, learning rate {options.LearningRate}, L2 {options.L2}, district weight {options.DistrictWeight}, {TrainingData.Buckets} buckets");
        stdout.WriteLine($"combination: model_weight {c.ModelWeight}, model_bias {c.ModelBias}, bias without a model {c.Bias}, {string.Join(", ", c.SignalWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"))}");
        stdout.WriteLine($"categories: {string.Join(", ", c.Categories.Select(kv => $"{kv.Key} named by {kv.Value.Signals.Count} signal(s) of their own, model {kv.Value.Model}"))}");
        stdout.WriteLine($"wrote {output} ({bytes.Length:N0} bytes, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))})");
        stdout.WriteLine($"wrote the fitted weights to {policyPath}");
        return ExitCodes.Ok;
    }
}
