using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

/// <summary>
/// The warnings an institution's gateway writes into mail from outside, as Microsoft 365, Proofpoint and districts'
/// own transport rules write them, turned into blanks; everyone else's words about outside mail kept.
/// </summary>
public sealed class GatewayBannerTests
{
    private const string Ask = "Hi Ms. Lopez,\n\nWe're looking for students for a spring externship with the campaign, 12 hours a week.\n\nTeam Ortiz";

    [Theory]
    [InlineData("CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.")]
    [InlineData("EXTERNAL EMAIL: This message originated outside of Lakeshore Public Schools. Use caution with links and attachments.")]
    [InlineData("This message is from an EXTERNAL SENDER - be CAUTIOUS, particularly with links and attachments.")]
    [InlineData("You don't often get email from volunteer@reelect-dana-ortiz.example. Learn why this is important")]
    [InlineData("ATTENTION: This email was sent from someone outside of the district.\nAlways use caution when opening attachments or clicking links from unknown senders.")]
    [InlineData("PRECAUCIÓN: Este correo electrónico se originó fuera de la organización. No haga clic en enlaces ni abra archivos adjuntos a menos que reconozca al remitente.")]
    public void Blanks_a_banner_above_the_message_and_keeps_every_offset(string banner)
    {
        var text = banner + "\n\n" + Ask;
        var blanked = GatewayBanner.Blank(text);
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(Ask, blanked[(banner.Length + 2)..]);
        Assert.True(blanked[..banner.Length].All(c => c is ' ' or '\n'));
        Assert.Equal(banner.Count(c => c == '\n'), blanked[..banner.Length].Count(c => c == '\n'));
    }

    [Fact]
    public void Blanks_a_banner_below_the_message_or_above_a_forward()
    {
        const string banner = "[EXTERNAL] This email originated from outside the organization. Do not click links unless you know the content is safe.";
        var below = Ask + "\n\n" + banner + "\n";
        Assert.Equal(Ask + "\n\n" + new string(' ', banner.Length) + "\n", GatewayBanner.Blank(below));

        var forward = "Please share with your advisory.\n\n---------- Forwarded message ---------\nFrom: Team Ortiz\n\n" + banner + "\n\n" + Ask;
        var blanked = GatewayBanner.Blank(forward);
        Assert.DoesNotContain("originated", blanked, StringComparison.Ordinal);
        Assert.StartsWith("Please share with your advisory.", blanked, StringComparison.Ordinal);
        Assert.EndsWith(Ask, blanked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_banner_the_message_runs_on_from_loses_its_line_only()
    {
        // No blank line after the banner, and the message one long paragraph: only the banner's line goes.
        var body = string.Concat(Enumerable.Repeat("We're looking for students for a spring externship with the campaign. ", 12));
        const string banner = "CAUTION: This email originated from outside of the organization. Do not click links.";
        var blanked = GatewayBanner.Blank(banner + "\n" + body);
        Assert.Equal(new string(' ', banner.Length) + "\n" + body, blanked);
    }

    [Fact]
    public void Reads_only_the_ends_of_a_long_message()
    {
        const string banner = "CAUTION: This email originated from outside of the organization. Do not click links or open attachments.";
        var filler = string.Concat(Enumerable.Repeat("Our newsletter this week covers the reading fair and the spring concert.\n\n", 40));
        Assert.True(filler.Length > 2 * GatewayBanner.Window);
        var top = GatewayBanner.Blank(banner + "\n\n" + filler);
        Assert.StartsWith(new string(' ', banner.Length), top, StringComparison.Ordinal);
        var bottom = GatewayBanner.Blank(filler + banner);
        Assert.EndsWith(new string(' ', banner.Length), bottom, StringComparison.Ordinal);
        // In the middle of a long text it is somebody quoting one, and stays.
        var middle = filler + banner + "\n\n" + filler;
        Assert.Same(middle, GatewayBanner.Blank(middle));
    }

    [Theory]
    // Somebody's own words about outside mail: no warning in them, or a long paragraph of their own.
    [InlineData("The flyer came from outside the district, so I checked with the principal before posting it.")]
    [InlineData("Anyway... long story short... is a phrase whose origins are complicated and rambling.")]
    [InlineData("Please order from outside your country with international postage.")]
    [InlineData(Ask)]
    public void Keeps_text_that_is_no_banner(string text) => Assert.Same(text, GatewayBanner.Blank(text));

    [Fact]
    public void Keeps_a_long_paragraph_that_mentions_outside_mail_and_links()
    {
        var text = "Our union reminds members that mail from outside the district may carry links to campaigns. "
            + string.Concat(Enumerable.Repeat("Members are free to take part in politics on their own time and from their own devices. ", 8));
        Assert.Same(text, GatewayBanner.Blank(text));
    }

    [Theory]
    [InlineData("[EXTERNAL] Spring externship for your students", "           Spring externship for your students")]
    [InlineData("RE: [EXT] Spring externship", "RE:       Spring externship")]
    [InlineData("[External Email] Chip in $25", "                 Chip in $25")]
    [InlineData("*EXTERNAL* Chip in $25", "           Chip in $25")]
    [InlineData("EXTERNAL: Chip in $25", "          Chip in $25")]
    [InlineData("Fwd: External: Chip in $25", "Fwd:           Chip in $25")]
    [InlineData("[EXTERNO] Pasantía con la campaña", "          Pasantía con la campaña")]
    public void Blanks_a_gateways_tag_in_the_subject(string subject, string expected) => Assert.Equal(expected, GatewayBanner.BlankSubject(subject));

    [Theory]
    [InlineData("Next: steps for the spring externship")]
    [InlineData("Text: the plan for Friday")]
    [InlineData("External review of the reading curriculum")]
    [InlineData("[PTA] Book fair")]
    [InlineData("")]
    [InlineData(null)]
    public void Keeps_a_subject_without_a_tag(string? subject) => Assert.Same(subject, GatewayBanner.BlankSubject(subject));
}
