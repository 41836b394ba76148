using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Every mailbox item the figures rest on (evidence.csv). The page shows the first rows only; the CSV and
/// manifest.json hold them all, each with its source, byte offset and SHA-256 so it can be re-opened and checked.
/// </summary>
internal sealed class EvidenceSection : IReportSection
{
    private const int MaxRowsShown = 200;

    public EvidenceSection(CaseReport report) =>
        Tables =
        [
            ReportTable.Create("evidence.csv", "Mailbox items the figures rest on", report.Evidence,
                ("source", e => Cell.Path(e.Source)),
                ("offset", e => e.Offset),
                ("sha256", e => Cell.Hash(e.Sha256)),
                ("message_id", e => Cell.Path(e.MessageId)),
                ("date", e => Cell.Date(e.Date)),
                ("from", e => Cell.Path(e.From)),
                ("subject", e => e.Subject),
                ("campaign", e => e.Campaign),
                ("role", e => Cell.Keyword(e.Role))).WithCsvOnly("message_id"),
        ];

    public string Id => "evidence";

    public string Title => "Evidence";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        html.Raw("<p>Each item can be re-opened at its byte offset in its source and checked against its SHA-256; <a href=\"manifest.json\">manifest.json</a> lists them all with the hash of every file of this report.</p>");
        HtmlTable.Write(html, Tables[0], MaxRowsShown);
    }
}
