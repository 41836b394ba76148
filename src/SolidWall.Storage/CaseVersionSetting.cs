using System.Globalization;

namespace SolidWall.Storage;

/// <summary>
/// A version a case keeps in its settings of how its rows were made (<see cref="CaseFingerprints"/>,
/// <see cref="CaseRegistryReading"/>): one case's rows are made one way, and its report says which.
/// </summary>
internal static class CaseVersionSetting
{
    /// <summary>The case's version under <paramref name="key"/>; 1 for a case that holds messages and none (scanned before it was kept), null for an empty case.</summary>
    public static int? Read(ICaseStore store, string key)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.GetSetting(key) is { } value)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
                : throw new CaseStoreException($"the case's setting {key} is '{value}', not a version number; the database is damaged");
        }

        return store.MessageCount() > 0 ? 1 : null;
    }

    public static void Record(ICaseStore store, string key, int version)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.SetSetting(key, version.ToString(CultureInfo.InvariantCulture));
    }
}
