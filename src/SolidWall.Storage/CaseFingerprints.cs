using SolidWall.Core.Analysis;

namespace SolidWall.Storage;

/// <summary>
/// Which normalisation a case's fingerprints were computed with (<see cref="Fingerprinter.NormalisationVersion"/>), kept
/// in the case's settings: blasts and relays are found by comparing fingerprints, which only those of one normalisation
/// can be, so a case is scanned with one, and its report says which.
/// </summary>
public static class CaseFingerprints
{
    /// <summary>The setting's key.</summary>
    public const string Key = "case.fingerprints";

    /// <summary>The case's version; 1 for a case that holds messages and no version (scanned before it was kept), null for an empty case.</summary>
    public static int? Read(ICaseStore store) => CaseVersionSetting.Read(store, Key);

    /// <summary>Records this SolidWall's version.</summary>
    public static void Record(ICaseStore store) => CaseVersionSetting.Record(store, Key, Fingerprinter.NormalisationVersion);
}
