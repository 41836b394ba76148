using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>The district set's own registry: read with its rows in training and evaluation, and left out once in evaluation.</summary>
public sealed class WorldRegistryTests
{
    [Fact]
    public void Every_district_row_carries_the_worlds_registry_and_it_registers_every_candidate_named_in_names_txt()
    {
        var rows = TrainingData.LoadDistrict(TestPaths.District());
        var world = rows[0].World;
        Assert.NotNull(world);
        Assert.All(rows, r => Assert.Same(world, r.World));
        // Every campaign of the world's ballot: a district row that names none of them names no campaign.
        Assert.True(world.Complete);

        var registered = string.Join(' ', world.Entries.SelectMany(e => e.Names)).ToLowerInvariant();
        var names = File.ReadLines(Path.Combine(TestPaths.District(), WorldNames.FileName))
            .Select(l => l.Split('#', 2)[0].Trim()).Where(l => l.Length > 0);
        Assert.All(names, n => Assert.Contains(n.ToLowerInvariant(), registered, StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_reads_no_candidates_name_in_any_district_row_not_in_its_quotes_either()
    {
        // The model's view (subject, text and the segments it vectorises) has the names cut; the message keeps them.
        var rows = TrainingData.LoadDistrict(TestPaths.District());
        var extractor = new FeatureExtractor();
        var quoted = rows.Where(r => r.Message!.Segments.Any(g => g.Kind != SolidWall.Core.SegmentKind.Body)).ToList();
        Assert.NotEmpty(quoted);
        foreach (var row in quoted.Where(r => r.Message!.Text.Contains("Ortiz", StringComparison.Ordinal)).Take(20))
        {
            var x = extractor.Extract(row.Subject, row.Text, row.SegmentsForModel);
            var terms = Enumerable.Range(0, x.Count).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).ToList();
            // As a word: a campaign's domain ("domain:reelect-dana-ortiz.example") is content and stays.
            Assert.DoesNotContain(terms, t => t.Split(' ').Contains("ortiz"));
            Assert.Contains("Ortiz", row.Message!.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Signals_read_a_row_with_its_worlds_registry_and_the_plain_view_without()
    {
        var world = Registry.Parse("campaigns:\n  - id: mott\n    name: Citizens for Gerry Mott\n    candidate: Gerald Mott\n    aliases: [Gerry Mott]\n", "registry.yaml");
        var row = new TrainingExample("d-1", TrainingExample.DistrictSource, "Tickets", "Every AP has bought a ticket to Gerry Mott's reception.", true, ["coercion"], true) { World = world };
        var mention = SignalCatalog.All.ToList().FindIndex(s => s.Name == "RegisteredCampaignMention");
        Assert.True(SignalIndicators.Read([row])[0][mention]);
        Assert.False(SignalIndicators.Read([row], withWorld: false)[0][mention]);
        Assert.False(SignalIndicators.Read([row with { World = null }])[0][mention]);
    }

    [Fact]
    public void Signals_record_for_the_category_decision_what_they_named_on_electioneering_rows_only()
    {
        var ask = new TrainingExample("d-2", TrainingExample.DistrictSource, "Saturday",
            "Sign the petition to put Gerry Mott on the ballot: https://secure.actblue.com/donate/mott", true, ["petition"], true);
        var allowed = ask with { Id = "d-3", Electioneering = false, Categories = [] };
        var named = new CategoryReading[2];
        var fired = SignalIndicators.Read([ask, allowed], named: named);

        Assert.Null(named[1]);
        var reading = Assert.IsType<CategoryReading>(named[0]);
        var names = SignalCatalog.Names.ToList();
        for (var s = 0; s < names.Count; s++)
        {
            // A signal that did not fire named nothing; one that fired named what its hit says.
            Assert.True(fired[0][s] || reading.NamedBy[s].Count == 0, names[s]);
        }

        Assert.Contains(Categories.Fundraising, reading.NamedBy[names.IndexOf("DonationPlatformLink")]);
        Assert.Contains(Categories.Petition, reading.NamedBy[names.IndexOf("PetitionDrive")]);
        Assert.False(reading.CoercionAdded);
    }

    [Fact]
    public void Without_a_world_the_no_registry_figures_are_the_figures()
    {
        var report = CrossValidator.Run(ModelTrainerTests.Synthetic(90, seed: 5), folds: 3);
        Assert.Equal(report.Overall, report.OverallWithoutRegistry);
        Assert.Equal(report.District, report.DistrictWithoutRegistry);
    }

    [Fact]
    public void The_district_rows_by_language_add_up_to_the_district_figures()
    {
        // Two languages in one synthetic set: each row's figures counted once, under its own language, both readings.
        var data = ModelTrainerTests.Synthetic(90, seed: 5).Select((e, i) => e with { Language = i % 4 == 0 ? "es" : "en" }).ToList();
        var report = CrossValidator.Run(data, folds: 3);
        Assert.Equal(["en", "es"], report.DistrictByLanguage.Select(l => l.Language));
        foreach (var (reading, whole) in new (Func<LanguageMetrics, BinaryMetrics>, BinaryMetrics)[] { (l => l.WithRegistry, report.District), (l => l.WithoutRegistry, report.DistrictWithoutRegistry!) })
        {
            var parts = report.DistrictByLanguage.Select(reading).ToList();
            Assert.Equal(whole.TruePositives, parts.Sum(m => m.TruePositives));
            Assert.Equal(whole.FalsePositives, parts.Sum(m => m.FalsePositives));
            Assert.Equal(whole.FalseNegatives, parts.Sum(m => m.FalseNegatives));
            Assert.Equal(whole.TrueNegatives, parts.Sum(m => m.TrueNegatives));
        }

        Assert.Equal(data.Count(e => e.Language == "es"), CountOf(report.DistrictByLanguage.Single(l => l.Language == "es").WithRegistry));
        Assert.Empty(CrossValidator.Run(ModelTrainerTests.Synthetic(60, seed: 5), folds: 3).DistrictByLanguage);

        static int CountOf(BinaryMetrics m) => m.TruePositives + m.FalsePositives + m.FalseNegatives + m.TrueNegatives;
    }

    [Fact]
    public void Every_district_row_is_read_with_the_language_it_is_written_in()
    {
        var rows = TrainingData.LoadDistrict(TestPaths.District());
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Language), r.Id));
        Assert.Equal(10, rows.Select(r => r.Language).Distinct().Count());
    }

    [Theory]
    [InlineData("Please come hear Dana Ortiz speak at the library on Saturday.", true)]
    [InlineData("Please come hear the author speak at the library on Saturday.", false)]
    public void The_model_says_whether_it_read_a_registered_candidates_name(string text, bool read)
    {
        var model = TextModel.LoadEmbedded();
        var message = SolidWall.Core.Tests.Detection.Mail.Of(text, "Saturday");
        Assert.Equal(read, model.Score(message, SolidWall.Core.Tests.Detection.Mail.SampleRegistry()).ReadRegisteredName);
        // Without a registry there is no name to read as a candidate's.
        Assert.False(model.Score(message).ReadRegisteredName);
        Assert.False(model.Score(message, Registry.Empty).ReadRegisteredName);
    }
}
