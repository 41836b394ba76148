using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SolidWall.Mime.Tests;

/// <summary>msg-id lists from RFC 5322 appendix A and the lenient forms old clients write.</summary>
public sealed class MessageIdTests
{
    private static IReadOnlyList<string> Parse(string value, DefectSink? sink = null) =>
        MessageIds.ParseList(Encoding.UTF8.GetBytes(value), sink);

    // RFC 5322 A.1.1: Message-ID: <1234@local.machine.example>
    [Fact]
    public void A11_message_id() => Assert.Equal(["1234@local.machine.example"], Parse(" <1234@local.machine.example>"));

    // RFC 5322 A.1.2: Message-ID: <5678.21-Nov-1997@example.com>
    [Fact]
    public void A12_message_id() => Assert.Equal(["5678.21-Nov-1997@example.com"], Parse(" <5678.21-Nov-1997@example.com>"));

    // RFC 5322 A.2: In-Reply-To: <3456@example.net>
    // References: <1234@local.machine.example> <3456@example.net>
    [Fact]
    public void A2_references()
    {
        Assert.Equal(["3456@example.net"], Parse(" <3456@example.net>"));
        Assert.Equal(["1234@local.machine.example", "3456@example.net"], Parse(" <1234@local.machine.example> <3456@example.net>"));
    }

    // RFC 5322 A.5: Message-ID:              <testabcd.1234@silly.test>
    [Fact]
    public void A5_leading_white_space() => Assert.Equal(["testabcd.1234@silly.test"], Parse("              <testabcd.1234@silly.test>"));

    // RFC 5322 A.6.2: Message-ID: <1234@local(blah)  .machine .example>
    // RFC 5322 A.6.3: Message-ID  : <1234   @   local(blah)  .machine .example>
    [Theory]
    [InlineData(" <1234@local(blah)  .machine .example>")]
    [InlineData(" <1234   @   local(blah)  .machine .example>")]
    public void A6_obsolete_ids_with_comments_and_spaces(string value) =>
        Assert.Equal(["1234@local.machine.example"], Parse(value));

    [Fact]
    public void Folded_references_with_comments()
    {
        Assert.Equal(["a@x", "b@y", "c@z"], Parse(" <a@x>\r\n\t<b@y> (second)\r\n <c@z>"));
    }

    [Fact]
    public void Missing_brackets()
    {
        var sink = new DefectSink();
        Assert.Equal(["abc@example.com", "def@example.com"], Parse("abc@example.com def@example.com", sink));
        Assert.Contains(sink.Items, d => d.Kind == "message-id-no-brackets");
        Assert.Equal(["12345.abc"], Parse(" 12345.abc "));
    }

    [Fact]
    public void Quoted_local_part_keeps_its_spaces() =>
        Assert.Equal(["\"a b\"@example.com"], Parse("<\"a b\"@example.com>"));

    // In-Reply-To as old clients wrote it.
    [Fact]
    public void Junk_between_ids() =>
        Assert.Equal(["id1@x.test"], Parse("Your message of \"Tue, 1 Jul 2003 10:52:37 +0200\"\r\n <id1@x.test>"));

    [Fact]
    public void Phrase_and_comment_around_id() =>
        Assert.Equal(["id@x.test", "id2@y.test"], Parse("<id@x.test> (Joe Public's message of Tue) <id2@y.test>, junk"));

    [Fact]
    public void Unterminated_bracket()
    {
        var sink = new DefectSink();
        Assert.Equal(["a@x", "b@y"], Parse("<a@x <b@y>", sink));
        Assert.Contains(sink.Items, d => d.Kind == "message-id-unterminated");
        Assert.Equal(["a@x"], Parse("<a@x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("<>")]
    [InlineData("two words")]
    public void No_ids(string value) => Assert.Empty(Parse(value));

    [Fact]
    public void Arbitrary_bytes_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var ids = MessageIds.ParseList(bytes, new DefectSink(), 0);
            return ids.All(id => id.Length > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Arbitrary_id_like_text_never_throws()
    {
        var gen = Gen.Elements("<", ">", "a", "@", "b.c", " ", "\r\n ", "(", ")", "\"", "\\", ",")
            .ArrayOf().Select(parts => string.Concat(parts));
        Prop.ForAll(gen.ToArbitrary(), text => Parse(text, new DefectSink()).All(id => id.Length > 0))
            .QuickCheckThrowOnFailure();
    }
}
