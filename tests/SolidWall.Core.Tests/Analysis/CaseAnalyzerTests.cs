using SolidWall.Core.Detection;
using static SolidWall.Core.Tests.Analysis.CaseMail;

namespace SolidWall.Core.Tests.Analysis;

public sealed class CaseAnalyzerTests
{
    private const string Campaign = "jamie@campaign.example";
    private static readonly string Offer = CampaignText("paid externship");

    [Fact]
    public void Students_who_reply_into_the_thread_or_write_to_a_campaign_sender_sign_up()
    {
        var mail = new CaseMail();
        var original = mail.Add(Campaign, [Teacher(1)], Offer, electioneering: true, committee: "Campaign for Schools");
        mail.Add(Student(1), ["other@campaign.example"], "I'm interested!", inReplyTo: [original.MessageId!], senderCopy: true);
        mail.Add(Student(2), [Campaign], "How do I sign up?", senderCopy: true);
        mail.Add(Student(3), [Teacher(1)], "Is the homework due Friday?", senderCopy: true);
        var report = mail.Analyse();
        Assert.Equal([Student(1), Student(2)], report.Figures.Campaigns.Single().Signups);
        Assert.Equal(2, report.Evidence.Count(e => e.Role == "signup"));
        // The campaign copy, the two sign-ups: the detector flagged none of the sign-ups, they count by rule.
        Assert.Equal((1 + 1 + 1 + 2, 3), (report.Figures.Messages, report.Figures.Electioneering));
    }

    [Fact]
    public void Campaign_mail_after_the_attestation_is_a_breach_with_its_first_and_last_copies()
    {
        var registry = Registry.Parse(
            $"""
            campaigns:
              - id: c
                name: Campaign for Schools
                candidate: Dana Ortiz
                domains: [campaign.example]
                attestations:
                  - by: Dana Ortiz
                    at: 2023-01-11T12:00:00-06:00
                    document: pledge.pdf
                    sha256: {new string('a', 64)}
            """, "r.yaml");
        var mail = new CaseMail();
        mail.Add(Campaign, [Teacher(1)], Offer, date: Day0, electioneering: true, registered: "Campaign for Schools");
        var after1 = mail.Add(Campaign, [Teacher(2)], Offer, date: Day0.AddDays(2), electioneering: true, registered: "Campaign for Schools");
        var after2 = mail.Add(Campaign, [Teacher(3)], Offer, date: Day0.AddDays(5), electioneering: true, registered: "Campaign for Schools");
        var breach = Assert.Single(mail.Analyse(registry).AttestationBreaches);
        Assert.Equal(("Campaign for Schools", "pledge.pdf", 2), (breach.Campaign, breach.Document, breach.MessagesAfter));
        Assert.Equal((after1.Sha256, after2.Sha256), (breach.First.Sha256, breach.Last.Sha256));
        Assert.Equal("/export/" + Teacher(2) + ".mbox", breach.First.Source);
    }

    [Fact]
    public void Coordination_lists_office_threads_with_a_campaign_or_an_officials_office_in_order()
    {
        var mail = new CaseMail();
        mail.Add(Campaign, [Teacher(1), "comms@" + Staff], Offer, electioneering: true, committee: "Campaign for Schools");
        var ask = mail.Add("comms@" + Staff, [Campaign], "Can you send us the event list?", date: Day0.AddHours(1), subject: "Events", senderCopy: true);
        mail.Add(Campaign, ["comms@" + Staff], "Here it is.", date: Day0.AddHours(2), subject: "Re: Events", inReplyTo: [ask.MessageId!]);
        mail.Add("chief@mayor.city.example", ["comms@" + Staff], "Talking points for tomorrow.", date: Day0.AddHours(3), subject: "Talking points");
        mail.Add(Campaign, ["comms@" + Staff], "Could the newsletter carry our volunteer ask?", date: Day0.AddHours(4), subject: "Newsletter item", electioneering: true, committee: "Campaign for Schools");
        var report = mail.Analyse(offices: ["city.example"]);
        Assert.Equal(["Events", "Talking points", "Newsletter item"], report.Coordination.Select(t => t.Subject));
        Assert.Equal(2, report.Coordination[0].Messages.Count);
        Assert.Equal(["comms@" + Staff, Campaign], report.Coordination[0].Messages.Select(m => m.From));
        Assert.Equal(["chief@mayor.city.example", "comms@" + Staff], report.Coordination[1].Participants);
    }

