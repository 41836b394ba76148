using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class VoteNudgeTests
{
    [Theory]
    [InlineData("The referendum is the only way that boiler gets replaced, so go do the right thing on the 5th.", "go do the right thing")]
    [InlineData("P.S. Q1 = instruments, a real music room, and my job. You know what to do on the 28th.", "You know what to do")]
    [InlineData("All I'm saying: Q1 is our raises. Do what's right for Sandridge on the 5th.", "Do what's right")]
    [InlineData("Delia Marsh is the candidate who actually talked to students at the forum. That's all I'll say.", "That's all I'll say")]
    [InlineData("I'm not telling anyone what to think, but the referendum is our roof.", "I'm not telling anyone what to think, but")]
    [InlineData("She has always fought for our school on the board. Remember her on the 28th; the election is close.", "Remember her on")]
    [InlineData("Ya hablamos en clase de quién le conviene a la comunidad en las elecciones, no les tengo que decir más.", "no les tengo que decir más")]
    [InlineData("La candidata siempre nos ha apoyado. Ya saben qué hacer el martes.", "Ya saben qué hacer")]
    [InlineData("Elle a toujours été là pour Toussaint, avant les élections du 5 novembre. Je n'en dis pas plus.", "Je n'en dis pas plus")]
    [InlineData("Kandydatka zawsze była po stronie szkoły. 28 lutego pamiętajcie o pani Zielińskiej.", "pamiętajcie o pani")]
    public void Fires_on_a_vote_ask_left_unsaid_next_to_a_campaign(string text, string phrase)
    {
        var hit = Mail.Run<VoteNudge>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.VoteSolicitation], hit!.Categories);
    }

    [Theory]
    [InlineData("Dana Ortiz got us the new gym floor. You know what to do on the 28th.")]
    [InlineData("P.S. Dana is the only one who ever came to see our room. Please remember her on the 28th.")]
    public void A_registered_candidates_name_is_campaign_enough(string text)
    {
        Assert.Null(Mail.Run<VoteNudge>(text));
        var hit = Mail.Run<VoteNudge>(Mail.Of(text), Mail.SampleRegistry());
        Assert.NotNull(hit);
        Assert.Contains(hit.Evidence[0].Text, new[] { "You know what to do", "remember her on" });
    }

    [Theory]
    [InlineData("Кандидатка завжди була за нашу школу. 28 лютого ви знаєте, що робити.", "ви знаєте, що робити")]
    [InlineData("选举快到了，她一直支持我们学校。你们知道该怎么做。", "你们知道该怎么做")]
    [InlineData("Bầu cử sắp tới, bà ấy luôn ủng hộ trường. Các bạn biết phải làm gì.", "Các bạn biết phải làm gì")]
    public void Fires_outside_the_lexicon_in_other_scripts(string text, string phrase)
    {
        var hit = Mail.Run<VoteNudge>(text);
        Assert.NotNull(hit);
        Assert.Equal(text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase), hit.Evidence[0].Offset);
    }

    [Theory]
    // The same words with no campaign near: a fire drill, a field trip, a quarter's timesheets.
    [InlineData("Fire drill at 10:15 tomorrow. You know what to do: line up at door 3.")]
    [InlineData("If you find a lost phone on the bus, do the right thing and bring it to the office.")]
    [InlineData("Ya saben qué hacer si llueve: todos al gimnasio.")]
    // A vow of neutrality, a correction, a fact sheet.
    [InlineData("Early voting runs through Monday. I'm not going to tell you who to vote for - that's yours.")]
    [InlineData("The district's fact sheet on the referendum is at the link, and that's all I'll say about it.")]
    [InlineData("The election is Tuesday. Read both sides and do what's right for you; whoever you pick, vote.")]
    [InlineData("Student council election: you know what to do, vote for your class president by Friday.")]
    public void Stays_quiet_on_look_alikes(string text) => Assert.Null(Mail.Run<VoteNudge>(text));
}
