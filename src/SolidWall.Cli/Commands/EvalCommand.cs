using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SolidWall.Core.Demo;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall eval</c>: cross-validates the whole detector (signals and text model combined) on the training data
/// and prints its figures and errors; every fold's detector also reads the ordinary-mail check set (data/ordinary, or
/// --ordinary PATH) and the report says how much of it each would flag; with --demo, also checks the shipped detector on
/// a freshly generated demo archive.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var folds = new Option<int>("--folds") { Description = "Number of cross-validation folds", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var data = new Option<string?>("--data") { Description = "The corpora folder (default: ../shared/corpora next to the repository)" };
        var district = new Option<string?>("--district") { Description = "The district-style JSONL folder (default: data/district in the repository)" };
        var scores = new Option<string?>("--scores") { Description = "Also write every row's held-out scores to this file, tab-separated with a header (id, kind, label, score, verdict, without registry, model)" };
        var electioneering = new Option<string[]>("--electioneering") { Description = "Mail you labelled electioneering, cross-validated with the shipped data and reported as the source 'labelled' (repeatable)" };
        var allowed = new Option<string[]>("--allowed") { Description = "Mail you labelled allowed, cross-validated with the shipped data (repeatable)" };
        var runs = new Option<int>("--runs")
        {
            Description = "Run the cross-validation this many times, each with its own folds and order of training, and print the spread of the figures (the detailed report is the first run's)",
            DefaultValueFactory = _ => 1,
        };
        var ordinary = new Option<string?>("--ordinary")
        {
            Description = "Allowed mail never trained on, read by every fold's detector to count what it would flag: a folder of JSONL rows (default: data/ordinary in the repository, when it is there), or your institution's own allowed mail (.eml folder, mbox, Maildir)",
        };
        var demo = new Option<string?>("--demo") { Description = "Also generate the demo archive in this folder and report the shipped detector on it by kind of mail, with the demo's registry and with none" };
        var command = new Command("eval", "Cross-validate the detector: precision, recall and F1 overall, per category, per source and on the district set, the confusion matrix and every misclassified message");
        command.Options.Add(folds);
        command.Options.Add(runs);
        command.Options.Add(json);
        command.Options.Add(data);
        command.Options.Add(district);
        command.Options.Add(demo);
        command.Options.Add(ordinary);
        command.Options.Add(scores);
        command.Options.Add(electioneering);
        command.Options.Add(allowed);
        command.SetAction(parseResult => Run(parseResult.GetValue(folds), parseResult.GetValue(json), parseResult.GetValue(data), parseResult.GetValue(district), Console.Out, Console.Error, parseResult.GetValue(demo), parseResult.GetValue(scores),
            parseResult.GetValue(electioneering), parseResult.GetValue(allowed), parseResult.GetValue(runs), parseResult.GetValue(ordinary)));
        return command;
    }

    internal static int Run(int folds, bool json, string? data, string? district, TextWriter stdout, TextWriter stderr, string? demo = null, string? scores = null,
        IReadOnlyList<string>? electioneering = null, IReadOnlyList<string>? allowed = null, int runs = 1, string? ordinary = null)
    {
        electioneering ??= [];
        allowed ??= [];
        if (folds < 2)
        {
            stderr.WriteLine("solidwall eval: --folds must be at least 2");
            return ExitCodes.Usage;
        }

        if (runs < 1)
        {
            stderr.WriteLine("solidwall eval: --runs must be at least 1");
            return ExitCodes.Usage;
        }

        if (!ModelData.LabelledPathsExist("eval", electioneering.Concat(allowed), stderr) || !ModelData.Resolve("eval", data, district, stderr, out var corpora, out var districtDir, out var root))
        {
            return ExitCodes.Usage;
        }

        if (ordinary is not null && !Directory.Exists(ordinary) && !File.Exists(ordinary))
        {
            stderr.WriteLine($"solidwall eval: no such folder or file '{ordinary}' (--ordinary)");
            return ExitCodes.Usage;
        }

        ordinary ??= root is not null && Directory.Exists(Path.Combine(root, TrainingData.OrdinaryFolder)) ? Path.Combine(root, TrainingData.OrdinaryFolder) : null;
        List<OrdinaryMessage>? ordinaryMail = null;
        if (ordinary is not null)
        {
            try
            {
                // JSONL rows as data/ordinary keeps them, or an institution's own allowed mail as SolidWall reads any mail
                // (a folder of .eml files, an mbox, a Maildir).
                ordinaryMail = Directory.Exists(ordinary) && Directory.EnumerateFiles(ordinary, "*.jsonl").Any()
                    ? TrainingData.LoadOrdinary(ordinary)
                    : [.. ModelData.LoadLabelled([], [ordinary], stderr, "eval", out _).Select(e => new OrdinaryMessage(e.Id, OwnMailKind, null, e.AsMessage()))];
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or IOException or SolidWall.Mime.Sources.SourceException)
            {
                stderr.WriteLine($"solidwall eval: --ordinary {ordinary}: {e.Message}");
                return ExitCodes.Usage;
            }

            if (ordinaryMail.Count == 0)
            {
                stderr.WriteLine($"solidwall eval: --ordinary {ordinary}: no messages there (JSONL rows, .eml files, an mbox or a Maildir)");
                return ExitCodes.Usage;
            }
        }

        // Opened before the minutes of cross-validation, so that a path that cannot be written fails at once.
        StreamWriter? scoresFile = null;
        if (scores is not null)
        {
            try
            {
                scoresFile = new StreamWriter(scores);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"solidwall eval: --scores {scores}: {e.Message}");
                return ExitCodes.Usage;
            }
        }

        using var scoresOwner = scoresFile;
        var examples = ModelData.Load(corpora, districtDir, stderr, "eval");
        examples.AddRange(ModelData.LoadLabelled(electioneering, allowed, stderr, "eval", out _));
        var reports = CrossValidator.Repeat(examples, folds, runs, log: json ? null : m => stderr.WriteLine("solidwall eval: " + m), ordinary: ordinaryMail);
        var report = reports[0];
        if (scoresFile is not null)
        {
            WriteScores(report, scoresFile);
            scoresFile.Flush();
        }

        DemoCheckReport? demoReport = null;
        DemoCheckReport? demoWithoutRegistry = null;
        if (demo is not null)
        {
            Directory.CreateDirectory(demo);
            // As `solidwall demo` runs it: with the registry the generator writes beside the archive (it knows one of the
            // two campaigns, and is not complete). Then with none, as an investigator who has no registry reads it.
            demoReport = DemoArchiveCheck.Run(demo, new DemoOptions(), registry => new Detector(registry: registry, model: TextModel.LoadEmbedded()));
            demoWithoutRegistry = DemoArchiveCheck.Classify(demo, new Detector(model: TextModel.LoadEmbedded()));
        }

        if (json)
        {
            var spread = reports.Count == 1 ? null : reports.Select(r => new
            {
                seed = r.Seed,
                overall = r.Overall,
                district = r.District,
                overallWithoutRegistry = r.OverallWithoutRegistry,
                districtWithoutRegistry = r.DistrictWithoutRegistry,
                modelOverall = r.ModelOverall,
                ordinary = r.Ordinary.Select(o => new { kind = o.Kind, flaggedByFold = o.FlaggedByFold, flaggedByFoldWithoutRegistry = o.FlaggedByFoldWithoutRegistry }).ToArray(),
            }).ToArray();
            stdout.WriteLine(JsonSerializer.Serialize(new { crossValidation = report, runs = spread, demo = demoReport, demoWithoutRegistry }, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            Write(report, stdout);
            foreach (var ordinaryReport in report.Ordinary)
            {
                WriteOrdinary(ordinaryReport, ordinary!, stdout);
            }

            if (reports.Count > 1)
            {
                WriteRuns(reports, stdout);
            }

            if (demoReport is not null && demoWithoutRegistry is not null)
            {
                WriteDemo(demoReport, demoWithoutRegistry, stdout);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The spread of the headline figures over repeated runs (<see cref="CrossValidator.Repeat"/>): for each reading the
    /// mean, least and greatest precision and recall, then each run's figures on all data.
    /// </summary>
    internal static void WriteRuns(IReadOnlyList<EvaluationReport> reports, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine(string.Create(c, $"{reports.Count} runs of the {reports[0].Folds}-fold cross-validation, each with its own folds and order of training (seeds {reports[0].Seed} to {reports[^1].Seed}):"));
        o.WriteLine($"  {"",-24}{"precision: mean",16}{"least",8}{"most",8}{"recall: mean",16}{"least",8}{"most",8}");
        Spread("detector (all)", r => r.Overall);
        Spread("detector (district)", r => r.District);
        Spread("no registry (all)", r => r.OverallWithoutRegistry);
        Spread("no registry (district)", r => r.DistrictWithoutRegistry);
        Spread("model alone (all)", r => r.ModelOverall);
        for (var k = 0; k < reports[0].Ordinary.Count; k++)
        {
            var kind = k;
            var first = reports[0].Ordinary[kind];
            var (with, without) = (reports.Select(r => r.Ordinary[kind].Rate).ToArray(), reports.Select(r => r.Ordinary[kind].RateWithoutRegistry).ToArray());
            o.WriteLine(string.Create(c, $"  {first.Kind} mail flagged ({first.Messages}), share: with the registry mean {with.Average():P2} ({with.Min():P2}–{with.Max():P2}), with none {without.Average():P2} ({without.Min():P2}–{without.Max():P2})"));
        }

        o.WriteLine("  detector (all), run by run:");
        foreach (var r in reports)
        {
            var ordinaryFlagged = string.Concat(r.Ordinary.Select(ord =>
                string.Create(c, $"; {ord.Kind} mail flagged per fold {string.Join(" · ", ord.FlaggedByFold)} with the registry, {string.Join(" · ", ord.FlaggedByFoldWithoutRegistry)} with none")));
            o.WriteLine(string.Create(c, $"    seed {r.Seed}: {r.Overall.Precision:F4} / {r.Overall.Recall:F4} (FP {r.Overall.FalsePositives}, FN {r.Overall.FalseNegatives}){ordinaryFlagged}"));
        }

        void Spread(string name, Func<EvaluationReport, BinaryMetrics?> reading)
        {
            var metrics = reports.Select(reading).OfType<BinaryMetrics>().ToArray();
            if (metrics.Length == 0)
            {
                return;
            }

            var (p, r) = (metrics.Select(m => m.Precision).ToArray(), metrics.Select(m => m.Recall).ToArray());
            o.WriteLine(string.Create(c, $"  {name,-24}{p.Average(),16:F4}{p.Min(),8:F4}{p.Max(),8:F4}{r.Average(),16:F4}{r.Min(),8:F4}{r.Max(),8:F4}"));
        }
    }

    /// <summary>How many of the ordinary messages flagged the report lists (most folds first); `--json` carries them all.</summary>
    private const int OrdinaryShown = 50;

    /// <summary>What the ordinary-mail check calls mail given as a mail source (not JSONL rows): the institution's own.</summary>
    internal const string OwnMailKind = "the institution's own allowed";

    /// <summary>The ordinary-mail check: per fold, how many of its messages the fold's detector flagged, and which.</summary>
    internal static void WriteOrdinary(OrdinaryMailReport r, string folder, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine(string.Create(c, $"{r.Kind} mail ({folder}: {r.Messages} allowed messages of this kind, never trained on), flagged by each fold's detector:"));
        o.WriteLine(string.Create(c, $"  with the district's registry  {string.Join(" · ", r.FlaggedByFold),-24} mean {r.Rate:P2}"));
        o.WriteLine(string.Create(c, $"  with no registry              {string.Join(" · ", r.FlaggedByFoldWithoutRegistry),-24} mean {r.RateWithoutRegistry:P2}"));
        if (r.Flagged.Count == 0)
        {
            return;
        }

        o.WriteLine(string.Create(c, $"  flagged at least once ({r.Flagged.Count}{(r.Flagged.Count > OrdinaryShown ? $", the first {OrdinaryShown}" : "")}): folds with the registry / with none, mean score with / with none, the reasons of its highest verdict"));
        foreach (var f in r.Flagged.Take(OrdinaryShown))
        {
            var subject = f.Subject is { Length: > 50 } longer ? longer[..50] + "…" : f.Subject;
            o.WriteLine(string.Create(c, $"  {f.Folds}/{r.FlaggedByFold.Count} {f.FoldsWithoutRegistry}/{r.FlaggedByFoldWithoutRegistry.Count} {f.MeanScore:F3} {f.MeanScoreWithoutRegistry:F3} {f.Id}{(f.Language is null ? "" : $" [{f.Language}]")} \"{subject}\": {string.Join(", ", f.Reasons)}"));
        }
    }

    private static void Write(EvaluationReport r, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"{r.Folds}-fold cross-validation of the detector (signals + text model, trained and fitted per fold) over {r.Examples} messages, threshold {r.Threshold}"));
        o.WriteLine();
        Header(o);
        Row(o, "detector (all)", r.Overall);
        Row(o, "detector (district)", r.District);
        if (r.OverallWithoutRegistry is { } overall && r.DistrictWithoutRegistry is { } district)
        {
            Row(o, "  no registry (all)", overall);
            Row(o, "  no registry (district)", district);
        }

        if (r.DistrictUnregistered is { } unregistered)
        {
            Row(o, "  not listed (district)", unregistered);
        }

        if (r.DistrictUnregisteredMarkedComplete is { } markedComplete)
        {
            Row(o, "    marked complete", markedComplete);
        }

        if (r.DistrictSuggested is { } suggested)
        {
            Row(o, "  suggested (district)", suggested);
        }

        if (r.DistrictSuggestedMarkedComplete is { } suggestedComplete)
        {
            Row(o, "    marked complete", suggestedComplete);
        }

        if (r.DistrictArchived is { } archived)
        {
            Row(o, "  as archived (district)", archived);
        }

        Row(o, "model alone (all)", r.ModelOverall);
        Row(o, "model alone (district)", r.ModelDistrict);
        Row(o, "any signal (all)", r.SignalsOverall);
        Row(o, "any signal (district)", r.SignalsDistrict);
        o.WriteLine();
        o.WriteLine("per category, as the verdicts name them (district rows):");
        foreach (var (name, m) in r.Categories)
        {
            Row(o, "  " + name, m);
        }

        if (r.DistrictByLanguage.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("per language (district rows; with the district's registry, then without one):");
            foreach (var language in r.DistrictByLanguage)
            {
                Row(o, "  " + language.Language, language.WithRegistry);
                Row(o, "    no registry", language.WithoutRegistry);
            }
        }

        if (r.Additions.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("what mail picks up on the way (district rows held out, each with it below the text; verdicts changed against the row as written):");
            o.WriteLine($"  {"",-24}{"rows",6}  {"with the registry: P / R",25}  {"lost",5}  {"gained",6}  {"with none: P / R",17}  {"lost",5}  {"gained",6}");
            foreach (var a in r.Additions)
            {
                o.WriteLine(string.Create(c, $"  {a.Name,-24}{a.Rows,6}  {a.WithRegistry.Precision,16:F4} {a.WithRegistry.Recall,6:F4}  {a.Lost,5}  {a.Gained,6}  {a.WithoutRegistry.Precision,10:F4} {a.WithoutRegistry.Recall,6:F4}  {a.LostWithoutRegistry,5}  {a.GainedWithoutRegistry,6}"));
            }
        }

        o.WriteLine();
        o.WriteLine("per source:");
        foreach (var (name, m) in r.BySource)
        {
            Row(o, "  " + name, m);
        }

        o.WriteLine();
        o.WriteLine("confusion matrix (detector):        predicted yes  predicted no");
        o.WriteLine($"  actually electioneering          {r.Overall.TruePositives,13}  {r.Overall.FalseNegatives,12}");
        o.WriteLine($"  actually allowed                 {r.Overall.FalsePositives,13}  {r.Overall.TrueNegatives,12}");
        o.WriteLine();
        o.WriteLine("score combination fitted in each fold (model_weight, model_bias, model_bias_without_registry):");
        o.WriteLine("  " + string.Join("; ", r.FoldCombinations.Select(f => string.Create(c, $"{f.ModelWeight:0.###}, {f.ModelBias:0.###}, {f.ModelBiasWithoutRegistry:0.###}"))));
        o.WriteLine();
        o.WriteLine(string.Create(c, $"calibration (held-out detector scores): Brier score {r.BrierScore:F4}"));
        o.WriteLine("  score         messages  mean score  observed electioneering");
        foreach (var bin in r.Reliability)
        {
            o.WriteLine(string.Create(c, $"  {bin.From:F1}-{bin.To:F1}    {bin.Count,9}  {bin.MeanProbability,10:F3}  {bin.ObservedRate,23:F3}"));
        }

        if (r.OperatingPoints.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("at other thresholds (precision / recall):");
            o.WriteLine($"  {"threshold",9}  {"all",13}  {"district",13}  {"district, no registry",21}");
            foreach (var p in r.OperatingPoints)
            {
                o.WriteLine(string.Create(c, $"  {p.Threshold,9:0.0#}  {p.Overall.Precision,6:F4} {p.Overall.Recall,6:F4}  {p.District.Precision,6:F4} {p.District.Recall,6:F4}  {p.DistrictWithoutRegistry.Precision,10:F4} {p.DistrictWithoutRegistry.Recall,10:F4}"));
            }
        }

        o.WriteLine();
        o.WriteLine($"misclassified ({r.Errors.Count}):");
        foreach (var e in r.Errors)
        {
            o.WriteLine(string.Create(c, $"  {(e.Electioneering ? "FN" : "FP")} {e.Score:F3} (model {e.ModelProbability:F3}) {e.Id}{(e.Kind is null ? "" : " [" + e.Kind + "]")}: {string.Join(", ", e.Reasons)}"));
        }

        o.WriteLine();
        o.WriteLine(string.Create(c, $"{r.SecondsPerFold:F1} s per fold"));
    }

    // One line per row: what to draw a precision-recall curve or a reliability plot from, or to look a row up by.
    private static void WriteScores(EvaluationReport r, StreamWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        // Categories joined by '|'; a row whose source labels no categories has '-' in `categories`.
        w.WriteLine("id\tkind\telectioneering\tscore\tflagged\tscore_without_registry\tflagged_without_registry\tmodel_probability\tcategories\tverdict_categories");
        foreach (var s in r.Scores)
        {
            var labelled = s.Categories is null ? "-" : string.Join('|', s.Categories);
            var named = string.Join('|', s.NamedCategories ?? []);
            w.WriteLine(string.Create(c, $"{s.Id}\t{s.Kind}\t{(s.Electioneering ? 1 : 0)}\t{s.Score:F4}\t{(s.Flagged ? 1 : 0)}\t{s.ScoreWithoutRegistry:F4}\t{(s.FlaggedWithoutRegistry ? 1 : 0)}\t{s.ModelProbability:F4}\t{labelled}\t{named}"));
        }
    }

    private static void WriteDemo(DemoCheckReport d, DemoCheckReport withoutRegistry, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"demo archive (shipped detector with the demo's registry, {d.Classified} of {d.Items} ground-truth items classified), by kind of mail:");
        o.WriteLine($"{"kind",-24} {"copies",7} {"truth",7} {"flagged",7} {"precision",9} {"recall",7}");
        foreach (var (kind, m) in d.ByKind)
        {
            var copies = m.TruePositives + m.FalsePositives + m.FalseNegatives + m.TrueNegatives;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-24} {copies,7} {m.Support,7} {m.TruePositives + m.FalsePositives,7} {m.Precision,9:F4} {m.Recall,7:F4}"));
        }

        Header(o);
        Row(o, "demo (all copies)", d.Overall);
        Row(o, "  no registry", withoutRegistry.Overall);
        o.WriteLine($"demo misclassified ({d.Errors.Count}, first 50):");
        foreach (var e in d.Errors.Take(50))
        {
            o.WriteLine("  " + e);
        }

        o.WriteLine($"demo misclassified with no registry ({withoutRegistry.Errors.Count}, first 50):");
        foreach (var e in withoutRegistry.Errors.Take(50))
        {
            o.WriteLine("  " + e);
        }
    }

    private static void Header(TextWriter o) =>
        o.WriteLine($"{"",-24} {"precision",9} {"recall",7} {"F1",6} {"TP",5} {"FP",5} {"FN",5} {"TN",5}");

    private static void Row(TextWriter o, string name, BinaryMetrics m) =>
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {m.Precision,9:F4} {m.Recall,7:F4} {m.F1,6:F4} {m.TruePositives,5} {m.FalsePositives,5} {m.FalseNegatives,5} {m.TrueNegatives,5}"));
}
