using System.Text;

namespace SolidWall.Bench;

/// <summary>
/// Builds, once, the large mbox the parser benchmark reads: the corpora's ham-spam and mime-torture messages
/// concatenated again and again until the file passes the target size, each behind its own From_ line and with body
/// lines matching <c>^&gt;*From </c> quoted the mboxrd way. Cached under bench/data/ (git-ignored).
/// </summary>
internal static class BenchMbox
{
    private static readonly byte[] FromLinePrefix = "From bench-"u8.ToArray();
    private static readonly byte[] FromLineSuffix = "@solidwall.invalid Mon Jan  1 00:00:00 2024\n"u8.ToArray();

    /// <summary>The folder holding SolidWall.slnx, found by walking up from the running program.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string CorporaRoot(string repoRoot) => Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "corpora"));

    /// <summary>Returns the path of an mbox of at least <paramref name="minBytes"/>, building it when missing or too small.</summary>
    public static string Ensure(string repoRoot, long minBytes, bool rebuild, out int messages, out bool built)
    {
        var folder = Path.Combine(repoRoot, "bench", "data");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"corpora-{minBytes / 1_000_000}MB.mbox");
        var countFile = path + ".count";
        built = false;
        if (!rebuild && File.Exists(path) && File.Exists(countFile) && new FileInfo(path).Length >= minBytes
            && int.TryParse(File.ReadAllText(countFile).Trim(), out messages))
        {
            return path;
        }

        var corpora = CorporaRoot(repoRoot);
        var files = File.ReadLines(Path.Combine(corpora, "MANIFEST.csv")).Skip(1)
            .Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)])
            .Where(p => p.StartsWith("ham-spam/", StringComparison.Ordinal) || p.StartsWith("mime-torture/", StringComparison.Ordinal))
            .ToList();
        var tmp = path + ".tmp";
        messages = 0;
        using (var output = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (var cycle = 0; output.Length < minBytes; cycle++)
            {
                foreach (var file in files)
                {
                    Write(output, File.ReadAllBytes(Path.Combine(corpora, file)), cycle);
                    messages++;
                }
            }
        }
        File.Move(tmp, path, overwrite: true);
        File.WriteAllText(countFile, messages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        built = true;
        return path;
    }

    /// <summary>Writes one message: its own From_ line, the message without any From_ line it came with, mboxrd quoting, a blank line.</summary>
    internal static void Write(Stream output, ReadOnlySpan<byte> message, int cycle)
    {
        output.Write(FromLinePrefix);
        output.Write(Encoding.ASCII.GetBytes(cycle.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        output.Write(FromLineSuffix);
        if (message.StartsWith("From "u8))
        {
            var nl = message.IndexOf((byte)'\n');
            message = nl < 0 ? ReadOnlySpan<byte>.Empty : message[(nl + 1)..];
        }
        var endsWithLineBreak = message.IsEmpty || message[^1] == (byte)'\n';
        while (!message.IsEmpty)
        {
            var nl = message.IndexOf((byte)'\n');
            var line = nl < 0 ? message : message[..(nl + 1)];
            if (NeedsQuoting(line))
            {
                output.WriteByte((byte)'>');
            }
            output.Write(line);
            message = message[line.Length..];
        }
        if (!endsWithLineBreak)
        {
            output.WriteByte((byte)'\n');
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>mboxrd: a line of zero or more '&gt;' followed by "From " gets one more '&gt;' when written.</summary>
    private static bool NeedsQuoting(ReadOnlySpan<byte> line)
    {
        var i = line.IndexOfAnyExcept((byte)'>');
        return i >= 0 && line[i..].StartsWith("From "u8);
    }
}
