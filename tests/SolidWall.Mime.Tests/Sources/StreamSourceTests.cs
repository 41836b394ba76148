using System.Security.Cryptography;
using System.Text;
using SolidWall.Mime.Sources;
using static SolidWall.Mime.Tests.Sources.MboxTestSupport;

namespace SolidWall.Mime.Tests.Sources;

/// <summary>Mail piped in (standard input, <c>-</c>): read once, as a file is read.</summary>
public sealed class StreamSourceTests
{
    // A pipe: no length, no seeking, and reads that return a few bytes at a time.
    private sealed class Pipe(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 7)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));
    }

    private static StreamSource Piped(string text, MimeLimits? limits = null) => new("-", () => new Pipe(Encoding.UTF8.GetBytes(text)), limits);

    [Fact]
    public void A_piped_message_is_one_message_named_by_the_dash_and_hashed_as_its_file_would_be()
    {
        var (messages, problems) = ReadAll(Piped(Eml));
        Assert.Empty(problems);
        var message = Assert.Single(messages);
        Assert.Equal(("-", 0L), (message.Source, message.Offset));
        Assert.Equal(Eml, Encoding.UTF8.GetString(message.Bytes.Span));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Eml))), message.Sha256);
    }

    [Fact]
    public void A_piped_mbox_is_split_into_its_messages_with_their_offsets()
    {
        var (messages, problems) = ReadAll(Piped(Mbox));
        Assert.Empty(problems);
        Assert.Equal([0L, Mbox.IndexOf("From b@", StringComparison.Ordinal)], messages.Select(m => m.Offset));
        Assert.All(messages, m => Assert.Equal("-", m.Source));
    }

    [Fact]
    public void A_message_larger_than_the_limit_is_kept_to_it_and_hashed_whole()
    {
        var big = Eml + new string('x', 5000) + "\n";
        var (messages, _) = ReadAll(Piped(big, new MimeLimits { MaxMessageBytes = 1000 }));
        var message = Assert.Single(messages);
        Assert.Equal(1000, message.Bytes.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(big))), message.Sha256);
    }

    [Fact]
    public void What_is_not_mail_is_reported_and_a_second_read_says_the_stream_is_spent()
    {
        var source = Piped("hello world\n");
        var (messages, problems) = ReadAll(source);
        Assert.Empty(messages);
        Assert.Equal(("-", "not a mail message: first line is \"hello world\""), (Assert.Single(problems).Path, problems[0].Reason));

        var (again, spent) = ReadAll(source);
        Assert.Empty(again);
        Assert.StartsWith("already read", Assert.Single(spent).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dash_opens_standard_input_and_is_never_taken_for_a_file()
    {
        var source = MessageSources.Open(StreamSource.StandardInput);
        Assert.IsType<StreamSource>(source);
        Assert.Equal("-", source.Path);
    }
}
