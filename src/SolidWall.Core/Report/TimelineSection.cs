using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>Campaign mail per day, per campaign, with the election dates (timeline.csv).</summary>
internal sealed class TimelineSection : IReportSection
{
    private readonly CaseReport _report;
    private readonly CampaignColours _colours;

    public TimelineSection(CaseReport report, CampaignColours colours)
    {
        _report = report;
        _colours = colours;
        var rows = report.Timeline.OrderBy(t => t.Day).ThenBy(t => t.Campaign, StringComparer.Ordinal).ToList();
        Tables =
        [
            ReportTable.Create("timeline.csv", "Electioneering mailbox copies per day and campaign", rows,
                ("day", t => Cell.Day(t.Day)),
                ("campaign", t => t.Campaign),
                ("copies", t => t.Copies)),
        ];
    }

    public string Id => "timeline";

    public string Title => "Timeline";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        if (_report.Timeline.Count == 0 && _report.Elections.Count == 0)
        {
            html.Raw("<p class=\"empty\">No campaign mail to show.</p>");
            return;
        }

        TimelineChart.Write(html, _report, _colours);
        html.Raw("<details><summary>The numbers behind the chart</summary>");
        HtmlTable.Write(html, Tables[0]);
        html.Raw("</details>");
    }
}
