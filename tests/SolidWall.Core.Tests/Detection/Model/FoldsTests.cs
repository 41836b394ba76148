using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>Cross-validation folds: stratified by source and label, deterministic, near-duplicate district rows kept together.</summary>
public sealed class FoldsTests
{
    private static readonly Lazy<List<TrainingExample>> Data = new(() =>
    {
        var list = TrainingData.LoadPolitical(Path.Combine(TestPaths.Corpora(), TrainingData.PoliticalFile));
        list.AddRange(TrainingData.LoadDistrict(TestPaths.District()));
        list.AddRange(ModelTrainerTests.Synthetic(300).Where(e => !e.Electioneering).Select(e => e with { Source = "synthetic" }));
        return list;
    });

    [Fact]
    public void EveryStratumIsSpreadEvenlyOverTheFolds()
    {
        var data = Data.Value;
        var folds = Folds.Assign(data, 5, 42);
        var groups = Folds.Groups(data);
        foreach (var stratum in data.Select((e, i) => (e, i)).GroupBy(p => (p.e.Source, p.e.Electioneering)))
        {
            // Count groups (the unit of assignment) per fold, each in the stratum of its first row (a forward quoting a
            // message of the other label joins that message's group); their rows follow them.
            var perFold = new int[5];
            foreach (var g in stratum.Where(p => groups[p.i] == p.i).Select(p => p.i))
            {
                perFold[folds[g]]++;
            }

            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{stratum.Key}: {string.Join(",", perFold)}");
            var rows = new int[5];
            foreach (var p in stratum)
            {
                rows[folds[p.i]]++;
            }

            // Rows follow their groups, and a report quoting a blast follows the blast's group into the other label's
            // stratum, so rows are balanced less tightly than groups: no fold more than 5% short.
            Assert.True(rows.Min() >= 0.95 * stratum.Count() / 5, $"{stratum.Key}: {string.Join(",", rows)}");
        }
    }

    [Fact]
    public void ForwardsAndTheirOriginalsShareAFold()
    {
        var data = Data.Value;
        var folds = Folds.Assign(data, 5, 42);
        var groups = Folds.Groups(data);
        var multi = groups.GroupBy(g => g).Where(g => g.Count() > 1).ToList();
        Assert.True(multi.Count >= 5, $"only {multi.Count} groups of near-duplicate district rows");
        for (var i = 0; i < data.Count; i++)
        {
            Assert.Equal(folds[groups[i]], folds[i]);
            Assert.True(groups[i] == i || data[i].IsDistrict);
        }
    }

    [Fact]
    public void AssignmentIsDeterministicAndSeeded()
    {
        var data = Data.Value;
        Assert.Equal(Folds.Assign(data, 5, 1), Folds.Assign(data, 5, 1));
        Assert.NotEqual(Folds.Assign(data, 5, 1), Folds.Assign(data, 5, 2));
    }
}
