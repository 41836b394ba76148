using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Report;

public sealed class ManifestTests
{
    [Fact]
    public void A_fresh_report_verifies()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);

        Assert.Empty(ManifestVerifier.Verify(dir.Path));
    }

    [Fact]
    public void The_manifest_lists_every_file_and_every_evidence_item()
    {
        using var dir = new ReportDirectory();
        var report = ReportFixture.Realistic();
        ReportWriter.Write(report, dir.Path);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(dir.File("manifest.json")));
        var root = manifest.RootElement;

        var listed = root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);
        var written = Directory.GetFiles(dir.Path).Select(Path.GetFileName).Where(n => n != "manifest.json").Order(StringComparer.Ordinal);
        Assert.Equal(written, listed);

        var evidence = root.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(report.Evidence.Count, evidence.Count);
        Assert.Equal(["source", "offset", "sha256", "messageId", "role", "campaign"], evidence[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(report.Evidence[7].Offset, evidence[7].GetProperty("offset").GetInt64());
        Assert.Equal(report.Evidence[7].Sha256, evidence[7].GetProperty("sha256").GetString());
    }

    [Fact]
    public void Plain_files_hash_as_sha256sum_would()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(dir.File("manifest.json")));

        var figures = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "figures.json");
        Assert.Equal(Sha256(File.ReadAllBytes(dir.File("figures.json"))), figures.GetProperty("sha256").GetString());
        Assert.Equal(new FileInfo(dir.File("figures.json")).Length, figures.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public void The_documented_hand_check_reproduces_both_self_referencing_hashes()
    {
        using var dir = new ReportDirectory();
        var manifestSha256 = ReportWriter.Write(ReportFixture.Realistic(), dir.Path);

        // docs/FORMATS.md: sed -E 's/("manifestSha256": ")[0-9a-f]{64}/\1/' manifest.json | sha256sum
        var manifestText = File.ReadAllText(dir.File("manifest.json"));
        var blankedManifest = Regex.Replace(manifestText, "(\"manifestSha256\": \")[0-9a-f]{64}", "$1");
        Assert.Equal(manifestSha256, Sha256(Encoding.UTF8.GetBytes(blankedManifest)));

        // sed -E 's/(<code id="manifest-sha256">)[0-9a-f]{64}/\1/' index.html | sha256sum
        var page = File.ReadAllText(dir.File("index.html"));
        var blankedPage = Regex.Replace(page, "(<code id=\"manifest-sha256\">)[0-9a-f]{64}", "$1");
        using var manifest = JsonDocument.Parse(manifestText);
        var pageEntry = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "index.html");
        Assert.Equal(Sha256(Encoding.UTF8.GetBytes(blankedPage)), pageEntry.GetProperty("sha256").GetString());
        Assert.Equal(manifestSha256, manifest.RootElement.GetProperty("manifestSha256").GetString());
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("figures.json")]
    [InlineData("campaigns.csv")]
    [InlineData("evidence.csv")]
    [InlineData("skipped.csv")]
    [InlineData("missing-mailboxes.csv")]
    public void Changing_one_byte_of_any_file_is_detected(string name)
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        var bytes = File.ReadAllBytes(dir.File(name));
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(dir.File(name), bytes);

        var problem = Assert.Single(ManifestVerifier.Verify(dir.Path));
        Assert.StartsWith(name + ": SHA-256 is ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_an_evidence_offset_in_the_manifest_is_detected()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        var text = File.ReadAllText(dir.File("manifest.json"));
        File.WriteAllText(dir.File("manifest.json"), text.Replace("\"offset\": 1024,", "\"offset\": 1025,", StringComparison.Ordinal));

        var problem = Assert.Single(ManifestVerifier.Verify(dir.Path));
        Assert.Contains("manifest.json: manifestSha256 is", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_rehashed_after_tampering_no_longer_matches_the_page()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);

        // Someone edits a file hash in the manifest and recomputes manifestSha256 by the documented rule.
        var text = File.ReadAllText(dir.File("manifest.json"));
        text = Regex.Replace(text, "(\"manifestSha256\": \")[0-9a-f]{64}", "$1");
        var figures = Sha256(File.ReadAllBytes(dir.File("figures.json")));
        text = text.Replace(figures, new string('0', 64), StringComparison.Ordinal);
        var rehash = Sha256(Encoding.UTF8.GetBytes(text));
        File.WriteAllText(dir.File("manifest.json"), text.Replace("\"manifestSha256\": \"", "\"manifestSha256\": \"" + rehash, StringComparison.Ordinal));

        var problems = ManifestVerifier.Verify(dir.Path);

        Assert.Contains(problems, p => p.StartsWith("index.html: names manifest SHA-256", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("figures.json: SHA-256 is", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_and_added_files_are_detected()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        File.Delete(dir.File("blasts.csv"));
        File.WriteAllText(dir.File("extra.csv"), "a\r\n");

        var problems = ManifestVerifier.Verify(dir.Path);

        Assert.Equal(2, problems.Count);
        Assert.Contains("blasts.csv: listed in manifest.json but missing", problems);
        Assert.Contains(problems, p => p.StartsWith("extra.csv: not listed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_or_broken_manifest_is_reported()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        File.WriteAllText(dir.File("manifest.json"), "{ \"files\": [");

        var problems = ManifestVerifier.Verify(dir.Path);
        Assert.Contains(problems, p => p.StartsWith("manifest.json: not valid JSON at line 1", StringComparison.Ordinal));

        File.Delete(dir.File("manifest.json"));
        Assert.EndsWith("manifest.json: missing", Assert.Single(ManifestVerifier.Verify(dir.Path)), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_twice_replaces_the_files_and_leaves_no_temporary_files()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        ReportWriter.Write(ReportFixture.Empty(), dir.Path);

        Assert.Empty(ManifestVerifier.Verify(dir.Path));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Empty(FiguresJson.Read(dir.File("figures.json")).Campaigns);
    }

    [Fact]
    public void An_empty_case_writes_a_valid_report()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Empty(), dir.Path);

        Assert.Empty(ManifestVerifier.Verify(dir.Path));
        var figures = FiguresJson.Read(dir.File("figures.json"));
        Assert.Equal(120, figures.Messages);
        Assert.Empty(figures.Campaigns);
        var html = File.ReadAllText(dir.File("index.html"));
        Assert.Contains("No campaign mail was found", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Equal("campaign,basis,candidate,office,senders,domains,staff_reached,emails_delivered,blasts,blast_copies,relayers,students_reached,principals,teachers_reached,signups,first,last\r\n",
            File.ReadAllText(dir.File("campaigns.csv")));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(dir.File("manifest.json")));
        Assert.Equal(0, manifest.RootElement.GetProperty("evidenceCount").GetInt32());
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
