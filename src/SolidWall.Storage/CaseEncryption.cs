using System.Globalization;

namespace SolidWall.Storage;

/// <summary>
/// How many of a case's messages were stored before the case recorded whether a message's content is encrypted (schema
/// migration 3 counts them into the setting <see cref="Key"/>): the report's list of encrypted items lacks theirs.
/// </summary>
public static class CaseEncryption
{
    /// <summary>The setting's key.</summary>
    public const string Key = "case.encryption_unrecorded";

    /// <summary>The count; 0 for a case scanned entirely by a SolidWall that records it.</summary>
    public static int Unrecorded(ICaseStore store) => Count(store, Key);

    /// <summary>A setting that counts messages (this one, <see cref="CaseAttachments.Key"/>); 0 when it is not set.</summary>
    internal static int Count(ICaseStore store, string key)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.GetSetting(key) is not { } value)
        {
            return 0;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
            : throw new CaseStoreException($"the case's setting {key} is '{value}', not a count of messages; the database is damaged");
    }
}
