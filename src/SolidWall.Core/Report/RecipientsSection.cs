using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>Institutional recipients of campaign-originated mail, by role and school (recipients.csv).</summary>
internal sealed class RecipientsSection : IReportSection
{
    private readonly CaseReport _report;
    private readonly CampaignColours _colours;

    public RecipientsSection(CaseReport report, CampaignColours colours)
    {
        _report = report;
        _colours = colours;
        var rows = report.RecipientsByRoleAndSchool
            .OrderBy(r => r.Campaign, StringComparer.Ordinal).ThenByDescending(r => r.Recipients).ThenBy(r => r.School, StringComparer.Ordinal)
            .ToList();
        Tables =
        [
            ReportTable.Create("recipients.csv", "Distinct recipients and mailbox copies by campaign, role and school", rows,
                ("campaign", r => r.Campaign),
                ("role", r => Cell.Keyword(r.Role)),
                ("school", r => r.School),
                ("recipients", r => r.Recipients),
                ("copies", r => r.Copies)),
        ];
    }

    public string Id => "recipients";

    public string Title => "Recipients by role and school";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        if (_report.RecipientsByRoleAndSchool.Count > 0)
        {
            RecipientsChart.Write(html, _report.RecipientsByRoleAndSchool, _colours);
        }

        HtmlTable.Write(html, Tables[0]);
    }
}
