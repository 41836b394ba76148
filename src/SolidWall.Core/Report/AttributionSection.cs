using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>How each sender was attributed to its campaign, in words a reader can check (senders.csv).</summary>
internal sealed class AttributionSection : IReportSection
{
    private readonly CaseReport _report;

    public AttributionSection(CaseReport report)
    {
        _report = report;
        var rows = report.Campaigns.SelectMany(c => c.Senders.Select(s => (Campaign: c, Sender: s))).ToList();
        Tables =
        [
            ReportTable.Create("senders.csv", "Senders attributed to each campaign, and on what ground", rows,
                ("campaign", r => r.Campaign.Name),
                ("basis", r => Cell.Keyword(r.Campaign.Basis)),
                ("address", r => Cell.Path(r.Sender.Address)),
                ("ground", r => r.Sender.Ground),
                ("messages", r => r.Sender.Messages)),
        ];
    }

    public string Id => "attribution";

    public string Title => "How senders were attributed";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<p>A campaign is a registered one (basis <em>registry</em>) or the organisation found behind a group of electioneering senders (basis <em>inferred</em>). Mail from personal accounts belongs to a campaign only when its content shows it; the ground says what showed it.</p>");
        if (_report.Campaigns.Count > 0)
        {
            html.Raw("<ul>");
            foreach (var campaign in _report.Campaigns)
            {
                html.Raw("<li><strong>").Text(campaign.Name).Raw("</strong>: ").Text(campaign.Basis == "registry" ? "in the registry" : "inferred from the mail")
                    .Raw(", ").Text(ReportFormat.Count(campaign.Senders.Count, "sender", "senders")).Raw("</li>");
            }

            html.Raw("</ul>");
        }

        HtmlTable.Write(html, Tables[0]);
    }
}
