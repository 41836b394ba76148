namespace SolidWall.Mime;

/// <summary>A parsed Content-Disposition field (RFC 2183): inline or attachment, and the file name.</summary>
public sealed class ContentDisposition
{
    public ContentDisposition(string disposition, IReadOnlyDictionary<string, string> parameters)
    {
        Disposition = disposition.ToLowerInvariant();
        Parameters = parameters;
    }

    /// <summary>"inline", "attachment", or whatever lower-cased token the sender wrote.</summary>
    public string Disposition { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public bool IsAttachment => Disposition == "attachment";

    public string? FileName => Parameters.TryGetValue("filename", out var v) ? v : null;

    public static ContentDisposition Parse(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        var value = MimeParameters.Parse(raw, out var parameters, defects, offset).Trim();
        if (value.Length == 0 && parameters.ContainsKey("filename"))
        {
            // "Content-Disposition: filename=x.pdf" is an attachment in every client.
            value = "attachment";
        }
        return new ContentDisposition(value, parameters);
    }
}
