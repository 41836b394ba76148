using System.Security.Cryptography;
using System.Text;
using SolidWall.Mime.Sources;
using static SolidWall.Mime.Tests.Sources.MboxTestSupport;

namespace SolidWall.Mime.Tests.Sources;

public sealed class MessageSourcesTests
{
    [Fact]
    public void An_outlook_msg_file_and_other_binary_files_are_skipped_with_what_they_are()
    {
        using var dir = new TempFolder();
        dir.Write("ok.eml", Eml);
        var msg = System.IO.Path.Combine(dir.Path, "Externship.msg");
        File.WriteAllBytes(msg, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0x3E, 0, 3, 0, 0xFE, 0xFF, .. new byte[500]]);
        var zip = System.IO.Path.Combine(dir.Path, "attachments.zip");
        File.WriteAllBytes(zip, [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, .. "abc"u8.ToArray()]);

        var (messages, problems) = ReadAll(MessageSources.Open(dir.Path));

        Assert.Single(messages);
        Assert.Equal(
            [
                (msg, "not a mail message: an OLE compound file (an Outlook .msg, or a Word or Excel 97-2003 document), which SolidWall does not read; export the mailbox as .eml files, an mbox or a PST"),
                (zip, "not a mail message: binary data (a zero byte at offset 5)"),
            ],
            problems.Select(p => (p.Path, p.Reason)).OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void A_json_file_in_an_export_folder_is_not_mail()
    {
        using var dir = new TempFolder();
        dir.Write("ok.eml", Eml);
        dir.Write("metadata.json", "{\"custodian\": \"t.okonjo@lakeshore-schools.example\", \"messages\": 412}\n");
        dir.Write("rows.jsonl", "{\"id\":\"pos-1\",\"label\":\"electioneering\"}\n{\"id\":\"neg-1\"}\n");
        dir.Write("list.json", "[\"a\", \"b\"]\n");

        var (messages, problems) = ReadAll(MessageSources.Open(dir.Path));

        Assert.Single(messages);
        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("not a mail message: first line is", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void EmlFolder_RecursiveOrdinalOrder_SkipsAndReportsNonMail()
    {
        using var dir = new TempFolder();
        dir.Write("b/2.eml", Eml);
        dir.Write("a/10.eml", Eml);
        dir.Write("a/1.eml", Eml);
        dir.Write("a/9.eml", "\r\n"); // the smallest RFC 5322 message: no header fields, empty body
        dir.Write("e/licence", "\n   Apache License\n");
        dir.Write("README.md", "# Read me\nThis is not mail.\n");
        dir.Write("LICENSE", "Apache License\nVersion 2.0\n");
        dir.Write("empty.eml", "");
        dir.Write("c/archive.mbox", Mbox);
        dir.Write("d/preamble", "HELO example.com\r\nDATA\r\nFrom a@example.org Mon Jan  1 10:00:00 2024\r\nSubject: s\r\n\r\nb\r\n");

        var (messages, problems) = ReadAll(MessageSources.Open(dir.Path));

        Assert.Equal(["a/1.eml", "a/10.eml", "a/9.eml", "b/2.eml", "c/archive.mbox", "c/archive.mbox", "d/preamble"],
            messages.Select(m => Path.GetRelativePath(dir.Path, m.Source).Replace('\\', '/')));
        Assert.Equal(0, messages[0].Offset);
        Assert.Equal([0L, (long)Mbox.IndexOf("From b", StringComparison.Ordinal)], messages.Where(m => m.Source.EndsWith("archive.mbox", StringComparison.Ordinal)).Select(m => m.Offset));
        Assert.Equal(["LICENSE", "README.md", "d/preamble", "e/licence", "empty.eml"], problems.Select(p => Path.GetRelativePath(dir.Path, p.Path).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Reason == "not a mail message: first line is \"# Read me\"");
        Assert.Contains(problems, p => p.Reason.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Reason == "not a mail message: first line is \"   Apache License\"");
    }

    [Fact]
    public void AnEmptyMbox_IsAMailboxWithNothingInIt_NotASkippedItem()
    {
        using var dir = new TempFolder();
        dir.Write("custodian@district.example.mbox", "");
        dir.Write("other.eml", "");

        var (messages, problems) = ReadAll(MessageSources.Open(dir.Path));

        Assert.Empty(messages);
        Assert.Equal("other.eml", Path.GetFileName(Assert.Single(problems).Path));
    }

    [Fact]
    public void Maildir_WithMaildirPlusPlusFolders_LabelsByFolder_IgnoresTmp()
    {
        using var dir = new TempFolder();
        dir.Write("cur/1700000000.1.host:2,S", Eml);
        dir.Write("new/1700000001.2.host", Eml);
        dir.Write("tmp/1700000002.3.host", Eml);
        dir.Write(".Sent/cur/1700000003.4.host:2,S", Eml);
        dir.Write(".Sent/tmp/x", Eml);
        Directory.CreateDirectory(Path.Combine(dir.Path, ".Sent", "new"));
        dir.Write(".Archive.2023/new/1700000004.5.host", Eml);
        Directory.CreateDirectory(Path.Combine(dir.Path, ".Archive.2023", "cur"));
        dir.Write("dovecot-uidlist", "3 V1 N2\n");

        var (messages, problems) = ReadAll(MessageSources.Open(dir.Path));

        Assert.Empty(problems);
        Assert.Equal(["INBOX", "INBOX", "Archive/2023", "Sent"], messages.Select(m => Assert.Single(m.Labels)));
        Assert.Equal(["1700000000.1.host:2,S", "1700000001.2.host", "1700000004.5.host", "1700000003.4.host:2,S"], messages.Select(m => Path.GetFileName(m.Source)));
    }

    [Fact]
    public void Open_MissingPath_IsASourceExceptionNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "solidwall-does-not-exist-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<SourceException>(() => MessageSources.Open(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.SourcePath);
        Assert.Throws<SourceException>(() => MessageSources.OpenAll([Path.GetTempPath(), path]));
    }

    [Fact]
    public void Open_File_MboxOrSingleMessage()
    {
        using var dir = new TempFolder();
        var mbox = dir.Write("inbox", Mbox);
        var eml = dir.Write("one.eml", Eml);

        var (fromMbox, _) = ReadAll(MessageSources.Open(mbox));
        Assert.Equal(2, fromMbox.Count);
        var (single, _) = ReadAll(MessageSources.Open(eml));
        Assert.Equal(Eml, Encoding.UTF8.GetString(Assert.Single(single).Bytes.Span));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(eml))), single[0].Sha256);

        var (both, _) = ReadAll(MessageSources.OpenAll([eml, mbox]));
        Assert.Equal([eml, mbox, mbox], both.Select(m => m.Source));
    }

    [Fact]
    public void SingleMessageOverTheLimit_IsTruncated_WithTheWholeFileHashed()
    {
        using var dir = new TempFolder();
        var content = Eml + new string('z', 5000) + "\n";
        var path = dir.Write("big.eml", content);
        var (messages, _) = ReadAll(MessageSources.Open(path, new MimeLimits { MaxMessageBytes = 100 }));
        var m = Assert.Single(messages);
        Assert.True(m.Truncated);
        Assert.Equal(100, m.Bytes.Length);
        Assert.Equal(content.Length, m.OriginalLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), m.Sha256);
    }
}
