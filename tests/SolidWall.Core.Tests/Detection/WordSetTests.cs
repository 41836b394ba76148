using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The split search (ASCII words apart from the others, and those only from shortly before a character one of them
/// holds) finds the first of a registry's names in any script exactly as a plain search does.
/// </summary>
public sealed class WordSetTests
{
    private static readonly string[] Names = ["dana ortiz", "tomás reyes", "zielińska", "eli", "томас рейєс", "توماس رييس", "托马斯", "kurt"];

    [Theory]
    [InlineData("nothing here", -1)]
    [InlineData("vote for dana ortiz", 9)]
    [InlineData("para tomás reyes y kurt", 5)]
    [InlineData("pani zielińska", 5)] // "eli" (ASCII) starts inside it, after "zi": the name that starts first wins
    [InlineData("кандидат томас рейєс", 9)]
    [InlineData("صوتوا لـ توماس رييس", 9)]
    [InlineData("为托马斯投票", 1)]
    [InlineData("“kurt” and tomás reyes", 1)] // a curly quote, which no name holds, before an ASCII name
    [InlineData("it’s for tomás reyes", 9)]
    public void Finds_the_first_name(string text, int expected) => Assert.Equal(expected, new WordSet(Names).IndexIn(text));

    [Fact]
    public void Agrees_with_a_plain_search_on_random_texts()
    {
        var search = new WordSet(Names);
        var pieces = new[] { "dana", " ortiz", "tomás", " reyes", "zieli", "ńska", "eli", "томас", " рейєс", "توماس", " رييس", "托马斯", "kurt", " x ", "á", "ń", "’", "“", "..." };
        var random = new Random(20261127);
        for (var i = 0; i < 5000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = Names.Select(n => text.IndexOf(n, StringComparison.Ordinal)).Where(x => x >= 0).DefaultIfEmpty(-1).Min();
            Assert.True(expected == search.IndexIn(text), text);
        }
    }

    [Fact]
    public void No_names_finds_nothing()
    {
        var empty = new WordSet([]);
        Assert.Equal(-1, empty.IndexIn("dana ortiz"));
        Assert.False(empty.IsIn("dana ortiz"));
    }
}
