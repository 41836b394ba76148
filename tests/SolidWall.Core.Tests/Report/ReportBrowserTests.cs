using Microsoft.Playwright;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Report;

/// <summary>
/// Opens a written report in a real browser, Debian's chromium driven headless by Playwright: the page must load
/// with no console error, no page error, no dialog and no network request beyond the file itself, must show the key
/// figures as text; with SOLIDWALL_UPDATE_DOCS=1 its screenshot replaces docs/report-screenshot.png. CI installs chromium; without it the test is skipped.
/// </summary>
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_report_opens_in_chromium_without_errors_or_network()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install -y chromium); CI installs it, so the test runs there.");
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        var pageUrl = new Uri(dir.File("index.html")).AbsoluteUri;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
            Timeout = 60_000,
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, Offline = true });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => problems.Add("dialog: " + dialog.Message);
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) =>
        {
            if (request.Url != pageUrl)
            {
                problems.Add("request: " + request.Url);
            }
        };

        var response = await page.GotoAsync(pageUrl, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        Assert.NotNull(response);
        var text = await page.InnerTextAsync("body");
        await page.ScreenshotAsync(new() { Path = dir.File("screenshot.png"), FullPage = true });

        Assert.Empty(problems);
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
        // The screenshot in docs/ is refreshed on request only (SOLIDWALL_UPDATE_DOCS=1), so a test run leaves the tree clean.
        var docs = DocsDirectory();
        if (docs is not null && Environment.GetEnvironmentVariable("SOLIDWALL_UPDATE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(docs, "report-screenshot.png"), png, TestContext.Current.CancellationToken);
        }
    }

    private static string? DocsDirectory()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SolidWall.slnx")))
        {
            root = root.Parent;
        }

        return root is null ? null : Path.Combine(root.FullName, "docs");
    }
}
