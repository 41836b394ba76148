using System.Text;
using SolidWall.Mime.Sources;
using static SolidWall.Mime.Tests.Sources.MboxTestSupport;

namespace SolidWall.Mime.Tests.Sources;

public sealed class MboxReaderTests
{
    private const string From1 = "From alice@example.org Mon Jan  1 10:00:00 2024\n";
    private const string From2 = "From bob@example.org Tue Jan  2 11:30:00 2024\n";

    [Fact]
    public void Mboxo_UndoesOneLevelOfQuoting_AndLeavesDeeperQuotingAlone()
    {
        var text = From1 + "Subject: one\n\n>From here\n>>From there\n\n" + From2 + "Subject: two\n\nbody\n";
        var (messages, problems) = Split(text, MboxFormat.Mboxo);
        Assert.Empty(problems);
        Assert.Equal(2, messages.Count);
        Assert.Equal("Subject: one\n\nFrom here\n>>From there\n", Text(messages[0]));
        Assert.Equal("Subject: two\n\nbody\n", Text(messages[1]));
        Assert.Equal(0, messages[0].Offset);
        Assert.Equal(text.IndexOf(From2, StringComparison.Ordinal), messages[1].Offset);
    }

    [Fact]
    public void Mboxrd_RemovesExactlyOneGreaterThan()
    {
        var text = From1 + "Subject: one\n\n>From a\n>>From b\n>>>From c\n>not from\n";
        var (messages, _) = Split(text, MboxFormat.Mboxrd);
        Assert.Equal("Subject: one\n\nFrom a\n>From b\n>>From c\n>not from\n", Text(Assert.Single(messages)));
        // The stored bytes (and so the hash) keep the quoting.
        Assert.Equal(text.Length - From1.Length, messages[0].StoredLength);
        Assert.NotEqual(messages[0].StoredLength, messages[0].Bytes.Length);
    }

