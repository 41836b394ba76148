using SolidWall.Mime.Sources;

namespace SolidWall.Mime.Tests.Sources;

/// <summary>
/// readpst is faked by a shell script first on PATH that writes the folder tree readpst -r writes. The tests change
/// PATH for the process, so they live in one class (xunit runs a class's tests one at a time).
/// </summary>
public sealed class PstSourceTests
{
    private const string FakeReadpst = """
        #!/bin/sh
        # Fake readpst: records its arguments, then writes an mbox per folder under -o DIR.
        out=""
        prev=""
        for a in "$@"; do
          if [ "$prev" = "-o" ]; then out="$a"; fi
          prev="$a"
        done
        echo "$@" > "$(dirname "$0")/args.txt"
        mkdir -p "$out/Personal Folders/Inbox" "$out/Personal Folders/Sent Items"
        printf 'From "a@example.org" Mon Jan  1 10:00:00 2024\nSubject: in 1\n\none\n\nFrom "b@example.org" Mon Jan  1 10:00:00 2024\nSubject: in 2\n\n>From two\n\n' > "$out/Personal Folders/Inbox/mbox"
        printf 'From "c@example.org" Mon Jan  1 10:00:00 2024\nSubject: sent 1\n\nthree\n' > "$out/Personal Folders/Sent Items/mbox"
        exit ${FAKE_READPST_EXIT:-0}
        """;

    private static string InstallFake(TempFolder dir)
    {
        var bin = Path.Combine(dir.Path, "bin");
        var script = dir.Write("bin/readpst", FakeReadpst.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    [Fact]
    public void Pst_IsReadThroughReadpst_FolderLabelsOrdinalsAndCleanup()
    {
        using var dir = new TempFolder();
        var bin = InstallFake(dir);
        var pst = dir.Write("mail.pst", "not really a pst");
        var oldPath = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + oldPath);
            var problems = new List<SourceProblem>();
            var messages = MessageSources.Open(pst).Read(problems.Add, TestContext.Current.CancellationToken).ToList();

            Assert.Empty(problems);
            Assert.All(messages, m => Assert.Equal(pst, m.Source));
            Assert.Equal(["Personal Folders/Inbox", "Personal Folders/Inbox", "Personal Folders/Sent Items"], messages.Select(m => Assert.Single(m.Labels)));
            Assert.Equal([1L, 2L, 1L], messages.Select(m => m.Offset));
            Assert.Equal("Subject: in 2\n\nFrom two\n", MboxTestSupport.Text(messages[1]));

            var args = File.ReadAllText(Path.Combine(bin, "args.txt")).Trim().Split(' ');
            Assert.Equal(["-q", "-r", "-D", "-j", "1", "-t", "e", "-o"], args[..8]);
            Assert.False(Directory.Exists(args[8]), "the temporary readpst folder must be deleted");
            Assert.Equal(pst, string.Join(' ', args[9..]));

            Environment.SetEnvironmentVariable("FAKE_READPST_EXIT", "3");
            problems.Clear();
            Assert.Equal(3, MessageSources.Open(pst).Read(problems.Add, TestContext.Current.CancellationToken).Count());
            Assert.Contains("readpst exited with code 3", Assert.Single(problems).Reason, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", oldPath);
            Environment.SetEnvironmentVariable("FAKE_READPST_EXIT", null);
        }
    }

    [Fact]
    public void Pst_WithoutReadpst_NamesTheDebianPackage()
    {
        using var dir = new TempFolder();
        var pst = dir.Write("mail.pst", "x");
        var oldPath = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", Path.Combine(dir.Path, "empty-bin"));
            var e = Assert.Throws<SourceException>(() => MessageSources.Open(pst));
            Assert.Equal($"{pst}: reading .pst needs readpst: install Debian's pst-utils (apt-get install pst-utils)", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", oldPath);
        }
    }
}
