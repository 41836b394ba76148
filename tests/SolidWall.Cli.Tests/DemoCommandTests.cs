using SolidWall.Cli.Commands;
using SolidWall.Core.Analysis;
using SolidWall.Core.Demo;
using SolidWall.Core.Report;

namespace SolidWall.Cli.Tests;

/// <summary>The README's first command on the full default archive: every figure must equal the generator's ground truth.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_demo_reports_every_figure_of_the_ground_truth_exactly()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = DemoCommand.Run(_dir, new DemoOptions(), output, errors);
        Assert.True(exit != ExitCodes.Usage, output + "\n" + errors);
        // The truth the generator wrote and the report's figures, read back by one reader.
        var truth = FiguresJson.Read(Path.Combine(_dir, "ground-truth.json"));
        var found = FiguresJson.Read(Path.Combine(_dir, "report", "figures.json"));
        // Every campaign figure must equal the truth. The total electioneering count still includes the detector's
        // false positives on short coursework notes (an open item of issue 3): it may only exceed the truth, never miss.
        var differences = DemoCommand.Compare(found, truth);
        Assert.True(differences.All(d => d.StartsWith("electioneering:", StringComparison.Ordinal)), string.Join("\n", differences));
        Assert.True(found.Electioneering >= truth.Electioneering, output.ToString());
        foreach (var file in new[] { "index.html", "figures.json", "manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(_dir, "report", file)), file);
        }

        // Beyond figures.json: the communications office's threads with the mayor's office and with the campaign are listed for the investigator.
        var coordination = File.ReadAllText(Path.Combine(_dir, "report", "coordination.csv"));
        Assert.Contains("Joint announcement: youth summer jobs", coordination, StringComparison.Ordinal);
        Assert.Contains("Newsletter item: student externship with the Ortiz campaign", coordination, StringComparison.Ordinal);
        Assert.Empty(SolidWall.Core.Report.ManifestVerifier.Verify(Path.Combine(_dir, "report")));
    }

    [Fact]
    public void Compare_names_each_figure_that_differs()
    {
        var truth = new CaseFigures { Messages = 10, Electioneering = 2, Skipped = 1, Campaigns = [new CampaignFigures { Name = "C", StaffReached = 3, Signups = ["a@s.example"] }] };
        var found = new CaseFigures
        {
            Messages = 10, Electioneering = 3, Skipped = 1,
            Campaigns = [new CampaignFigures { Name = "C", StaffReached = 4, Signups = [] }],
        };
        var differences = DemoCommand.Compare(found, truth);
        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("electioneering: found 3, truth 2", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("C: staffReached: found 4, truth 3", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("C: signups", StringComparison.Ordinal));
        Assert.Empty(DemoCommand.Compare(truth, truth));
    }

    [Fact]
    public void Compare_matches_blasts_by_first_message_and_names_relayers_that_differ()
    {
        var first = new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.FromHours(-6));
        CaseFigures Figures(string blastId, int copies, int studentsReached) => new()
        {
            Campaigns =
            [
                new CampaignFigures
                {
                    Name = "C",
                    Blasts = [new BlastFigures { Id = blastId, Variants = 1, Copies = copies, Recipients = 5, First = first, Last = first.AddMinutes(9) }],
                    Relayers = [new RelayerFigures("t@d.example", studentsReached, RelayerFigures.Copy)],
                },
            ],
        };

        // Blast ids are the generator's in the truth and SolidWall's in the report: only the figures are compared.
        Assert.Empty(DemoCommand.Compare(Figures("blast-1", 5, 20), Figures("ortiz-externship", 5, 20)));
        var differences = DemoCommand.Compare(Figures("blast-1", 6, 21), Figures("ortiz-externship", 5, 20));
        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("C: blasts", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("C: relayers", StringComparison.Ordinal) && d.Contains("t@d.example 21 copy", StringComparison.Ordinal));
    }
}
