using System.Security.Cryptography;
using SolidWall.Mime.Sources;

namespace SolidWall.Mime.Tests.Sources;

/// <summary>Every message file of ../shared/corpora (ham-spam and mime-torture) read as one EML tree.</summary>
public sealed class CorporaSourceTests
{
    internal static string Corpora()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
    }

    [Fact]
    public void EveryMessageFile_GivesOneMessage_WithTheManifestHash()
    {
        var root = Corpora();
        var manifest = File.ReadLines(Path.Combine(root, "MANIFEST.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[0].StartsWith("ham-spam/", StringComparison.Ordinal) || f[0].StartsWith("mime-torture/", StringComparison.Ordinal))
            .ToDictionary(f => f[0], f => f[4]);
        Assert.Equal(6391, manifest.Count);

        var problems = new List<SourceProblem>();
        var messages = MessageSources.Open(root).Read(problems.Add, TestContext.Current.CancellationToken)
            .GroupBy(m => Path.GetRelativePath(root, m.Source).Replace('\\', '/'))
            .ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(manifest.Keys.Order(StringComparer.Ordinal), messages.Keys.Where(manifest.ContainsKey).Order(StringComparer.Ordinal));
        foreach (var (path, list) in messages.Where(kv => manifest.ContainsKey(kv.Key)))
        {
            var message = Assert.Single(list);
            var file = File.ReadAllBytes(Path.Combine(root, path));
            if (file.AsSpan().StartsWith("From "u8))
            {
                Assert.Equal(0, message.Offset);
                MboxTestSupport.AssertStoredEvidence(file, message);
            }
            else if (message.Offset == 0)
                Assert.True(manifest[path] == message.Sha256, $"{path}: {message.Sha256} is not the manifest's {manifest[path]}");
            else
                MboxTestSupport.AssertStoredEvidence(file, message); // a preamble before a From_ line (BSMTP)
        }

        var reported = problems.Select(p => Path.GetRelativePath(root, p.Path).Replace('\\', '/')).ToHashSet();
        foreach (var notMail in (string[])["README.md", "MANIFEST.csv", "ham-spam/LICENSE", "ham-spam/PROVENANCE.md", "mime-torture/spamassassin/NOTICE",
                     "mime-torture/spamassassin/LICENSE", "mime-torture/rspamd/LICENSE.md", "mime-torture/rspamd/PROVENANCE.md", "political/fundraising-2024.csv"])
            Assert.Contains(notMail, reported);
        // Only the non-mail files, and the BSMTP envelope before a message, are problems.
        Assert.All(reported, p => Assert.True(!manifest.ContainsKey(p) || p == "mime-torture/spamassassin/spam/bsmtp", p));
        Assert.DoesNotContain(messages.Keys, k => !manifest.ContainsKey(k));
    }
}
