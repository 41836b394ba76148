using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// One colour per campaign, the same in every chart. The palette is dark enough for 3:1 contrast against the white
/// page (WCAG 1.4.11 for graphics) and its hues stay apart for the common colour-vision deficiencies; it repeats
/// after eight campaigns, where the legend and the tables still tell them apart.
/// </summary>
internal sealed class CampaignColours
{
    public static readonly IReadOnlyList<string> Palette =
        ["#1f5fa8", "#b5470b", "#1b7a4e", "#7b3fa0", "#a3214f", "#00708a", "#7a6200", "#555555"];

    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);

    public CampaignColours(CaseReport report)
    {
        var names = report.Figures.Campaigns.Select(c => c.Name)
            .Concat(report.Campaigns.Select(c => c.Name))
            .Concat(report.Timeline.Select(t => t.Campaign))
            .Concat(report.RecipientsByRoleAndSchool.Select(r => r.Campaign));
        foreach (var name in names)
        {
            if (!_colours.ContainsKey(name))
            {
                _colours[name] = Palette[_colours.Count % Palette.Count];
            }
        }
    }

    /// <summary>Campaign names in legend order.</summary>
    public IEnumerable<string> Names => _colours.Keys;

    public string Of(string campaign) => _colours.TryGetValue(campaign, out var colour) ? colour : Palette[^1];

    /// <summary>A legend: a swatch and the name of each campaign given.</summary>
    public void WriteLegend(HtmlWriter html, IEnumerable<string> campaigns)
    {
        html.Raw("<ul class=\"legend\">");
        foreach (var name in campaigns)
        {
            html.Raw("<li><span class=\"swatch\" style=\"background:").Raw(Of(name)).Raw("\"></span>").Text(name).Raw("</li>");
        }

        html.Raw("</ul>");
    }
}
