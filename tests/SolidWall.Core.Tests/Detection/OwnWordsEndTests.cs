using SolidWall.Core.Detection;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests.Detection;

/// <summary>Where the author's own words end: the first quote mark, separator, attribution or header block.</summary>
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
}
