using SolidWall.Cli.Commands;
using SolidWall.Core.Analysis;

namespace SolidWall.Cli.Tests;

/// <summary><c>solidwall demo</c>'s comparison of the report's figures with the generator's, figure by figure.</summary>
public sealed class DemoCompareTests
{
    [Fact]
    public void Compare_names_each_figure_that_differs()
    {
        var truth = new CaseFigures { Messages = 10, Electioneering = 2, Skipped = 1, Campaigns = [new CampaignFigures { Name = "C", StaffReached = 3, Signups = ["a@s.example"] }] };
        var found = new CaseFigures
        {
            Messages = 10,
            Electioneering = 3,
            Skipped = 1,
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
