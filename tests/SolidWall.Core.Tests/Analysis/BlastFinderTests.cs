using SolidWall.Core.Detection;
using static SolidWall.Core.Tests.Analysis.CaseMail;

namespace SolidWall.Core.Tests.Analysis;

public sealed class BlastFinderTests
{
    private const string Sender = "jamie@campaign.example";

    private static void Send(CaseMail mail, string text, int count, DateTimeOffset start, int firstTeacher = 0, string from = Sender)
    {
        for (var i = 0; i < count; i++)
        {
            mail.Add(from, [Teacher(firstTeacher + i)], text.Replace("Hi there,", $"Hi Teacher{i},", StringComparison.Ordinal),
                date: start.AddMinutes(i), electioneering: true, committee: "Campaign for Schools");
        }
    }

    [Fact]
    public void Variants_sent_together_are_one_blast_and_the_same_text_later_is_another()
    {
        var mail = new CaseMail();
        Send(mail, CampaignText("paid externship"), 5, Day0);
        Send(mail, CampaignText("summer fellowship in the field office", "Hola,") + "\nEn español también, por favor compártalo con su clase de gobierno.", 4, Day0.AddMinutes(90), 10);
        Send(mail, CampaignText("paid externship"), 3, Day0.AddDays(7), 20);
        var blasts = mail.Analyse().Figures.Campaigns.Single().Blasts;
        Assert.Equal(2, blasts.Count);
        Assert.Equal(("campaign-for-schools-2023-01-10", 2, 9, 9), (blasts[0].Id, blasts[0].Variants, blasts[0].Copies, blasts[0].Recipients));
        Assert.Equal(Day0, blasts[0].First);
        Assert.Equal(Day0.AddMinutes(93), blasts[0].Last);
        Assert.Equal(("campaign-for-schools-2023-01-17", 1, 3), (blasts[1].Id, blasts[1].Variants, blasts[1].Copies));
    }

    [Fact]
    public void Variants_further_apart_than_the_window_are_separate_blasts_with_numbered_ids()
    {
        var mail = new CaseMail();
        Send(mail, CampaignText("paid externship"), 3, Day0);
        Send(mail, CampaignText("summer fellowship in the field office"), 3, Day0.AddMinutes(125), 10);
        var blasts = mail.Analyse().Figures.Campaigns.Single().Blasts;
        Assert.Equal(["campaign-for-schools-2023-01-10", "campaign-for-schools-2023-01-10-2"], blasts.Select(b => b.Id));

        var wider = Policy.Parse("blast_window_minutes: 180\n", "p.yaml");
        Assert.Single(mail.Analyse(policy: wider).Figures.Campaigns.Single().Blasts);
    }

    [Fact]
    public void Different_senders_are_different_blasts_and_a_send_below_the_minimum_is_none()
    {
        var mail = new CaseMail();
        Send(mail, CampaignText("paid externship"), 3, Day0);
        Send(mail, CampaignText("paid externship"), 2, Day0, 10, "other@campaign.example");
        var campaign = mail.Analyse().Figures.Campaigns.Single();
        Assert.Equal(5, campaign.EmailsDelivered);
        var blast = Assert.Single(campaign.Blasts);
        Assert.Equal(3, blast.Copies);

        var two = Policy.Parse("blast_min_copies: 2\n", "p.yaml");
        Assert.Equal(2, mail.Analyse(policy: two).Figures.Campaigns.Single().Blasts.Count);
    }

    [Fact]
    public void Copies_count_mailbox_items_and_recipients_count_addresses()
    {
        var mail = new CaseMail();
        // One message to three teachers, found in all three mailboxes; one to a teacher whose mailbox is missing.
        mail.Add(Sender, [Teacher(1), Teacher(2), Teacher(3)], CampaignText("paid externship"), electioneering: true, committee: "Campaign for Schools");
        mail.Add(Sender, [Teacher(4)], CampaignText("paid externship"), date: Day0.AddMinutes(1), electioneering: true, committee: "Campaign for Schools", mailboxes: []);
        var campaign = mail.Analyse().Figures.Campaigns.Single();
        var blast = Assert.Single(campaign.Blasts);
        Assert.Equal((3, 4), (blast.Copies, blast.Recipients));
        Assert.Equal((3, 4), (campaign.EmailsDelivered, campaign.StaffReached));
    }

    [Fact]
    public void The_policy_keys_have_shipped_defaults_and_refuse_bad_values()
    {
        Assert.Equal((120, 3, 0.5), (Policy.Default.BlastWindowMinutes, Policy.Default.BlastMinCopies, Policy.Default.RelayJaccard));
        var error = Assert.Throws<ConfigurationException>(() => Policy.Parse("blast_min_copies: 2.5\n", "p.yaml"));
        Assert.Equal("p.yaml:1:19: blast_min_copies must be a whole number, found 2.5", error.Message);
    }
}
