using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Attestation breaches: a candidate attested in the registry not to send electioneering to district addresses, and
/// the campaign did so afterwards. The attestation's date and document hash stand beside the first and last
/// offending messages (attestation-breaches.csv).
/// </summary>
internal sealed class AttestationSection : IReportSection
{
    private readonly CaseReport _report;

    public AttestationSection(CaseReport report)
    {
        _report = report;
        Tables =
        [
            ReportTable.Create("attestation-breaches.csv", "Campaign mail sent after an attestation that none would be", report.AttestationBreaches,
                ("campaign", b => b.Campaign),
                ("attested_by", b => b.AttestedBy),
                ("attested_at", b => Cell.Date(b.AttestedAt)),
                ("document", b => Cell.Path(b.Document)),
                ("document_sha256", b => Cell.Hash(b.DocumentSha256)),
                ("messages_after", b => b.MessagesAfter),
                ("first_date", b => Cell.Date(b.First.Date)),
                ("first_subject", b => b.First.Subject),
                ("first_source", b => Cell.Path(b.First.Source)),
                ("first_offset", b => b.First.Offset),
                ("first_sha256", b => Cell.Hash(b.First.Sha256)),
                ("last_date", b => Cell.Date(b.Last.Date)),
                ("last_subject", b => b.Last.Subject),
                ("last_source", b => Cell.Path(b.Last.Source)),
                ("last_offset", b => b.Last.Offset),
                ("last_sha256", b => Cell.Hash(b.Last.Sha256))),
        ];
    }

    public string Id => "attestations";

    public string Title => "Attestation breaches";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        foreach (var breach in _report.AttestationBreaches)
        {
            html.Raw("<div class=\"breach\"><p><strong>").Text(breach.Campaign).Raw("</strong>: ").Text(breach.AttestedBy)
                .Raw(" attested on ").Text(ReportFormat.Iso(breach.AttestedAt));
            if (breach.Document is not null)
            {
                html.Raw(" (").Text(breach.Document);
                if (breach.DocumentSha256 is not null)
                {
                    html.Raw(", SHA-256 <code>").Text(breach.DocumentSha256).Raw("</code>");
                }

                html.Raw(")");
            }

            html.Raw(". ").Text(ReportFormat.Count(breach.MessagesAfter, "message", "messages")).Raw(" followed.</p><dl class=\"pair\">");
            Item(html, "First after", breach.First);
            Item(html, "Last", breach.Last);
            html.Raw("</dl></div>");
        }

        if (_report.AttestationBreaches.Count == 0)
        {
            html.Raw("<p class=\"empty\">No campaign mailed district addresses after attesting that it would not.</p>");
        }

        HtmlTable.WriteLink(html, Tables[0]);
    }

    private static void Item(HtmlWriter html, string label, EvidenceItem item)
    {
        html.Raw("<div><dt>").Text(label).Raw("</dt><dd>").Text(item.Date is { } d ? ReportFormat.Iso(d) : "date unknown").Raw(" · <q>").Text(item.Subject)
            .Raw("</q><br><span class=\"src\">").Text(item.Source).Raw(" @ ").Number(item.Offset).Raw("</span> <code>").Text(item.Sha256).Raw("</code></dd></div>");
    }
}
