using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class PressureFromInsideTests
{
    private const string Colleague = "d.whitlock@lakeshore-schools.example";
    private const string Staff = "team@lakeshore-schools.example";

    [Theory]
    [InlineData(Colleague, "Frank is having coffee with parents Saturday; the campaign wants us there. I'll be there and I'll notice.", "i'll notice")]
    [InlineData(Colleague, "El jueves es el mitin de la campaña. Voy a pasar lista en la puerta.", "pasar lista")]
    [InlineData(Colleague, "Anyone whose family puts a Yes on Question 1 sign in the yard gets extra recess Friday.", "extra recess")]
    [InlineData("gwenras1968@gmail.example", "Not school business. The campaign is short on walkers Saturday; I remember who steps up.", "remember who")]
    public void Fires_on_a_colleagues_pressure_next_to_a_campaign(string from, string text, string phrase)
    {
        var hit = Mail.Run<PressureFromInside>(Mail.Of(text, from: from, to: [Staff]));
        Assert.NotNull(hit);
        Assert.Equal(text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase), hit.Evidence[0].Offset);
        Assert.Equal([Categories.Coercion], hit.Categories);
    }

    [Fact]
    public void A_registered_candidates_first_name_is_campaign_enough()
    {
        var message = Mail.Of("Dana is hosting coffee with parents Saturday. I'll be there and I'll notice.", from: Colleague, to: [Staff]);
        Assert.Null(Mail.Run<PressureFromInside>(message));
        Assert.NotNull(Mail.Run<PressureFromInside>(message, Mail.SampleRegistry()));
    }

    [Theory]
    // A campaign's own domain is nobody's supervisor.
    [InlineData("kelsey@reelect-dana-ortiz.example", "The campaign needs you Saturday. I'll be there and I'll notice.")]
    // No campaign near: the school's own evaluations and sign-in sheets.
    [InlineData(Colleague, "Observations start Monday; they feed your evaluation. I'll be taking attendance at the PD too.")]
    // The union's and the student council's own business.
    [InlineData(Colleague, "Union delegates: the delegate election is mandatory business for the union meeting; I'll have a list.")]
    // Graded lessons about campaigns.
    [InlineData(Colleague, "Debate watch party Tuesday: extra credit for a one-page reaction comparing the candidates' answers.")]
    [InlineData(Colleague, "Actividad obligatoria del lunes: analicen el volante de campaña de cada candidato.")]
    public void Stays_quiet_without_a_colleague_a_campaign_or_with_a_look_alike(string from, string text) =>
        Assert.Null(Mail.Run<PressureFromInside>(Mail.Of(text, from: from, to: [Staff])));

    [Fact]
    public void Pressure_only_quoted_is_not_read()
    {
        const string own = "Is this allowed? I'm not going.";
        const string quoted = "The campaign needs us Saturday. I'll be there and I'll notice.";
        var message = Mail.Of(own + "\n\n> " + quoted, from: Colleague, to: [Staff], segments: [new Segment(SegmentKind.Body, own), new Segment(SegmentKind.Quote, quoted)]);
        Assert.Null(Mail.Run<PressureFromInside>(message));
    }
}
