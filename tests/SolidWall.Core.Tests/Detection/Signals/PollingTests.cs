using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class PollingTests
{
    [Theory]
    [InlineData("Take our quick poll: which issue matters most in the mayor's race? The Ortiz campaign wants to know.", "Take our quick poll")]
    [InlineData("OFFICIAL 2027 VOTER SURVEY from the Whitfield campaign", "VOTER SURVEY")]
    [InlineData("Who are you voting for on February 28? Tell our candidate.", "Who are you voting for")]
    [InlineData("Responde nuestra encuesta de campaña antes del viernes.", "Responde nuestra encuesta")]
    public void Fires_on_campaign_polls(string text, string phrase)
    {
        var hit = Mail.Run<Polling>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Polling], hit!.Categories);
    }

    [Theory]
    [InlineData("Your polling place for the election is the Harborview gym; polls open at 6.")]
    [InlineData("Please take the parent survey (5Essentials) before the election break.")]
    [InlineData("Take our quick survey about the new lunch menu.")]
    [InlineData("Encuesta escolar: responde nuestra encuesta sobre el clima escolar. Lugar de votación: gimnasio.")]
    public void Stays_quiet_on_polling_places_and_school_surveys(string text) => Assert.Null(Mail.Run<Polling>(text));
}
