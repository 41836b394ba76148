using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>The sections of the report, in the order the page shows them.</summary>
internal static class ReportSections
{
    public static IReadOnlyList<IReportSection> For(CaseReport report)
    {
        var colours = new CampaignColours(report);
        return
        [
            new SummarySection(report, colours),
            new TimelineSection(report, colours),
            new RecipientsSection(report, colours),
            new BlastsSection(report),
            new RelaysSection(report, colours),
            new PrincipalsSection(report),
            new SignupsSection(report),
            new AttestationSection(report),
            new CoordinationSection(report),
            new AttributionSection(report),
            new LimitsSection(report),
            new EvidenceSection(report),
            new MethodSection(report),
        ];
    }
}
