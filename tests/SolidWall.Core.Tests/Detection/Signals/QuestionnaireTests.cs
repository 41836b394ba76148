using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class QuestionnaireTests
{
    [Theory]
    [InlineData("Attached is our candidate questionnaire; please return it by Friday for endorsement.", "candidate questionnaire")]
    [InlineData("Local 88's endorsement questionnaire for the mayoral race is due.", "endorsement questionnaire")]
    [InlineData("Adjunto el cuestionario para candidatos a alcalde.", "cuestionario para candidatos")]
    public void Fires_on_candidate_questionnaires(string text, string phrase)
    {
        var hit = Mail.Run<Questionnaire>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Questionnaire], hit!.Categories);
    }

    [Theory]
    [InlineData("The Brandt campaign asks: may we list you publicly as a supporter on our mailer?", "list you publicly as a supporter")]
    [InlineData("We're printing a list of Lakeshore teachers who support Hollis Brandt for the board seat.", "list of Lakeshore teachers who support")]
    [InlineData("Campaña de Renee: ¿podemos poner su nombre en la lista de maestros que apoyan a Renee?", "poner su nombre en la lista de maestros que apoyan")]
    [InlineData("Pour la campagne électorale : pouvons-nous mettre votre nom sur la liste des enseignants qui la soutiennent ?", "mettre votre nom sur la liste des enseignants qui la soutiennent")]
    [InlineData("Kampania pyta, czy możemy umieścić Pani nazwisko na liście poparcia kandydatki.", "umieścić Pani nazwisko na liście")]
    [InlineData("Команда кандидата: чи можемо ми записати вас як прихильника?", "записати вас як прихильника")]
    [InlineData("竞选团队问：我们可以把您列为支持者吗？", "列为支持者")]
    [InlineData("Ban vận động tranh cử xin phép ghi tên thầy cô trong danh sách ủng hộ.", "ghi tên thầy cô trong danh sách")]
    public void Fires_on_asks_to_be_listed_as_a_supporter(string text, string phrase)
    {
        var hit = Mail.Run<Questionnaire>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Questionnaire], hit!.Categories);
    }

    [Theory]
    [InlineData("Add your name to the sign-up sheet for the bake sale; we support the PTA's coat drive.")]
    [InlineData("The campaign office asked for your name on the supporters list, but the election judges list is the county's.")]
    public void Stays_quiet_on_lists_that_are_no_supporters_list(string text) => Assert.Null(Mail.Run<Questionnaire>(text));

    [Theory]
    [InlineData("The League of Women Voters' nonpartisan voter guide publishes each candidate questionnaire.")]
    [InlineData("Please fill out the health questionnaire before the field trip.")]
    [InlineData("Local School Council candidates: complete the questionnaire for the candidate forum.")]
    public void Stays_quiet_on_look_alikes(string text) => Assert.Null(Mail.Run<Questionnaire>(text));
}
