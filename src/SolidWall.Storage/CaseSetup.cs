using System.Text.Json;
using SolidWall.Core.Detection;

namespace SolidWall.Storage;

/// <summary>
/// What a case was scanned with: the directory's domain rules and roster, the registry, the policy and the
/// custodian list. Kept inside the case database (the files' contents, not just their paths), so that a report
/// made later, elsewhere, counts with exactly what the scan classified with, and a resumed scan cannot quietly
/// switch registries halfway.
/// </summary>
public sealed record CaseSetup
{
    private const string Key = "case.setup";

    public string Name { get; init; } = "";

    public IReadOnlyList<string> StaffDomains { get; init; } = [];

    public IReadOnlyList<string> StudentDomains { get; init; } = [];

    public string? RosterPath { get; init; }

    public string? RosterCsv { get; init; }

    public string? RegistryPath { get; init; }

    public string? RegistryYaml { get; init; }

    public string? PolicyPath { get; init; }

    public string? PolicyYaml { get; init; }

    /// <summary>Addresses or domains of elected officials' offices: their mail with the institution's official channels is listed as coordination.</summary>
    public IReadOnlyList<string> OfficialOffices { get; init; } = [];

    /// <summary>Mailboxes the export was asked for; a custodian with no item is a missing mailbox.</summary>
    public IReadOnlyList<string> Custodians { get; init; } = [];

    /// <summary>Reads the files named on the command line. IO errors surface as they are; the caller names the option.</summary>
    public static CaseSetup FromFiles(string name, IReadOnlyList<string> staffDomains, IReadOnlyList<string> studentDomains,
        string? roster, string? registry, string? policy, string? custodians, IReadOnlyList<string>? officialOffices = null) => new()
        {
            OfficialOffices = (officialOffices ?? []).Select(o => o.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
            Name = name,
            StaffDomains = staffDomains.Select(d => d.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
            StudentDomains = studentDomains.Select(d => d.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
            RosterPath = roster is null ? null : Path.GetFullPath(roster),
            RosterCsv = roster is null ? null : File.ReadAllText(roster),
            RegistryPath = registry is null ? null : Path.GetFullPath(registry),
            RegistryYaml = registry is null ? null : File.ReadAllText(registry),
            PolicyPath = policy is null ? null : Path.GetFullPath(policy),
            PolicyYaml = policy is null ? null : File.ReadAllText(policy),
            Custodians = custodians is null ? [] : ReadCustodians(custodians),
        };

    /// <summary>One address per line; blank lines and lines starting with # are ignored.</summary>
    public static IReadOnlyList<string> ReadCustodians(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when nothing was given: a resumed scan or a report then uses what the store holds.</summary>
    public bool IsEmpty => StaffDomains.Count == 0 && StudentDomains.Count == 0 && RosterCsv is null && RegistryYaml is null && PolicyYaml is null && Custodians.Count == 0 && OfficialOffices.Count == 0;

    public Registry BuildRegistry() => RegistryYaml is null ? Registry.Empty : Registry.Parse(RegistryYaml, RegistryPath ?? "registry");

    public InstitutionDirectory BuildDirectory() =>
        new(StaffDomains, StudentDomains, RosterCsv is null ? null : InstitutionDirectory.ParseRoster(RosterCsv, RosterPath ?? "roster"));

    public Policy BuildPolicy() => PolicyYaml is null ? Policy.Default : Policy.Parse(PolicyYaml, PolicyPath ?? "policy");

    public static CaseSetup? Load(ICaseStore store) =>
        store.GetSetting(Key) is { } json ? JsonSerializer.Deserialize<CaseSetup>(json) : null;

    public void Save(ICaseStore store) => store.SetSetting(Key, JsonSerializer.Serialize(this));

    /// <summary>Whether two setups classify alike (the name aside).</summary>
    public bool SameAs(CaseSetup other) =>
        StaffDomains.SequenceEqual(other.StaffDomains) && StudentDomains.SequenceEqual(other.StudentDomains) &&
        RosterCsv == other.RosterCsv && RegistryYaml == other.RegistryYaml && PolicyYaml == other.PolicyYaml &&
        Custodians.SequenceEqual(other.Custodians) && OfficialOffices.SequenceEqual(other.OfficialOffices);
}
