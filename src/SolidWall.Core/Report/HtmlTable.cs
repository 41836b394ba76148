namespace SolidWall.Core.Report;

/// <summary>
/// Shows a <see cref="ReportTable"/> on the page: a caption, column headings, and at most a limited number of rows,
/// with a pointer to the CSV file that holds them all (a case can have a hundred thousand evidence items).
/// </summary>
internal static class HtmlTable
{
    public const int DefaultMaxRows = 500;

    /// <summary>How many hex digits of a SHA-256 the page shows; the CSV and the manifest carry all 64.</summary>
    public const int ShownHashDigits = 16;

    public static void Write(HtmlWriter html, ReportTable table, int maxRows = DefaultMaxRows)
    {
        if (table.Count == 0)
        {
            html.Raw("<p class=\"empty\">").Text(table.Caption).Raw(": none.</p>");
            return;
        }

        html.Raw("<div class=\"table-wrap\"><table><caption>").Text(table.Caption);
        html.Raw(" <a class=\"csv\" href=\"").Text(table.FileName).Raw("\">").Text(table.FileName).Raw("</a></caption><thead><tr>");
        var shownColumns = Enumerable.Range(0, table.Headers.Count).Where(i => !table.CsvOnly.Contains(table.Headers[i])).ToArray();
        foreach (var i in shownColumns)
        {
            html.Raw("<th scope=\"col\">").Text(table.Headers[i].Replace('_', ' ')).Raw("</th>");
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
            foreach (var i in shownColumns)
            {
                WriteCell(html, row[i]);
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

    /// <summary>Only a pointer to the CSV, for a table whose rows the section already shows in another form.</summary>
    public static void WriteLink(HtmlWriter html, ReportTable table)
    {
        html.Raw("<p class=\"more\">").Text(table.Caption).Raw(", with sources, offsets and full SHA-256: <a href=\"")
            .Text(table.FileName).Raw("\">").Text(table.FileName).Raw("</a> (").Text(ReportFormat.Count(table.Count, "row", "rows")).Raw(").</p>");
    }

    /// <summary>
    /// The table turned on its side: one row per column, one column per row. For short tables with many columns
    /// (the campaigns), which read better as "figure | campaign A | campaign B" than squeezed across the page.
    /// </summary>
    public static void WriteTransposed(HtmlWriter html, ReportTable table)
    {
        if (table.Count == 0)
        {
            html.Raw("<p class=\"empty\">").Text(table.Caption).Raw(": none.</p>");
            return;
        }

        var rows = table.Rows.ToList();
        html.Raw("<div class=\"table-wrap\"><table class=\"transposed\"><caption>").Text(table.Caption);
        html.Raw(" <a class=\"csv\" href=\"").Text(table.FileName).Raw("\">").Text(table.FileName).Raw("</a></caption><thead><tr><th scope=\"col\">")
            .Text(table.Headers[0].Replace('_', ' ')).Raw("</th>");
        foreach (var row in rows)
        {
            html.Raw("<th scope=\"col\">").Text(row[0].Text).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>");
        for (var column = 1; column < table.Headers.Count; column++)
        {
            html.Raw("<tr><th scope=\"row\">").Text(table.Headers[column].Replace('_', ' ')).Raw("</th>");
            foreach (var row in rows)
            {
                WriteCell(html, row[column]);
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    private static void WriteCell(HtmlWriter html, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Number:
                html.Raw("<td class=\"n\">").Text(long.TryParse(cell.Text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? ReportFormat.Count(n) : cell.Text).Raw("</td>");
                break;
            case CellKind.Hash when cell.Text.Length > ShownHashDigits:
                html.Raw("<td class=\"h\" title=\"").Text(cell.Text).Raw("\"><code>").Text(cell.Text[..ShownHashDigits]).Raw("…</code></td>");
                break;
            case CellKind.Hash:
                html.Raw("<td class=\"h\"><code>").Text(cell.Text).Raw("</code></td>");
                break;
            case CellKind.Date when cell.Text.IndexOf('T', StringComparison.Ordinal) is var t and > 0:
                // Day and time on one line where there is room, on two where the column is narrow.
                html.Raw("<td class=\"d\"><span>").Text(cell.Text[..(t + 1)]).Raw("</span><wbr><span>").Text(cell.Text[(t + 1)..]).Raw("</span></td>");
                break;
            default:
                html.Raw(cell.Kind switch
                {
                    CellKind.Date => "<td class=\"d\">",
                    CellKind.Path => "<td class=\"p\">",
                    CellKind.Keyword => "<td class=\"k\">",
                    _ => "<td>",
                }).Text(cell.Text).Raw("</td>");
                break;
        }
    }
}
