using System.Text;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Lays out index.html: masthead with the case totals, table of contents, the sections, and a footer naming
/// manifest.json and its SHA-256. The page carries no script and a Content-Security-Policy that forbids any, and
/// any fetch, so that it opens the same offline and can run nothing even if a value escaped encoding.
/// </summary>
internal static class ReportPage
{
    /// <summary>Renders the page with the manifest's SHA-256 left empty (right after <see cref="ManifestRules.PageMarker"/>).</summary>
    public static byte[] Render(CaseReport report, IReadOnlyList<IReportSection> sections)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
        {
            Write(new HtmlWriter(writer), report, sections);
        }

        return buffer.ToArray();
    }

    private static void Write(HtmlWriter html, CaseReport report, IReadOnlyList<IReportSection> sections)
    {
        var title = string.IsNullOrWhiteSpace(report.CaseName) ? "Campaign mail in institutional mailboxes" : report.CaseName;
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        html.Raw("<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Raw("<meta name=\"generator\" content=\"SolidWall\"><title>").Text(title).Raw(" — SolidWall report</title>");
        html.Raw("<style>").Raw(ReportStyle.Css).Raw("</style></head>\n<body>");

        html.Raw("<header class=\"masthead\"><div class=\"inner\"><p class=\"kicker\">SolidWall evidence report</p>");
        html.Element("h1", title);
        html.Raw("<p class=\"meta\">Generated ").Text(ReportFormat.Iso(report.GeneratedAt)).Raw(" · ")
            .Text(ReportFormat.Count(report.Figures.Campaigns.Count, "campaign", "campaigns")).Raw(" · ")
            .Text(ReportFormat.Count(report.Evidence.Count, "evidence item", "evidence items")).Raw("</p>");
        html.Raw("<dl class=\"totals\">");
        Total(html, report.Figures.Messages, "mailbox items read");
        Total(html, report.Figures.Electioneering, "electioneering");
        Total(html, report.Figures.Campaigns.Sum(c => (long)c.EmailsDelivered), "campaign emails delivered");
        Total(html, report.Figures.Skipped, "items skipped");
        if (report.Figures.Encrypted > 0)
        {
            Total(html, report.Figures.Encrypted, "encrypted, not read");
        }
        html.Raw("</dl></div></header>\n");

        html.Raw("<nav class=\"toc\" aria-label=\"Contents\"><div class=\"inner\"><ol>");
        foreach (var section in sections)
        {
            html.Raw("<li><a href=\"#").Raw(section.Id).Raw("\">").Text(section.Title).Raw("</a></li>");
        }

        html.Raw("</ol></div></nav>\n<main>");
        foreach (var section in sections)
        {
            html.Raw("<section id=\"").Raw(section.Id).Raw("\" aria-labelledby=\"").Raw(section.Id).Raw("-h\"><h2 id=\"").Raw(section.Id).Raw("-h\">")
                .Text(section.Title).Raw("</h2>");
            section.Write(html);
            html.Raw("</section>\n");
        }

        html.Raw("</main>\n<footer class=\"site-footer\"><div class=\"inner\">");
        html.Raw("<p>Every file of this report is listed with its SHA-256 in <a href=\"manifest.json\">manifest.json</a>, beside every evidence item's source, byte offset and SHA-256.</p>");
        html.Raw("<p>SHA-256 of manifest.json: ").Raw(ManifestRules.PageMarker).Raw("</code></p>");
        html.Raw("<p>To check the report: <code>solidwall verify DIR</code>, or by hand as docs/FORMATS.md (Report) describes.</p>");
        html.Raw("</div></footer>\n</body></html>\n");
    }

    private static void Total(HtmlWriter html, long value, string label) =>
        html.Raw("<div><dt>").Text(label).Raw("</dt><dd>").Number(value).Raw("</dd></div>");
}
