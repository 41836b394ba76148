using SolidWall.Core.Analysis;
using SolidWall.Core.Detection;
using static SolidWall.Core.Tests.Analysis.CaseMail;

namespace SolidWall.Core.Tests.Analysis;

public sealed class CampaignAttributionTests
{
    private static readonly Registry Ortiz = Registry.Parse(
        """
        committees:
          - id: ortiz
            name: Committee to Re-elect Dana Ortiz
            candidate: Dana Ortiz
            office: Mayor
            domains: [reelect-ortiz.example]
            addresses: [dana@campaign-mail.example]
        """, "r.yaml");

    private static CampaignDetail Campaign(CaseReport report, string name) => report.Campaigns.Single(c => c.Name == name);

    private static string Ground(CaseReport report, string sender) => report.Campaigns.SelectMany(c => c.Senders).Single(s => s.Address == sender).Ground;

    [Fact]
    public void A_registered_address_or_domain_belongs_to_its_entry()
    {
        var mail = new CaseMail();
        mail.Add("dana@campaign-mail.example", [Teacher(1)], CampaignText("rally"), electioneering: true, registered: "Committee to Re-elect Dana Ortiz");
        mail.Add("news@reelect-ortiz.example", [Teacher(2)], CampaignText("canvass"), electioneering: true, registered: "Committee to Re-elect Dana Ortiz");
        var report = mail.Analyse(Ortiz);
        var ortiz = Campaign(report, "Committee to Re-elect Dana Ortiz");
        Assert.Equal("registry", ortiz.Basis);
        Assert.Equal("registered address", Ground(report, "dana@campaign-mail.example"));
        Assert.Equal("registered domain reelect-ortiz.example", Ground(report, "news@reelect-ortiz.example"));
        Assert.Equal(["reelect-ortiz.example"], report.Figures.Campaigns.Single().Domains);
    }

    [Fact]
    public void A_disclaimer_names_the_campaign_and_brings_its_domain_and_that_domains_other_senders()
    {
        var mail = new CaseMail();
        mail.Add("priya@raman4schools.example", [Teacher(1)], CampaignText("petition drive"), electioneering: true, committee: "Friends of Priya Raman");
        mail.Add("field@mail.raman4schools.example", [Teacher(2)], CampaignText("canvass kickoff"), electioneering: true);
        var report = mail.Analyse();
        var raman = report.Figures.Campaigns.Single();
        Assert.Equal("Friends of Priya Raman", raman.Name);
        Assert.Equal(["field@mail.raman4schools.example", "priya@raman4schools.example"], raman.Senders);
        Assert.Equal(["raman4schools.example"], raman.Domains);
        Assert.Equal("inferred", Campaign(report, "Friends of Priya Raman").Basis);
        Assert.Equal("domain raman4schools.example carries the campaign's mail", Ground(report, "field@mail.raman4schools.example"));
    }

    [Fact]
    public void A_disclaimer_naming_a_registry_entry_joins_that_entry()
    {
        var mail = new CaseMail();
        mail.Add("helper@ortiz-volunteers.example", [Teacher(1)], CampaignText("rally"), electioneering: true, committee: "the Committee to Re-elect Dana Ortiz");
        var report = mail.Analyse(Ortiz);
        Assert.Equal("Committee to Re-elect Dana Ortiz", report.Figures.Campaigns.Single().Name);
        Assert.Contains("ortiz-volunteers.example", report.Figures.Campaigns.Single().Domains);
    }

    [Fact]
    public void Webmail_is_attributed_by_its_links_and_its_domain_stays_out()
    {
        var mail = new CaseMail();
        mail.Add("jamie@reelect-ortiz.example", [Teacher(1)], CampaignText("externship"), electioneering: true, registered: "Committee to Re-elect Dana Ortiz",
            links: ["https://www.mobilize.us/reelectortiz/event/externship/?t=abc123"]);
        mail.Add("jc.organizer@gmail.com", [Teacher(2)], "Hey, quick note from me: we still have spots for students this spring, tell your class.", electioneering: true,
            links: ["https://www.mobilize.us/reelectortiz/event/externship/"]);
        var report = mail.Analyse(Ortiz);
        var ortiz = report.Figures.Campaigns.Single();
        Assert.Contains("jc.organizer@gmail.com", ortiz.Senders);
        Assert.DoesNotContain("gmail.com", ortiz.Domains);
        Assert.Equal("links to mobilize.us/reelectortiz", Ground(report, "jc.organizer@gmail.com"));
    }

