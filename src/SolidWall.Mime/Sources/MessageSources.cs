namespace SolidWall.Mime.Sources;

/// <summary>Chooses the source type for a path: a .pst file, an mbox, a single message, a Maildir, or a folder tree.</summary>
public static class MessageSources
{
    /// <summary>
    /// A folder with cur/ and new/ is a Maildir, any other folder a tree of message files; a .pst file goes through
    /// readpst; any other file is an mbox when it starts with a From_ line and a single message otherwise; <c>-</c> is
    /// standard input, read the same way (<see cref="StreamSource"/>).
    /// </summary>
    /// <exception cref="SourceException">The path does not exist, or it is a .pst and readpst is not installed.</exception>
    public static IMessageSource Open(string path, MimeLimits? limits = null, MboxFormat format = MboxFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= MimeLimits.Default;
        if (path == StreamSource.StandardInput)
            return StreamSource.OfStandardInput(limits, format);
        if (Directory.Exists(path))
            return MaildirSource.IsMaildir(path) ? new MaildirSource(path, limits, format) : new EmlTreeSource(path, limits, format);
        if (!File.Exists(path))
            throw new SourceException(path, $"{path}: no such file or folder");
        if (path.EndsWith(".pst", StringComparison.OrdinalIgnoreCase))
        {
            if (PstSource.FindReadpst() is null)
                throw new SourceException(path, $"{path}: {PstSource.MissingTool}");
            return new PstSource(path, limits);
        }
        return new MessageFileSource(path, limits, format);
    }

    /// <summary>Opens every path first (so a typo fails before any reading starts), then reads them in the order given.</summary>
    public static IMessageSource OpenAll(IEnumerable<string> paths, MimeLimits? limits = null, MboxFormat format = MboxFormat.Auto)
    {
        var sources = paths.Select(p => Open(p, limits, format)).ToList();
        return sources.Count == 1 ? sources[0] : new CompositeSource(sources);
    }
}
