namespace SolidWall.Mime;

/// <summary>
/// Whether a message's content is encrypted, so that no reader sees its words without the recipient's key: S/MIME
/// (RFC 8551: application/pkcs7-mime whose smime-type is enveloped-data or authEnveloped-data, or an smime.p7m without
/// one), PGP/MIME (RFC 3156: multipart/encrypted), or Microsoft Purview Message Encryption (the message.rpmsg
/// attachment). A signed message is not encrypted and is read as any other.
/// </summary>
public static class EncryptedContent
{
    /// <summary>The kind of encryption, or null when the content can be read.</summary>
    public static string? Of(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.ContentType;
        if (type.MediaType == "multipart" && type.MediaSubtype == "encrypted")
        {
            return type.Parameters.TryGetValue("protocol", out var protocol) && protocol.Equals("application/pgp-encrypted", StringComparison.OrdinalIgnoreCase)
                ? "PGP/MIME" : "multipart/encrypted";
        }

        if (IsSmimeEnveloped(message))
        {
            return "S/MIME";
        }

        foreach (var leaf in message.Leaves(intoMessages: false))
        {
            if (leaf.ContentType.MimeType is "application/x-microsoft-rpmsg-message" or "application/x-microsoft-rpmsg-message-v2"
                || leaf.FileName is { } name && (name.Equals("message.rpmsg", StringComparison.OrdinalIgnoreCase) || name.Equals("message_v2.rpmsg", StringComparison.OrdinalIgnoreCase)))
            {
                return "Microsoft Purview Message Encryption";
            }
        }

        return null;
    }

    private static bool IsSmimeEnveloped(MimeEntity entity)
    {
        var type = entity.ContentType;
        if (type.MediaType != "application" || type.MediaSubtype is not ("pkcs7-mime" or "x-pkcs7-mime"))
        {
            return false;
        }

        return type.Parameters.TryGetValue("smime-type", out var smimeType)
            ? smimeType.Equals("enveloped-data", StringComparison.OrdinalIgnoreCase) || smimeType.Equals("authenveloped-data", StringComparison.OrdinalIgnoreCase)
            : entity.FileName is { } name && name.EndsWith(".p7m", StringComparison.OrdinalIgnoreCase);
    }
}
