namespace SolidWall.Mime.Tests;

/// <summary>
/// Finds the shared corpora and reads raw header fields from message files without the MIME parser: the header
/// block ends at the first empty line, continuation lines are joined with their line breaks kept (the parsers
/// under test unfold themselves).
/// </summary>
internal static class CorpusHeaders
{
    public static string CorporaRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
            {
                dir = dir.Parent;
            }
            Assert.NotNull(dir);
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
        }
    }

    /// <summary>Every message file under a corpus subset (licences and provenance notes excluded).</summary>
    public static IEnumerable<string> MessageFiles(string subset)
    {
        var root = Path.Combine(CorporaRoot, subset);
        Assert.True(Directory.Exists(root), $"corpus folder {root} is missing");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal)
                && !Path.GetFileName(f).Equals("PROVENANCE.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>(name, raw value) for each header field; an mbox "From " line is skipped.</summary>
    public static List<(string Name, byte[] Value)> Read(byte[] message)
    {
        var fields = new List<(string, byte[])>();
        var i = message.AsSpan().StartsWith("From "u8) ? message.AsSpan().IndexOf((byte)'\n') + 1 : 0;
        string? name = null;
        var value = new List<byte>();
        while (i < message.Length)
        {
            var nl = message.AsSpan(i).IndexOf((byte)'\n');
            var end = nl < 0 ? message.Length : i + nl + 1;
            var line = message.AsSpan(i, end - i);
            var content = line.TrimEnd("\r\n"u8);
            if (content.IsEmpty)
            {
                break;
            }
            if (content[0] is (byte)' ' or (byte)'\t')
            {
                if (name != null)
                {
                    value.AddRange(line);
                }
            }
            else
            {
                if (name != null)
                {
                    fields.Add((name, value.ToArray()));
                }
                var colon = content.IndexOf((byte)':');
                name = colon > 0 ? System.Text.Encoding.Latin1.GetString(content[..colon]).Trim() : null;
                value = colon > 0 ? new List<byte>(line[(colon + 1)..].ToArray()) : new List<byte>();
            }
            i = end;
        }
        if (name != null)
        {
            fields.Add((name, value.ToArray()));
        }
        return fields;
    }
}
