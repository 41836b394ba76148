namespace SolidWall.Storage;

/// <summary>
/// How many of a case's messages were stored before the case read attached files (schema migration 4 counts them into the
/// setting <see cref="Key"/>): their attachments were not read, and the report's list of unread attachments lacks theirs.
/// </summary>
public static class CaseAttachments
{
    /// <summary>The setting's key.</summary>
    public const string Key = "case.attachments_unrecorded";

    /// <summary>The count; 0 for a case scanned entirely by a SolidWall that reads attachments.</summary>
    public static int Unrecorded(ICaseStore store) => CaseEncryption.Count(store, Key);
}
