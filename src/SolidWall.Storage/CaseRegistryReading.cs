using System.Globalization;
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
    public static int? Read(ICaseStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.GetSetting(Key) is { } value)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var reading) ? reading
                : throw new CaseStoreException($"the case's setting {Key} is '{value}', not a version number; the database is damaged");
        }

        return store.MessageCount() > 0 ? 1 : null;
    }

    /// <summary>Records this SolidWall's reading.</summary>
    public static void Record(ICaseStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.SetSetting(Key, Detector.RegistryReading.ToString(CultureInfo.InvariantCulture));
    }
}
