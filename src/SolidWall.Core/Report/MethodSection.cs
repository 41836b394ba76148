using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>How the figures were counted: the analysis's own paragraphs, then how this report counts and writes them.</summary>
internal sealed class MethodSection(CaseReport report) : IReportSection
{
    public string Id => "method";

    public string Title => "Method";

    public IReadOnlyList<ReportTable> Tables => [];

    public void Write(HtmlWriter html)
    {
        foreach (var paragraph in report.Method)
        {
            html.Raw("<p>").Text(paragraph).Raw("</p>");
        }

        html.Raw("<p>Emails delivered count mailbox copies of campaign-originated messages at district addresses, the way an investigator counts mailbox items; staff reached counts distinct staff among their recipients. Students reached by relays are added up relayer by relayer. Dates are written in ISO 8601 with the offset the message carried.</p>");
        html.Raw("<p>Every table on this page is also a CSV file in this directory (RFC 4180, UTF-8; a text cell beginning with = + - or @ is prefixed with an apostrophe so that a spreadsheet shows it rather than running it). figures.json holds the headline figures. Text taken from the mail is shown as text and never interpreted.</p>");
    }
}
