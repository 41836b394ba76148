using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

public sealed class LinkExtractorTests
{
    [Fact]
    public void Hrefs_of_anchors_and_areas_are_read_in_order_with_entities_decoded()
    {
        const string html = "<p><a class=btn HREF=\"https://secure.actblue.example/donate/jane?refcode=email&amp;amount=25\">Chip in</a>"
            + "<map><area shape=rect href='https://janefor.example/volunteer'></map>"
            + "<a href=https://janefor.example/events>Events</a>"
            + "<a href=\"#top\">top</a><a href=\"javascript:void(0)\">x</a><a name=\"anchor\">no href</a>"
            + "<abbr href=\"https://not-a-link.example/\">abbr is not a</abbr></p>";
        Assert.Equal(
            ["https://secure.actblue.example/donate/jane?refcode=email&amount=25", "https://janefor.example/volunteer", "https://janefor.example/events"],
            LinkExtractor.FromHtml(html));
    }

    [Fact]
    public void Links_in_comments_and_scripts_are_not_links()
    {
        const string html = "<!-- <a href=\"https://old.example/\">old</a> --><script>var s = '<a href=\"https://js.example/\">';</script><a href=\"https://real.example/\">real</a>";
        Assert.Equal(["https://real.example/"], LinkExtractor.FromHtml(html));
    }

    [Fact]
    public void Wrapped_hrefs_lose_their_line_breaks_and_duplicates_are_dropped()
    {
        const string html = "<a href=\"https://janefor.example/very/long/\r\n  path?a=1\">x</a> <a href=\"https://janefor.example/very/long/path?a=1\">again</a><a href=\"mailto:jane@janefor.example\">mail</a>";
        Assert.Equal(["https://janefor.example/very/long/path?a=1", "mailto:jane@janefor.example"], LinkExtractor.FromHtml(html));
    }

    [Fact]
    public void Bare_urls_in_text_are_found_with_trailing_punctuation_trimmed()
    {
        const string text = "Donate at https://secure.example.org/jane. Or visit www.janeforboard.example, "
            + "(see http://example.org/faq) and https://en.wikipedia.org/wiki/Board_(education)! "
            + "Escríbenos a mailto:voluntarios@example.org; gracias. Not: ftp://files.example.org, nothttp://x.example, awww.example.com";
        Assert.Equal(
            [
                "https://secure.example.org/jane", "www.janeforboard.example", "http://example.org/faq",
                "https://en.wikipedia.org/wiki/Board_(education)", "mailto:voluntarios@example.org",
            ],
            LinkExtractor.FromText(text));
    }

    [Fact]
    public void Angle_bracket_forms_of_rfc_3986_appendix_c_are_read_whole()
    {
        // RFC 3986 appendix C: "<URL:http://www.w3.org/Addressing/>" and a URL broken across lines inside angle brackets.
        const string text = "Yes, Jim, I found it under <URL:http://www.w3.org/Addressing/>, but you can probably pick it up from\n"
            + "<ftp://foo.example.com/rfc/>.  Note the warning in <http://www.ics.uci.edu/pub/\n  ietf/uri/historical.html#WARNING>.";
        Assert.Equal(["http://www.w3.org/Addressing/", "http://www.ics.uci.edu/pub/ietf/uri/historical.html#WARNING"], LinkExtractor.FromText(text));
    }

    [Fact]
    public void Urls_end_at_quotes_and_angle_brackets()
    {
        Assert.Equal(["https://a.example/x", "http://b.example/y"], LinkExtractor.FromText("\"https://a.example/x\" <http://b.example/y>"));
    }

    [Fact]
    public void Full_width_punctuation_ends_a_url()
    {
        Assert.Equal(["https://example.org/投票"], LinkExtractor.FromText("请访问https://example.org/投票，谢谢。"));
    }

    [Fact]
    public void Scheme_alone_is_not_a_link()
    {
        Assert.Empty(LinkExtractor.FromText("http:// and https://. and www. and mailto: nobody"));
    }

    [Fact]
    public void Unclosed_tags_and_huge_attributes_do_not_throw()
    {
        var html = "<a href=\"https://x.example/" + new string('a', 100_000) + "<a href='https://y.example/'<a href=";
        var links = LinkExtractor.FromHtml(html);
        Assert.NotNull(links);
    }

    [Fact]
    public void Arbitrary_strings_never_throw()
    {
        var pieces = Gen.OneOf(
            Gen.Elements("<a href=\"", "<A HREF='", "<area href=", "\">", "'", ">", "<!--", "-->", "<script>", "</script>", "&amp;", "&#",
                "http://", "https://", "www.", "mailto:", "<URL:", "<", "(", ")", "]", ".", "\n", " ", "@"),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));
        var gen = pieces.ListOf().Select(l => string.Concat(l));
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            var fromHtml = LinkExtractor.FromHtml(s);
            var fromText = LinkExtractor.FromText(s);
            return fromHtml.Distinct().Count() == fromHtml.Count && fromText.All(l => l.Length > 0);
        }).QuickCheckThrowOnFailure();
    }
}
