namespace SolidWall.Mime.Sources;

/// <summary>A place messages come from: an mbox file, a folder of .eml files, a Maildir, a PST through readpst.</summary>
public interface IMessageSource
{
    /// <summary>The path the user named.</summary>
    string Path { get; }

    /// <summary>
    /// Streams the messages in order, holding at most one message in memory. Problems go to
    /// <paramref name="problems"/> and reading continues.
    /// </summary>
    IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default);
}
