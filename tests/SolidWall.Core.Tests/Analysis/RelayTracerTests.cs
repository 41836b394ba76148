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

    [Fact]
    public void The_gateways_warning_on_all_mail_from_outside_does_not_make_a_forward_of_other_mail_a_relay()
    {
        // The district's gateway writes its warning above every message from outside: above the campaign's short ask,
        // and above a museum's reminder that a teacher forwards to students. Longer than either text, it is most of
        // what the two share.
        var mail = new CaseMail();
        for (var i = 1; i <= 3; i++)
        {
            mail.Add(Campaign, [Teacher(i)], Banner + "\n\nCanvass Saturday at 10 at Lincoln Park, sign up on our page.", electioneering: true, committee: "Campaign for Schools");
        }

        mail.Add(Teacher(1), [Student(1), Student(2)], "", subject: "Fwd: Trip",
            segments: [new Segment(SegmentKind.Body, "For Friday."), new Segment(SegmentKind.Forward, Banner + "\n\nThe museum trip form is due Friday, see attached.", "From: Museum")]);
        mail.Add(Teacher(2), [Student(3)], "", subject: "Re: Trip",
            segments: [new Segment(SegmentKind.Body, "Yes, bring it Friday.\n\n" + Notice), new Segment(SegmentKind.Quote, Banner + "\n\nThe museum trip form is due Friday, see attached.", "On Tue, Museum wrote:")]);
        Assert.Empty(mail.Analyse().Relays);
    }

    private const string Banner =
        "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.";

    private const string Notice =
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may "
        + "contain confidential and privileged information, including student records protected by FERPA. Any unauthorized review, use, "
        + "disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and "
        + "destroy all copies of the original message.";

    [Theory]
    [InlineData(0.55, 100, 100, true)]  // above relay_jaccard
    [InlineData(0.40, 160, 80, true)]   // a long note around the whole text: 0.4 · 240 / 1.4 = 68.6 of 80 shingles contained
    [InlineData(0.30, 160, 80, false)]  // 0.3 · 240 / 1.3 = 55 of 80: not the whole text
    [InlineData(0.20, 400, 80, false)]  // below the floor where the estimate can be trusted
    public void Containment_catches_a_copy_inside_a_long_note(double jaccard, int segment, int campaign, bool relays) =>
        Assert.Equal(relays, RelayTracer.Matches(jaccard, segment, campaign, 0.5));
}
