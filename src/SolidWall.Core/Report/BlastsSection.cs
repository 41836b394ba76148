using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>The blasts of every campaign: variants, mailbox copies, distinct recipients, first and last seen (blasts.csv).</summary>
internal sealed class BlastsSection : IReportSection
{
    public BlastsSection(CaseReport report)
    {
        var rows = report.Figures.Campaigns
            .SelectMany(c => c.Blasts.Select(b => (Campaign: c.Name, Blast: b)))
            .OrderBy(r => r.Blast.First)
            .ToList();
        Tables =
        [
            ReportTable.Create("blasts.csv", "Blasts: groups of near-duplicate campaign messages", rows,
                ("campaign", r => r.Campaign),
                ("id", r => Cell.Path(r.Blast.Id)),
                ("variants", r => r.Blast.Variants),
                ("copies", r => r.Blast.Copies),
                ("recipients", r => r.Blast.Recipients),
                ("first", r => Cell.Date(r.Blast.First)),
                ("last", r => Cell.Date(r.Blast.Last))),
        ];
    }

    public string Id => "blasts";

    public string Title => "Blasts";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<p>A blast is one send of near-duplicate messages; its variants are the texts sent together (A/B versions, translations). Copies are mailbox items; recipients are distinct addresses.</p>");
        HtmlTable.Write(html, Tables[0]);
    }
}
