using System.Diagnostics;
using System.Globalization;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// k-fold cross-validation of the whole detector as `solidwall train` builds it: in each fold the text model is
/// trained and the score combination fitted on the other folds only (<see cref="DetectorTrainer"/>), and a
/// <see cref="Detector"/> with them classifies the held-out messages, so every figure is on messages nothing was
/// trained or fitted on. The district rows are held out in the same folds and also reported on their own, read with
/// their world's registry (<see cref="TrainingExample.World"/>) and again with none.
/// </summary>
public static class CrossValidator
{
    private const int ReasonsShown = 4;

    /// <summary>
    /// A registry that names a candidate, but none of the district world's: the rows read as by an investigator whose
    /// registry lacks their campaigns. Not complete (as a registry is by default), so where it finds nothing the
    /// detector reads a message as with no registry; <see cref="OtherCampaignsMarkedComplete"/> is the same registry
    /// wrongly marked complete.
    /// </summary>
    private static readonly Registry OtherCampaigns = Registry.Parse(
        "campaigns:\n  - id: other\n    name: Friends of Zebulon Quarrington\n    candidate: Zebulon Quarrington\n", "(a registry of other campaigns)");

    /// <summary>The registry of other campaigns, marked complete: what an investigator who wrongly marks a registry complete gets for the campaigns missing from it.</summary>
    private static readonly Registry OtherCampaignsMarkedComplete = new(OtherCampaigns.Entries, complete: true);

    /// <summary>The thresholds <see cref="EvaluationReport.OperatingPoints"/> reports.</summary>
    public static IReadOnlyList<double> OperatingThresholds { get; } = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static EvaluationReport Run(IReadOnlyList<TrainingExample> examples, int folds = 5, TrainerOptions? options = null, Action<string>? log = null, IReadOnlyList<OrdinaryMessage>? ordinary = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Run(examples, Read(examples), folds, options ?? new TrainerOptions(), log, ordinary, additions: true);
    }

