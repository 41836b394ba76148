namespace SolidWall.Mime;

/// <summary>
/// Parses one message from its bytes into a tree of entities. A state machine over the byte buffer: it
/// allocates no string per line, slices bodies instead of copying them, and is lenient the way mail clients
/// are, recording each repair as a defect.
/// </summary>
public static class MimeParser
{
    public static MimeMessage Parse(ReadOnlyMemory<byte> message, MimeLimits? limits = null)
    {
        throw new NotImplementedException();
    }
}
