using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Recipients by school and role as SVG horizontal bars, stacked by campaign, largest groups first. Only the
/// largest groups are drawn; the table below lists every group.
/// </summary>
internal static class RecipientsChart
{
    public const int MaxBars = 24;

    private const double Width = 960, LabelWidth = 260, Right = 60, RowHeight = 26, Top = 8, Bottom = 8;

    public static void Write(HtmlWriter html, IReadOnlyList<RecipientGroup> groups, CampaignColours colours)
    {
        var rows = groups
            .GroupBy(g => (School: g.School ?? "school unknown", g.Role))
            .Select(g => (g.Key.School, g.Key.Role, Total: g.Sum(x => x.Recipients), Parts: g.ToList()))
            .OrderByDescending(r => r.Total).ThenBy(r => r.School, StringComparer.Ordinal).ThenBy(r => r.Role, StringComparer.Ordinal)
            .Take(MaxBars)
            .ToList();
        var max = Math.Max(1, rows.Max(r => r.Total));
        var height = Top + Bottom + (rows.Count * RowHeight);
        var plotWidth = Width - LabelWidth - Right;
        var order = colours.Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

        html.Raw($"<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"recipients-title recipients-desc\" viewBox=\"0 0 {Width} {SvgScale.N(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Raw("<title id=\"recipients-title\">Recipients of campaign mail by school and role</title><desc id=\"recipients-desc\">")
            .Text($"{rows.Count} largest groups of distinct recipients, by school and role; the largest is {rows[0].School}, {rows[0].Role}, with {ReportFormat.Count(rows[0].Total)}.")
            .Raw("</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (school, role, total, parts) = rows[i];
            var y = Top + (i * RowHeight);
            var label = $"{school} · {role}";
            html.Raw($"<text class=\"bar-label\" x=\"{LabelWidth - 8}\" y=\"{SvgScale.N(y + (RowHeight / 2))}\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                .Raw("<title>").Text(label).Raw("</title>").Text(Shorten(label, 38)).Raw("</text>");
            double x = LabelWidth;
            foreach (var part in parts.OrderBy(p => order.GetValueOrDefault(p.Campaign, int.MaxValue)))
            {
                var w = (double)part.Recipients / max * plotWidth;
                html.Raw($"<rect x=\"{SvgScale.N(x)}\" y=\"{SvgScale.N(y + 4)}\" width=\"{SvgScale.N(Math.Max(w, 1))}\" height=\"{RowHeight - 8}\" fill=\"{colours.Of(part.Campaign)}\">")
                    .Raw("<title>").Text($"{label} · {part.Campaign}: {ReportFormat.Count(part.Recipients, "recipient", "recipients")}, {ReportFormat.Count(part.Copies, "copy", "copies")}").Raw("</title></rect>");
                x += w;
            }

            html.Raw($"<text class=\"bar-value\" x=\"{SvgScale.N(x + 6)}\" y=\"{SvgScale.N(y + (RowHeight / 2))}\" dominant-baseline=\"middle\">{ReportFormat.Count(total)}</text>");
        }

        html.Raw("</svg><figcaption>");
        colours.WriteLegend(html, colours.Names.Where(n => groups.Any(g => g.Campaign == n)));
        html.Raw("</figcaption></figure>");
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
