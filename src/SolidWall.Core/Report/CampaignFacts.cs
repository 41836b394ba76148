using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Derived facts about one campaign that more than one section states (period, students reached), computed in one
/// place so that the sentences, the cards and the tables never disagree.
/// </summary>
internal sealed record CampaignFacts(CampaignFigures Figures, CampaignDetail? Detail)
{
    public static IReadOnlyList<CampaignFacts> Of(CaseReport report) =>
        report.Figures.Campaigns
            .Select(f => new CampaignFacts(f, report.Campaigns.FirstOrDefault(d => d.Name == f.Name)))
            .ToList();

    public DateTimeOffset? First => Figures.Blasts.Count == 0 ? null : Figures.Blasts.Min(b => b.First);

    public DateTimeOffset? Last => Figures.Blasts.Count == 0 ? null : Figures.Blasts.Max(b => b.Last);

    public int BlastCopies => Figures.Blasts.Sum(b => b.Copies);

    /// <summary>Students reached by the campaign's relayers, added up relayer by relayer (a student reached by two relayers counts twice).</summary>
    public int StudentsReached => Figures.Relayers.Sum(r => r.StudentsReached);

    public int TeachersReached => Figures.Principals.Sum(p => p.TeachersReached);

    public int Forwarders => Figures.Relayers.Count(r => r.Kind == RelayerFigures.Forward);

    public int Copiers => Figures.Relayers.Count(r => r.Kind == RelayerFigures.Copy);
}
