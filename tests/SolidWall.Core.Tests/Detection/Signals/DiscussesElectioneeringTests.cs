using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class DiscussesElectioneeringTests
{
    [Theory]
    [InlineData("Ethics office: I am reporting this campaign email that reached my district address.", "Ethics office")]
    [InlineData("Lesson plan: students compare two campaign disclaimers.", "Lesson")]
    [InlineData("No thanks. I'm not going to recruit students for any campaign. Please take it off your list.", "I'm not going to recruit")]
    [InlineData("District policy doesn't allow campaign activity at school events.", "doesn't allow campaign")]
    [InlineData("Por favor dejen de enviar mensajes de la campaña a esta dirección.", "dejen de enviar")]
    [InlineData("Attached is the Inspector General's report on the campaign emails.", "Inspector General")]
    [InlineData("Oficina de ética: recibí este correo de campaña.", "Oficina de ética")]
    public void Fires_on_reports_lessons_and_refusals_in_the_authors_words(string text, string phrase)
    {
        var hit = Mail.Run<DiscussesElectioneering>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Empty(hit!.Categories);
    }

    [Fact]
    public void A_registry_does_not_make_mail_that_names_no_campaign_read_otherwise()
    {
        // "Lesson plan" with nothing to outweigh: quiet with a registry as without one.
        var plain = Mail.Of("Lesson plan for Thursday: fractions with paper pizzas.", "Thursday");
        Assert.Null(Mail.Run<DiscussesElectioneering>(plain));
        Assert.Null(Mail.Run<DiscussesElectioneering>(plain, registry: Mail.SampleRegistry()));

        // A registered name is campaign context: the same words beside one fire.
        const string text = "Lesson plan for Thursday: compare Dana Ortiz's flyer with the city's fact sheet.";
        Assert.Null(Mail.Run<DiscussesElectioneering>(Mail.Of(text, "Thursday")));
        Mail.AssertEvidenceAt(Mail.Run<DiscussesElectioneering>(Mail.Of(text, "Thursday"), registry: Mail.SampleRegistry()), text, "Lesson");
    }

    [Fact]
    public void Words_inside_a_forward_do_not_count()
    {
        var own = "Please share with your students!\n";
        var forwarded = "Our campaign takes ethics seriously. Volunteer today.";
        var message = Mail.Of(own + forwarded, segments: [new Segment(SegmentKind.Body, own), new Segment(SegmentKind.Forward, forwarded)]);
        Assert.Null(Mail.Run<DiscussesElectioneering>(message));
    }

    [Fact]
    public void Its_weight_is_negative_and_keeps_a_quoting_lesson_allowed()
    {
        Assert.True(SignalCatalog.All.OfType<DiscussesElectioneering>().Single().Weight < 0);
        var verdict = new Detector().Classify(Mail.Of("Lesson: what makes an email campaign material? Example: \"Paid for by Friends of Dana Ortiz.\""));
        Assert.False(verdict.IsElectioneering);
        Assert.Contains(verdict.Reasons, r => r.Signal == "DiscussesElectioneering" && r.Weight < 0);
    }
}
