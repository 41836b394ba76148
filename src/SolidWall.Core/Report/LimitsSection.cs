using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// What the evidence does not let one conclude: mailboxes no source held, items that could not be read (source,
/// byte offset and reason, every one of them), items whose content is encrypted (every one of them, with what their
/// headers tell), the sources read, and other stated limits (skipped.csv, encrypted.csv, unread-attachments.csv, sources.csv, missing-mailboxes.csv).
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
            ReportTable.Create("encrypted.csv", "Items whose content is encrypted: classified on their subject and headers alone", _limits.Encrypted,
                ("source", e => Cell.Path(e.Source)),
                ("offset", e => e.Offset),
                ("mailbox", e => Cell.Path(e.Mailbox)),
                ("date", e => Cell.Date(e.Date)),
                ("from", e => Cell.Path(e.From)),
                ("subject", e => e.Subject),
                ("encryption", e => Cell.Keyword(e.Encryption)),
                ("verdict", e => Cell.Keyword(e.Electioneering ? "electioneering" : "allowed")),
                ("sha256", e => Cell.Hash(e.Sha256))),
            ReportTable.Create("unread-attachments.csv", "Attached files that could not be read, or not all of them", _limits.UnreadAttachments,
                ("source", a => Cell.Path(a.Source)),
                ("offset", a => a.Offset),
                ("mailbox", a => Cell.Path(a.Mailbox)),
                ("subject", a => a.Subject),
                ("attachment", a => a.Attachment),
                ("verdict", a => Cell.Keyword(a.Electioneering ? "electioneering" : "allowed")),
                ("sha256", a => Cell.Hash(a.Sha256))),
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
        html.Raw("<li>").Text(ReportFormat.Count(_limits.Encrypted.Count, "item", "items")).Raw(_limits.Encrypted.Count == 1 ? " holds" : " hold")
            .Raw(" a message whose content is encrypted (S/MIME, PGP/MIME or Microsoft Purview Message Encryption): what ")
            .Raw(_limits.Encrypted.Count == 1 ? "it says" : "they say").Raw(" could not be read, and ")
            .Raw(_limits.Encrypted.Count == 1 ? "its verdict rests" : "their verdicts rest")
            .Raw(" on the subject and headers alone. Each is listed below; the decrypted messages must come from the mail system or the recipients.</li>");
        html.Raw("<li>").Text(ReportFormat.Count(_limits.UnreadAttachments.Count, "attached file", "attached files")).Raw(" of a format SolidWall reads (PDF, Word, PowerPoint, Excel, OpenDocument) ")
            .Raw(_limits.UnreadAttachments.Count == 1 ? "was" : "were").Raw(" encrypted, damaged, a legacy binary Office file or too large, and not read, or not all of ")
            .Raw(_limits.UnreadAttachments.Count == 1 ? "it" : "them").Raw("; each is listed below with the item that carried it. Images and scanned pages are never read (no OCR).</li>");
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