    /// <summary>
    /// Repeated k-fold cross-validation: <paramref name="runs"/> runs of <see cref="Run(IReadOnlyList{TrainingExample}, int, TrainerOptions?, Action{string}?)"/>,
    /// run r with the seed <c>options.Seed + r</c>, which gives it its own assignment of rows to folds, its own order of
    /// training and its own calibration folds. The first run is the one a single <c>eval</c> gives. One split's figures
    /// move with the split and the order as much as with a change of the detector: at 12,195 rows five runs read the
    /// shipped detector's precision on all data at 0.982 to 0.986 (docs/DETECTION.md, "stop 34"). The messages are
    /// read (features, signals) once for every run.
    /// </summary>
    public static IReadOnlyList<EvaluationReport> Repeat(IReadOnlyList<TrainingExample> examples, int folds, int runs, TrainerOptions? options = null, Action<string>? log = null, IReadOnlyList<OrdinaryMessage>? ordinary = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        options ??= new TrainerOptions();
        var inputs = Read(examples);
        var reports = new List<EvaluationReport>(runs);
        for (var r = 0; r < runs; r++)
        {
            var run = r;
            reports.Add(Run(examples, inputs, folds, options with { Seed = options.Seed + (ulong)r },
                log is null ? null : runs == 1 ? log : m => log(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}/{runs}, {m}")), ordinary, additions: r == 0));
        }

        return reports;
    }

    /// <summary>What every fold and every run reads of the messages: their features, and the signals that fire with their world's registry and with none.</summary>
    private sealed record Inputs(FeatureVector[] Features, CategoryReading[] Named, bool[][] Fired, bool[][] Plain);

    private static Inputs Read(IReadOnlyList<TrainingExample> examples)
    {
        var named = new CategoryReading[examples.Count];
        var fired = SignalIndicators.Read(examples, named: named);
        return new Inputs(ModelTrainer.Featurize(examples), named, fired, SignalIndicators.Read(examples, withWorld: false));
    }

    private static EvaluationReport Run(IReadOnlyList<TrainingExample> examples, Inputs inputs, int folds, TrainerOptions options, Action<string>? log, IReadOnlyList<OrdinaryMessage>? ordinary, bool additions)
    {
        var stopwatch = Stopwatch.StartNew();
        var (x, named, fired, plain) = (inputs.Features, inputs.Named, inputs.Fired, inputs.Plain);
        var assignment = Folds.Assign(examples, folds, options.Seed);
        var verdicts = new Verdict[examples.Count];
        var withoutRegistry = new Verdict[examples.Count];
        var unregistered = new Verdict[examples.Count];
        var unregisteredComplete = new Verdict[examples.Count];
        // The district rows as the district's mail system archives them (ArchivedView), read with their world's registry; null for the rest.
        var archived = examples.Select(ArchivedView.Of).ToArray();
        var archivedVerdicts = new Verdict?[examples.Count];
        var modelProbability = new double[examples.Count];
        var combinations = new List<ScoreCombination>();
        var trainedByFold = new TrainedDetector[folds];
        var ordinaryVerdicts = Enumerable.Range(0, folds).Select(_ => new Verdict[ordinary?.Count ?? 0]).ToArray();
        var ordinaryVerdictsWithoutRegistry = Enumerable.Range(0, folds).Select(_ => new Verdict[ordinary?.Count ?? 0]).ToArray();
        // Per addition (MailAdditions), each district row's held-out flag with it, with its world's registry and with none; null where it does not apply.
        var added = additions ? MailAdditions.All.Select(_ => new bool?[examples.Count]).ToArray() : [];
        var addedWithoutRegistry = additions ? MailAdditions.All.Select(_ => new bool?[examples.Count]).ToArray() : [];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var train = Enumerable.Range(0, examples.Count).Where(i => assignment[i] != fold).ToArray();
            var trained = DetectorTrainer.Train(x, fired, plain, named, examples, train, options);
            combinations.Add(trained.Combination);
            trainedByFold[f] = trained;
            var detector = trained.CreateDetector();
            var otherCampaigns = trained.CreateDetector(registry: OtherCampaigns);
            var otherCampaignsComplete = trained.CreateDetector(registry: OtherCampaignsMarkedComplete);
            // One detector per world's registry (a Registry is compared by reference).
            var worldDetectors = examples.Select(e => e.World).OfType<Registry>().Distinct().ToDictionary(w => w, w => trained.CreateDetector(registry: w));

            var test = Enumerable.Range(0, examples.Count).Where(i => assignment[i] == fold).ToArray();
            Parallel.ForEach(test, i =>
            {
                var message = examples[i].AsMessage();
                verdicts[i] = (examples[i].World is { } world ? worldDetectors[world] : detector).Classify(message);
                withoutRegistry[i] = examples[i].World is null ? verdicts[i] : detector.Classify(message);
                unregistered[i] = examples[i].World is null ? verdicts[i] : otherCampaigns.Classify(message);
                unregisteredComplete[i] = examples[i].World is null ? verdicts[i] : otherCampaignsComplete.Classify(message);
                if (archived[i] is { } stored)
                {
                    archivedVerdicts[i] = (examples[i].World is { } w ? worldDetectors[w] : detector).Classify(stored);
                }

                modelProbability[i] = trained.Model.Probability(x[i]);
                for (var a = 0; a < added.Length; a++)
                {
                    if (MailAdditions.Add(examples[i], MailAdditions.All[a]) is { } withAddition)
                    {
                        added[a][i] = (examples[i].World is { } w ? worldDetectors[w] : detector).Classify(withAddition).IsElectioneering;
                        addedWithoutRegistry[a][i] = detector.Classify(withAddition).IsElectioneering;
                    }
                }
            });
            if (ordinary is not null)
            {
                // The district world's registry, the one an investigator of this district keeps; none when the rows have no world.
                var registryReader = worldDetectors.Values.FirstOrDefault() ?? detector;
                Parallel.For(0, ordinary.Count, k =>
                {
                    ordinaryVerdicts[f][k] = registryReader.Classify(ordinary[k].Message);
                    ordinaryVerdictsWithoutRegistry[f][k] = detector.Classify(ordinary[k].Message);
                });
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"fold {f + 1}/{folds}: trained on {train.Length}, {stopwatch.Elapsed.TotalSeconds:F1} s"));
        }

        var threshold = Policy.Default.Threshold;
        var all = Enumerable.Range(0, examples.Count).ToArray();
        var district = all.Where(i => examples[i].IsDistrict).ToArray();

        // The district rows as an archive no registry lists: a registry suggested from its surest held-out verdicts without
        // one (RegistrySuggester, no label read), then every row read again with it by its own fold's detector.
        var suggester = new RegistrySuggester();
        foreach (var i in district)
        {
            suggester.Observe(examples[i].AsMessage(), withoutRegistry[i]);
        }

        var suggested = suggester.ToRegistry();
        var suggestedComplete = new Registry(suggested.Entries, complete: true);
        var withSuggested = new Verdict[examples.Count];
        var withSuggestedComplete = new Verdict[examples.Count];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var reader = trainedByFold[f].CreateDetector(registry: suggested);
            var completeReader = trainedByFold[f].CreateDetector(registry: suggestedComplete);
            Parallel.ForEach(district.Where(i => assignment[i] == fold), i =>
            {
                var message = examples[i].AsMessage();
                withSuggested[i] = reader.Classify(message);
                withSuggestedComplete[i] = completeReader.Classify(message);
            });
        }

