using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class RegisteredCampaignMentionTests
{
    [Theory]
    [InlineData("Stand with Dana Ortiz this Saturday.", "Dana Ortiz")]
    [InlineData("Better Schools PAC thanks you.", "Better Schools PAC")]
    [InlineData("Únete a Ortiz for Mayor este sábado.", "Ortiz for Mayor")]
    public void Fires_on_a_registered_name(string text, string name)
    {
        var hit = Mail.Run<RegisteredCampaignMention>(Mail.Of(text), Mail.SampleRegistry());
        Mail.AssertEvidenceAt(hit, text, name);
        Assert.Equal(name.Length, hit!.Evidence[0].Length);
    }

    [Theory]
    [InlineData("According to the Tribune, Dana Ortiz leads the race.")]
    [InlineData("Tonight's debate between Dana Ortiz and Marcus Whitfield is on channel 7.")]
    [InlineData("Según el periódico, Dana Ortiz va ganando.")]
    [InlineData("Dana Ortizville is a town.")]
    public void Stays_quiet_on_news_and_partial_words(string text) =>
        Assert.Null(Mail.Run<RegisteredCampaignMention>(Mail.Of(text), Mail.SampleRegistry()));
}