    [Fact]
    public void Links_a_mail_gateway_rewrote_are_read_as_the_pages_they_stand_for()
    {
        // Behind Safe Links every recipient's copy of a link differs, and behind Google's redirect every link is
        // google.com/url: read as written, the first would tie nothing together and the second everything.
        var mail = new CaseMail();
        mail.Add("jamie@reelect-ortiz.example", [Teacher(1)], CampaignText("externship"), electioneering: true, registered: "Committee to Re-elect Dana Ortiz",
            links: ["https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.mobilize.us%2Freelectortiz%2Fevent%2Fexternship%2F&data=05%7C02%7Cteacher1&reserved=0"]);
        mail.Add("jc.organizer@gmail.com", [Teacher(2)], "Hey, quick note from me: we still have spots for students this spring, tell your class.", electioneering: true,
            links: ["https://www.google.com/url?q=https://www.mobilize.us/reelectortiz/event/externship/&sa=D&usg=AOvVaw1"]);
        mail.Add("pat.neighbor@yahoo.com", [Teacher(3)], "Our block club is looking for people to knock doors for Councilmember Vance this weekend.", electioneering: true,
            links: ["https://www.google.com/url?q=https://www.mobilize.us/vanceforward/event/canvass/&sa=D&usg=AOvVaw2"]);
        var report = mail.Analyse(Ortiz);
        var ortiz = Campaign(report, "Committee to Re-elect Dana Ortiz");
        Assert.Equal("links to mobilize.us/reelectortiz", Ground(report, "jc.organizer@gmail.com"));
        Assert.DoesNotContain(ortiz.Senders, s => s.Address == "pat.neighbor@yahoo.com");
    }

    [Fact]
    public void Webmail_is_attributed_by_its_text_its_thread_or_its_signature()
    {
        var mail = new CaseMail();
        var blast = mail.Add("jamie@reelect-ortiz.example", [Teacher(1)], CampaignText("externship"), electioneering: true,
            registered: "Committee to Re-elect Dana Ortiz", fromName: "Jamie Chen", subject: "Externship");
        mail.Add("copycat@yahoo.com", [Teacher(2)], CampaignText("externship", "Dear Ms. Lopez,"), electioneering: true);
        mail.Add("threader@outlook.com", [Teacher(3)], "Following up on the note below about the opportunity.", electioneering: true, inReplyTo: [blast.MessageId!]);
        mail.Add("signer@hotmail.com", [Teacher(4)], "Students can still join us this spring; tell your classes.\n\nThanks,\nJamie Chen, youth organizer", electioneering: true);
        var report = mail.Analyse(Ortiz);
        Assert.Single(report.Figures.Campaigns);
        Assert.StartsWith("text matches the campaign's mail \"Externship\" of 2023-01-10", Ground(report, "copycat@yahoo.com"), StringComparison.Ordinal);
        Assert.Equal("writes in the thread of the campaign's mail \"Externship\"", Ground(report, "threader@outlook.com"));
        Assert.Equal("signature names Jamie Chen", Ground(report, "signer@hotmail.com"));
    }

    [Fact]
    public void Mail_nothing_ties_to_a_campaign_is_a_campaign_of_its_own_named_after_its_domain()
    {
        var mail = new CaseMail();
        mail.Add("a@news.vote-yes-on-7.example", [Teacher(1)], CampaignText("yes on measure 7 drive"), electioneering: true);
        mail.Add("b@vote-yes-on-7.example", [Teacher(2)], CampaignText("yes on measure 7 drive"), electioneering: true);
        mail.Add("lone@gmail.com", [Teacher(3)], "Vote for my cousin on Tuesday, she is great and deserves your vote.", electioneering: true);
        var report = mail.Analyse();
        var measure = report.Figures.Campaigns.Single(c => c.Name == "vote-yes-on-7.example");
        Assert.Equal(["a@news.vote-yes-on-7.example", "b@vote-yes-on-7.example"], measure.Senders);
        Assert.Equal(["vote-yes-on-7.example"], measure.Domains);
        var lone = report.Figures.Campaigns.Single(c => c.Name == "lone@gmail.com");
        Assert.Empty(lone.Domains);
        Assert.Contains("public webmail", Ground(report, "lone@gmail.com"), StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_mail_and_staff_mail_originate_no_campaign()
    {
        var mail = new CaseMail();
        mail.Add("news@pta.example", [Teacher(1)], "Bake sale on Friday, paid for by the PTA.");
        mail.Add(Teacher(2), [Teacher(1)], CampaignText("externship"), electioneering: true);
        Assert.Empty(mail.Analyse().Figures.Campaigns);
    }
}
