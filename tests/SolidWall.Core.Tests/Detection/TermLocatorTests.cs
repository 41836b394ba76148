using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

public sealed class TermLocatorTests
{
    [Theory]
    [InlineData("Meet at 5th and Main on Saturday.", "0th and", "5th and")]
    [InlineData("Vote on the 28th, polls open at 6.", "00th", "28th")]
    [InlineData("Read Q1 before you go.", "q0", "Q1")]
    [InlineData("Jedynka to nasza szansa.", "jedyn…", "Jedynka")]
    [InlineData("Nos vemos el sábado en la plaza.", "sabado", "sábado")]
    [InlineData("Głosujcie na nią.", "glosu…", "Głosujcie")]
    [InlineData("Kurt's people need ten of us.", "s people", "s people")]
    [InlineData("please share\nwith your class", "share with", "share\nwith")]
    [InlineData("11月5号，请大家投票", "大 家", "大家")]
    [InlineData("周四晚上6点在工会大厅", "0", "6")]
    [InlineData("88分会 政治行动委员会", "00", "88")]
    [InlineData("Give at https://secure.actblue.com/donate/x today", "host:secure.actblue.com", "secure.actblue.com")]
    public void Finds_the_words_the_model_read_as_written(string text, string term, string expected)
    {
        var (start, length) = TermLocator.Find(text, term);
        Assert.True(start >= 0, $"'{term}' not found in '{text}'");
        Assert.Equal(expected, text.Substring(start, length));
    }

    [Theory]
    [InlineData("She is devoted to her students.", "vote")]
    [InlineData("Room 2028 is open.", "00")]
    [InlineData("The shareholders met.", "share")]
    [InlineData("share the notes", "share with")]
    [InlineData("", "vote")]
    public void Finds_whole_words_only(string text, string term) => Assert.Equal((-1, 0), TermLocator.Find(text, term));
}
