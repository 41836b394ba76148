using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

/// <summary>
/// Links as mail security gateways rewrite them, each in its vendor's documented format, read back to the page they
/// stand for.
/// </summary>
public sealed class LinkTargetTests
{
    private const string Page = "https://secure.actblue.com/donate/ortiz?refcode=em1";

    [Theory]
    // Microsoft Safe Links (commercial and US government clouds): the target percent-encoded in url=, then data= per recipient.
    [InlineData("https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dem1&data=05%7C02%7Cj.alvarez%40lakeshore-schools.example%7C4f2b&sdata=abc%3D&reserved=0", "Microsoft Safe Links")]
    [InlineData("https://gcc02.safelinks.protection.office365.us/?url=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dem1&data=x", "Microsoft Safe Links")]
    // Proofpoint URL Defense v2: '-' for '%', '_' for '/'.
    [InlineData("https://urldefense.proofpoint.com/v2/url?u=https-3A__secure.actblue.com_donate_ortiz-3Frefcode-3Dem1&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc&m=def&s=ghi&e=", "Proofpoint URL Defense")]
    // Proofpoint URL Defense v1: percent-encoded in u=.
    [InlineData("https://urldefense.proofpoint.com/v1/url?u=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dem1&k=abc", "Proofpoint URL Defense")]
    // Proofpoint URL Defense v3, with nothing replaced.
    [InlineData("https://urldefense.com/v3/__https://secure.actblue.com/donate/ortiz?refcode=em1__;!!KwNVnqRv!HMXgR2tX$", "Proofpoint URL Defense")]
    [InlineData("https://urldefense.us/v3/__https://secure.actblue.com/donate/ortiz?refcode=em1__;!!BClRuOV5!abc$", "Proofpoint URL Defense")]
    // Barracuda, Trellix (FireEye), Trend Micro, Symantec: percent-encoded in a parameter of their own.
    [InlineData("https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fsecure.actblue.com%2fdonate%2fortiz%3frefcode%3dem1&c=E,1,abc&typo=1", "Barracuda Link Protection")]
    [InlineData("https://protect2.fireeye.com/v1/url?k=1a2b3c4d-5e6f&q=1&e=abc&u=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dem1", "Trellix (FireEye)")]
    [InlineData("https://imsva91-ctp.trendmicro.com:443/wis/clicktime/v1/query?url=https%3a%2f%2fsecure.actblue.com%2fdonate%2fortiz%3frefcode%3dem1&umid=abc&auth=def", "Trend Micro")]
    [InlineData("https://clicktime.symantec.com/3AbCdEf?u=https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dem1", "Symantec Click-time")]
    // Cisco Secure Email: the target percent-encoded as the path after a token.
    [InlineData("https://secure-web.cisco.com/1AbCdEfGhIjK/https%3A%2F%2Fsecure.actblue.com%2Fdonate%2Fortiz%3Frefcode%3Dem1", "Cisco Secure Email")]
    // Google's redirect, as Gmail and Docs write links.
    [InlineData("https://www.google.com/url?q=https://secure.actblue.com/donate/ortiz?refcode%3Dem1&sa=D&source=editors&ust=1&usg=AOvVaw", "Google redirect")]
    public void Reads_the_target_of_each_gateway(string link, string gateway)
    {
        var found = LinkTarget.Resolve(link);
        Assert.NotNull(found);
        Assert.Equal(Page, found.Value.Target);
        Assert.Equal(gateway, found.Value.Gateway);
    }

