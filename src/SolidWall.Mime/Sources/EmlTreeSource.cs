namespace SolidWall.Mime.Sources;

/// <summary>
/// A folder tree of message files (.eml, .txt, no extension, even small mboxes), read recursively in ordinal order
/// of relative paths so two runs over the same tree list messages in the same order.
/// </summary>
internal sealed class EmlTreeSource(string path, MimeLimits limits, MboxFormat format) : IMessageSource
{
    public string Path { get; } = path;

    public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default)
    {
        foreach (var file in Files(Path, problems))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var message in MessageFile.Read(file, null, limits, format, problems, cancellationToken))
                yield return message;
        }
    }

    /// <summary>
    /// Every regular file under <paramref name="root"/>, hidden ones included (a skipped file must be reported, not
    /// silently missed), sorted by relative path with ordinal comparison. Symbolic links to folders are not followed,
    /// so a link loop cannot make the walk endless.
    /// </summary>
    internal static List<string> Files(string root, Action<SourceProblem> problems)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", options))
                {
                    if (entry is DirectoryInfo sub)
                    {
                        if (sub.LinkTarget is null) pending.Push(sub.FullName);
                        else problems(new SourceProblem(sub.FullName, -1, "symbolic link to a folder; not followed"));
                    }
                    else files.Add(entry.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems(new SourceProblem(dir, -1, $"cannot list folder: {e.Message}"));
            }
        }
        var rootFull = System.IO.Path.GetFullPath(root);
        files.Sort((a, b) => string.CompareOrdinal(System.IO.Path.GetRelativePath(rootFull, a), System.IO.Path.GetRelativePath(rootFull, b)));
        return files;
    }
}
