using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class NoCampaignContextTests
{
    [Theory]
    [InlineData("Science fair boards are due to room 204 by Friday morning. Tri-fold only.", "Science fair boards")]
    [InlineData("Please give $20 to the PTA book fair: https://donorbox.org/pinecrest-pta", "Book fair")]
    [InlineData("¿Pueden donar para la excursión? Gracias.", "Excursión")]
    [InlineData("The mayor would like to thank every judge of the science fair.", "Thanks")] // titles without a name
    [InlineData("Thank you to our devoted volunteers; the pivot table is in the shared drive.", "Thanks")] // "vot" inside words
    [InlineData("For homework, finish question 4 on page 212 of the packet.", "Homework")] // a question on a worksheet
    [InlineData("Q1 report cards go home Friday; Q2 starts Monday.", "Report cards")] // a quarter, not a ballot question
    [InlineData("We said yes on 3 of the 5 field trips this spring.", "Field trips")] // a count
    public void Fires_when_nothing_names_a_campaign(string text, string subject)
    {
        var hit = Mail.Run<NoCampaignContext>(Mail.Of(text, subject, links: [.. text.Split(' ').Where(w => w.StartsWith("https://", StringComparison.Ordinal))]));
        Assert.NotNull(hit);
        Assert.Empty(hit.Categories);
        Assert.Equal(("subject", 0), (hit.Evidence[0].Where, hit.Evidence[0].Offset));
    }

    [Theory]
    [InlineData("Chip in $27 for Dana tonight?", "https://secure.actblue.com/donate/x")] // a campaign platform is context enough
    [InlineData("Volunteer with the Ortiz campaign this Saturday.", null)]
    [InlineData("Vote for Carrillo for school board on November 5.", null)]
    [InlineData("Ayúdanos a reelegir a la concejal Beltrán.", null)]
    [InlineData("Buy a ticket to the reception for the candidate.", null)]
    [InlineData("Chip in $27 tonight. Paid for by Friends of Dana Ortiz.", null)] // the disclaimer names the committee
    [InlineData("6:40 Ald. Mott says a few words to the families.", null)] // an office holder named by title
    [InlineData("W sobotę pomagamy radnemu Mottowi; Radny Mott prosi o kilku nauczycieli.", null)]
    [InlineData("周六来参加竞选活动，带上家人。", null)] // Chinese: a campaign event
    [InlineData("Приходьте на зустріч з кандидатом у суботу.", null)] // Ukrainian: meet the candidate
    [InlineData("Thứ Bảy này có buổi vận động tranh cử ở thư viện.", null)] // Vietnamese: a campaign event
    [InlineData("I told Kurt's people we'd send ten staff to knock doors Saturday.", null)] // canvassing
    [InlineData("We're going door-to-door for Yolanda after school.", null)]
    [InlineData("Pásenle los volantes de Tomás casa por casa el sábado.", null)]
    [InlineData("Anyone who lives in the 12th Ward, stop by my desk.", null)] // the ward a race is run in
    [InlineData("Read the fine print on the referendum before you go.", null)]
    [InlineData("у суботу ходимо від дверей до дверей у 33-му окрузі", null)] // Ukrainian: door to door
    // Voting, which a ballot question's ask names without a candidate or a campaign word, in the district's languages.
    [InlineData("On the 5th, please say yes, and bring your neighbor to vote.", null)]
    [InlineData("Le 28 février, il faut voter OUI à la 1.", null)]
    [InlineData("Ceux qui rapportent le papier signé par un parent qui dit qu'il votera oui ont 5 points.", null)]
    [InlineData("El domingo 28 votan los que ya tienen 18 años.", null)]
    [InlineData("W niedzielę idźcie głosować, to ważne dla szkoły.", null)]
    [InlineData("У неділю всі голосуйте «так» за шкільний податок.", null)]
    [InlineData("يوم 28 فبراير في ورقة الاقتراع العامة السؤال الأول. قولوا نعم.", null)]
    [InlineData("二十八号一定要投票，投NO。", null)]
    [InlineData("Chủ nhật này cả nhà nhớ đi bầu nhé.", null)]
    [InlineData("Huwag kalimutang bumoto sa Linggo.", null)]
    [InlineData("Question 1 is the only real chance we have for this building. Please say yes, and bring your neighbor.", null)] // a ballot question
    [InlineData("Prop 22 matters for every one of our kids.", null)]
    [InlineData("Wear green on Friday. Yes on 1!", null)]
    [InlineData("Pytanie 2 to szansa dla naszej szkoły.", null)]
    [InlineData("第一号提案对我们的学校很重要。", null)]
    public void Stays_quiet_when_a_campaign_is_named(string text, string? link) =>
        Assert.Null(Mail.Run<NoCampaignContext>(Mail.Of(text, "Saturday", links: link is null ? [] : [link])));

    [Fact]
    public void A_registered_name_is_context()
    {
        var message = Mail.Of("Dana Ortiz would love to see you Saturday.", "Saturday");
        Assert.NotNull(Mail.Run<NoCampaignContext>(message));
        Assert.Null(Mail.Run<NoCampaignContext>(message, registry: Mail.SampleRegistry()));
    }

    [Theory]
    [InlineData("J'ai une pile de cartes de Mme Marsh près de la photocopieuse. Glissez-en une dans les cartables.")] // a titled surname
    [InlineData("PS. Kto mieszka w 33. okręgu – 28 lutego pamiętajcie o pani Zielińskiej.")] // declined
    [InlineData("Les pancartes de Mme Pierce sont derrière mon bureau. Mettez-en deux sur la grille.")]
    public void A_registered_candidate_named_in_any_form_is_context(string text)
    {
        // RegisteredCandidateNamed leaves "Mme Marsh" to a namesake on the staff; the model's mask reads her as the
        // candidate, and so does this guard: a message that names a registered candidate names a campaign's person.
        var message = Mail.Of(text, "Jeudi", from: "n.pierrelouis@lakeshore-schools.example", to: ["staff@lakeshore-schools.example"], fromName: "Nadège Pierre-Louis");
        Assert.NotNull(Mail.Run<NoCampaignContext>(message));
        Assert.Null(Mail.Run<NoCampaignContext>(message, registry: WorldRegistry()));
    }

    [Fact]
    public void The_senders_own_name_is_not_a_candidate()
    {
        // A coach whose display name is made of two candidates' name parts (Marcus Whitfield's first name, Yolanda
        // Pierce's surname) signs as "Coach Pierce": himself, not the candidate.
        var message = Mail.Of("Weigh-ins Saturday at 6:15 AM sharp. Bus leaves at 5:40.\n\nCoach Pierce", "weigh-ins",
            from: "m.pierce@lakeshore-schools.example", to: ["wrestling@students.lakeshore-schools.example"], fromName: "Marcus Pierce");
        Assert.NotNull(Mail.Run<NoCampaignContext>(message, registry: WorldRegistry()));

        // The same words from outside name the candidate.
        var outside = Mail.Of("Weigh-ins Saturday at 6:15 AM sharp. Bus leaves at 5:40.\n\nCoach Pierce", "weigh-ins",
            from: "m.pierce@gmail.example", to: ["wrestling@students.lakeshore-schools.example"], fromName: "Marcus Pierce");
        Assert.Null(Mail.Run<NoCampaignContext>(outside, registry: WorldRegistry()));
    }

    private static Registry WorldRegistry() => Registry.Parse(
        """
        campaigns:
          - id: pierce
            name: Pierce for the 12th
            candidate: Yolanda Pierce
          - id: whitfield
            name: Whitfield for Lakeshore
            candidate: Marcus Whitfield
          - id: marsh
            name: Marsh for Lakeshore
            candidate: Delia Marsh
          - id: zielinska
            name: Zielińska for the 33rd
            candidate: Dorota Zielińska
        """,
        "registry.yaml");

    [Fact]
    public void Stays_quiet_once_a_rule_found_campaign_work()
    {
        var plain = Mail.Of("Staff, please stand with Hanneman on Tuesday. He has stood by this building.", "Tuesday");
        var context = new DetectionContext(plain, Registry.Empty, InstitutionDirectory.Empty, Policy.Default);
        Assert.NotNull(new NoCampaignContext().Evaluate(context));
        context.PositiveSignalFired = true;
        Assert.Null(new NoCampaignContext().Evaluate(context));

        // "Vote for Hanneman" is a vote ask: VoteSolicitation fires, and a message that asks for votes names a campaign even when
        // it names no candidate.
        var message = Mail.Of("Staff, please vote for Hanneman on Tuesday. He has stood by this building.", "Tuesday");
        var verdict = new Detector(model: new FixedModel(0.9)).Classify(message);
        Assert.Contains(verdict.Reasons, r => r.Signal == "VoteSolicitation");
        Assert.DoesNotContain(verdict.Reasons, r => r.Signal == "NoCampaignContext");
    }

    [Fact]
    public void Still_fires_when_only_the_model_leans_political()
    {
        var verdict = new Detector(model: new FixedModel(0.9)).Classify(Mail.Of("Boards are due Friday. Tri-fold only, no glitter.", "Science fair"));
        Assert.Contains(verdict.Reasons, r => r.Signal == "NoCampaignContext");
    }

    private sealed class FixedModel(double probability) : ITextModel
    {
        public ModelScore Score(Message message) => new(probability, [], new Dictionary<string, double>());
    }
}
