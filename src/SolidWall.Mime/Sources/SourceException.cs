namespace SolidWall.Mime.Sources;

/// <summary>
/// A source that cannot be opened at all (missing path, a tool that is not installed): the user's mistake, with a
/// message naming the path and the fix, for the command line to print as a usage error.
/// </summary>
public sealed class SourceException : Exception
{
    public SourceException(string path, string message) : base(message) => SourcePath = path;

    public SourceException(string path, string message, Exception inner) : base(message, inner) => SourcePath = path;

    /// <summary>The path the user named.</summary>
    public string SourcePath { get; }
}