    /// <summary>mboxrd as its definition describes it: quote every ^>*From line with one more '>' and read it back.</summary>
    [Fact]
    public void Mboxrd_RoundTrip_Property()
    {
        string[] pieces = ["From x", ">From y", ">>From z", "", "plain text", "From the desk of the principal", "\r", "From  :odd", ">"];
        var bodies = FsCheck.Fluent.Gen.ListOf(FsCheck.Fluent.Gen.ListOf(FsCheck.Fluent.Gen.Elements(pieces)));
        var property = FsCheck.Fluent.Prop.ForAll(FsCheck.Fluent.Arb.From(bodies), (List<List<string>> messages) =>
        {
            var originals = messages.Select(lines => "Subject: t\n\n" + string.Concat(lines.Select(l => l + "\n"))).ToList();
            var mbox = new StringBuilder();
            foreach (var original in originals)
            {
                mbox.Append(From1);
                foreach (var line in original.Split('\n')[..^1])
                    mbox.Append(line.TrimStart('>').StartsWith("From ", StringComparison.Ordinal) ? ">" + line : line).Append('\n');
                mbox.Append('\n');
            }
            foreach (int buffer in (int[])[4096, 1 << 20])
            {
                var (read, problems) = Split(Encoding.UTF8.GetBytes(mbox.ToString()), MboxFormat.Mboxrd, buffer);
                Assert.Empty(problems);
                Assert.Equal(originals, read.Select(Text));
            }
        });
        FsCheck.Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Mboxcl2_ContentLength_KeepsFromLinesInTheBody()
    {
        var body = "line one\n\nFrom mallory@example.org Wed Jan  3 09:00:00 2024\n>From not quoted in cl2\n";
        var text = From1 + $"Subject: one\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n" + body + "\n" + From2 + "Subject: two\nContent-Length: 5\n\nbody\n";
        var (messages, problems) = Split(text, MboxFormat.Mboxcl2);
        Assert.Empty(problems);
        Assert.Equal(2, messages.Count);
        Assert.EndsWith("\n\n" + body, Text(messages[0]), StringComparison.Ordinal);
        Assert.Equal("Subject: two\nContent-Length: 5\n\nbody\n", Text(messages[1]));
    }

    [Fact]
    public void ContentLength_ThatMissesTheNextFromLine_FallsBackToFromLines()
    {
        var text = From1 + "Subject: one\nContent-Length: 3\n\nbody one\n\n" + From2 + "Subject: two\nContent-Length: 99999\n\nbody two\n";
        foreach (var format in (MboxFormat[])[MboxFormat.Mboxcl2, MboxFormat.Mboxcl, MboxFormat.Auto])
        {
            var (messages, problems) = Split(text, format);
            Assert.Empty(problems);
            Assert.Equal(["Subject: one\nContent-Length: 3\n\nbody one\n", "Subject: two\nContent-Length: 99999\n\nbody two\n"], messages.Select(Text));
        }
    }

    [Fact]
    public void ContentLength_IsIgnoredForMboxrd()
    {
        var body = "a\nFrom mallory@example.org Wed Jan  3 09:00:00 2024\nb\n";
        var text = From1 + $"Content-Length: {body.Length}\n\n" + body;
        Assert.Equal(2, Split(text, MboxFormat.Mboxrd).Messages.Count);
        Assert.Single(Split(text, MboxFormat.Mboxcl2).Messages);
    }

    [Fact]
    public void GoogleVaultLabels_AreSplitOnCommasOutsideQuotes()
    {
        var text = "From 1788231823914@xxx Mon Mar 04 17:32:58 +0000 2024\nX-GM-THRID: 1\nX-Gmail-Labels: Inbox,Important,\"Category Personal\",\n \"Say \\\"hi\\\", then\"\nSubject: hi\n\nbody\n";
        var message = Assert.Single(Split(text).Messages);
        Assert.Equal(["Inbox", "Important", "Category Personal", "Say \"hi\", then"], message.Labels);
    }

    [Fact]
    public void CrLfFile_DropsTheCrLfBlankLineBeforeTheSeparator()
    {
        var text = (From1 + "Subject: one\n\nbody\n\n" + From2 + "Subject: two\n\nbody two\n").Replace("\n", "\r\n", StringComparison.Ordinal);
        var (messages, _) = Split(text);
        Assert.Equal(["Subject: one\r\n\r\nbody\r\n", "Subject: two\r\n\r\nbody two\r\n"], messages.Select(Text));
    }

    [Fact]
    public void MixedLineEndings()
    {
        var text = From1 + "Subject: one\r\n\r\nbody\n\r\n" + From2.Replace("\n", "\r\n", StringComparison.Ordinal) + "Subject: two\n\nx";
        var (messages, _) = Split(text);
        Assert.Equal(["Subject: one\r\n\r\nbody\n", "Subject: two\n\nx"], messages.Select(Text));
    }

    [Fact]
    public void NoTrailingNewline()
    {
        var (messages, _) = Split(From1 + "Subject: one\n\nlast line without newline");
        Assert.Equal("Subject: one\n\nlast line without newline", Text(Assert.Single(messages)));
    }

    [Fact]
    public void EmptyFile_HasNoMessagesAndNoProblems()
    {
        var (messages, problems) = Split(Array.Empty<byte>());
        Assert.Empty(messages);
        Assert.Empty(problems);
    }

    [Fact]
    public void JunkBeforeTheFirstFromLine_IsReportedWithItsOffset()
    {
        var junk = "HELO example.com\r\nMAIL FROM:<a@example.org>\r\n";
        var text = junk + From1 + "Subject: one\n\nbody\n";
        var (messages, problems) = Split(text);
        var problem = Assert.Single(problems);
        Assert.Equal(0, problem.Offset);
        Assert.Contains($"{junk.Length} bytes", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(junk.Length, Assert.Single(messages).Offset);
    }

    [Fact]
    public void FileWithoutAnyFromLine_IsOneProblem()
    {
        var (messages, problems) = Split("Subject: not an mbox\n\nbody\n");
        Assert.Empty(messages);
        Assert.Contains("no From_ line", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BodyLineStartingWithFrom_DoesNotSplit_ButAFromLineWithoutBlankLineDoes()
    {
        var text = From1 + "Subject: one\n\nDear staff,\n\nFrom the desk of the principal: vote!\n" + From2 + "Subject: two\n\nb\n";
        var (messages, _) = Split(text);
        Assert.Equal(2, messages.Count);
        Assert.Equal("Subject: one\n\nDear staff,\n\nFrom the desk of the principal: vote!\n", Text(messages[0]));
    }

    [Fact]
    public void SplitIsTheSameForEveryBufferSize()
    {
        var sb = new StringBuilder();
        var rng = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            sb.Append(i % 2 == 0 ? From1 : From2).Append("Subject: ").Append(i).Append("\r\n\r\n");
            for (int j = rng.Next(50); j > 0; j--) sb.Append(new string('x', rng.Next(300))).Append(rng.Next(5) == 0 ? "\n>From q\n" : "\n");
            sb.Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var expected = Split(bytes, bufferSize: 1 << 22).Messages.Select(m => (m.Offset, m.Sha256, Text(m))).ToList();
        Assert.Equal(200, expected.Count);
        foreach (int size in (int[])[4096, 4097, 5000, 65536])
            Assert.Equal(expected, Split(bytes, bufferSize: size).Messages.Select(m => (m.Offset, m.Sha256, Text(m))));
    }

    [Fact]
    public void MessageOverTheLimit_IsTruncated_WithTheFullStoredHash()
    {
        var body = string.Concat(Enumerable.Range(0, 500).Select(i => $">From line {i}\n"));
        var text = From1 + "Subject: big\n\n" + body + "\n" + From2 + "Subject: small\n\nx\n";
        var limits = new MimeLimits { MaxMessageBytes = 1000 };
        var (messages, _) = Split(Encoding.UTF8.GetBytes(text), MboxFormat.Mboxrd, 4096, limits);
        var big = messages[0];
        Assert.True(big.Truncated);
        Assert.Equal(1000, big.Bytes.Length);
        Assert.Equal(("Subject: big\n\n" + body.Replace(">From", "From", StringComparison.Ordinal)).Length, big.OriginalLength);
        Assert.Equal(("Subject: big\n\n" + body).Length, big.StoredLength);
        Assert.False(messages[1].Truncated);

        // Without quoting the hash is still of all stored bytes, not of the kept 1,000.
        var (plain, _) = Split(Encoding.UTF8.GetBytes(text.Replace(">From", "xFrom", StringComparison.Ordinal)), MboxFormat.Mboxrd, 4096, limits);
        Assert.True(plain[0].Truncated);
    }
}
