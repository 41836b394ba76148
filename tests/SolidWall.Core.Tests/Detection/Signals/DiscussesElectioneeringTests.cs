using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class DiscussesElectioneeringTests
{
    [Theory]
    [InlineData("Ethics office: I am reporting this campaign email that reached my district address.", "Ethics office")]
    [InlineData("No thanks. I'm not going to recruit students for any campaign. Please take it off your list.", "I'm not going to recruit")]
    [InlineData("District policy doesn't allow campaign activity at school events.", "doesn't allow campaign")]
    [InlineData("Por favor dejen de enviar mensajes de la campaña a esta dirección.", "dejen de enviar")]
    [InlineData("Attached is the Inspector General's report on the campaign emails.", "Inspector General")]
    [InlineData("Oficina de ética: recibí este correo de campaña.", "Oficina de ética")]
    [InlineData("Je n'aurais pas dû transférer ce message de campagne électorale. Mes excuses.", "n'aurais pas dû")]
    [InlineData("To jest zabronione: nie wolno rozsyłać materiałów kampanii z adresu szkoły.", "zabronione")]
    [InlineData("Mwen pa gen dwa voye mesaj kanpay sa a bay elèv yo.", "pa gen dwa")]
    [InlineData("Bawal po ang kampanya sa email ng paaralan.", "Bawal")]
    [InlineData("Розсилати матеріали кампанії зі шкільної пошти заборонено.", "заборонено")]
    [InlineData("Xin lỗi, tôi đã chuyển nhầm thư vận động tranh cử.", "Xin lỗi")]
    [InlineData("نعتذر، ما كان يجب إرسال رسالة الحملة الانتخابية.", "نعتذر")]
    [InlineData("抱歉，不应该用学校邮箱转发竞选邮件。", "抱歉")]
    public void Fires_on_reports_refusals_and_corrections_in_the_authors_words(string text, string phrase)
    {
        var hit = Mail.Run<DiscussesElectioneering>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Empty(hit!.Categories);
    }

    [Theory]
    [InlineData("I'm writing because I believe this campaign email violates the district's ethics policy.", "violates the district's ethics policy")]
    [InlineData("Sending campaign flyers home with students is a violation, the ethics office says.", "a violation")]
    public void Fires_on_a_breach_of_the_institutions_rules(string text, string phrase) => Mail.AssertEvidenceAt(Mail.Run<DiscussesElectioneering>(text), text, phrase);

    [Theory]
    [InlineData("Our campaign will stop a president who violates federal law. Chip in $5.")]
    [InlineData("As the campaign told investigative journalists last week, we need you on Tuesday.")]
    public void Stays_quiet_on_a_campaigns_charges_and_on_journalism(string text) => Assert.Null(Mail.Run<DiscussesElectioneering>(text));

    private const string LessonOrNews = "DiscussesElectioneeringAsLessonOrNews";

    [Theory]
    [InlineData("Lesson plan: students compare two campaign disclaimers.", "Lesson")]
    [InlineData("Discussion questions: why does a campaign flyer carry a disclaimer?", "Discussion questions")]
    [InlineData("The union meeting minutes mention the campaign's request.", "meeting minutes")]
    public void Fires_on_lessons_news_and_minutes_as_a_signal_of_its_own(string text, string phrase)
    {
        var hit = Mail.Run(LessonOrNews, Mail.Of(text));
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Null(Mail.Run<DiscussesElectioneering>(text));
    }

    [Theory]
    [InlineData("I have a rare five minutes between campaign events: can you chip in?")]
    [InlineData("The campaign rally starts 20 minutes early, so come at 5:40.")]
    public void Minutes_of_a_duration_are_not_minutes_of_a_meeting(string text) => Assert.Null(Mail.Run(LessonOrNews, Mail.Of(text)));

    [Theory]
    [InlineData("The campaign's survey: one minute, six questions: are you planning to vote?")]
    [InlineData("Five quick questions: do you support the candidate's plan?")]
    [InlineData("Encuesta de la campaña, tres preguntas: ¿va a votar el 28?")]
    public void A_count_of_questions_is_a_surveys_not_a_worksheets(string text) => Assert.Null(Mail.Run(LessonOrNews, Mail.Of(text)));

    [Fact]
    public void A_worksheets_questions_heading_still_counts()
    {
        const string text = "Read the campaign flyer. Questions: who paid for it?";
        Mail.AssertEvidenceAt(Mail.Run(LessonOrNews, Mail.Of(text)), text, "Questions:");
    }

    [Fact]
    public void A_registry_does_not_make_mail_that_names_no_campaign_read_otherwise()
    {
        // "Lesson plan" with nothing to outweigh: quiet with a registry as without one.
        var plain = Mail.Of("Lesson plan for Thursday: fractions with paper pizzas.", "Thursday");
        Assert.Null(Mail.Run(LessonOrNews, plain));
        Assert.Null(Mail.Run(LessonOrNews, plain, registry: Mail.SampleRegistry()));

        // A registered name is campaign context: the same words beside one fire.
        const string text = "Lesson plan for Thursday: compare Dana Ortiz's flyer with the city's fact sheet.";
        Assert.Null(Mail.Run(LessonOrNews, Mail.Of(text, "Thursday")));
        Mail.AssertEvidenceAt(Mail.Run(LessonOrNews, Mail.Of(text, "Thursday"), registry: Mail.SampleRegistry()), text, "Lesson");
    }

    [Fact]
    public void A_candidate_named_by_first_name_alone_is_campaign_context_as_for_RegisteredCandidateNamed()
    {
        const string text = "Correction: I should not have told you the Saturday walk with Dana counts as service hours.";
        Assert.Null(Mail.Run<DiscussesElectioneering>(Mail.Of(text)));
        var registry = Mail.SampleRegistry();
        Assert.NotNull(Mail.Run("RegisteredCandidateFirstName", Mail.Of(text), registry));
        Mail.AssertEvidenceAt(Mail.Run<DiscussesElectioneering>(Mail.Of(text), registry: registry), text, "Correction");
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
    public void Its_weights_are_negative_and_keep_a_quoting_lesson_allowed()
    {
        Assert.Equal(2, SignalCatalog.All.OfType<DiscussesElectioneering>().Count());
        Assert.All(SignalCatalog.All.OfType<DiscussesElectioneering>(), s => Assert.True(s.Weight < 0 && Policy.Default.SignalWeights[s.Name] < 0));
        var verdict = new Detector().Classify(Mail.Of("Lesson: what makes an email campaign material? Example: \"Paid for by Friends of Dana Ortiz.\""));
        Assert.False(verdict.IsElectioneering);
        Assert.Contains(verdict.Reasons, r => r.Signal == LessonOrNews && r.Weight < 0);
    }
}
