using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class ForwardedElectioneeringTests
{
    private const string Campaign = "Will you chip in $27 for Dana?\nhttps://secure.actblue.com/donate/ortiz\nPaid for by Friends of Dana Ortiz.";

    private static Message Relay(SegmentKind kind, string inner, IReadOnlyList<string> links)
    {
        var own = "FYI, please share with your colleagues.\n";
        var header = kind == SegmentKind.Forward ? "---------- Forwarded message ---------\nFrom: Dana <dana@x.example>\n" : "On Mon, Dana wrote:\n";
        var text = own + header + inner;
        return Mail.Of(text, links: links, segments: [new Segment(SegmentKind.Body, own), new Segment(kind, inner, header)]);
    }

    [Fact]
    public void Fires_on_a_forwarded_campaign_message_and_says_it_was_forwarded()
    {
        var message = Relay(SegmentKind.Forward, Campaign, ["https://secure.actblue.com/donate/ortiz"]);
        var hit = Mail.Run<ForwardedElectioneering>(message);
        Assert.NotNull(hit);
        Assert.Equal([Categories.Literature], hit.Categories);
        Assert.All(hit.Evidence, e => Assert.StartsWith("forwarded: ", e.Note, StringComparison.Ordinal));
        var paid = hit.Evidence.Single(e => e.Note!.Contains("PaidForByDisclaimer", StringComparison.Ordinal));
        Assert.Equal(message.Text.IndexOf("Paid for by", StringComparison.Ordinal), paid.Offset);
        Assert.Contains("Forwarded message", paid.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_on_quoted_campaign_text() =>
        Assert.StartsWith("quoted: ", Mail.Run<ForwardedElectioneering>(Relay(SegmentKind.Quote, Campaign, []))!.Evidence[0].Note, StringComparison.Ordinal);

    [Theory]
    [InlineData("The PTA fundraiser is Saturday. Contributions to the PTA are tax deductible.")]
    [InlineData("Local School Council election: vote for two parent members at your school.")]
    [InlineData("Paid for by the district: new laptops for every classroom.")]
    public void Stays_quiet_on_forwarded_look_alikes(string inner) =>
        Assert.Null(Mail.Run<ForwardedElectioneering>(Relay(SegmentKind.Forward, inner, [])));

    [Fact]
    public void Campaign_text_in_the_authors_own_body_is_not_a_forward() =>
        Assert.Null(Mail.Run<ForwardedElectioneering>(Mail.Of(Campaign, links: ["https://secure.actblue.com/donate/ortiz"])));
}
