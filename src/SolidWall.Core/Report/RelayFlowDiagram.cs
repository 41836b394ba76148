namespace SolidWall.Core.Report;

/// <summary>
/// One campaign's path to students as an SVG flow: the campaign's mail to staff, the staff who relayed it, the
/// students they reached and who signed up; and below, principals pushing it to teachers. Boxes and arrows only,
/// with every number written out, so it reads in print and in a screen reader (title and description).
/// </summary>
internal static class RelayFlowDiagram
{
    private const double BoxWidth = 250, BoxHeight = 64, Gap = 70, Left = 8, Top = 8;

    public static void Write(HtmlWriter html, CampaignFacts facts, string colour, int index)
    {
        var f = facts.Figures;
        var twoRows = f.Principals.Count > 0;
        var height = Top + BoxHeight + (twoRows ? BoxHeight + 24 : 0) + 8;
        var id = "flow-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        html.Raw($"<figure class=\"chart flow\"><svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 960 {SvgScale.N(height)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Raw($"<title id=\"{id}-title\">").Text($"How {f.Name}'s mail reached students").Raw($"</title><desc id=\"{id}-desc\">")
            .Text($"{f.Name} sent {ReportFormat.Count(f.EmailsDelivered, "email", "emails")} to {ReportFormat.Count(f.StaffReached)} staff; {ReportFormat.Count(f.Relayers.Count, "staff member", "staff members")} relayed it to {ReportFormat.Count(facts.StudentsReached, "student", "students")}; {ReportFormat.Count(f.Signups.Count, "student", "students")} signed up; {ReportFormat.Count(f.Principals.Count, "principal", "principals")} pushed it to {ReportFormat.Count(facts.TeachersReached, "teacher", "teachers")}.")
            .Raw("</desc>");
        html.Raw($"<defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#333\"/></marker></defs>");

        var x1 = Left;
        var x2 = Left + BoxWidth + Gap;
        var x3 = Left + (2 * (BoxWidth + Gap));
        Box(html, x1, Top, colour, ReportFormat.Count(f.EmailsDelivered, "campaign email", "campaign emails"), $"to {ReportFormat.Count(f.StaffReached)} district staff", strong: true);
        Box(html, x2, Top, colour, $"{ReportFormat.Count(f.Relayers.Count, "staff member", "staff members")} relayed it", $"{facts.Forwarders} forwarded · {facts.Copiers} copied the text");
        Box(html, x3, Top, colour, $"{ReportFormat.Count(facts.StudentsReached, "student", "students")} reached", $"{ReportFormat.Count(f.Signups.Count, "student", "students")} signed up");
        Arrow(html, id, x1 + BoxWidth, Top + (BoxHeight / 2), x2, Top + (BoxHeight / 2));
        Arrow(html, id, x2 + BoxWidth, Top + (BoxHeight / 2), x3, Top + (BoxHeight / 2));
        if (twoRows)
        {
            var y = Top + BoxHeight + 24;
            Box(html, x2, y, colour, $"{ReportFormat.Count(f.Principals.Count, "principal", "principals")} pushed it", "to the teachers of their schools");
            Box(html, x3, y, colour, $"{ReportFormat.Count(facts.TeachersReached, "teacher", "teachers")} reached", "");
            html.Raw($"<path class=\"flow-line\" d=\"M{SvgScale.N(x1 + (BoxWidth / 2))},{SvgScale.N(Top + BoxHeight)} V{SvgScale.N(y + (BoxHeight / 2))} H{SvgScale.N(x2)}\" marker-end=\"url(#{id}-arrow)\"/>");
            Arrow(html, id, x2 + BoxWidth, y + (BoxHeight / 2), x3, y + (BoxHeight / 2));
        }

        html.Raw("</svg></figure>");
    }

    private static void Box(HtmlWriter html, double x, double y, string colour, string title, string detail, bool strong = false)
    {
        html.Raw($"<rect class=\"flow-box\" x=\"{SvgScale.N(x)}\" y=\"{SvgScale.N(y)}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"6\" stroke=\"{colour}\"{(strong ? $" fill=\"{colour}\"" : "")}/>");
        var text = strong ? " fill=\"#fff\"" : "";
        html.Raw($"<text class=\"flow-title\" x=\"{SvgScale.N(x + 12)}\" y=\"{SvgScale.N(y + 26)}\"{text}>").Raw("<title>").Text(title).Raw("</title>").Text(Shorten(title, 30)).Raw("</text>");
        html.Raw($"<text class=\"flow-detail\" x=\"{SvgScale.N(x + 12)}\" y=\"{SvgScale.N(y + 47)}\"{text}>").Text(detail).Raw("</text>");
    }

    private static void Arrow(HtmlWriter html, string id, double xFrom, double yFrom, double xTo, double yTo) =>
        html.Raw($"<line class=\"flow-line\" x1=\"{SvgScale.N(xFrom + 4)}\" y1=\"{SvgScale.N(yFrom)}\" x2=\"{SvgScale.N(xTo - 4)}\" y2=\"{SvgScale.N(yTo)}\" marker-end=\"url(#{id}-arrow)\"/>");

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
