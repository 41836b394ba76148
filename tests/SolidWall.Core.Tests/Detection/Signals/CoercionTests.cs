using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class CoercionTests
{
    [Theory]
    [InlineData("Volunteering for the Ortiz campaign this weekend will count toward your grade.", "will count toward your grade")]
    [InlineData("All staff are expected to distribute the candidate's flyers at dismissal.", "All staff are expected to distribute")]
    [InlineData("Please share this with your students: the campaign needs interns.", "Please share this with your students")]
    [InlineData("Trabajar en la campaña cuenta para la calificación final.", "cuenta para la calificación")]
    [InlineData("Compartan esto con sus estudiantes: la campaña de Reyes busca voluntarios.", "Compartan esto con sus estudiantes")]
    public void Fires_on_pressure_to_do_campaign_work(string text, string phrase)
    {
        var hit = Mail.Run<Coercion>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Coercion], hit!.Categories);
    }

    [Fact]
    public void Names_the_senders_role_from_the_directory()
    {
        var text = "All teachers must share the campaign flyer with families.";
        var directory = new InstitutionDirectory(["lakeshore-schools.example"], null, [new RosterEntry("pat@lakeshore-schools.example", InstitutionRole.Principal, "Harborview")]);
        var hit = Mail.Run<Coercion>(Mail.Of(text, from: "pat@lakeshore-schools.example"), directory: directory);
        Assert.NotNull(hit);
        Assert.Equal("sent by principal pat@lakeshore-schools.example", hit.Evidence[0].Note);
    }

    [Theory]
    [InlineData("Ethics training: supervisors may not require staff to distribute campaign literature.")]
    [InlineData("Under the Hatch Act, teachers must not share candidate materials with students.")]
    [InlineData("Please share this with your students: the science fair is Friday.")]
    [InlineData("The reading log will count toward your grade.")]
    [InlineData("Está prohibido que los maestros compartan esto con sus estudiantes si es de una campaña.")]
    public void Stays_quiet_on_rules_and_school_work(string text) => Assert.Null(Mail.Run<Coercion>(text));
}
