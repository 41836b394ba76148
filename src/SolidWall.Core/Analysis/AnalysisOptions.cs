using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>What a case is analysed with: the same policy, registry and directory the scan classified with, and the custodian list.</summary>
public sealed record AnalysisOptions
{
    public Policy Policy { get; init; } = Policy.Default;

    public Registry Registry { get; init; } = Registry.Empty;

    public InstitutionDirectory Directory { get; init; } = InstitutionDirectory.Empty;

    /// <summary>Mailboxes the export was asked for; one with no item is a missing mailbox. Empty when not known.</summary>
    public IReadOnlyList<string> Custodians { get; init; } = [];

    public string CaseName { get; init; } = "";

    /// <summary>
    /// Addresses or domains (a domain covers its subdomains) of elected officials' offices: mail between them and
    /// the institution's official channels is listed under coordination, beside mail with campaigns.
    /// </summary>
    public IReadOnlyList<string> OfficialOffices { get; init; } = [];

    /// <summary>
    /// The normalisation the case's fingerprints were computed with (<see cref="Fingerprinter.NormalisationVersion"/>):
    /// a case scanned by an earlier SolidWall has version 1, and its report says what that means for blasts and relays.
    /// </summary>
    public int FingerprintNormalisation { get; init; } = Fingerprinter.NormalisationVersion;

    /// <summary>
    /// How the case's verdicts read the registry (<see cref="Detector.RegistryReading"/>): a case scanned before a
    /// registry said whether it is complete read every registry as complete, and its report says so.
    /// </summary>
    public int RegistryReading { get; init; } = Detector.RegistryReading;

    /// <summary>The SHA-256 of the text model the case was scanned with when it is not the shipped one (`scan --model`); null for the shipped model.</summary>
    public string? ModelSha256 { get; init; }

    /// <summary>
    /// How many of the case's messages were stored before SolidWall recorded whether a message's content is encrypted
    /// (the case's setting <c>case.encryption_unrecorded</c>): the report's list of encrypted items cannot hold theirs.
    /// </summary>
    public int EncryptionUnrecorded { get; init; }

    /// <summary>How many of the case's messages were stored by a SolidWall that did not read attached files (the case setting case.attachments_unrecorded).</summary>
    public int AttachmentsUnrecorded { get; init; }

    /// <summary>When the report is made; now when null (tests pin it).</summary>
    public DateTimeOffset? GeneratedAt { get; init; }
}
