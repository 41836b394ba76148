using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class PetitionDriveTests
{
    [Theory]
    [InlineData("We need 2,500 signatures on Ana's nominating petitions to get on the ballot.", "need 2,500 signatures")]
    [InlineData("Help us collect signatures so Question 1 makes the ballot.", "collect signatures")]
    [InlineData("Pick up petition sheets at the campaign office.", "petition sheets")]
    [InlineData("Ayúdanos a recolectar firmas para poner a Tomás Reyes en la boleta.", "recolectar firmas")]
    public void Fires_on_ballot_signature_drives(string text, string phrase)
    {
        var hit = Mail.Run<PetitionDrive>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Petition], hit!.Categories);
    }

    [Theory]
    [InlineData("Please collect signatures on the permission slips before the field trip.")]
    [InlineData("Local School Council candidates must file nomination petitions with the office by March 1.")]
    [InlineData("Sign our petition for a longer recess! (student council)")]
    [InlineData("We collected signatures for the library card drive.")]
    public void Stays_quiet_on_look_alikes(string text) => Assert.Null(Mail.Run<PetitionDrive>(text));
}
