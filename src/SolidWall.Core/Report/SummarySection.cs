using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// The headline: per campaign, sentences an investigator can quote ("The Committee … sent 674 emails to 213
/// district staff …") beside the figures they rest on, and the table of all campaigns (campaigns.csv).
/// </summary>
internal sealed class SummarySection : IReportSection
{
    private readonly CaseReport _report;
    private readonly CampaignColours _colours;
    private readonly IReadOnlyList<CampaignFacts> _facts;

    public SummarySection(CaseReport report, CampaignColours colours)
    {
        _report = report;
        _colours = colours;
        _facts = CampaignFacts.Of(report);
        Tables =
        [
            ReportTable.Create("campaigns.csv", "Figures per campaign", _facts,
                ("campaign", f => f.Figures.Name),
                ("basis", f => Cell.Keyword(f.Detail?.Basis)),
                ("candidate", f => f.Detail?.Candidate),
                ("office", f => f.Detail?.Office),
                ("senders", f => f.Figures.Senders.Count),
                ("domains", f => Cell.List(f.Figures.Domains)),
                ("staff_reached", f => f.Figures.StaffReached),
                ("emails_delivered", f => f.Figures.EmailsDelivered),
                ("blasts", f => f.Figures.Blasts.Count),
                ("blast_copies", f => f.BlastCopies),
                ("relayers", f => f.Figures.Relayers.Count),
                ("students_reached", f => f.StudentsReached),
                ("principals", f => f.Figures.Principals.Count),
                ("teachers_reached", f => f.TeachersReached),
                ("signups", f => f.Figures.Signups.Count),
                ("first", f => Cell.Date(f.First)),
                ("last", f => Cell.Date(f.Last))),
        ];
    }

    public string Id => "summary";

    public string Title => "Findings";

    public IReadOnlyList<ReportTable> Tables { get; }

    public void Write(HtmlWriter html)
    {
        var figures = _report.Figures;
        html.Raw("<p class=\"lead\">SolidWall read ").Number(figures.Messages).Raw(" mailbox items. ")
            .Number(figures.Electioneering).Raw(figures.Electioneering == 1 ? " was" : " were")
            .Raw(" electioneering; ").Number(figures.Skipped).Raw(figures.Skipped == 1 ? " item" : " items")
            .Raw(" could not be read as mail");
        if (figures.Encrypted > 0)
        {
            html.Raw(", and ").Number(figures.Encrypted).Raw(figures.Encrypted == 1 ? " item holds" : " items hold")
                .Raw(" encrypted mail whose content could not be read. Both are listed under <a href=\"#limits\">Limits of the evidence</a>.</p>");
        }
        else
        {
            html.Raw(" and ").Raw(figures.Skipped == 1 ? "is" : "are").Raw(" listed under <a href=\"#limits\">Limits of the evidence</a>.</p>");
        }

        if (_facts.Count == 0)
        {
            html.Raw("<p class=\"empty\">No campaign mail was found in the sources read.</p>");
        }

        foreach (var facts in _facts)
        {
            WriteCampaign(html, facts);
        }

        HtmlTable.WriteTransposed(html, Tables[0]);
    }

    private void WriteCampaign(HtmlWriter html, CampaignFacts facts)
    {
        var f = facts.Figures;
        html.Raw("<article class=\"campaign\" style=\"border-left-color:").Raw(_colours.Of(f.Name)).Raw("\">");
        html.Element("h3", f.Name);
        if (facts.Detail is { Candidate: { } candidate })
        {
            html.Raw("<p class=\"who\">").Text(candidate);
            if (facts.Detail.Office is { } office)
            {
                html.Raw(", ").Text(office);
            }

            html.Raw("</p>");
        }

        html.Raw("<div class=\"findings\"><div class=\"sentences\">");
        foreach (var sentence in Sentences(facts))
        {
            html.Raw("<p>").Text(sentence).Raw("</p>");
        }

        html.Raw("</div><dl class=\"cards\">");
        Card(html, f.EmailsDelivered, "emails delivered");
        Card(html, f.StaffReached, "staff reached");
        Card(html, f.Blasts.Count, "blasts");
        Card(html, f.Relayers.Count, "staff relayed to students");
        Card(html, facts.StudentsReached, "students reached by relays");
        Card(html, f.Principals.Count, "principals pushed to teachers");
        Card(html, f.Signups.Count, "students signed up");
        html.Raw("</dl></div></article>");
    }

    private static void Card(HtmlWriter html, long value, string label) =>
        html.Raw("<div><dt>").Text(label).Raw("</dt><dd>").Number(value).Raw("</dd></div>");

    /// <summary>Plain sentences, each true of the figures beside it; a sentence with nothing to say is left out.</summary>
    internal IEnumerable<string> Sentences(CampaignFacts facts)
    {
        var f = facts.Figures;
        var sent = $"{f.Name} sent {ReportFormat.Count(f.EmailsDelivered, "email", "emails")} to {ReportFormat.Count(f.StaffReached)} district staff";
        if (f.Blasts.Count > 0)
        {
            sent += $", {ReportFormat.Count(facts.BlastCopies)} of them in {ReportFormat.Count(f.Blasts.Count, "blast", "blasts")}";
        }

        if (facts.First is { } first && facts.Last is { } last)
        {
            sent += first.Date == last.Date
                ? $", on {ReportFormat.Long(first)}"
                : $", between {ReportFormat.Long(first)} and {ReportFormat.Long(last)}";
        }

        yield return sent + ".";

        if (f.Relayers.Count > 0)
        {
            var how = (facts.Forwarders, facts.Copiers) switch
            {
                ( > 0, > 0) => $" ({facts.Forwarders} by forwarding it, {facts.Copiers} by copying its text)",
                ( > 0, 0) => " by forwarding it",
                (0, > 0) => " by copying its text",
                _ => "",
            };
            yield return $"{ReportFormat.Count(f.Relayers.Count, "staff member", "staff members")} passed it on to students{how}, reaching {ReportFormat.Count(facts.StudentsReached, "student", "students")}.";
        }

        if (f.Principals.Count > 0)
        {
            yield return $"{ReportFormat.Count(f.Principals.Count, "principal", "principals")} pushed it to {ReportFormat.Count(facts.TeachersReached, "teacher", "teachers")}.";
        }

        if (f.Signups.Count > 0)
        {
            yield return $"{ReportFormat.Count(f.Signups.Count, "student", "students")} replied to sign up.";
        }

        foreach (var breach in _report.AttestationBreaches.Where(b => b.Campaign == f.Name))
        {
            yield return $"{breach.AttestedBy} attested on {ReportFormat.Long(breach.AttestedAt)} that the campaign would not send electioneering to district addresses; {ReportFormat.Count(breach.MessagesAfter, "message", "messages")} followed.";
        }
    }
}
