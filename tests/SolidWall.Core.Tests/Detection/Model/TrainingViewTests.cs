using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>The one representation all training text goes through, modelled on how the political CSV was flattened.</summary>
public sealed class TrainingViewTests
{
    [Theory]
    [InlineData("Please\nsee a special\r\nmessage", "Pleasesee a specialmessage")]
    [InlineData("first paragraph.\n\nSecond one", "first paragraph. Second one")]
    [InlineData("wrapped \nline", "wrapped line")]
    [InlineData("  tabs\tand   spaces  ", "tabs and spaces")]
    [InlineData("a\n \nb", "a b")]
    [InlineData("", "")]
    public void FlattensLikeThePoliticalCorpus(string text, string expected) => Assert.Equal(expected, TrainingView.Flatten(text));

    [Fact]
    public void FlatteningIsIdempotent()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<string>(s =>
        {
            var once = TrainingView.Flatten(s ?? "");
            return TrainingView.Flatten(once) == once && !once.Contains('\n', StringComparison.Ordinal);
        }));
    }
}
