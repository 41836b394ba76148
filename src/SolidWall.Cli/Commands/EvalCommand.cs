using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Cli.Commands;

/// <summary><c>solidwall eval</c>: cross-validates the text model on the training data and prints its figures and errors.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var folds = new Option<int>("--folds") { Description = "Number of cross-validation folds", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var data = new Option<string?>("--data") { Description = "The corpora folder (default: ../shared/corpora next to the repository)" };
        var district = new Option<string?>("--district") { Description = "The district-style JSONL folder (default: data/district in the repository)" };
        var command = new Command("eval", "Cross-validate the text model: precision, recall and F1 overall, per category, per source and on the district set, with every misclassified message");
        command.Options.Add(folds);
        command.Options.Add(json);
        command.Options.Add(data);
        command.Options.Add(district);
        command.SetAction(parseResult => Run(parseResult.GetValue(folds), parseResult.GetValue(json), parseResult.GetValue(data), parseResult.GetValue(district), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(int folds, bool json, string? data, string? district, TextWriter stdout, TextWriter stderr)
    {
        if (folds < 2)
        {
            stderr.WriteLine("solidwall eval: --folds must be at least 2");
            return ExitCodes.Usage;
        }

        if (!ModelData.Resolve("eval", data, district, stderr, out var corpora, out var districtDir, out _))
        {
            return ExitCodes.Usage;
        }

        var examples = ModelData.Load(corpora, districtDir, stderr, "eval");
        var report = CrossValidator.Run(examples, folds, log: json ? null : m => stderr.WriteLine("solidwall eval: " + m));
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            Write(report, stdout);
        }

        return ExitCodes.Ok;
    }

    private static void Write(EvaluationReport r, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"{r.Folds}-fold cross-validation over {r.Examples} messages, threshold {r.Threshold}"));
        o.WriteLine();
        o.WriteLine($"{"",-24} {"precision",9} {"recall",7} {"F1",6} {"TP",5} {"FP",5} {"FN",5} {"TN",5}");
        Row(o, "electioneering (all)", r.Overall);
        Row(o, "district (in folds)", r.DistrictHeldOut);
        Row(o, "district (as-is text)", r.DistrictHeldOutAsIs);
        if (r.DistrictTransfer is { } t)
        {
            Row(o, "district (corpora only)", t);
        }

        o.WriteLine();
        o.WriteLine("per category, given electioneering (district electioneering rows):");
        foreach (var (name, m) in r.Categories)
        {
            Row(o, "  " + name, m);
        }

        o.WriteLine();
        o.WriteLine("per source:");
        foreach (var (name, m) in r.BySource)
        {
            Row(o, "  " + name, m);
        }

        o.WriteLine();
        o.WriteLine("confusion matrix (electioneering):  predicted yes  predicted no");
        o.WriteLine($"  actually electioneering          {r.Overall.TruePositives,13}  {r.Overall.FalseNegatives,12}");
        o.WriteLine($"  actually allowed                 {r.Overall.FalsePositives,13}  {r.Overall.TrueNegatives,12}");
        o.WriteLine();
        o.WriteLine(string.Create(c, $"calibration (held-out probabilities): Brier score {r.BrierScore:F4}"));
        o.WriteLine("  probability   messages  mean predicted  observed electioneering");
        foreach (var bin in r.Reliability)
        {
            o.WriteLine(string.Create(c, $"  {bin.From:F1}-{bin.To:F1}    {bin.Count,9}  {bin.MeanProbability,14:F3}  {bin.ObservedRate,23:F3}"));
        }

        o.WriteLine();
        o.WriteLine($"misclassified ({r.Errors.Count}):");
        foreach (var e in r.Errors)
        {
            var terms = string.Join(", ", e.TopTerms.Select(t => string.Create(c, $"{t.Term} {t.Weight:+0.00;-0.00}")));
            o.WriteLine(string.Create(c, $"  {(e.Electioneering ? "FN" : "FP")} {e.Probability:F3} {e.Id}: {terms}"));
        }

        o.WriteLine();
        o.WriteLine(string.Create(c, $"{r.SecondsPerFold:F1} s per fold"));
    }

    private static void Row(TextWriter o, string name, BinaryMetrics m) =>
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {m.Precision,9:F4} {m.Recall,7:F4} {m.F1,6:F4} {m.TruePositives,5} {m.FalsePositives,5} {m.FalseNegatives,5} {m.TrueNegatives,5}"));
}
