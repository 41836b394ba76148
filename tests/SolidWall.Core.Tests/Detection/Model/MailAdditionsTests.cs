using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// What `solidwall eval` adds below the district rows to measure how much the form of mail moves a verdict: each
/// addition lands under the row's own text and HTML, to the rows whose senders make it, and the report counts the
/// verdicts it changed.
/// </summary>
public sealed class MailAdditionsTests
{
    private static readonly Lazy<List<TrainingExample>> Rows = new(() => TrainingData.LoadDistrict(TestPaths.District()));

    [Fact]
    public void Each_addition_lands_below_the_rows_text_and_html_and_a_staff_signature_only_under_staff_mail()
    {
        foreach (var addition in MailAdditions.All)
        {
            var applied = 0;
            foreach (var row in Rows.Value)
            {
                var added = MailAdditions.Add(row, addition);
                var inside = DetectionContext.WritesFromInside(row.Message!, InstitutionDirectory.Empty);
                if (addition.Name == "staff signature block" && !inside)
                {
                    Assert.Null(added);
                    continue;
                }

                Assert.NotNull(added);
                applied++;
                Assert.Equal(row.Message!.Subject, added.Subject);
                Assert.Equal(row.Message.From, added.From);
                Assert.StartsWith(row.Message.Text!.TrimEnd(), added.Text, StringComparison.Ordinal);
                var tail = added.Text![row.Message.Text!.TrimEnd().Length..];
                Assert.Contains(addition.Text(row.Message).Split('\n')[0].Trim(), tail, StringComparison.Ordinal);
            }

            Assert.True(applied > 1000, $"{addition.Name}: applied to {applied} rows");
        }

        // A row with no district row behind it (the corpora's) gets none.
        Assert.Null(MailAdditions.Add(new TrainingExample("x", "spam-1", "subject", "text", false, [], false), MailAdditions.All[0]));
    }

    [Fact]
    public void The_report_counts_the_verdicts_an_addition_changed_on_the_rows_it_applies_to()
    {
        // Rows: an ask it hid, an ask it kept, an allowed row it flagged, an allowed row it left, a row it does not apply to.
        (bool, bool, bool?)[] readings = [(true, true, false), (true, true, true), (false, false, true), (false, false, false), (true, true, null)];
        var report = AdditionReport.From("test", [0, 1, 2, 3, 4], i => readings[i], i => readings[i]);
        Assert.Equal(4, report.Rows);
        Assert.Equal((1, 1), (report.Lost, report.Gained));
        Assert.Equal(new BinaryMetrics(1, 1, 1, 1), report.WithRegistry);
        Assert.Equal((1, 1), (report.LostWithoutRegistry, report.GainedWithoutRegistry));
    }
}
