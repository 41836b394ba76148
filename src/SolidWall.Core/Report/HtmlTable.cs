namespace SolidWall.Core.Report;

/// <summary>
/// Shows a <see cref="ReportTable"/> on the page: a caption, column headings, and at most a limited number of rows,
/// with a pointer to the CSV file that holds them all (a case can have a hundred thousand evidence items).
/// </summary>
internal static class HtmlTable
{
    public const int DefaultMaxRows = 500;

    public static void Write(HtmlWriter html, ReportTable table, int maxRows = DefaultMaxRows)
    {
        if (table.Count == 0)
        {
            html.Raw("<p class=\"empty\">").Text(table.Caption).Raw(": none.</p>");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><caption>").Text(table.Caption);
        html.Raw(" <a class=\"csv\" href=\"").Text(table.FileName).Raw("\">").Text(table.FileName).Raw("</a></caption><thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Raw("<th scope=\"col\">").Text(header.Replace('_', ' ')).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>");
        var shown = 0;
        foreach (var row in table.Rows)
        {
            if (shown == maxRows)
            {
                break;
            }

            html.Raw("<tr>");
            foreach (var cell in row)
            {
                if (cell.Numeric)
                {
                    html.Raw("<td class=\"n\">").Text(long.TryParse(cell.Text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? ReportFormat.Count(n) : cell.Text).Raw("</td>");
                }
                else
                {
                    html.Raw("<td>").Text(cell.Text).Raw("</td>");
                }
            }

            html.Raw("</tr>");
            shown++;
        }

        html.Raw("</tbody></table></div>");
        if (shown < table.Count)
        {
            html.Raw("<p class=\"more\">Showing the first ").Number(shown).Raw(" of ").Number(table.Count)
                .Raw(" rows; all of them are in <a href=\"").Text(table.FileName).Raw("\">").Text(table.FileName).Raw("</a>.</p>");
        }
    }
}
