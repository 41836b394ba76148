using System.Diagnostics;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// k-fold cross-validation of the whole training procedure (features, heads, inner calibration): each fold's
/// model is trained without that fold and scores it, so every figure is on messages the model did not see.
/// The district rows are scored inside the same folds and also reported on their own; and a separate
/// "transfer" run trains on the corpora alone and scores the whole district set, which shows how much of the
/// corpora-only model is content and how much is era.
/// </summary>
public static class CrossValidator
{
    public const double Threshold = 0.5;

    public static EvaluationReport Run(IReadOnlyList<TrainingExample> examples, int folds = 5, TrainerOptions? options = null, bool transfer = true, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TrainerOptions();
        var stopwatch = Stopwatch.StartNew();
        var x = ModelTrainer.Featurize(examples);
        var assignment = Folds.Assign(examples, folds, options.Seed);
        var probability = new double[examples.Count];
        var categoryProbability = new double[examples.Count][];
        var runtimeProbability = new double[examples.Count];
        var models = new TextModel[folds];
        Span<double> z = stackalloc double[TextModel.HeadCount];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var train = Enumerable.Range(0, examples.Count).Where(i => assignment[i] != fold).ToArray();
            var model = ModelTrainer.Train(x, examples, train, options);
            models[f] = model;
            for (var i = 0; i < examples.Count; i++)
            {
                if (assignment[i] != fold)
                {
                    continue;
                }

                model.Raw(x[i], z);
                probability[i] = model.Probability(x[i]);
                if (examples[i].IsDistrict)
                {
                    // As SolidWall scores a message at run time: its text as it is, not flattened like the training view.
                    runtimeProbability[i] = model.Score(examples[i].Subject, examples[i].Text, 0).Probability;
                }

                categoryProbability[i] = new double[TextModel.HeadCount - 1];
                for (var h = 1; h < TextModel.HeadCount; h++)
                {
                    categoryProbability[i][h - 1] = model.Calibration[h].Probability(z[h]);
                }
            }

            log?.Invoke($"fold {f + 1}/{folds}: trained on {train.Length}, {stopwatch.Elapsed.TotalSeconds:F1} s");
        }

        var secondsPerFold = stopwatch.Elapsed.TotalSeconds / folds;
        var overall = BinaryMetrics.From(Enumerable.Range(0, examples.Count).Select(i => (examples[i].Electioneering, probability[i] >= Threshold)));
        var bySource = examples.Select((e, i) => (e, i)).GroupBy(p => p.e.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => BinaryMetrics.From(g.Select(p => (p.e.Electioneering, probability[p.i] >= Threshold))));
        var district = BinaryMetrics.From(Enumerable.Range(0, examples.Count).Where(i => examples[i].IsDistrict).Select(i => (examples[i].Electioneering, probability[i] >= Threshold)));

        var districtRuntime = BinaryMetrics.From(Enumerable.Range(0, examples.Count).Where(i => examples[i].IsDistrict).Select(i => (examples[i].Electioneering, runtimeProbability[i] >= Threshold)));
        var labels = ModelTrainer.Labels(examples);
        var categories = new Dictionary<string, BinaryMetrics>();
        for (var c = 0; c < TextModel.Categories.Count; c++)
        {
            var pairs = Enumerable.Range(0, examples.Count).Where(i => labels[c + 1][i] >= 0 && examples[i].CategoriesKnown && examples[i].Electioneering)
                .Select(i => (labels[c + 1][i] > 0, categoryProbability[i][c] >= Threshold));
            categories[TextModel.Categories[c]] = BinaryMetrics.From(pairs);
        }

        var errors = new List<Misclassified>();
        for (var i = 0; i < examples.Count; i++)
        {
            var e = examples[i];
            if (e.Electioneering != probability[i] >= Threshold)
            {
                var terms = models[assignment[i]].Score(e.Subject is null ? null : TrainingView.Flatten(e.Subject), TrainingView.Flatten(e.Text)).TopTerms;
                errors.Add(new Misclassified(e.Id, e.Source, e.Electioneering, probability[i], terms));
            }
        }

        BinaryMetrics? transferMetrics = null;
        if (transfer && examples.Any(e => e.IsDistrict) && examples.Any(e => !e.IsDistrict))
        {
            var corpora = Enumerable.Range(0, examples.Count).Where(i => !examples[i].IsDistrict).ToArray();
            var model = ModelTrainer.Train(x, examples, corpora, options);
            transferMetrics = BinaryMetrics.From(Enumerable.Range(0, examples.Count).Where(i => examples[i].IsDistrict)
                .Select(i => (examples[i].Electioneering, model.Probability(x[i]) >= Threshold)));
            log?.Invoke($"transfer (corpora only → district): {stopwatch.Elapsed.TotalSeconds:F1} s");
        }

        var brier = Enumerable.Range(0, examples.Count).Average(i => Math.Pow(probability[i] - (examples[i].Electioneering ? 1 : 0), 2));
        var bins = new List<ReliabilityBin>();
        for (var b = 0; b < 10; b++)
        {
            var (from, to) = (b / 10.0, (b + 1) / 10.0);
            var members = Enumerable.Range(0, examples.Count).Where(i => probability[i] >= from && (probability[i] < to || (b == 9 && probability[i] <= 1))).ToList();
            bins.Add(new ReliabilityBin(from, to, members.Count,
                members.Count == 0 ? 0 : members.Average(i => probability[i]),
                members.Count == 0 ? 0 : members.Average(i => examples[i].Electioneering ? 1.0 : 0.0)));
        }

        return new EvaluationReport(folds, examples.Count, Threshold, overall, categories, bySource, district, districtRuntime, transferMetrics, errors, brier, bins, secondsPerFold);
    }
}
