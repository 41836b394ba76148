using Microsoft.Playwright;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Report;

/// <summary>
/// Opens the fixture's report in a real browser, Debian's chromium driven headless by Playwright: the page must load
/// with no console error, no page error, no dialog and no network request beyond the file itself, and must show the
/// key figures as text. CI installs chromium; without it the test is skipped. (docs/report-screenshot.png is of the
/// demo's report, taken by DemoCommandTests in SolidWall.Cli.Tests.)
/// </summary>
public sealed class ReportBrowserTests
{
    [Fact]
    public async Task The_report_opens_in_chromium_without_errors_or_network()
    {
        Assert.SkipUnless(ReportBrowser.Installed, ReportBrowser.NotInstalled);
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);

        await using var browser = await ReportBrowser.OpenAsync(dir.File("index.html"));
        var page = browser.Page;
        var text = await browser.TextAsync();
        await page.ScreenshotAsync(new() { Path = dir.File("screenshot.png"), FullPage = true });

        Assert.Empty(browser.Problems);
        Assert.Contains("Committee to Re-elect Alderman Ortiz sent 674 emails to 213 district staff", text, StringComparison.Ordinal);
        Assert.Contains("1 principal pushed it to 44 teachers.", text, StringComparison.Ordinal);
        Assert.Contains("Friends of Dana Whitfield sent 61 emails to 57 district staff", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("48,213", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(await page.Locator("#timeline svg rect").CountAsync() > 30, "timeline bars drawn");
        Assert.True(await page.Locator("table caption").CountAsync() >= 12, "every table has a caption");
        Assert.True(await page.GetByRole(AriaRole.Img, new() { Name = "Campaign mail per day" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Limits of the evidence" }).IsVisibleAsync());

        var png = await File.ReadAllBytesAsync(dir.File("screenshot.png"), TestContext.Current.CancellationToken);
        Assert.True(png.Length > 50_000, $"a full-page screenshot ({png.Length} bytes)");
    }
}
