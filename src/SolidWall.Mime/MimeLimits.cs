namespace SolidWall.Mime;

/// <summary>
/// Bounds that keep hostile input (nesting 10,000 deep, a million headers, a 100 MB line) from exhausting
/// memory or time. Reaching a limit records a defect and parsing goes on with what it has.
/// </summary>
public sealed record MimeLimits
{
    public static MimeLimits Default { get; } = new();

    /// <summary>Deepest multipart or message/rfc822 nesting that is parsed as structure; deeper content stays an opaque leaf.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most header fields kept per entity; the rest are skipped.</summary>
    public int MaxHeaders { get; init; } = 2_000;

    /// <summary>Longest header field kept (name and folded value).</summary>
    public int MaxHeaderBytes { get; init; } = 256 * 1024;

    /// <summary>Most MIME parts in one message, counted across all levels.</summary>
    public int MaxParts { get; init; } = 10_000;

    /// <summary>Largest message a source hands to the parser; the bytes beyond are hashed but not parsed.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;
}