    [Fact]
    public void Missing_mailboxes_timeline_and_recipients_by_role_and_school()
    {
        var mail = new CaseMail();
        mail.Add(Campaign, [Teacher(1), "pat.principal@" + Staff, Student(1)], Offer, electioneering: true, committee: "Campaign for Schools");
        mail.Add(Campaign, [Teacher(2)], Offer, date: Day0.AddDays(1).AddHours(14), electioneering: true, committee: "Campaign for Schools");
        var report = mail.Analyse(custodians: [Teacher(1), Teacher(2), "Teacher9@" + Staff]);
        Assert.Equal(["teacher9@" + Staff], report.Limits.MissingMailboxes);
        // 23:00 in Chicago is the next day in UTC: days are the sender's own.
        Assert.Equal([new(new DateOnly(2023, 1, 10), "Campaign for Schools", 3), new(new DateOnly(2023, 1, 11), "Campaign for Schools", 1)], report.Timeline);
        Assert.Equal(
            [new("Campaign for Schools", "principal", "Harbor High", 1, 1), new("Campaign for Schools", "staff", null, 2, 2), new("Campaign for Schools", "student", null, 1, 1)],
            report.RecipientsByRoleAndSchool);
        Assert.Equal(3, report.Figures.Campaigns.Single().StaffReached); // two teachers and the principal, not the student
        Assert.Contains(report.Limits.Notes, n => n.StartsWith("Bcc recipients are known only from the sender's own copy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_says_how_its_fingerprints_read_the_mail_and_warns_of_a_case_an_earlier_solidwall_fingerprinted()
    {
        var mail = new CaseMail();
        mail.Add(Campaign, [Teacher(1)], Offer, electioneering: true, committee: "Campaign for Schools");
        const string caveat = "This case was scanned by a SolidWall whose fingerprints read what the institution's mail system writes";
        var current = mail.Analyse();
        Assert.Contains(current.Method, p => p.StartsWith("Blasts.", StringComparison.Ordinal) && p.Contains("a confidentiality notice, a mailing list's footer) is left out", StringComparison.Ordinal));
        Assert.DoesNotContain(current.Limits.Notes, n => n.StartsWith(caveat, StringComparison.Ordinal));
        Assert.Contains(mail.Analyse(fingerprintNormalisation: 1).Limits.Notes, n => n.StartsWith(caveat, StringComparison.Ordinal));
        const string listCaveat = "This case was scanned by a SolidWall whose fingerprints read the footer a mailing list writes";
        Assert.DoesNotContain(current.Limits.Notes, n => n.StartsWith(listCaveat, StringComparison.Ordinal));
        Assert.Contains(mail.Analyse(fingerprintNormalisation: 2).Limits.Notes, n => n.StartsWith(listCaveat, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("campaigns:\n  - name: Campaign for Schools\n    candidate: Dana Ortiz\n", "The registry was not marked complete")]
    [InlineData("complete: true\ncampaigns:\n  - name: Campaign for Schools\n    candidate: Dana Ortiz\n", "The registry was marked complete")]
    [InlineData("campaigns:\n  - id: suggested-ortiz\n    name: Campaign for Schools\n    candidate: Dana Ortiz\n  - name: Other\n    candidate: Ann Other\n",
        "1 of the registry's 2 entries were written by `solidwall registry suggest` from campaign mail in the archive itself")]
    [InlineData("committees:\n  - name: Better Schools PAC\n    domains: [pac.example]\n", "No registry entry names a candidate: every message was read as with no registry")]
    [InlineData("", "No registry entry names a candidate: every message was read as with no registry")]
    public void The_method_says_how_the_registry_was_read(string yaml, string says)
    {
        var mail = new CaseMail();
        mail.Add(Campaign, [Teacher(1)], Offer, electioneering: true, committee: "Campaign for Schools");
        var report = mail.Analyse(Registry.Parse(yaml, "r.yaml"));
        var detection = Assert.Single(report.Method, p => p.StartsWith("Detection.", StringComparison.Ordinal));
        Assert.Contains(says, detection, StringComparison.Ordinal);
        // Without a candidate the quiet asks that name only one are found less often: a limit of the evidence, with the
        // command that suggests a registry. A registry that names one says nothing of it.
        const string limit = "No registry entry names a candidate, so campaign mail that names its campaign only by the candidate's name";
        var namesCandidate = Registry.Parse(yaml, "r.yaml").NamesCandidate;
        Assert.Equal(namesCandidate ? 0 : 1, report.Limits.Notes.Count(n => n.StartsWith(limit, StringComparison.Ordinal)));
        Assert.Equal(!namesCandidate, report.Limits.Notes.Any(n => n.Contains("`solidwall registry suggest`", StringComparison.Ordinal)));
    }

    [Fact]
    public void Messages_are_read_twice_and_items_once()
    {
        var mail = new CaseMail();
        mail.Add(Campaign, [Teacher(1)], Offer, electioneering: true, committee: "Campaign for Schools");
        var reads = 0;
        IEnumerable<Case.CaseMessage> Counted()
        {
            reads++;
            foreach (var m in mail.Messages)
            {
                yield return m;
            }
        }

        var report = new Core.Analysis.CaseAnalyzer(new Core.Analysis.AnalysisOptions { Directory = CaseMail.Directory }).Analyse(mail.Items, Counted(), []);
        Assert.Equal((2, 1), (reads, report.Figures.Campaigns.Single().EmailsDelivered));
    }
}
