using System.Globalization;
using SolidWall.Cli.Commands;
using SolidWall.Core.Report;
using SolidWall.Core.Tests.Report;

namespace SolidWall.Cli.Tests;

/// <summary>
/// The README's first command on the full default archive, run once for the class: every figure must equal the
/// generator's ground truth, and the report it writes must open in a browser.
/// </summary>
public sealed class DemoCommandTests(DemoRun demo) : IClassFixture<DemoRun>
{
    [Fact]
    public void The_demo_reports_every_figure_of_the_ground_truth_exactly()
    {
        Assert.True(demo.Exit != ExitCodes.Usage, demo.Output);
        // The truth the generator wrote and the report's figures, read back by one reader.
        var truth = FiguresJson.Read(Path.Combine(demo.Directory, "ground-truth.json"));
        var found = FiguresJson.Read(Path.Combine(demo.Report, "figures.json"));
        // Every figure, the electioneering total included, must equal the truth.
        var differences = DemoCommand.Compare(found, truth);
        Assert.True(differences.Count == 0, string.Join("\n", differences) + "\n" + demo.Output);
        Assert.Equal(truth.Electioneering, found.Electioneering);
        foreach (var file in new[] { "index.html", "figures.json", "manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(demo.Report, file)), file);
        }

        // Beyond figures.json: the communications office's threads with the mayor's office and with the campaign are listed for the investigator.
        var coordination = File.ReadAllText(Path.Combine(demo.Report, "coordination.csv"));
        Assert.Contains("Joint announcement: youth summer jobs", coordination, StringComparison.Ordinal);
        Assert.Contains("Newsletter item: student externship with the Ortiz campaign", coordination, StringComparison.Ordinal);
        Assert.Empty(ManifestVerifier.Verify(demo.Report));
    }

    /// <summary>
    /// `registry suggest` on the demo archive finds both campaigns, the one the demo's registry lists and the one it does
    /// not, and the archive read with the suggestion flags exactly what it flags read with the demo's own registry.
    /// </summary>
    [Fact]
    public void The_registry_suggested_from_the_demo_archive_names_both_campaigns_and_flags_nothing_more()
    {
        Assert.True(demo.Exit != ExitCodes.Usage, demo.Output);
        var archive = Path.Combine(demo.Directory, "archive");
        var roster = Path.Combine(demo.Directory, "directory.csv");
        var suggested = Path.Combine(demo.Directory, "suggested-registry.yaml");
        var errors = new StringWriter();
        Assert.Equal(ExitCodes.Findings, RegistryCommand.Suggest(new RegistryCommand.Settings([archive], Directory: roster, Out: suggested), TextWriter.Null, errors)); // 2 loose files are not mail
        var registry = SolidWall.Core.Detection.Registry.Load(suggested);
        Assert.Equal(["Dana Ortiz", "Priya Raman"], registry.Entries.Select(e => e.Candidate).Order(StringComparer.Ordinal));
        Assert.False(registry.Complete);

        HashSet<string> Flagged(string registryFile)
        {
            var output = new StringWriter();
            ClassifyCommand.Run(new ClassifyCommand.Settings([archive], Json: true, Registry: registryFile, Directory: roster), output, TextWriter.Null);
            return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
                .Where(v => v.GetProperty("verdict").GetString() == "electioneering")
                .Select(v => v.GetProperty("source").GetString() + "@" + v.GetProperty("offset").GetInt64())];
        }

        var withOwn = Flagged(Path.Combine(demo.Directory, "registry.yaml"));
        var withSuggested = Flagged(suggested);
        Assert.True(withOwn.Count > 600, $"{withOwn.Count} flagged with the demo's registry");
        Assert.True(withSuggested.SetEquals(withOwn), $"with the suggestion only: {string.Join(", ", withSuggested.Except(withOwn).Take(5))}; with the demo's only: {string.Join(", ", withOwn.Except(withSuggested).Take(5))}");
    }

    /// <summary>
    /// The demo's report in chromium: no error, no network, each campaign's headline sentence with the truth's
    /// figures. With SOLIDWALL_UPDATE_DOCS=1 a screenshot of its top replaces docs/report-screenshot.png.
    /// </summary>
    [Fact]
    public async Task The_demo_report_opens_in_chromium_and_states_the_truths_figures()
    {
        Assert.SkipUnless(ReportBrowser.Installed, ReportBrowser.NotInstalled);
        Assert.True(demo.Exit != ExitCodes.Usage, demo.Output);
        var truth = FiguresJson.Read(Path.Combine(demo.Directory, "ground-truth.json"));

        await using var browser = await ReportBrowser.OpenAsync(Path.Combine(demo.Report, "index.html"), width: 1280, height: 900);
        var text = await browser.TextAsync();
        Assert.Empty(browser.Problems);
        foreach (var campaign in truth.Campaigns)
        {
            var sentence = string.Create(CultureInfo.InvariantCulture, $"{campaign.Name} sent {campaign.EmailsDelivered:N0} emails to {campaign.StaffReached:N0} district staff");
            Assert.Contains(sentence, text, StringComparison.Ordinal);
        }

        Assert.True(await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = "Campaign mail per day" }).IsVisibleAsync());
        Assert.True(await browser.Page.Locator("#timeline svg rect").CountAsync() > 0, "timeline bars drawn");
        // The top of the page, the findings and the timeline: the whole page is tens of thousands of pixels tall.
        var timeline = await browser.Page.Locator("#timeline").BoundingBoxAsync();
        Assert.NotNull(timeline);
        var png = await browser.Page.ScreenshotAsync(new() { FullPage = true, Clip = new() { X = 0, Y = 0, Width = 1280, Height = timeline.Y + timeline.Height + 24 } });
        Assert.True(png.Length > 50_000, $"a screenshot of the findings and the timeline ({png.Length} bytes)");
        if (ReportBrowser.DocsToUpdate() is { } docs)
        {
            await File.WriteAllBytesAsync(Path.Combine(docs, "report-screenshot.png"), png, TestContext.Current.CancellationToken);
        }
    }
}
