using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class CandidateOnStageTests
{
    [Theory]
    [InlineData("Dana will say a few words before the finale. Her office is sending a banner for the lobby.", "say a few words")]
    [InlineData("Friday works: Dana can speak at our 8th grade assembly at 10:00 for fifteen minutes.", "speak at our 8th grade assembly")]
    [InlineData("Nos daría gusto que Dana viniera a entregar las flores y decir unas palabras a las mamás.", "entregar las flores")]
    [InlineData("Gościem honorowym będzie pani Dana Ortiz, która wręczy nagrody, a potem powie kilka słów do rodziców.", "wręczy nagrody")]
    public void Fires_when_a_registered_candidate_gets_the_stage(string text, string phrase)
    {
        Assert.Null(Mail.Run<CandidateOnStage>(text));
        var hit = Mail.Run<CandidateOnStage>(Mail.Of(text), Mail.SampleRegistry());
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Event], hit!.Categories);
    }

    [Theory]
    [InlineData("The candidate for alderman will say a few words at the spring concert.", "say a few words")]
    [InlineData("Năm nay trường đón ông Hanneman, ứng cử viên dân biểu, sau phần múa lân ông sẽ lên phát biểu vài phút.", "lên phát biểu")]
    public void Fires_next_to_a_campaign_word(string text, string phrase)
    {
        var hit = Mail.Run<CandidateOnStage>(text);
        Assert.NotNull(hit);
        Assert.Equal(text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase), hit.Evidence[0].Offset);
    }

    [Theory]
    // No candidate near: the school's own guests.
    [InlineData("Dr. Rao from Lurie Children's will say a few words and give out the ribbons.")]
    // Every candidate invited: a forum or a debate.
    [InlineData("Candidate forum Thursday: each candidate will say a few words, then questions from the moderator.")]
    [InlineData("Student council candidates will give short speeches at the assembly.")]
    public void Stays_quiet_on_guests_forums_and_look_alikes(string text) => Assert.Null(Mail.Run<CandidateOnStage>(Mail.Of(text), Mail.SampleRegistry()));
}
