using System.Text.Json;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Storage;

/// <summary>
/// What a case was scanned with: the directory's domain rules and roster, the registry, the policy, the
/// custodian list and, when it is not the shipped one, the text model. Kept inside the case database (the files' contents, not just their paths), so that a report
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

    /// <summary>The text model the case was scanned with when it is not the shipped one (`scan --model`): where it was, and its SHA-256.</summary>
    public string? ModelPath { get; init; }

    public string? ModelSha256 { get; init; }

    /// <summary>The weights `train --out` fitted with that model (its FILE.policy.yaml), read under the case's policy.</summary>
    public string? ModelPolicyYaml { get; init; }

    /// <summary>Addresses or domains of elected officials' offices: their mail with the institution's official channels is listed as coordination.</summary>
    public IReadOnlyList<string> OfficialOffices { get; init; } = [];

    /// <summary>Mailboxes the export was asked for; a custodian with no item is a missing mailbox.</summary>
    public IReadOnlyList<string> Custodians { get; init; } = [];

    /// <summary>Reads the files named on the command line. IO errors surface as they are; the caller names the option.</summary>
    public static CaseSetup FromFiles(string name, IReadOnlyList<string> staffDomains, IReadOnlyList<string> studentDomains,
        string? roster, string? registry, string? policy, string? custodians, IReadOnlyList<string>? officialOffices = null, string? model = null) => new()
        {
            ModelPath = model is null ? null : Path.GetFullPath(model),
            ModelSha256 = model is null ? null : Sha256Of(model),
            ModelPolicyYaml = model is null ? null : ModelFile.ReadFittedPolicy(model),
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

    // A model file is read and checked when the case is set up, so that a file that is no model fails before the scan starts.
    private static string Sha256Of(string model)
    {
        _ = ModelFile.ReadFile(model, out var sha256);
        return sha256;
    }

    /// <summary>One address per line; blank lines and lines starting with # are ignored.</summary>
    public static IReadOnlyList<string> ReadCustodians(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when nothing was given: a resumed scan or a report then uses what the store holds.</summary>
    public bool IsEmpty => StaffDomains.Count == 0 && StudentDomains.Count == 0 && RosterCsv is null && RegistryYaml is null && PolicyYaml is null && Custodians.Count == 0 && OfficialOffices.Count == 0 && ModelSha256 is null;

    public Registry BuildRegistry() => RegistryYaml is null ? Registry.Empty : Registry.Parse(RegistryYaml, RegistryPath ?? "registry");

    public InstitutionDirectory BuildDirectory() =>
        new(StaffDomains, StudentDomains, RosterCsv is null ? null : InstitutionDirectory.ParseRoster(RosterCsv, RosterPath ?? "roster"));

    /// <summary>The case's policy: its file over the weights fitted with its model, if it has one of its own, over the shipped policy.</summary>
    public Policy BuildPolicy()
    {
        var baseline = ModelPolicyYaml is null ? Policy.Default : Policy.Parse(ModelPolicyYaml, ModelFile.FittedPolicyPath(ModelPath ?? "model"));
        return PolicyYaml is null ? baseline : Policy.Parse(PolicyYaml, PolicyPath ?? "policy", baseline);
    }

    /// <summary>
    /// The case's text model: the shipped one, or the file it was scanned with, which must still be the same bytes
    /// (its SHA-256): a resumed scan never classifies with a model the case's first verdicts did not come from.
    /// </summary>
    public TextModel? LoadModel()
    {
        if (ModelPath is null)
        {
            return TextModel.HasEmbedded ? TextModel.LoadEmbedded() : null;
        }

        var model = ModelFile.ReadFile(ModelPath, out var sha256);
        return sha256 == ModelSha256 ? model
            : throw new ConfigurationException($"{ModelPath}: not the model this case was scanned with (SHA-256 {ModelSha256}); scan with that file, or into a new --db");
    }

    public static CaseSetup? Load(ICaseStore store) =>
        store.GetSetting(Key) is { } json ? JsonSerializer.Deserialize<CaseSetup>(json) : null;

    public void Save(ICaseStore store) => store.SetSetting(Key, JsonSerializer.Serialize(this));

    /// <summary>Whether two setups classify alike (the name aside).</summary>
    public bool SameAs(CaseSetup other) =>
        StaffDomains.SequenceEqual(other.StaffDomains) && StudentDomains.SequenceEqual(other.StudentDomains) &&
        RosterCsv == other.RosterCsv && RegistryYaml == other.RegistryYaml && PolicyYaml == other.PolicyYaml &&
        Custodians.SequenceEqual(other.Custodians) && OfficialOffices.SequenceEqual(other.OfficialOffices) &&
        ModelSha256 == other.ModelSha256 && ModelPolicyYaml == other.ModelPolicyYaml;
}