        BinaryMetrics Metrics(IEnumerable<int> rows, Func<int, bool> predicted) => BinaryMetrics.From(rows.Select(i => (examples[i].Electioneering, predicted(i))));
        bool Detected(int i) => verdicts[i].IsElectioneering;
        bool ModelSays(int i) => modelProbability[i] >= threshold;
        bool SignalSays(int i) => SignalCatalog.All.Where((s, k) => s.Weight > 0 && fired[i][k]).Any();

        var bySource = all.GroupBy(i => examples[i].Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Metrics(g, Detected));

        // The district rows by the language they are written in, with their world's registry and without one: the
        // registry's names carry much of what an ask in a language with few rows says.
        var byLanguage = district.Where(i => examples[i].Language is not null).GroupBy(i => examples[i].Language!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LanguageMetrics(g.Key, Metrics(g, Detected), Metrics(g, i => withoutRegistry[i].IsElectioneering)))
            .ToArray();

        // Categories as the verdicts name them, on the district rows (the only ones labelled with every category).
        var categories = new Dictionary<string, BinaryMetrics>(StringComparer.Ordinal);
        foreach (var category in Categories.All)
        {
            categories[category] = BinaryMetrics.From(district.Where(i => examples[i].CategoriesKnown)
                .Select(i => (examples[i].Categories.Contains(category), verdicts[i].Categories.Contains(category))));
        }

