using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class DonationPlatformLinkTests
{
    private static SignalHit? Run(string text, params string[] links) => Mail.Run<DonationPlatformLink>(Mail.Of(text, links: links));

    [Theory]
    [InlineData("https://secure.actblue.com/donate/ortiz?refcode=em1", "fundraising")]
    [InlineData("https://secure.winred.com/x/donate", "fundraising")]
    [InlineData("https://secure.anedot.com/reyes/donate", "fundraising")]
    [InlineData("https://secure.ngpvan.com/p/abc123", "fundraising")]
    [InlineData("https://www.mobilize.us/ortiz/event/123/", "event")]
    [InlineData("https://actionnetwork.org/petitions/put-x-on-the-ballot", "petition")]
    [InlineData("http://ACTBLUE.COM/donate/x", "fundraising")]
    public void Fires_on_platform_hosts_and_their_subdomains(string link, string category)
    {
        var hit = Run("see below", "https://lakeshore-schools.example/calendar", link);
        Assert.NotNull(hit);
        Assert.Contains(category, hit.Categories);
        Assert.Equal("link", hit.Evidence[0].Where);
        Assert.Equal(1, hit.Evidence[0].Offset);
        Assert.Equal(link, hit.Evidence[0].Text);
    }

    [Fact]
    public void Follows_a_tracking_redirect_through_its_query_parameter()
    {
        var link = "https://click.mailer.example/track?u=abc&url=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dx";
        var hit = Run("Donate", link);
        Assert.NotNull(hit);
        Assert.Contains("secure.actblue.com", hit.Evidence[0].Note, StringComparison.Ordinal);
        Assert.Contains("redirect", hit.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz&data=05%7C02%7Cj.alvarez%40lakeshore-schools.example&reserved=0", "Microsoft Safe Links")]
    [InlineData("https://urldefense.com/v3/__https://secure.actblue.com/donate/ortiz__;!!KwNVnqRv!HMXgR2tX$", "Proofpoint URL Defense")]
    [InlineData("https://urldefense.proofpoint.com/v2/url?u=https-3A__secure.actblue.com_donate_ortiz&d=DwMFaQ&e=", "Proofpoint URL Defense")]
    [InlineData("https://protect-us.mimecast.com/s/Ab1CDE2fGhIjK3L4?domain=secure.actblue.com", "Mimecast")]
    public void Reads_a_link_a_mail_gateway_rewrote_and_quotes_it_as_written(string link, string gateway)
    {
        // A district whose mail passes a gateway archives every campaign link rewritten.
        var hit = Run("Chip in before midnight", link);
        Assert.NotNull(hit);
        Assert.Contains(Categories.Fundraising, hit.Categories);
        Assert.Equal(link, hit.Evidence[0].Text);
        Assert.Equal($"{gateway} link to secure.actblue.com", hit.Evidence[0].Note);
    }

    [Fact]
    public void A_gateway_link_to_a_school_page_is_not_a_platform()
    {
        Assert.Null(Run("Calendar", "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Flakeshore-schools.example%2Fcalendar&data=05"));
        Assert.Null(Run("Calendar", "https://urldefense.com/v3/__https://lakeshore-schools.example/actblue.com__;!!KwNVnqRv!x$"));
    }

    [Fact]
    public void Follows_a_doubly_encoded_redirect()
    {
        var hit = Run("x", "https://t.example/r?target=https%253A%252F%252Fwww.mobilize.us%252Fe%252F1");
        Assert.NotNull(hit);
        Assert.Contains(Categories.Event, hit.Categories);
    }

    [Theory]
    [InlineData("https://notactblue.com/donate")]
    [InlineData("https://actblue.com.phish.example/donate")]
    [InlineData("https://lakeshore-schools.example/news?about=actblue.com")]
    [InlineData("mailto:info@actblue.com")]
    [InlineData("https://www.mobilize-learning.example/course")]
    public void Does_not_match_by_substring(string link) => Assert.Null(Run("x", link));

    [Fact]
    public void Donorbox_counts_only_with_political_words()
    {
        Assert.Null(Run("Support the Harborview PTA book fair! Give here:", "https://donorbox.org/harborview-pta"));
        Assert.NotNull(Run("Help re-elect Dana Ortiz, our candidate for Mayor:", "https://donorbox.org/ortiz"));
        Assert.NotNull(Run("Ayuda a nuestra campaña para alcalde:", "https://donorbox.org/reyes"));
    }
}
