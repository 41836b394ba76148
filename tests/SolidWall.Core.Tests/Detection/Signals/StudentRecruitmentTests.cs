using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class StudentRecruitmentTests
{
    [Theory]
    [InlineData("Our campaign is offering a 12-hour-a-week externship for class credit to your students.", "externship")]
    [InlineData("Students can earn service hours knocking doors for the Ortiz for Mayor campaign.", "service hours")]
    [InlineData("Paid internships with the Whitfield campaign for juniors and seniors.", "internships")]
    [InlineData("Los estudiantes pueden ganar horas de servicio con nuestra campaña.", "horas de servicio")]
    [InlineData("Ofrecemos una pasantía en la campaña de Tomás Reyes para alcalde.", "pasantía")]
    [InlineData("Crédito extra para los alumnos que ayuden a nuestro candidato.", "Crédito extra")]
    public void Fires_on_school_value_next_to_a_campaign(string text, string phrase)
    {
        var hit = Mail.Run<StudentRecruitment>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.VolunteerRecruitment], hit!.Categories);
    }

    [Theory]
    [InlineData("Students can earn service hours as election judges on election day (nonpartisan, paid $200).")]
    [InlineData("Internship: help our marketing campaign for the spring musical.")]
    [InlineData("Summer internships at the Field Museum are open to juniors.")]
    [InlineData("Earn volunteer hours helping run the Local School Council election.")]
    [InlineData("Extra credit for attending the student council candidate speeches.")]
    [InlineData("Horas de servicio: ayuda en la campaña de recolección de alimentos del gobierno estudiantil.")]
    public void Stays_quiet_on_look_alikes(string text) => Assert.Null(Mail.Run<StudentRecruitment>(text));
}
