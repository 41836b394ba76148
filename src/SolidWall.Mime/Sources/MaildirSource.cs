namespace SolidWall.Mime.Sources;

/// <summary>
/// A Maildir (cur/, new/, tmp/) and its Maildir++ subfolders (.Sent, .Archive.2023). Each message is labelled with
/// its folder: "INBOX" for the top level, the subfolder name without the leading dot and with Maildir++'s '.'
/// hierarchy separator written as '/' (".Archive.2023" → "Archive/2023"). tmp/ holds deliveries in progress and is
/// not read.
/// </summary>
internal sealed class MaildirSource(string path, MimeLimits limits, MboxFormat format) : IMessageSource
{
    public string Path { get; } = path;

    /// <summary>True when <paramref name="dir"/> has the cur/ and new/ folders of a Maildir.</summary>
    internal static bool IsMaildir(string dir) =>
        Directory.Exists(System.IO.Path.Combine(dir, "cur")) && Directory.Exists(System.IO.Path.Combine(dir, "new"));

    public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default)
    {
        foreach (var (folder, label) in Folders())
        {
            IReadOnlyList<string> labels = [label];
            foreach (var sub in (string[])["cur", "new"])
            {
                var dir = System.IO.Path.Combine(folder, sub);
                if (!Directory.Exists(dir)) continue;
                foreach (var file in EmlTreeSource.Files(dir, problems))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var message in MessageFile.Read(file, labels, limits, format, problems, cancellationToken))
                        yield return message;
                }
            }
        }
    }

    private List<(string Folder, string Label)> Folders()
    {
        var folders = new List<(string, string)> { (Path, "INBOX") };
        var subs = new List<(string, string)>();
        foreach (var dir in Directory.EnumerateDirectories(Path, ".*"))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (name.Length > 1 && name != ".." && IsMaildir(dir))
                subs.Add((dir, name[1..].Replace('.', '/')));
        }
        subs.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        folders.AddRange(subs);
        return folders;
    }
}
