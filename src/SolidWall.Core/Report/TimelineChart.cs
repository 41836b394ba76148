using System.Globalization;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// The timeline as an SVG stacked bar chart: one bar per day, one colour per campaign, election dates as dashed
/// lines with their labels. Every bar has a title giving its day, campaign and count, and the whole chart a title
/// and a description for screen readers; the table below it holds the same numbers.
/// </summary>
internal static class TimelineChart
{
    private const double Width = 960, Height = 320, Left = 52, Right = 16, Top = 44, Bottom = 40;

    public static void Write(HtmlWriter html, CaseReport report, CampaignColours colours)
    {
        var byDay = report.Timeline.GroupBy(t => t.Day).ToDictionary(g => g.Key, g => g.ToList());
        var days = byDay.Keys.Concat(report.Elections.Select(e => e.Day)).ToList();
        var first = days.Min();
        var last = days.Max();
        var span = last.DayNumber - first.DayNumber + 1;
        var peak = byDay.Values.Select(v => v.Sum(c => c.Copies)).DefaultIfEmpty(0).Max();
        var (max, step) = SvgScale.Nice(peak);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var barWidth = plotWidth / span;
        double X(DateOnly day) => Left + ((day.DayNumber - first.DayNumber) * barWidth);
        double Y(double value) => Top + plotHeight - (value / max * plotHeight);

        var total = report.Timeline.Sum(t => t.Copies);
        html.Raw($"<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Raw("<title id=\"timeline-title\">Campaign mail per day</title><desc id=\"timeline-desc\">")
            .Text($"{ReportFormat.Count(total)} electioneering mailbox copies from {ReportFormat.Long(first)} to {ReportFormat.Long(last)}; the busiest day had {ReportFormat.Count(peak)}. {report.Elections.Count} election dates are marked.")
            .Raw("</desc>");

        // Count axis and grid.
        for (var value = 0; value <= max; value += step)
        {
            var y = SvgScale.N(Y(value));
            html.Raw($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            html.Raw($"<text class=\"tick\" x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{ReportFormat.Count(value)}</text>");
        }

        // Bars, stacked in legend order.
        var order = colours.Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        foreach (var (day, counts) in byDay.OrderBy(p => p.Key))
        {
            double stacked = 0;
            foreach (var count in counts.OrderBy(c => order.GetValueOrDefault(c.Campaign, int.MaxValue)))
            {
                var y0 = Y(stacked);
                stacked += count.Copies;
                var y1 = Y(stacked);
                html.Raw($"<rect x=\"{SvgScale.N(X(day) + (barWidth * 0.1))}\" y=\"{SvgScale.N(y1)}\" width=\"{SvgScale.N(Math.Max(barWidth * 0.8, 1))}\" height=\"{SvgScale.N(Math.Max(y0 - y1, 0.5))}\" fill=\"{colours.Of(count.Campaign)}\">")
                    .Raw("<title>").Text($"{ReportFormat.Iso(day)} · {count.Campaign}: {ReportFormat.Count(count.Copies, "copy", "copies")}").Raw("</title></rect>");
            }
        }

        // Day axis: at most about ten labels, on whole steps of days.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(span / 10.0));
        html.Raw($"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight}\"/>");
        for (var d = 0; d < span; d += labelEvery)
        {
            var day = first.AddDays(d);
            var label = day.ToString(d == 0 || (day.Month == 1 && day.Day <= labelEvery) ? "d MMM yyyy" : "d MMM", CultureInfo.InvariantCulture);
            html.Raw($"<text class=\"tick\" x=\"{SvgScale.N(X(day) + (barWidth / 2))}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">").Text(label).Raw("</text>");
        }

        // Election dates, labels on alternating rows so that close dates stay legible.
        var row = 0;
        foreach (var election in report.Elections.OrderBy(e => e.Day))
        {
            var x = SvgScale.N(X(election.Day) + (barWidth / 2));
            var labelY = Top - 26 + (row++ % 2 * 14);
            html.Raw($"<line class=\"election\" x1=\"{x}\" x2=\"{x}\" y1=\"{labelY + 4}\" y2=\"{Top + plotHeight}\"><title>")
                .Text($"{ReportFormat.Iso(election.Day)}: {election.Label}").Raw("</title></line>");
            var anchor = X(election.Day) > Width - 200 ? "end" : "start";
            html.Raw($"<text class=\"election-label\" x=\"{x}\" y=\"{labelY}\" text-anchor=\"{anchor}\" dx=\"{(anchor == "end" ? -4 : 4)}\">")
                .Text($"{election.Label} ({ReportFormat.Long(election.Day)})").Raw("</text>");
        }

        html.Raw("</svg><figcaption>");
        colours.WriteLegend(html, colours.Names.Where(n => report.Timeline.Any(t => t.Campaign == n)));
        if (report.Elections.Count > 0)
        {
            html.Raw("<span class=\"election-key\">dashed line: election date</span>");
        }

        html.Raw("</figcaption></figure>");
    }
}
