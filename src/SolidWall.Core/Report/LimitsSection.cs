using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// What the evidence does not let one conclude: mailboxes no source held, items that could not be read (source,
/// byte offset and reason, every one of them), the sources read, and other stated limits
/// (skipped.csv, sources.csv, missing-mailboxes.csv).
/// </summary>
internal sealed class LimitsSection : IReportSection
{
    private readonly EvidenceLimits _limits;

    public LimitsSection(CaseReport report)
    {
        _limits = report.Limits;
        Tables =
        [
            ReportTable.Create("sources.csv", "Sources read and the items each held", _limits.Sources,
                ("source", s => Cell.Path(s.Source)),
                ("items", s => s.Items)),
            ReportTable.Create("missing-mailboxes.csv", "Mailboxes on the roster that no source held", _limits.MissingMailboxes,
                ("mailbox", m => Cell.Path(m))),
            ReportTable.Create("skipped.csv", "Items that could not be read as mail", _limits.Skipped,
                ("source", s => Cell.Path(s.Source)),
                ("offset", s => s.Offset),
                ("reason", s => s.Reason)),
        ];
    }

    public string Id => "limits";

    public string Title => "Limits of the evidence";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<ul class=\"limits\">");
        html.Raw("<li>").Text(ReportFormat.Count(_limits.Sources.Count, "source was", "sources were")).Raw(" read, holding ")
            .Text(ReportFormat.Count(_limits.Sources.Sum(s => (long)s.Items), "item", "items")).Raw(".</li>");
        html.Raw("<li>").Text(ReportFormat.Count(_limits.MissingMailboxes.Count, "mailbox", "mailboxes"))
            .Raw(" on the roster ").Raw(_limits.MissingMailboxes.Count == 1 ? "was" : "were").Raw(" in no source: mail to or from ")
            .Raw(_limits.MissingMailboxes.Count == 1 ? "it" : "them").Raw(" is counted only where another mailbox kept a copy.</li>");
        html.Raw("<li>").Text(ReportFormat.Count(_limits.Skipped.Count, "item", "items")).Raw(" could not be read as mail; each is listed below with its source, byte offset and reason.</li>");
        foreach (var note in _limits.Notes)
        {
            html.Raw("<li>").Text(note).Raw("</li>");
        }

        html.Raw("</ul>");
        foreach (var table in Tables)
        {
            HtmlTable.Write(html, table);
        }
    }
}
