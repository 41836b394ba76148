using SolidWall.Core.Detection;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// Where the author's own words end: the first quote mark, separator, attribution or header block; and where they
/// start again, under or between the lines a reply quotes.
/// </summary>
public sealed class OwnWordsEndTests
{
    [Theory]
    [InlineData("No thanks.\n\n> Vote Reyes\n> on the 28th", "> Vote")]
    [InlineData("FYI\n\n---------- Forwarded message ---------\nFrom: Team <t@reyes.example>\nSubject: Vote\n\nVote Reyes", "---------- Forwarded")]
    [InlineData("Please don't.\n\nOn Tue, Jan 10, 2023 at 9:02 AM Kelsey <k@reyes.example> wrote:\n> Vote Reyes", "On Tue")]
    [InlineData("Not at work, please.\n\n-----Original Message-----\nFrom: Kelsey\nSent: Tuesday\nSubject: Vote\n\nVote Reyes", "-----Original")]
    [InlineData("Nope.\n\nFrom: Kelsey <k@reyes.example>\nSent: Tuesday, January 10, 2023 9:02 AM\nTo: Staff\nSubject: Vote\n\nVote Reyes", "From: Kelsey")]
    public void Ends_where_the_quote_begins(string text, string quoteStart)
    {
        Assert.Equal(text.IndexOf(quoteStart, StringComparison.Ordinal), DetectionContext.FindOwnWordsEnd(SegmentSplitter.Split(text), text));
    }

    [Fact]
    public void A_message_that_quotes_nothing_is_all_its_own_words()
    {
        const string text = "Vote Reyes on the 28th.\nThe math is 3 > 2.";
        Assert.Equal(text.Length, DetectionContext.FindOwnWordsEnd(SegmentSplitter.Split(text), text));
    }

    [Fact]
    public void A_reply_written_under_the_lines_it_quotes_is_the_author_s_own_words()
    {
        const string text = "> Can I get two? My sister wants one too\n\nok I'll bring 6 more tomorrow. YES on the 1 everybody!\n\nGloria";
        var spans = SegmentSplitter.OwnWordSpans(text);
        var answer = text.IndexOf("ok I'll", StringComparison.Ordinal);
        Assert.Equal([(answer, text.IndexOf("\n\nGloria", StringComparison.Ordinal)), (text.IndexOf("Gloria", StringComparison.Ordinal), text.Length)], spans);
        Assert.Equal(0, DetectionContext.FindOwnWordsEnd(SegmentSplitter.Split(text), text));
    }

    [Fact]
    public void Own_word_lines_end_before_their_carriage_return()
    {
        const string text = "> Can I get two?\r\n\r\nok, six more tomorrow\r\n";
        var answer = text.IndexOf("ok,", StringComparison.Ordinal);
        Assert.Equal([(answer, text.IndexOf("\r\n", answer, StringComparison.Ordinal))], SegmentSplitter.OwnWordSpans(text));
    }

    [Fact]
    public void Answers_between_quoted_lines_are_own_words_and_the_quotes_are_not()
    {
        const string text = "Hi Walt,\n\n> Can you hang the Reyes sign?\nNo, not at school.\n\n> And hand out flyers?\nNo.\n";
        var context = Context(text);
        Assert.True(context.InOwnWords(text.IndexOf("Hi Walt", StringComparison.Ordinal)));
        Assert.False(context.InOwnWords(text.IndexOf("Reyes", StringComparison.Ordinal)));
        Assert.True(context.InOwnWords(text.IndexOf("not at school", StringComparison.Ordinal)));
        Assert.False(context.InOwnWords(text.IndexOf("flyers", StringComparison.Ordinal)));
        Assert.True(context.InOwnWords(text.LastIndexOf("No.", StringComparison.Ordinal)));
        Assert.False(context.InOwnWords(text.Length));
    }

    [Fact]
    public void A_forward_runs_to_the_end_and_holds_no_own_words()
    {
        const string text = "FYI\n\n---------- Forwarded message ---------\nFrom: Team <t@reyes.example>\nSubject: Vote\n\nVote Reyes\n\n> quoted\n\nmore of the forward";
        var context = Context(text);
        Assert.True(context.InOwnWords(0));
        Assert.False(context.InOwnWords(text.IndexOf("Vote Reyes", StringComparison.Ordinal)));
        Assert.False(context.InOwnWords(text.IndexOf("more of the forward", StringComparison.Ordinal)));
    }

    private static DetectionContext Context(string text) =>
        new(Mail.Of(text, segments: SegmentSplitter.Split(text)), Registry.Empty, InstitutionDirectory.Empty, Policy.Default);
}
