using System.Diagnostics;

namespace SolidWall.Mime.Sources;

/// <summary>
/// An Outlook .pst file, read through <c>readpst</c> from Debian's pst-utils: readpst writes one mbox per PST
/// folder into a temporary folder (<c>-r</c>: a folder tree mirroring the PST), those mboxes are read, and the
/// temporary folder is deleted when reading ends.
/// </summary>
/// <remarks>
/// Each message keeps the .pst path as <see cref="RawMessage.Source"/>, the folder path inside the PST as its one
/// label (for example "Personal Folders/Inbox"), and as <see cref="RawMessage.Offset"/> its 1-based ordinal in
/// that folder, the numbering readpst itself uses with -S and -M. The PST has no byte offsets an investigator could
/// use, so <see cref="RawMessage.StoredOffset"/> is the ordinal too; <see cref="RawMessage.Sha256"/> is the hash of the
/// message as readpst wrote it.
/// </remarks>
internal sealed class PstSource(string path, MimeLimits limits) : IMessageSource
{
    internal const string MissingTool = "reading .pst needs readpst: install Debian's pst-utils (apt-get install pst-utils)";

    public string Path { get; } = path;

    /// <summary>The readpst executable on PATH, or null.</summary>
    internal static string? FindReadpst()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, "readpst");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default)
    {
        var readpst = FindReadpst() ?? throw new SourceException(Path, $"{Path}: {MissingTool}");
        var temp = Directory.CreateTempSubdirectory("solidwall-pst-");
        try
        {
            Run(readpst, temp.FullName, problems, cancellationToken);
            foreach (var file in EmlTreeSource.Files(temp.FullName, _ => { }))
            {
                var folder = System.IO.Path.GetRelativePath(temp.FullName, System.IO.Path.GetDirectoryName(file)!).Replace('\\', '/');
                if (folder == ".") folder = "";
                if (System.IO.Path.GetFileName(file) != "mbox") folder = folder.Length == 0 ? System.IO.Path.GetFileName(file) : folder + "/" + System.IO.Path.GetFileName(file);
                IReadOnlyList<string> labels = [folder];
                long ordinal = 0;
                foreach (var message in MessageFile.Read(file, null, limits, MboxFormat.Auto, p => problems(Rename(p, folder)), cancellationToken))
                    yield return message.Relocate(Path, ++ordinal, labels);
            }
        }
        finally
        {
            try { temp.Delete(recursive: true); }
            catch (IOException) { }
        }
    }

    private SourceProblem Rename(SourceProblem p, string folder) => new(Path, p.Offset, $"folder \"{folder}\": {p.Reason}");

    private void Run(string readpst, string outDir, Action<SourceProblem> problems, CancellationToken ct)
    {
        var start = new ProcessStartInfo(readpst)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // -q quiet, -r one folder per PST folder, -D deleted items too (evidence), -j 1 one process, -t e e-mail only.
        foreach (var arg in (string[])["-q", "-r", "-D", "-j", "1", "-t", "e", "-o", outDir, Path])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new SourceException(Path, $"{Path}: could not start {readpst}");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            process.WaitForExitAsync(ct).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        var errors = stderr.GetAwaiter().GetResult().Trim();
        stdout.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
            problems(new SourceProblem(Path, -1, $"readpst exited with code {process.ExitCode}{(errors.Length > 0 ? ": " + Tail(errors) : "")}; messages it wrote are still read"));
    }

    private static string Tail(string text) => text.Length <= 500 ? text : "..." + text[^500..];
}
