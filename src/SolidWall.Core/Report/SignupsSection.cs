using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>Students who replied to a campaign to sign up (signups.csv).</summary>
internal sealed class SignupsSection : IReportSection
{
    public SignupsSection(CaseReport report)
    {
        var rows = report.Figures.Campaigns.SelectMany(c => c.Signups.Select(s => (Campaign: c.Name, Address: s))).ToList();
        Tables =
        [
            ReportTable.Create("signups.csv", "Students who replied to a campaign to sign up", rows,
                ("campaign", r => r.Campaign),
                ("address", r => Cell.Path(r.Address))),
        ];
    }

    public string Id => "signups";

    public string Title => "Sign-ups";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html) => HtmlTable.Write(html, Tables[0]);
}
