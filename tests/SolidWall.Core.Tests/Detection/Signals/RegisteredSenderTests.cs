using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class RegisteredSenderTests
{
    [Theory]
    [InlineData("dana@reelect-dana-ortiz.example", "domain reelect-dana-ortiz.example")]
    [InlineData("news@mail.reelect-dana-ortiz.example", "domain reelect-dana-ortiz.example")]
    [InlineData("dana@campaign-mail.example", "address")]
    [InlineData("DANA@Campaign-Mail.example", "address")]
    public void Fires_on_a_registered_address_or_domain_and_names_the_campaign(string from, string how)
    {
        var hit = Mail.Run<RegisteredSender>(Mail.Of("hi", from: from), Mail.SampleRegistry());
        Assert.NotNull(hit);
        Assert.Equal("from", hit.Evidence[0].Where);
        Assert.Contains("Friends of Dana Ortiz", hit.Evidence[0].Note, StringComparison.Ordinal);
        Assert.Contains(how, hit.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dana@notreelect-dana-ortiz.example")]
    [InlineData("dana@reelect-dana-ortiz.example.phish.example")]
    [InlineData("other@campaign-mail.example")]
    [InlineData("principal@lakeshore-schools.example")]
    public void Stays_quiet_on_look_alike_and_unregistered_senders(string from) =>
        Assert.Null(Mail.Run<RegisteredSender>(Mail.Of("hi", from: from), Mail.SampleRegistry()));

    [Fact]
    public void An_empty_registry_is_quiet() =>
        Assert.Null(Mail.Run<RegisteredSender>(Mail.Of("hi", from: "dana@reelect-dana-ortiz.example")));
}
