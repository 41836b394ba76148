namespace SolidWall.Storage;

/// <summary>
/// A problem with a case database that the user caused or can fix (a file that is not a case database, one written
/// by a newer SolidWall, a search query that does not parse); the message names the file or the query and what is
/// wrong. Bugs still surface as ordinary exceptions.
/// </summary>
public sealed class CaseStoreException : Exception
{
    public CaseStoreException(string message)
        : base(message)
    {
    }

    public CaseStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CaseStoreException()
    {
    }
}
