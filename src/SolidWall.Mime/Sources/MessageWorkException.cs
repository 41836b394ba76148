namespace SolidWall.Mime.Sources;

/// <summary>
/// The work function of <see cref="ParallelMessages.Map{T}"/> threw on one message: says which message (source and
/// offset) and carries the original exception as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class MessageWorkException : Exception
{
    public MessageWorkException(string source, long offset, Exception inner)
        : base($"processing the message at {source} byte {offset} failed: {inner.Message}", inner)
    {
        MessageSource = source;
        MessageOffset = offset;
    }

    public string MessageSource { get; }

    public long MessageOffset { get; }
}
