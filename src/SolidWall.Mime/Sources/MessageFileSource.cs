namespace SolidWall.Mime.Sources;

/// <summary>One file named by the user: an mbox (any dialect, a Google Vault export) or a single message.</summary>
internal sealed class MessageFileSource(string path, MimeLimits limits, MboxFormat format) : IMessageSource
{
    public string Path { get; } = path;

    public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default) =>
        MessageFile.Read(Path, null, limits, format, problems, cancellationToken);
}
