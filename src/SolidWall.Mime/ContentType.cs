namespace SolidWall.Mime;

/// <summary>A parsed Content-Type field (RFC 2045 section 5): media type, subtype and parameters.</summary>
public sealed class ContentType
{
    public ContentType(string mediaType, string mediaSubtype, IReadOnlyDictionary<string, string>? parameters = null)
    {
        MediaType = mediaType.ToLowerInvariant();
        MediaSubtype = mediaSubtype.ToLowerInvariant();
        Parameters = parameters ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>text/plain; charset=us-ascii, what RFC 2045 says a part without Content-Type is.</summary>
    public static ContentType TextPlainDefault { get; } = new("text", "plain");

    /// <summary>message/rfc822, the default inside multipart/digest (RFC 2046 section 5.1.5).</summary>
    public static ContentType MessageRfc822 { get; } = new("message", "rfc822");

    public string MediaType { get; }

    public string MediaSubtype { get; }

    public string MimeType => MediaType + "/" + MediaSubtype;

    /// <summary>Parameters with case-insensitive names, RFC 2231 continuations joined and charsets decoded.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public string? Charset => Parameters.TryGetValue("charset", out var v) ? v : null;

    public string? Boundary => Parameters.TryGetValue("boundary", out var v) ? v : null;

    public string? Name => Parameters.TryGetValue("name", out var v) ? v : null;

    public bool IsMultipart => MediaType == "multipart";

    public bool Is(string mediaType, string mediaSubtype) =>
        MediaType == mediaType && (mediaSubtype == "*" || MediaSubtype == mediaSubtype);

    /// <summary>
    /// Parses a raw Content-Type value. Never throws: a value without a usable type/subtype yields
    /// text/plain and a <c>content-type-invalid</c> defect, as RFC 2045 section 5.2 tells a reader to do.
    /// </summary>
    public static ContentType Parse(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        var value = MimeParameters.Parse(raw, out var parameters, defects, offset);
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            defects?.Add("content-type-invalid", $"'{value}' is not type/subtype; read as text/plain", offset);
            return new ContentType("text", "plain", parameters);
        }
        return new ContentType(value[..slash].Trim(), value[(slash + 1)..].Trim(), parameters);
    }

    public override string ToString() => MimeType;
}
