using SolidWall.Core.Analysis;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Report;

public sealed class HtmlEncodingTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Tom & Jerry", "Tom &amp; Jerry")]
    [InlineData("\" onmouseover='x'", "&quot; onmouseover=&#39;x&#39;")]
    [InlineData("nul\0bell\u0007", "nul\uFFFDbell\uFFFD")]
    [InlineData("pair 😀 kept", "pair 😀 kept")]
    [InlineData("Núñez\ttab", "Núñez\ttab")]
    public void Text_is_encoded(string text, string expected) => Assert.Equal(expected, HtmlWriter.Encode(text));

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        // Built in code: a lone surrogate does not survive test-case serialisation as InlineData.
        var text = "lone " + '\uD800' + " high " + '\uDC00';
        Assert.Equal("lone \uFFFD high \uFFFD", HtmlWriter.Encode(text));
    }

    [Fact]
    public void Hostile_subjects_and_names_appear_as_text_on_the_page()
    {
        using var dir = new ReportDirectory();
        var report = ReportFixture.Realistic() with
        {
            CaseName = "</title><script>alert('case')</script>",
            Method = ["<img src=x onerror=alert(2)>"],
        };
        ReportWriter.Write(report, dir.Path);
        var html = File.ReadAllText(dir.File("index.html"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Fwd: &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/title&gt;&lt;script&gt;alert(&#39;case&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_campaign_names_are_encoded_in_charts_and_legends()
    {
        using var dir = new ReportDirectory();
        const string name = "<svg onload=alert(3)>\"Committee\"";
        var report = ReportFixture.Realistic();
        report = report with
        {
            Figures = report.Figures with { Campaigns = [report.Figures.Campaigns[0] with { Name = name }] },
            Timeline = [new DailyCount(new DateOnly(2026, 10, 1), name, 5)],
            RecipientsByRoleAndSchool = [new RecipientGroup(name, "staff", "<b>School</b>", 3, 4)],
        };
        ReportWriter.Write(report, dir.Path);
        var html = File.ReadAllText(dir.File("index.html"));

        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>School", html, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(3)&gt;&quot;Committee&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_forbids_scripts_and_fetches_and_carries_none()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        var html = File.ReadAllText(dir.File("index.html"));

        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'", html, StringComparison.Ordinal);
        // Links on the page only name the report's own files; URLs from the mail appear only as encoded text.
        Assert.DoesNotMatch("(?i)(src|href)=\"[a-z]+:", html);
        Assert.DoesNotMatch(@"url\((?!#)", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_states_the_figures_in_sentences_and_names_the_manifest_hash()
    {
        using var dir = new ReportDirectory();
        var manifestSha256 = ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        var html = File.ReadAllText(dir.File("index.html"));

        Assert.Contains("Committee to Re-elect Alderman Ortiz sent 674 emails to 213 district staff, 674 of them in 3 blasts, between 29 September 2026 and 28 October 2026.", html, StringComparison.Ordinal);
        Assert.Contains("3 staff members passed it on to students (2 by forwarding it, 1 by copying its text), reaching 76 students.", html, StringComparison.Ordinal);
        Assert.Contains("1 principal pushed it to 44 teachers.", html, StringComparison.Ordinal);
        Assert.Contains("<code id=\"manifest-sha256\">" + manifestSha256 + "</code>", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"timeline-title\">", html, StringComparison.Ordinal);
        Assert.Contains("General election", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_colours_have_three_to_one_contrast_on_white()
    {
        foreach (var colour in CampaignColours.Palette)
        {
            var ratio = 1.05 / (RelativeLuminance(colour) + 0.05);
            Assert.True(ratio >= 3, $"{colour}: {ratio:F2}:1");
        }

        Assert.Equal(CampaignColours.Palette.Count, CampaignColours.Palette.Distinct().Count());
    }

    private static double RelativeLuminance(string hex)
    {
        double Channel(int offset)
        {
            var c = Convert.ToInt32(hex.Substring(offset, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
