using SolidWall.Core.Case;

namespace SolidWall.Core.Analysis;

/// <summary>Counts every item of the case once: in all, per source, and which mailboxes are present.</summary>
internal sealed class ItemTally
{
    public int Items { get; private set; }

    public int Electioneering { get; set; }

    /// <summary>Items no export detail ties to a mailbox.</summary>
    public int WithoutMailbox { get; private set; }

    public Dictionary<string, int> Sources { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Count(CaseItem item)
    {
        Items++;
        var source = SourceOf(item.Source);
        Sources[source] = Sources.GetValueOrDefault(source) + 1;
        if (item.Mailbox is null)
        {
            WithoutMailbox++;
        }
        else
        {
            Mailboxes.Add(item.Mailbox);
        }
    }

    /// <summary>
    /// The source an item is counted under: a Maildir for a file in its cur/, new/ or tmp/, the folder for a loose
    /// .eml or .msg file, else the file itself (an mbox, a PST).
    /// </summary>
    public static string SourceOf(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return path;
        }

        if (Path.GetFileName(folder) is "cur" or "new" or "tmp")
        {
            return Path.GetDirectoryName(folder) ?? folder;
        }

        return Path.GetExtension(path).ToLowerInvariant() is ".eml" or ".msg" ? folder : path;
    }
}
