using SolidWall.Core.Analysis;
using SolidWall.Core.Case;
using static SolidWall.Core.Tests.Analysis.CaseMail;

namespace SolidWall.Core.Tests.Analysis;

public sealed class RelayTracerTests
{
    private const string Campaign = "jamie@campaign.example";
    private static readonly string Offer = CampaignText("paid externship");

    private static (CaseMail Mail, CaseMessage Original) WithBlast()
    {
        var mail = new CaseMail();
        var original = mail.Add(Campaign, [Teacher(1)], Offer, electioneering: true, committee: "Campaign for Schools", subject: "Externship");
        for (var i = 2; i <= 3; i++)
        {
            mail.Add(Campaign, [Teacher(i)], Offer.Replace("Hi there,", $"Hi T{i},", StringComparison.Ordinal), electioneering: true, committee: "Campaign for Schools");
        }

        return (mail, original);
    }

    private static RelayPath Path(CaseReport report, string relayer) => report.Relays.Single(r => r.Relayer == relayer);

    [Fact]
    public void A_forwarded_segment_is_a_forward_and_its_sent_copy_shows_the_bcc_students()
    {
        var (mail, _) = WithBlast();
        mail.Add(Teacher(1), [Teacher(1)], "", subject: "Fwd: Externship", bcc: [Student(1), Student(2)], senderCopy: true, mailboxes: [],
            segments: [new Segment(SegmentKind.Body, "Passing this along for service hours."), new Segment(SegmentKind.Forward, Offer, "From: Jamie")]);
        var report = mail.Analyse();
        var path = Path(report, Teacher(1));
        Assert.Equal(("forward", "campaign-for-schools-2023-01-10"), (path.Kind, path.BlastId));
        Assert.Equal([Student(1), Student(2)], path.Students);
        Assert.Equal([new RelayerFigures(Teacher(1), 2, "forward")], report.Figures.Campaigns.Single().Relayers);
    }

    [Fact]
    public void Pasted_text_without_forward_headers_is_a_copy_and_a_fwd_subject_makes_it_a_forward()
    {
        var (mail, _) = WithBlast();
        mail.Add(Teacher(2), [Student(3)], "Students: great opportunity, counts for service hours.\n\n" + Offer, subject: "Externship");
        mail.Add(Teacher(3), [Student(4)], "FYI.\n\n" + Offer, subject: "Fwd: Externship");
        var report = mail.Analyse();
        Assert.Equal("copy", Path(report, Teacher(2)).Kind);
        Assert.Equal("forward", Path(report, Teacher(3)).Kind);
        Assert.Equal(2, report.Figures.Campaigns.Single().Relayers.Count);
    }

    [Fact]
    public void A_quote_in_a_reply_to_the_campaign_is_a_reply_not_a_relay_to_students()
    {
        var (mail, original) = WithBlast();
        mail.Add(Teacher(1), [Campaign], "", subject: "Re: Externship", inReplyTo: [original.MessageId!], senderCopy: true, mailboxes: [],
            segments: [new Segment(SegmentKind.Body, "Please take me off this list."), new Segment(SegmentKind.Quote, Offer, "On Tue, Jamie wrote:")]);
        var report = mail.Analyse();
        Assert.Equal("reply", Path(report, Teacher(1)).Kind);
        Assert.Empty(report.Figures.Campaigns.Single().Relayers);
        Assert.Contains(report.Evidence, e => e.Role == "reply");
    }

    [Fact]
    public void A_reply_into_the_campaign_thread_is_a_relay_even_without_its_text()
    {
        var (mail, original) = WithBlast();
        mail.Add(Teacher(2), [Campaign, Student(5)], "Adding my student who is interested.", subject: "Re: Externship", inReplyTo: [original.MessageId!]);
        var path = Path(mail.Analyse(), Teacher(2));
        Assert.Equal(("reply", true), (path.Kind, path.Students.SequenceEqual([Student(5)])));
    }

    [Fact]
    public void A_principal_forwarding_to_teachers_is_a_push()
    {
        var (mail, _) = WithBlast();
        mail.Add("pat.principal@" + Staff, [Teacher(7), Teacher(8), Teacher(9)], "",
            segments: [new Segment(SegmentKind.Body, "Teachers, make sure every advisory hears about this."), new Segment(SegmentKind.Forward, Offer)]);
        var report = mail.Analyse();
        Assert.Equal([new PrincipalFigures("pat.principal@" + Staff, 3)], report.Figures.Campaigns.Single().Principals);
        Assert.Equal("push", Path(report, "pat.principal@" + Staff).Kind);
        Assert.Equal("principal", Path(report, "pat.principal@" + Staff).RelayerRole);
    }

    [Fact]
    public void Mail_that_shares_a_few_words_or_a_link_is_not_a_relay()
    {
        var (mail, _) = WithBlast();
        mail.Add(Teacher(2), [Student(3)], "Reminder: service hours are due Friday. Juniors and seniors interested in government should see me after school.");
        Assert.Empty(mail.Analyse().Relays);
    }

    [Theory]
    [InlineData(0.55, 100, 100, true)]  // above relay_jaccard
    [InlineData(0.40, 160, 80, true)]   // a long note around the whole text: 0.4 · 240 / 1.4 = 68.6 of 80 shingles contained
    [InlineData(0.30, 160, 80, false)]  // 0.3 · 240 / 1.3 = 55 of 80: not the whole text
    [InlineData(0.20, 400, 80, false)]  // below the floor where the estimate can be trusted
    public void Containment_catches_a_copy_inside_a_long_note(double jaccard, int segment, int campaign, bool relays) =>
        Assert.Equal(relays, RelayTracer.Matches(jaccard, segment, campaign, 0.5));
}