        var errors = all.Where(i => examples[i].Electioneering != verdicts[i].IsElectioneering)
            .Select(i => new Misclassified(examples[i].Id, examples[i].Source, examples[i].Kind, examples[i].Electioneering, verdicts[i].Score, modelProbability[i],
                verdicts[i].Reasons.Take(ReasonsShown).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Signal} {r.Weight:+0.00;-0.00}")).ToArray()))
            .ToList();

        var brier = all.Average(i => Math.Pow(verdicts[i].Score - (examples[i].Electioneering ? 1 : 0), 2));
        var bins = new List<ReliabilityBin>();
        for (var b = 0; b < 10; b++)
        {
            var (from, to) = (b / 10.0, (b + 1) / 10.0);
            var members = all.Where(i => verdicts[i].Score >= from && (verdicts[i].Score < to || b == 9)).ToList();
            bins.Add(new ReliabilityBin(from, to, members.Count,
                members.Count == 0 ? 0 : members.Average(i => verdicts[i].Score),
                members.Count == 0 ? 0 : members.Average(i => examples[i].Electioneering ? 1.0 : 0.0)));
        }

        // The same verdicts at other thresholds: what a policy's `threshold` would trade (a verdict still needs a reason).
        static bool Flags(Verdict v, double t) => Detector.Flags(v.Score, t, v.Reasons);
        var operatingPoints = OperatingThresholds
            .Select(t => new OperatingPoint(t, Metrics(all, i => Flags(verdicts[i], t)), Metrics(district, i => Flags(verdicts[i], t)), Metrics(district, i => Flags(withoutRegistry[i], t))))
            .ToArray();

        return new EvaluationReport(
            folds, examples.Count, threshold,
            Metrics(all, Detected), Metrics(district, Detected), bySource, categories,
            Metrics(all, ModelSays), Metrics(district, ModelSays),
            Metrics(all, SignalSays), Metrics(district, SignalSays),
            combinations, errors, brier, bins, stopwatch.Elapsed.TotalSeconds / folds)
        {
            OverallWithoutRegistry = Metrics(all, i => withoutRegistry[i].IsElectioneering),
            DistrictWithoutRegistry = Metrics(district, i => withoutRegistry[i].IsElectioneering),
            DistrictUnregistered = Metrics(district, i => unregistered[i].IsElectioneering),
            DistrictUnregisteredMarkedComplete = Metrics(district, i => unregisteredComplete[i].IsElectioneering),
            DistrictSuggested = Metrics(district, i => withSuggested[i].IsElectioneering),
            DistrictSuggestedMarkedComplete = Metrics(district, i => withSuggestedComplete[i].IsElectioneering),
            SuggestedRegistry = suggested,
            DistrictArchived = district.All(i => archived[i] is not null) ? Metrics(district, i => archivedVerdicts[i]!.IsElectioneering) : null,
            OperatingPoints = operatingPoints,
            DistrictByLanguage = byLanguage,
            Seed = options.Seed,
            Ordinary = ordinary is null ? [] : OrdinaryReports(ordinary, ordinaryVerdicts, ordinaryVerdictsWithoutRegistry),
            Additions = [.. added.Select((flags, a) => AdditionReport.From(MailAdditions.All[a].Name, district,
                i => (examples[i].Electioneering, verdicts[i].IsElectioneering, flags[i]), i => (examples[i].Electioneering, withoutRegistry[i].IsElectioneering, addedWithoutRegistry[a][i])))],
            Scores = [.. all.Select(i => new HeldOutScore(examples[i].Id, examples[i].Kind, examples[i].Electioneering, verdicts[i].Score, verdicts[i].IsElectioneering,
                withoutRegistry[i].Score, withoutRegistry[i].IsElectioneering, modelProbability[i],
                examples[i].CategoriesKnown ? examples[i].Categories : null, verdicts[i].Categories))],
        };
    }

    // Per kind of ordinary mail, in the order the kinds first appear: per fold, how many of its messages the fold's detector
    // flagged with the registry and without; and each message flagged at least once.
    private static OrdinaryMailReport[] OrdinaryReports(IReadOnlyList<OrdinaryMessage> ordinary, Verdict[][] withRegistry, Verdict[][] withoutRegistry) =>
        [.. ordinary.Select(m => m.Kind).Distinct(StringComparer.Ordinal)
            .Select(kind => OrdinaryReport(kind, [.. Enumerable.Range(0, ordinary.Count).Where(k => ordinary[k].Kind == kind)], ordinary, withRegistry, withoutRegistry))];

    private static OrdinaryMailReport OrdinaryReport(string kind, int[] members, IReadOnlyList<OrdinaryMessage> ordinary, Verdict[][] withRegistry, Verdict[][] withoutRegistry)
    {
        var flagged = new List<OrdinaryFlag>();
        foreach (var k in members)
        {
            var folds = withRegistry.Count(v => v[k].IsElectioneering);
            var foldsWithout = withoutRegistry.Count(v => v[k].IsElectioneering);
            if (folds + foldsWithout == 0)
            {
                continue;
            }

            var highest = withoutRegistry.Select(v => v[k]).Concat(withRegistry.Select(v => v[k])).MaxBy(v => v.Score)!;
            flagged.Add(new OrdinaryFlag(ordinary[k].Id, ordinary[k].Language, ordinary[k].Message.Subject, folds, foldsWithout,
                withRegistry.Average(v => v[k].Score), withoutRegistry.Average(v => v[k].Score),
                highest.Reasons.Take(ReasonsShown).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Signal} {r.Weight:+0.00;-0.00}")).ToArray()));
        }

        return new OrdinaryMailReport(kind, members.Length,
            withRegistry.Select(v => members.Count(k => v[k].IsElectioneering)).ToArray(),
            withoutRegistry.Select(v => members.Count(k => v[k].IsElectioneering)).ToArray(),
            [.. flagged.OrderByDescending(g => g.Folds + g.FoldsWithoutRegistry).ThenByDescending(g => g.MeanScoreWithoutRegistry).ThenBy(g => g.Id, StringComparer.Ordinal)]);
    }
}
