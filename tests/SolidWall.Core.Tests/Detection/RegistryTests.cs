using SolidWall.Core.Detection;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection;

public sealed class RegistryTests
{
    [Fact]
    public void Reads_campaigns_committees_dates_and_attestations()
    {
        var registry = Registry.Parse(
            """
            campaigns:
              - id: ortiz
                name: Friends of Dana Ortiz
                candidate: Dana Ortiz
                office: Mayor
                elections: [2027-02-28, 2027-04-04]
                domains: [reelect-dana-ortiz.example]
                addresses: [Dana@Campaign-Mail.EXAMPLE]
                attestations:
                  - by: reviewer@lakeshore.example
                    at: 2026-01-05T10:00:00Z
                    document: d-1.pdf
                    sha256: 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08
            committees:
              - name: Better Schools PAC
                domains: bettersc.example
            """, "r.yaml");
        Assert.Equal(2, registry.Entries.Count);
        var ortiz = registry.Entries[0];
        Assert.Equal(RegistryKind.Campaign, ortiz.Kind);
        Assert.Equal([new DateOnly(2027, 2, 28), new DateOnly(2027, 4, 4)], ortiz.Elections);
        Assert.Equal("Dana@campaign-mail.example", ortiz.Addresses[0]);
        Assert.Equal("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ortiz.Attestations[0].Sha256);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), ortiz.Attestations[0].At);
        Assert.Equal("better-schools-pac", registry.Entries[1].Id);
        Assert.Equal("ortiz", registry.FindSender(new MailboxAddress(null, "x", "news.reelect-dana-ortiz.example"))!.Value.Entry.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("campaigns:\ncommittees: []\n")]
    public void An_empty_registry_is_fine(string yaml) => Assert.Empty(Registry.Parse(yaml, "r.yaml").Entries);

    [Theory]
    [InlineData("campaigns: []\n", false)]
    [InlineData("complete: false\ncampaigns: []\n", false)]
    [InlineData("complete: true\ncampaigns: []\n", true)]
    [InlineData("campaigns: []\ncomplete: True\n", true)]
    public void A_registry_is_complete_only_when_it_says_so(string yaml, bool complete) => Assert.Equal(complete, Registry.Parse(yaml, "r.yaml").Complete);

    [Theory]
    [InlineData("campaign:\n  - name: x\n", 1, 1, "unknown key 'campaign' in the registry; known keys: complete, campaigns, committees")]
    [InlineData("complete: yes\ncampaigns: []\n", 1, 11, "complete must be true or false, found 'yes'")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    ofice: Mayor\n", 4, 5, "unknown key 'ofice' in an entry of campaigns; known keys: id, name, candidate, candidate_names, office, aliases, elections, domains, addresses, attestations")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    elections: [2027-02-30]\n", 4, 17, "election date '2027-02-30' is not a date; write it as yyyy-MM-dd, e.g. 2027-02-23")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    elections: 2027-02-28\n", 4, 16, "elections must be a list, found '2027-02-28'")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    attestations:\n      - by: r\n        at: 2026-01-05\n        sha256: abc123\n", 7, 17, "sha256 must be 64 hex digits, found 6 characters")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    attestations:\n      - by: r\n        at: yesterday\n", 6, 13, "at 'yesterday' is not a date and time; write it as yyyy-MM-ddTHH:mm:ssZ, e.g. 2026-01-05T10:00:00Z")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    domains: [info@x.example]\n", 4, 15, "'info@x.example' is not a domain name; write e.g. doeformayor.com (addresses go under addresses)")]
    [InlineData("campaigns:\n  - name: X\n    candidate: Y\n    addresses: [nobody]\n", 4, 17, "'nobody' is not an email address; write e.g. info@doeformayor.com")]
    [InlineData("campaigns:\n  - name: X\n", 2, 5, "campaign 'X' needs a candidate (committees without one go under committees)")]
    [InlineData("committees:\n  - id: a\n    name: A\n  - id: a\n    name: B\n", 4, 5, "id 'a' is used twice; every campaign and committee needs its own id")]
    [InlineData("campaigns: [\n", 2, 1, "not valid YAML")]
    [InlineData("- a\n- b\n", 1, 1, "the registry must be a mapping (key: value lines), found a list")]
    public void A_bad_registry_is_refused_with_file_line_column_and_problem(string yaml, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => Registry.Parse(yaml, "registry.yaml"));
        Assert.Equal("registry.yaml", error.File);
        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"registry.yaml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_names_are_found_as_whole_words_the_longest_first_wherever_they_stand()
    {
        var registry = Registry.Load(Path.Combine(Model.TestPaths.District(), "registry.yaml"));
        var names = registry.Entries.SelectMany(e => e.Names).Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length >= 4).Distinct().ToArray();
        Assert.Contains("friends of dana ortiz", names);

        // Texts of names, their pieces, words glued to them and filler, in every script the registry writes names in.
        var pieces = names.Concat(names.Select(n => n[..(n.Length / 2)])).Concat(["x", "o", "de", "for", " ", "  ", ", ", "-", "é", "ñ", "\n", "的", "و", "в", "2027", "ortizz", "dana's"]).ToArray();
        var random = new Random(20271128);
        for (var round = 0; round < 3000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = Reference(text, names);
            var found = registry.AllNames(text).Select(h => (h.Index, h.Length)).ToArray();
            Assert.True(expected.SequenceEqual(found), $"'{text}': expected {string.Join(" ", expected)}, found {string.Join(" ", found)}");
        }
    }

    // Every place a name stands as whole words, the longest that starts there, scanning on after each.
    private static List<(int Index, int Length)> Reference(string lower, string[] names)
    {
        var found = new List<(int, int)>();
        for (var at = 0; at < lower.Length; at++)
        {
            if (at > 0 && char.IsLetterOrDigit(lower[at - 1]))
            {
                continue;
            }

            var best = names.Where(n => string.CompareOrdinal(lower, at, n, 0, n.Length) == 0 && (at + n.Length == lower.Length || !char.IsLetterOrDigit(lower[at + n.Length])))
                .OrderByDescending(n => n.Length).FirstOrDefault();
            if (best is not null)
            {
                found.Add((at, best.Length));
                at += best.Length - 1;
            }
        }

        return found;
    }
}
