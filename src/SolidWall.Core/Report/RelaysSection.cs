using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// The relay paths, campaign → staff → students: a flow diagram per campaign, a nested list of who relayed what to
/// whom, and the tables relays.csv (every relay message) and relayers.csv (the figures per relayer).
/// </summary>
internal sealed class RelaysSection : IReportSection
{
    private const int MaxListedRelays = 200, MaxListedStudents = 12;

    private readonly CaseReport _report;
    private readonly CampaignColours _colours;

    public RelaysSection(CaseReport report, CampaignColours colours)
    {
        _report = report;
        _colours = colours;
        var relayers = report.Figures.Campaigns
            .SelectMany(c => c.Relayers.Select(r => (Campaign: c.Name, Relayer: r)))
            .ToList();
        Tables =
        [
            ReportTable.Create("relayers.csv", "Staff who relayed campaign mail to students", relayers,
                ("campaign", r => r.Campaign),
                ("address", r => Cell.Path(r.Relayer.Address)),
                ("kind", r => Cell.Keyword(r.Relayer.Kind)),
                ("students_reached", r => r.Relayer.StudentsReached)),
            ReportTable.Create("relays.csv", "Every relay message: campaign → staff member → recipients", report.Relays,
                ("campaign", r => r.Campaign),
                ("blast_id", r => Cell.Path(r.BlastId)),
                ("relayer", r => Cell.Path(r.Relayer)),
                ("relayer_role", r => Cell.Keyword(r.RelayerRole)),
                ("kind", r => Cell.Keyword(r.Kind)),
                ("date", r => Cell.Date(r.Date)),
                ("subject", r => r.Subject),
                ("students", r => r.Students.Count),
                ("staff", r => r.Staff.Count),
                ("student_addresses", r => Cell.List(r.Students)),
                ("staff_addresses", r => Cell.List(r.Staff)),
                ("sha256", r => Cell.Hash(r.Sha256))).WithCsvOnly("student_addresses", "staff_addresses"),
        ];
    }

    public string Id => "relays";

    public string Title => "Relays: campaign → staff → students";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<p>A relay is a message from a district address that forwards, quotes or copies a campaign message, or replies into a campaign thread.</p>");
        var index = 0;
        foreach (var facts in CampaignFacts.Of(_report).Where(f => f.Figures.Relayers.Count > 0 || f.Figures.Principals.Count > 0))
        {
            html.Element("h3", facts.Figures.Name);
            RelayFlowDiagram.Write(html, facts, _colours.Of(facts.Figures.Name), index++);
            WritePaths(html, facts.Figures.Name);
        }

        HtmlTable.Write(html, Tables[0]);
        html.Raw("<details><summary>Every relay message</summary>");
        HtmlTable.Write(html, Tables[1]);
        html.Raw("</details>");
    }

    private void WritePaths(HtmlWriter html, string campaign)
    {
        var paths = _report.Relays.Where(r => r.Campaign == campaign).OrderBy(r => r.Date).ToList();
        if (paths.Count == 0)
        {
            return;
        }

        html.Raw("<ul class=\"tree\"><li><strong>").Text(campaign).Raw("</strong><ul>");
        foreach (var path in paths.Take(MaxListedRelays))
        {
            html.Raw("<li><span class=\"addr\">").Text(path.Relayer).Raw("</span> <span class=\"tag\">").Text(path.RelayerRole).Raw("</span> ")
                .Text(path.Kind).Raw(path.BlastId is null ? "" : " of ").Raw("<span class=\"id\">").Text(path.BlastId).Raw("</span>");
            if (path.Date is { } date)
            {
                html.Raw(", ").Text(ReportFormat.Iso(date));
            }

            html.Raw(": <q>").Text(path.Subject).Raw("</q>");
            if (path.Students.Count > 0 || path.Staff.Count > 0)
            {
                html.Raw("<ul>");
                Recipients(html, path.Students, "student", "students");
                Recipients(html, path.Staff, "staff member", "staff");
                html.Raw("</ul>");
            }

            html.Raw("</li>");
        }

        html.Raw("</ul></li></ul>");
        if (paths.Count > MaxListedRelays)
        {
            html.Raw("<p class=\"more\">The first ").Number(MaxListedRelays).Raw(" of ").Number(paths.Count).Raw(" relays are listed; all are in <a href=\"relays.csv\">relays.csv</a>.</p>");
        }
    }

    private static void Recipients(HtmlWriter html, IReadOnlyList<string> addresses, string one, string many)
    {
        if (addresses.Count == 0)
        {
            return;
        }

        html.Raw("<li>").Text(ReportFormat.Count(addresses.Count, one, many)).Raw(": ");
        var first = true;
        foreach (var address in addresses.Take(MaxListedStudents))
        {
            html.Raw(first ? "" : ", ").Raw("<span class=\"addr\">").Text(address).Raw("</span>");
            first = false;
        }

        if (addresses.Count > MaxListedStudents)
        {
            html.Raw(" and ").Number(addresses.Count - MaxListedStudents).Raw(" more");
        }

        html.Raw("</li>");
    }
}
