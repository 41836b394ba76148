using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class CandidateCallToActionTests
{
    [Theory]
    [InlineData("Marcus Whitfield for Mayor needs you. Chip in $10 tonight.", "Marcus Whitfield for Mayor", Categories.Fundraising)]
    [InlineData("Re-elect Priya Natarajan! Sign up for a shift this weekend.", "Re-elect Priya Natarajan", Categories.VolunteerRecruitment)]
    [InlineData("Join us Thursday. RSVP below. Elect Frank Sobczak.", "Elect Frank Sobczak", Categories.Event)]
    [InlineData("Tomás Reyes para Alcalde. ¡Dona hoy!", "Tomás Reyes para Alcalde", Categories.Fundraising)]
    [InlineData("Inscríbete como voluntario. Vota por Ana Beltrán.", "Vota por Ana Beltrán", Categories.VolunteerRecruitment)]
    public void Fires_on_a_candidate_pattern_near_a_call_to_action(string text, string name, string category)
    {
        var hit = Mail.Run<CandidateCallToAction>(text);
        Mail.AssertEvidenceAt(hit, text, name);
        Assert.Equal([category], hit!.Categories);
        Assert.Equal(2, hit.Evidence.Count);
        Assert.Equal("call to action", hit.Evidence[1].Note);
    }

    [Fact]
    public void Fires_on_a_registered_candidate_near_a_call_to_action()
    {
        var text = "Dana Ortiz is fighting for our kids. Please donate what you can.";
        var hit = Mail.Run<CandidateCallToAction>(Mail.Of(text), Mail.SampleRegistry());
        Mail.AssertEvidenceAt(hit, text, "Dana Ortiz");
        Assert.Contains("registered campaign", hit!.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vote for Maria Lopez for class president! Voting is in the gym.")]
    [InlineData("Student council elections: vote for Jamal Green, sign up to help with posters.")]
    [InlineData("Local School Council election: Elect Parent Representatives. Vote at your school.")]
    [InlineData("Union meeting: we will elect officers. Please vote and sign up for committees.")]
    [InlineData("Vote for your favorite Costume Contest entry! Sign up by Friday.")]
    [InlineData("Vote for Jane Doe.")]
    public void Stays_quiet_on_look_alikes_and_bare_vote_asks(string text) =>
        Assert.Null(Mail.Run<CandidateCallToAction>(text));
}
