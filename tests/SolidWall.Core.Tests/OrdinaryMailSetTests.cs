using System.Text.Json;
using System.Text.RegularExpressions;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests;

/// <summary>
/// The ordinary-mail check set in data/ordinary: allowed mail never trained on, which `eval` reads with every fold's
/// detector. It must load as eval loads it, stay apart from the district set it checks, and keep its language mix.
/// </summary>
public sealed class OrdinaryMailSetTests
{
    private static readonly Lazy<List<OrdinaryMessage>> Set = new(() => TrainingData.LoadOrdinary(Path.Combine(RepoRoot(), TrainingData.OrdinaryFolder)));

    [Fact]
    public void Every_row_loads_as_eval_reads_it_and_ids_are_unique()
    {
        var rows = Set.Value;
        Assert.True(rows.Count >= 200, $"only {rows.Count} rows in data/ordinary");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches("^ordinary:neg-(ordinary|look-alike)-[0-9]{3}$", r.Id));
        Assert.Equal(["look-alike", "ordinary"], rows.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Message.Text), r.Id));
    }

    [Fact]
    public void The_set_holds_english_spanish_and_the_districts_other_languages()
    {
        var byLanguage = Set.Value.GroupBy(r => r.Language ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byLanguage.GetValueOrDefault("en") >= 100, "English");
        Assert.True(byLanguage.GetValueOrDefault("es") >= 40, "Spanish");
        Assert.True(byLanguage.Keys.Count(k => k is not ("en" or "es")) >= 6, "the other languages");
    }

    [Fact]
    public void No_body_is_one_of_the_district_sets_which_the_model_trains_on()
    {
        static string Normalise(string body) => Regex.Replace(body.Trim(), @"\s+", " ");
        var district = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "data", "district"), "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                district.Add(Normalise(doc.RootElement.GetProperty("body").GetString()!));
            }
        }

        var raw = Directory.GetFiles(Path.Combine(RepoRoot(), TrainingData.OrdinaryFolder), "*.jsonl")
            .SelectMany(File.ReadLines).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("body").GetString()!);
        Assert.DoesNotContain(raw, b => district.Contains(Normalise(b)));
    }

    private static string RepoRoot() =>
        TrainingData.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no repository root above the test binaries");
}
