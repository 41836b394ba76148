using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The district rows from outside as a mail gateway delivers them (its warning, "[EXTERNAL]", every link through Safe
/// Links), which `solidwall eval` also classifies: what the gateway adds, and that the shipped detector reads through it.
/// </summary>
public sealed class ArchivedViewTests
{
    private static readonly Lazy<List<TrainingExample>> Rows = new(() => TrainingData.LoadDistrict(TestPaths.District()));

    [Fact]
    public void Rows_from_outside_arrive_with_the_banner_the_tag_and_every_link_rewritten_and_staff_mail_under_the_notice()
    {
        var outside = 0;
        foreach (var row in Rows.Value)
        {
            var delivered = ArchivedView.Of(row);
            if (DetectionContext.WritesFromInside(row.Message!, InstitutionDirectory.Empty))
            {
                Assert.NotNull(delivered);
                Assert.Equal(row.Message!.Subject, delivered.Subject);
                Assert.EndsWith(ArchivedView.Notice, delivered.Text.TrimEnd(), StringComparison.Ordinal);
                Assert.Equal(row.Message.Links, delivered.Links);
                continue;
            }

            outside++;
            Assert.NotNull(delivered);
            Assert.Equal(ArchivedView.SubjectTag + row.Message!.Subject, delivered.Subject);
            Assert.StartsWith(ArchivedView.Banner, delivered.Text, StringComparison.Ordinal);
            Assert.Equal(row.Message.From, delivered.From);
            Assert.All(delivered.Links.Where(l => l.StartsWith("http", StringComparison.Ordinal)), l =>
            {
                var behind = LinkTarget.Resolve(l);
                Assert.NotNull(behind);
                Assert.Equal("Microsoft Safe Links", behind.Value.Gateway);
                Assert.Contains(behind.Value.Target, row.Message.Links);
            });
        }

        Assert.InRange(outside, 1000, Rows.Value.Count - 1000);
    }

    [Fact]
    public void The_shipped_detector_reads_an_archived_row_as_the_mail_that_was_written()
    {
        // Every row, with the world's registry and with none: the same verdict, and the same score or nearly.
        var registry = Rows.Value.First().World!;
        var detectors = new[] { new Detector(registry: registry, model: TextModel.LoadEmbedded()), new Detector(model: TextModel.LoadEmbedded()) };
        var compared = 0;
        var differ = 0;
        var worst = 0.0;
        foreach (var row in Rows.Value)
        {
            if (ArchivedView.Of(row) is not { } delivered)
            {
                continue;
            }

            foreach (var detector in detectors)
            {
                var sent = detector.Classify(row.Message!);
                var received = detector.Classify(delivered);
                Assert.True(sent.IsElectioneering == received.IsElectioneering, $"{row.Id}: {sent.Score} as written, {received.Score} as archived");
                worst = Math.Max(worst, Math.Abs(sent.Score - received.Score));
                differ += sent.Score == received.Score ? 0 : 1;
                compared++;
            }
        }

        Assert.Equal(2 * Rows.Value.Count, compared);
        // The model reads the same; a phrase signal that found "donate" in a link's path ("…/brandt-for-board/donate")
        // finds it percent-encoded behind Safe Links and stays quiet: 8 of 10,298 readings move, by at most 0.002.
        Assert.True(worst < 0.01 && differ < compared / 100, $"{differ} of {compared} scores moved, by up to {worst}");
    }
}
