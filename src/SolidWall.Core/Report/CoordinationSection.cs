using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Mail between the institution's official channels and a campaign or an elected official's office, thread by thread
/// and in order, for the investigator to judge; the report draws no conclusion from it (coordination.csv).
/// </summary>
internal sealed class CoordinationSection : IReportSection
{
    private readonly CaseReport _report;

    public CoordinationSection(CaseReport report)
    {
        _report = report;
        var rows = report.Coordination
            .SelectMany((thread, i) => thread.Messages.Select(m => (Thread: i + 1, Item: thread, Message: m)))
            .ToList();
        Tables =
        [
            ReportTable.Create("coordination.csv", "Messages between official channels and campaigns or officials' offices", rows,
                ("thread", r => r.Thread),
                ("thread_subject", r => r.Item.Subject),
                ("participants", r => Cell.List(r.Item.Participants)),
                ("date", r => Cell.Date(r.Message.Date)),
                ("from", r => Cell.Path(r.Message.From)),
                ("subject", r => r.Message.Subject),
                ("source", r => Cell.Path(r.Message.Source)),
                ("offset", r => r.Message.Offset),
                ("sha256", r => Cell.Hash(r.Message.Sha256))),
        ];
    }

    public string Id => "coordination";

    public string Title => "Coordination";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<p>Listed for the investigator to judge; the report draws no conclusion from these threads.</p>");
        var number = 0;
        foreach (var thread in _report.Coordination.Take(HtmlTable.DefaultMaxRows))
        {
            html.Raw("<div class=\"thread\"><p><strong>Thread ").Number(++number).Raw(":</strong> <q>").Text(thread.Subject).Raw("</q> — ")
                .Text(string.Join(", ", thread.Participants)).Raw("</p><ol>");
            foreach (var message in thread.Messages.OrderBy(m => m.Date))
            {
                html.Raw("<li>").Text(message.Date is { } d ? ReportFormat.Iso(d) : "date unknown").Raw(" <span class=\"addr\">").Text(message.From)
                    .Raw("</span>: <q>").Text(message.Subject).Raw("</q> <span class=\"src\">").Text(message.Source).Raw(" @ ").Number(message.Offset)
                    .Raw("</span></li>");
            }

            html.Raw("</ol></div>");
        }

        if (_report.Coordination.Count == 0)
        {
            html.Raw("<p class=\"empty\">No mail between official channels and a campaign or an official's office was found.</p>");
        }

        HtmlTable.WriteLink(html, Tables[0]);
    }
}
