using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SolidWall.Core.Demo;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Demo;

public sealed class DistrictArchiveGeneratorTests : IDisposable
{
    private static readonly DemoOptions Small = new() { TeachersPerSchool = 6, StudentsPerSchool = 30, Weeks = 3 };
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sw-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Same_seed_writes_the_same_bytes()
    {
        new DistrictArchiveGenerator(Small).Generate(Path.Combine(_dir, "a"));
        new DistrictArchiveGenerator(Small).Generate(Path.Combine(_dir, "b"));
        Assert.Equal(HashTree(Path.Combine(_dir, "a")), HashTree(Path.Combine(_dir, "b")));
    }

    [Theory]
    [InlineData("de-DE")] // "Januar", "Di., 3. Jan."
    [InlineData("sv-SE")] // a minus sign that is not '-'
    [InlineData("ar-SA")] // another calendar, other digits
    public void Same_seed_writes_the_same_bytes_whatever_the_machines_culture(string culture)
    {
        new DistrictArchiveGenerator(Small).Generate(Path.Combine(_dir, "invariant"));
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            new DistrictArchiveGenerator(Small).Generate(Path.Combine(_dir, culture));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(HashTree(Path.Combine(_dir, "invariant")), HashTree(Path.Combine(_dir, culture)));
    }

    [Fact]
    public void Ground_truth_counts_match_the_files_written()
    {
        var truth = new DistrictArchiveGenerator(Small).Generate(_dir);
        var archive = Path.Combine(_dir, "archive");
        // Counted independently of SolidWall's reader: envelope lines in the mboxes plus files in the Maildir.
        var mboxMessages = System.IO.Directory.GetFiles(Path.Combine(archive, "vault"), "*.mbox")
            .Sum(f => File.ReadLines(f).Count(l => l.StartsWith("From ", StringComparison.Ordinal)));
        var maildirMessages = System.IO.Directory.GetFiles(Path.Combine(archive, "maildir"), "*", SearchOption.AllDirectories).Length;
        Assert.Equal(truth.Figures.Messages, mboxMessages + maildirMessages);
        Assert.Equal(truth.Mailboxes, System.IO.Directory.GetFiles(Path.Combine(archive, "vault")).Length + 1);
        var items = File.ReadAllLines(Path.Combine(_dir, "ground-truth-items.csv")).Skip(1).ToList();
        Assert.Equal(truth.Figures.Messages, items.Count);
        Assert.Equal(truth.Figures.Electioneering, items.Count(l => l.Contains(",electioneering,", StringComparison.Ordinal)));
        Assert.Equal(4, truth.MissingMailboxes.Count);
        Assert.DoesNotContain(truth.MissingMailboxes, m => File.Exists(Path.Combine(archive, "vault", m + ".mbox")));
        Assert.Equal(truth.MissingMailboxes, File.ReadAllLines(Path.Combine(_dir, "ground-truth-missing-mailboxes.txt")).Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public void Ground_truth_json_reads_back_with_the_reader_of_figures_json()
    {
        var truth = new DistrictArchiveGenerator(Small).Generate(_dir);
        var read = FiguresJson.Read(Path.Combine(_dir, "ground-truth.json"));
        Assert.Equal(FiguresJson.Serialize(truth.Figures), FiguresJson.Serialize(read));
        Assert.Equal(2, read.Campaigns.Count);
        Assert.NotEmpty(read.Campaigns[0].Blasts);
    }

    [Fact]
    public void Campaigns_have_blasts_relays_principals_and_signups()
    {
        var truth = new DistrictArchiveGenerator(Small).Generate(_dir);
        var ortiz = truth.Figures.Campaigns.Single(c => c.Name.Contains("Ortiz", StringComparison.Ordinal));
        Assert.Equal(["ortiz-externship", "ortiz-webmail", "ortiz-reminder", "ortiz-fundraising"], ortiz.Blasts.Select(b => b.Id));
        Assert.Equal(3, ortiz.Blasts[0].Variants);
        Assert.All(ortiz.Blasts, b => Assert.True(b.Copies >= b.Recipients && b.First <= b.Last));
        Assert.NotEmpty(ortiz.Relayers);
        Assert.Contains(ortiz.Relayers, r => r.Kind == "copy");
        Assert.Contains(ortiz.Relayers, r => r.Kind == "forward");
        Assert.NotEmpty(ortiz.Principals);
        Assert.NotEmpty(ortiz.Signups);
        Assert.All(ortiz.Signups, s => Assert.EndsWith("@students.lakeshore-schools.example", s, StringComparison.Ordinal));
        Assert.True(ortiz.EmailsDelivered >= ortiz.StaffReached);
        Assert.Single(truth.Figures.Campaigns.Single(c => c.Name.Contains("Raman", StringComparison.Ordinal)).Blasts);
    }

    [Fact]
    public void Bcc_shows_only_in_the_senders_own_copy()
    {
        new DistrictArchiveGenerator(Small).Generate(_dir);
        var vault = Path.Combine(_dir, "archive", "vault");
        var withBcc = System.IO.Directory.GetFiles(vault).SelectMany(f => File.ReadAllText(f).Split("\r\nFrom ").Select(m => (File: f, Text: m)))
            .Where(m => m.Text.Contains("\r\nBcc: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withBcc);
        Assert.All(withBcc, m => Assert.Contains("X-Gmail-Labels: Sent\r\n", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_mailboxes_are_custodians_and_no_relayer_is_missing()
    {
        var truth = new DistrictArchiveGenerator(Small).Generate(_dir);
        var custodians = File.ReadAllLines(Path.Combine(_dir, "custodians.txt")).Where(l => !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        Assert.All(truth.MissingMailboxes, m => Assert.Contains(m, custodians));
        Assert.DoesNotContain(truth.Figures.Campaigns.SelectMany(c => c.Relayers), r => truth.MissingMailboxes.Contains(r.Address));
        var roster = File.ReadAllLines(Path.Combine(_dir, "directory.csv"));
        Assert.Equal("address,role,school", roster[0]);
        Assert.Contains(roster, l => l.EndsWith(",principal,Carver High", StringComparison.Ordinal));
        Assert.Contains(roster, l => l.StartsWith("communications@", StringComparison.Ordinal) && l.Contains(",office,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_registry_loads_and_its_attestation_hash_matches_the_document()
    {
        new DistrictArchiveGenerator(Small).Generate(_dir);
        var registry = SolidWall.Core.Detection.Registry.Load(Path.Combine(_dir, "registry.yaml"));
        var attestation = Assert.Single(Assert.Single(registry.Entries).Attestations);
        var document = File.ReadAllBytes(Path.Combine(_dir, attestation.Document!));
        Assert.Equal(attestation.Sha256, Convert.ToHexStringLower(SHA256.HashData(document)));
    }

    [Fact]
    public void Only_fictional_reserved_domains_are_used()
    {
        new DistrictArchiveGenerator(Small).Generate(_dir);
        var text = string.Concat(System.IO.Directory.GetFiles(Path.Combine(_dir, "archive", "vault")).Take(50).Select(File.ReadAllText));
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"@([a-z0-9.-]+\.[a-z]+)"))
        {
            Assert.EndsWith(".example", m.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    private static string HashTree(string root)
    {
        var sb = new StringBuilder();
        foreach (var f in System.IO.Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sb.Append(Path.GetRelativePath(root, f)).Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))).Append('\n');
        }
        return sb.ToString();
    }
}
