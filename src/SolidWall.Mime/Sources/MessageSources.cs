namespace SolidWall.Mime.Sources;

/// <summary>Chooses the source type for a path: a .pst file, an mbox, a single message, a Maildir, or a folder tree.</summary>
public static class MessageSources
{
    public static IMessageSource Open(string path, MimeLimits? limits = null)
    {
        throw new NotImplementedException();
    }
}