    [Fact]
    public void Puts_back_the_characters_URL_Defense_v3_replaced()
    {
        // '#' replaced by '*', given after "__;" as base64url "Iw"; a run of two ("#!") as "**A", given as "IyE".
        Assert.Equal("https://www.mobilize.us/ortiz/event/581204/#signup",
            LinkTarget.Of("https://urldefense.com/v3/__https://www.mobilize.us/ortiz/event/581204/*signup__;Iw!!KwNVnqRv!abc$"));
        Assert.Equal("https://www.mobilize.us/ortiz/#!top",
            LinkTarget.Of("https://urldefense.com/v3/__https://www.mobilize.us/ortiz/**Atop__;IyE!!KwNVnqRv!abc$"));
        // Two single replacements and a non-ASCII one: "ñ" and "#" in order, "w7Ej" base64url of their UTF-8.
        Assert.Equal("https://reyesparalakeshore.example/campaña#voluntarios",
            LinkTarget.Of("https://urldefense.com/v3/__https://reyesparalakeshore.example/campa*a*voluntarios__;w7Ej!!KwNVnqRv!abc$"));
    }

    [Fact]
    public void A_v3_link_whose_replacements_cannot_be_read_keeps_its_stars()
    {
        Assert.Equal("https://www.mobilize.us/ortiz/*signup",
            LinkTarget.Of("https://urldefense.com/v3/__https://www.mobilize.us/ortiz/*signup__;%%%!!KwNVnqRv!abc$"));
    }

    [Fact]
    public void Mimecast_gives_only_the_domain()
    {
        var found = LinkTarget.Resolve("https://protect-us.mimecast.com/s/Ab1CDE2fGhIjK3L4?domain=secure.actblue.com");
        Assert.Equal(("https://secure.actblue.com/", "Mimecast"), found);
        Assert.Null(LinkTarget.Resolve("https://protect-us.mimecast.com/s/Ab1?domain=not%20a%20host"));
        Assert.Null(LinkTarget.Resolve("https://www.mimecast.com/products/?domain=secure.actblue.com"));
    }

    [Fact]
    public void Follows_one_gateway_inside_another_and_names_the_outer()
    {
        // A message protected by Proofpoint at the sender and Safe Links at the district.
        var inner = "https://urldefense.proofpoint.com/v2/url?u=https-3A__secure.actblue.com_donate_ortiz-3Frefcode-3Dem1&d=DwMFaQ&e=";
        var outer = "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(inner) + "&data=05%7C02";
        Assert.Equal((Page, "Microsoft Safe Links"), LinkTarget.Resolve(outer));
    }

    [Theory]
    [InlineData(Page)]
    [InlineData("https://lakeshore-schools.example/calendar?url=https://secure.actblue.com/donate")]
    [InlineData("https://safelinks.protection.outlook.com.phish.example/?url=https%3A%2F%2Fsecure.actblue.com%2F")]
    [InlineData("https://notsafelinks.protection.outlook.com/?url=https%3A%2F%2Fsecure.actblue.com%2F")]
    [InlineData("https://docs.google.com/forms/d/e/1FAIpQLSf/viewform?usp=sf_link")]
    [InlineData("https://www.google.com/search?q=https://secure.actblue.com")]
    [InlineData("https://nam12.safelinks.protection.outlook.com/?data=05%7C02")]
    [InlineData("https://nam12.safelinks.protection.outlook.com/?url=javascript%3Aalert(1)")]
    [InlineData("mailto:someone@urldefense.com")]
    [InlineData("not a link")]
    public void Leaves_links_that_are_no_gateways_or_lead_nowhere(string link)
    {
        Assert.Null(LinkTarget.Resolve(link));
        Assert.Same(link, LinkTarget.Of(link));
    }

    [Theory]
    [InlineData("nam12.safelinks.protection.outlook.com/?url=x", true)]
    [InlineData("URLDEFENSE.COM/v3/__x", true)]
    [InlineData("protect-us.mimecast.com:443/s/x", true)]
    [InlineData("urldefense.com./v3/__x", true)]
    [InlineData("secure.actblue.com/donate", false)]
    [InlineData("evilurldefense.com/v3/__x", false)]
    [InlineData("", false)]
    public void Turns_away_other_hosts_before_parsing(string afterScheme, bool gateway) =>
        Assert.Equal(gateway, LinkTarget.MayBeGateway(afterScheme));
}
