using Microsoft.Playwright;

namespace SolidWall.Core.Tests.Report;

/// <summary>
/// A written report opened in Debian's chromium, headless and offline, through Playwright, with every console error
/// or warning, page error, dialog and request beyond the page itself recorded as a problem. Shared by the fixture's
/// browser test and the demo's (SolidWall.Cli.Tests links this file), so that both open the page the same way.
/// </summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Why a browser test cannot run here, for <c>Assert.SkipUnless</c>.</summary>
    public const string NotInstalled = $"{Chromium} is not installed (apt-get install -y chromium); CI installs it, so the test runs there.";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ReportBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public static bool Installed => File.Exists(Chromium);

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    /// <summary>Loads <paramref name="indexHtml"/> in a window <paramref name="width"/> CSS pixels wide.</summary>
    public static async Task<ReportBrowser> OpenAsync(string indexHtml, int width = 1200, int height = 900)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
            Timeout = 60_000,
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Offline = true });
        var page = await context.NewPageAsync();
        var opened = new ReportBrowser(playwright, browser, page);
        var pageUrl = new Uri(indexHtml).AbsoluteUri;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                opened.Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => opened.Problems.Add("page error: " + error);
        page.Dialog += (_, dialog) => opened.Problems.Add("dialog: " + dialog.Message);
        page.RequestFailed += (_, request) => opened.Problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) =>
        {
            if (request.Url != pageUrl)
            {
                opened.Problems.Add("request: " + request.Url);
            }
        };

        var response = await page.GotoAsync(pageUrl, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        if (response is null)
        {
            opened.Problems.Add("no response for " + pageUrl);
        }

        return opened;
    }

    public Task<string> TextAsync() => Page.InnerTextAsync("body");

    /// <summary>
    /// The docs/ folder of the checkout, when the run asks for docs/report-screenshot.png to be refreshed
    /// (SOLIDWALL_UPDATE_DOCS=1): a test run leaves the tree clean otherwise.
    /// </summary>
    public static string? DocsToUpdate()
    {
        if (Environment.GetEnvironmentVariable("SOLIDWALL_UPDATE_DOCS") != "1")
        {
            return null;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SolidWall.slnx")))
        {
            root = root.Parent;
        }

        return root is null ? null : Path.Combine(root.FullName, "docs");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
