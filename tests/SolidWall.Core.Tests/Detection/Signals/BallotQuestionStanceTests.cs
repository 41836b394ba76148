using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class BallotQuestionStanceTests
{
    [Theory]
    [InlineData("Guys. Read the fine print on Q1 before you vote. It's a 30 year tax. Vote NO. Pass this around.", "Q1")]
    [InlineData("And since I've got you all here - please say no on Q1 next month.", "Q1")]
    [InlineData("Eckhart's roof, Eckhart's nurse: yes on Question 1. You know what to do.", "Question 1")]
    [InlineData("Please vote YES on Question 1 on November 5.", "Question 1")]
    [InlineData("El 5 de noviembre voten sí a la Pregunta 1, es para las escuelas.", "Pregunta 1")]
    [InlineData("Pytanie 1 – proszę, na „nie\". To kolejne 212 dolarów rocznie.", "Pytanie 1")]
    [InlineData("P.S. 5 listopada pamiętajcie o Pytaniu 1 – głosujcie TAK, nasza szkoła potrzebuje dachu.", "Pytaniu 1")]
    [InlineData("Tanpri vote WI pou Kesyon 1. Se pou pitit nou yo.", "Kesyon 1")]
    [InlineData("sa Nobyembre 5, pakiboto po ng OO sa Question 1.", "Question 1")]
    public void Fires_on_a_stance_on_a_numbered_ballot_question(string text, string phrase)
    {
        var hit = Mail.Run<BallotQuestionStance>(text, "Nov 5");
        Assert.NotNull(hit);
        Assert.Equal([Categories.VoteSolicitation], hit.Categories);
        Mail.AssertEvidenceAt(hit, text, phrase);
    }

    [Theory]
    [InlineData("A YES vote on Question 1 means the levy rises by 0.35%; a NO vote means it stays.")] // the fact sheet
    [InlineData("If you vote no on Question 1, the rate stays where it is. Both sides' statements are attached.")]
    [InlineData("Answer question 1 and question 2, then vote on your favourite poem. No on-time penalty.")] // homework
    [InlineData("Q1 timesheets are due Friday. Say yes to the overtime only if Maria approved it.")] // first quarter, no stance on it
    [InlineData("Vote NO on the field trip survey if you can't come.")] // no ballot question
    public void Stays_quiet_otherwise(string text) => Assert.Null(Mail.Run<BallotQuestionStance>(text, "Notes"));
}
