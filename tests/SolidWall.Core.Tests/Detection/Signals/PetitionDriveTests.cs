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
    [InlineData("Il manque encore une trentaine de signatures pour que Mme Marsh soit sur le bulletin de vote.", "manque encore une trentaine de signatures")]
    [InlineData("Drodzy, zbieramy podpisy, żeby nasz kandydat był na karcie do głosowania.", "podpisy")]
    [InlineData("M bezwen siyati pou petisyon kandida nou an.", "siyati")]
    [InlineData("Колеги, потрібні ще 40 підписів, щоб кандидат потрапив до бюлетеня.", "підписів")]
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
    [InlineData("Leçon de jeudi : un candidat à qui il manque cinquante signatures n'est pas sur le bulletin de vote.")]
    [InlineData("Домашнє завдання: скільки підписів потрібно кандидатові, щоб потрапити до бюлетеня?")]
    public void Stays_quiet_on_look_alikes(string text) => Assert.Null(Mail.Run<PetitionDrive>(text));
}
