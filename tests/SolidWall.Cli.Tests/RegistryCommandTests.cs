using SolidWall.Cli.Commands;
using SolidWall.Core.Detection;

namespace SolidWall.Cli.Tests;

public sealed class RegistryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-registry-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Suggest(RegistryCommand.Settings settings)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = RegistryCommand.Suggest(settings, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private string Mail => Directory.CreateDirectory(Path.Combine(_dir, "mail")).FullName;

    private void Write(string name, string from, string subject, string body) =>
        File.WriteAllText(Path.Combine(Mail, name), $"From: {from}\r\nTo: t1@lakeshore-schools.example\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");

    [Fact]
    public void An_archive_s_loud_campaign_mail_becomes_a_registry_to_review()
    {
        Write("1.eml", "Team Raman <team@raman4schools.example>", "Knock doors with us Saturday",
            "Priya Raman for Board of Education needs volunteers to knock doors this Saturday. Bring your students: they earn service hours!\r\n"
            + "Sign up: https://www.mobilize.us/raman/event/1/\r\nChip in $25: https://secure.actblue.com/donate/raman\r\n\r\nPaid for by Friends of Priya Raman");
        Write("2.eml", "Team Raman <team@raman4schools.example>", "Early voting starts Monday",
            "Vote for Priya Raman for Board of Education! Early voting starts Monday. Donate: https://secure.actblue.com/donate/raman\r\n\r\nPaid for by Friends of Priya Raman");
        Write("3.eml", "Office <office@lakeshore-schools.example>", "Rooms", "Room 204 is closed on Friday for testing.");
        var out_ = Path.Combine(_dir, "suggested.yaml");

        var (exit, stdout, stderr) = Suggest(new RegistryCommand.Settings([Mail], StaffDomains: ["lakeshore-schools.example"], Out: out_));
        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("3 message(s), 2 flagged", stderr, StringComparison.Ordinal);
        Assert.Contains("suggested 1 campaign(s)", stderr, StringComparison.Ordinal);
        var registry = Registry.Load(out_);
        var entry = Assert.Single(registry.Entries);
        Assert.Equal("Priya Raman", entry.Candidate);
        Assert.Equal(["raman4schools.example"], entry.Domains);
        Assert.False(registry.Complete);
        Assert.Contains("# Read 3 message(s) from", File.ReadAllText(out_), StringComparison.Ordinal);

        // Without --out the registry goes to standard output; with the investigator's own registry, what it lists is left out.
        var known = Path.Combine(_dir, "known.yaml");
        File.WriteAllText(known, "campaigns:\n  - id: raman\n    name: Friends of Priya Raman\n    candidate: Priya Raman\n");
        (exit, stdout, _) = Suggest(new RegistryCommand.Settings([Mail], Registry: known));
        Assert.Equal(0, exit);
        Assert.Empty(Registry.Parse(stdout, "stdout").Entries);
        Assert.Contains("# Already registered as 'raman'", stdout, StringComparison.Ordinal);
        Assert.Contains("#   domains: [\"raman4schools.example\"]", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, 2, "--min-score must be between 0 and 1")]
    [InlineData(0.9, 0, "--min-messages must be 1 or more")]
    public void Bad_thresholds_are_usage_errors(double minScore, int minMessages, string error)
    {
        var (exit, _, stderr) = Suggest(new RegistryCommand.Settings([_dir], MinScore: minScore, MinMessages: minMessages));
        Assert.Equal(2, exit);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_registry_is_refused_with_file_line_and_column()
    {
        var bad = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(bad, "complete: maybe\n");
        var (exit, _, stderr) = Suggest(new RegistryCommand.Settings([_dir], Registry: bad));
        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:1:11", stderr, StringComparison.Ordinal);
    }
}
