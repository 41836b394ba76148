using System.CommandLine;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Cli.Commands;

/// <summary>
/// The options every command that classifies mail takes, defined once (<c>--registry</c>, <c>--directory</c>,
/// <c>--staff-domain</c>, <c>--student-domain</c>, <c>--policy</c>), and the detector they build.
/// </summary>
internal sealed class DetectorOptions(string registryDescription = DetectorOptions.RegistryDescription, string staffDescription = DetectorOptions.StaffDescription)
{
    public const string RegistryDescription = "Registry YAML: campaigns and committees, their domains, addresses and attestations";

    public const string StaffDescription = "A domain whose addresses are staff (repeatable; covers subdomains)";

    public Option<string?> Registry { get; } = new("--registry") { Description = registryDescription };

    public Option<string?> Directory { get; } = new("--directory") { Description = "Roster CSV: address,role,school (role: staff, principal, student, office, external)" };

    public Option<string[]> StaffDomains { get; } = new("--staff-domain") { Description = staffDescription };

    public Option<string[]> StudentDomains { get; } = new("--student-domain") { Description = "A domain whose addresses are students (repeatable; covers subdomains)" };

    public Option<string?> Policy { get; } = new("--policy") { Description = "Policy YAML overriding the shipped defaults key by key" };

    public IEnumerable<Option> All => [Registry, Directory, StaffDomains, StudentDomains, Policy];

    /// <summary>
    /// <c>--model FILE</c>: a text model <c>solidwall train --out FILE</c> wrote, read with the weights fitted beside it
    /// (FILE.policy.yaml). Not among <see cref="All"/>: `scan` keeps it in the case (its SHA-256 and fitted weights) and reads it from there.
    /// </summary>
    public Option<string?> Model { get; } = new("--model") { Description = "A text model `solidwall train --out FILE` wrote, read with the weights fitted beside it (FILE.policy.yaml) instead of the shipped ones; --policy still overrides them" };

    /// <summary>
    /// The detector the files name, with the embedded model unless <paramref name="model"/> is given; a bad file throws
    /// <see cref="ConfigurationException"/> (file, line, column), a missing or unreadable one <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static (Detector Detector, Registry Registry, InstitutionDirectory Directory) Load(
        string? registry, string? directory, IReadOnlyList<string>? staffDomains, IReadOnlyList<string>? studentDomains, string? policy, ITextModel? model,
        string? modelFile = null)
    {
        var known = registry is null ? Core.Detection.Registry.Empty : Core.Detection.Registry.Load(registry);
        var institution = InstitutionDirectory.Load(staffDomains ?? [], studentDomains ?? [], directory);
        var baseline = Core.Detection.Policy.Default;
        if (modelFile is not null)
        {
            (model, baseline) = ReadModel(modelFile);
        }

        var detector = new Detector(Core.Detection.Policy.Load(policy, baseline), known, institution, model ?? (TextModel.HasEmbedded ? TextModel.LoadEmbedded() : null));
        return (detector, known, institution);
    }

    /// <summary>A model `train --out` wrote and the policy fitted with it (its FILE.policy.yaml over the shipped policy).</summary>
    private static (TextModel Model, Policy Fitted) ReadModel(string file)
    {
        var model = ModelFile.ReadFile(file, out _);
        return (model, Core.Detection.Policy.Parse(ModelFile.ReadFittedPolicy(file), ModelFile.FittedPolicyPath(file)));
    }
}
