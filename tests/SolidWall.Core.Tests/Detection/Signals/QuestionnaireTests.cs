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
    [InlineData("The League of Women Voters' nonpartisan voter guide publishes each candidate questionnaire.")]
    [InlineData("Please fill out the health questionnaire before the field trip.")]
    [InlineData("Local School Council candidates: complete the questionnaire for the candidate forum.")]
    public void Stays_quiet_on_look_alikes(string text) => Assert.Null(Mail.Run<Questionnaire>(text));
}
