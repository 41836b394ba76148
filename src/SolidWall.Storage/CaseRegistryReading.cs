using SolidWall.Core.Detection;

namespace SolidWall.Storage;

/// <summary>
/// How a case's verdicts read the registry (<see cref="Detector.RegistryReading"/>), kept in the case's settings: a
/// registry that names a candidate and is not complete is read differently since reading 2, so one case's verdicts are
/// made with one reading, and its report says which.
/// </summary>
public static class CaseRegistryReading
{
    /// <summary>The setting's key.</summary>
    public const string Key = "case.registry_reading";

    /// <summary>The case's reading; 1 for a case that holds messages and no reading (scanned before it was kept), null for an empty case.</summary>
    public static int? Read(ICaseStore store) => CaseVersionSetting.Read(store, Key);

    /// <summary>Records this SolidWall's reading.</summary>
    public static void Record(ICaseStore store) => CaseVersionSetting.Record(store, Key, Detector.RegistryReading);
}
