using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>Principals who pushed campaign mail to their teachers, and how many teachers each reached (principals.csv).</summary>
internal sealed class PrincipalsSection : IReportSection
{
    public PrincipalsSection(CaseReport report)
    {
        var rows = report.Figures.Campaigns.SelectMany(c => c.Principals.Select(p => (Campaign: c.Name, Principal: p))).ToList();
        Tables =
        [
            ReportTable.Create("principals.csv", "Principals who pushed campaign mail to teachers", rows,
                ("campaign", r => r.Campaign),
                ("address", r => Cell.Path(r.Principal.Address)),
                ("teachers_reached", r => r.Principal.TeachersReached)),
        ];
    }

    public string Id => "principals";

    public string Title => "Principals";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<p>A supervisor who passes campaign mail to the staff they supervise adds the weight of their office to it (coercion, in the statutes' terms).</p>");
        HtmlTable.Write(html, Tables[0]);
    }
}
