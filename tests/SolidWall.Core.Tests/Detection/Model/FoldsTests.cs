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
    public void CopiesOfOneMessageAnInvestigatorLabelledShareAFoldAndCorpusRowsStayAlone()
    {
        static TrainingExample Row(string id, string source, string text) => new(id, source, "Saturday", text, true, [], false);
        const string Blast = "Neighbours, the Renewal slate needs hands at the Kessler depot on Saturday morning. Take a bundle of teal packets for your block and bring them back by noon.";
        var rows = new List<TrainingExample>
        {
            Row("labelled/a", TrainingExample.LabelledSource, Blast),
            Row("labelled/b", TrainingExample.LabelledSource, "Other words entirely about the robotics club and its blue worksheets for every room on the second floor this week."),
            Row("labelled/c", TrainingExample.LabelledSource, Blast + " Thanks!"),
            Row("corpus/a", "political", Blast),
        };

        var groups = Folds.Groups(rows);
        Assert.Equal([0, 1, 0, 3], groups);
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
            Assert.True(groups[i] == i || data[i].IsDistrictMail);
        }
    }

    [Fact]
    public void AssignmentIsDeterministicAndSeeded()
    {
        var data = Data.Value;
        Assert.Equal(Folds.Assign(data, 5, 1), Folds.Assign(data, 5, 1));
        Assert.NotEqual(Folds.Assign(data, 5, 1), Folds.Assign(data, 5, 2));
    }

    [Fact]
    public void GroupsJoinTheRowsThatComparingEveryPairJoins()
    {
        // The first 2,000 district rows (forwards stand near what they forward), after the corpus rows, against the
        // plain comparison of every pair of district rows.
        var data = Data.Value.Where(e => !e.IsDistrict).Concat(Data.Value.Where(e => e.IsDistrict).Take(2_000)).ToList();
        var groups = Folds.Groups(data);
        Assert.Equal(PairwiseGroups(data), groups);
        Assert.True(groups.Where((g, i) => g != i).Count() >= 20, $"{groups.Where((g, i) => g != i).Count()} rows joined, too few to tell");
    }

    [Fact]
    public void ARowJoinsWhenMoreThanHalfOfTheSmallerRowsFourGramsAreShared()
    {
        const string blast = "Please share this externship with your students, twelve hours a week for class credit at the campaign office";
        var rows = new List<TrainingExample>
        {
            District("a", blast),
            // A forward: the blast under a line of its own.
            District("b", "FYI for your advisory. " + blast),
            // Three of its 4-grams are the blast's, far from half: alone.
            District("c", "The science fair judges meet at noon in room 204 to score the boards; it is not for class credit at the campaign office"),
            // Shares most of the forward's, so joins the forward's group and with it the blast's.
            District("d", "FYI for your advisory. Please share this externship with your students, twelve hours a week"),
            new("e", "political", null, blast, true, [], false),
        };

        var plain = PairwiseGroups(rows);
        Assert.Equal(plain, Folds.Groups(rows));
        Assert.True(plain.SequenceEqual([0, 0, 2, 0, 4]), string.Join(",", plain));
    }

    private static TrainingExample District(string id, string text) => new(id, TrainingExample.DistrictSource, null, text, true, [], true);

    // The plain reading: every pair of district rows compared.
    private static int[] PairwiseGroups(IReadOnlyList<TrainingExample> data)
    {
        var parent = Enumerable.Range(0, data.Count).ToArray();
        var district = data.Select((e, i) => (e, i)).Where(p => p.e.IsDistrict).Select(p => (p.i, Grams: Folds.FourGrams(p.e.Text))).ToList();
        for (var a = 0; a < district.Count; a++)
        {
            for (var b = a + 1; b < district.Count; b++)
            {
                var smaller = Math.Min(district[a].Grams.Count, district[b].Grams.Count);
                if (smaller > 0 && district[a].Grams.Count(district[b].Grams.Contains) > 0.5 * smaller)
                {
                    var (ra, rb) = (Root(district[a].i), Root(district[b].i));
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }

        return [.. Enumerable.Range(0, data.Count).Select(Root)];

        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i];
            }

            return i;
        }
    }
}
