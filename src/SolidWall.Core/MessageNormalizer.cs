using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core;

/// <summary>Builds the normalised <see cref="Message"/> from a parsed MIME tree and the raw message's provenance.</summary>
public static class MessageNormalizer
{
    public static Message Normalize(MimeMessage mime, RawMessage raw)
    {
        throw new NotImplementedException();
    }
}
