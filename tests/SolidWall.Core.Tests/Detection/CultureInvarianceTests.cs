using System.Globalization;
using System.Text;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Tests.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// A verdict reads the same on every machine: its notes ("model term 'vote' +1.25", "p=0.912", "log-odds +4.73") are
/// evidence an investigator quotes and a case keeps, and a machine set to German wrote "+1,25" in them.
/// </summary>
public sealed class CultureInvarianceTests
{
    [Theory]
    [InlineData("de-DE")] // decimal comma
    [InlineData("sv-SE")] // a minus sign that is not '-'
    [InlineData("ar-SA")] // other digits, another calendar
    public void VerdictsReadTheSameWhateverTheMachinesCulture(string culture)
    {
        var rows = TrainingData.LoadDistrict(TestPaths.District()).Where((_, i) => i % 10 == 0).Select(e => e.AsMessage()).ToList();
        var detector = new Detector(registry: Registry.Load(Path.Combine(TestPaths.District(), "registry.yaml")), model: TextModel.LoadEmbedded());
        var invariant = Describe(detector, rows);

        var before = CultureInfo.CurrentCulture;
        string local;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            local = Describe(detector, rows);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        // The sample reaches the notes that carry numbers: the model's terms and the fitted categories' log-odds.
        Assert.Contains("model term '", invariant, StringComparison.Ordinal);
        Assert.Contains("log-odds +", invariant, StringComparison.Ordinal);
        Assert.Equal(invariant, local);
    }

    // Every part of every verdict a reader sees, numbers written as the invariant culture writes them.
    private static string Describe(Detector detector, IEnumerable<Message> messages)
    {
        var sb = new StringBuilder();
        foreach (var verdict in messages.Select(detector.Classify))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{verdict.MessageId} {verdict.Decision} {verdict.Score:R} {string.Join(",", verdict.Categories)}\n");
            foreach (var category in verdict.CategoryReasons ?? [])
            {
                sb.Append(category.ToString()).Append('\n');
            }

            foreach (var reason in verdict.Reasons)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {reason.Signal} {reason.Weight:R}\n");
                foreach (var e in reason.Evidence)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    {e.Where}@{e.Offset}+{e.Length} {e.Text} | {e.Note}\n");
                }
            }
        }

        return sb.ToString();
    }
}
