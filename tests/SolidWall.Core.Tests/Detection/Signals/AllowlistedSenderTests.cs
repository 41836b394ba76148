using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class AllowlistedSenderTests
{
    private static readonly Policy Allowing = Policy.Parse(
        "allowlist:\n  senders: [ethics@lakeshore.example]\n  domains: [vote.lakeshore.example]\n", "policy.yaml");

    [Theory]
    [InlineData("ethics@lakeshore.example")]
    [InlineData("info@vote.lakeshore.example")]
    [InlineData("info@mail.vote.lakeshore.example")]
    public void Fires_for_allowlisted_senders_and_domains(string from)
    {
        var hit = Mail.Run<AllowlistedSender>(Mail.Of("x", from: from), policy: Allowing);
        Assert.NotNull(hit);
        Assert.Empty(hit.Categories);
        Assert.Equal("from", hit.Evidence[0].Where);
    }

    [Theory]
    [InlineData("other@lakeshore.example")]
    [InlineData("info@notvote.lakeshore.example")]
    [InlineData("info@vote.lakeshore.example.phish.example")]
    public void Stays_quiet_for_others(string from) =>
        Assert.Null(Mail.Run<AllowlistedSender>(Mail.Of("x", from: from), policy: Allowing));
}
