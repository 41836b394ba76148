using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The detector asks the model only for the strongest terms that push towards electioneering, the only ones a verdict
/// quotes: they must be exactly the positive ones among the strongest terms the public score names, in the same order,
/// with the same probability and categories.
/// </summary>
public sealed class ScoreForVerdictTests
{
    [Theory]
    [InlineData("Vote for Dana Ortiz on February 28! Chip in $5 today: every dollar counts for our campaign.")]
    [InlineData("Hi all, the fire drill is Thursday. Grab the red folder and take attendance outside, as usual.")]
    [InlineData("Please share the externship with your students: 12 hours a week for class credit with the Reyes campaign.")]
    [InlineData("The board meeting minutes are attached. The budget vote passed 5-2 and the new calendar starts in August.")]
    public void TheVerdictsTermsAreThePositiveOfTheStrongest(string text)
    {
        var model = TextModel.LoadEmbedded();
        var message = Mail.Of(text, subject: "This week");
        var full = model.Score(message, Registry.Empty, null);
        var forVerdict = model.ScoreForVerdict(message, Registry.Empty, null);

        Assert.Equal(full.Probability, forVerdict.Probability);
        Assert.Equal(full.CategoryProbabilities, forVerdict.CategoryProbabilities);
        Assert.Equal(full.TopTerms.Where(t => t.Weight > 0), forVerdict.TopTerms);
    }

    [Fact]
    public void AllowedMailCarriesNoTermsForTheVerdict()
    {
        var model = TextModel.LoadEmbedded();
        var message = Mail.Of("Hi all, the fire drill is Thursday. Grab the red folder and take attendance outside, as usual.");
        Assert.Contains(model.Score(message, Registry.Empty, null).TopTerms, t => t.Weight < 0);
        Assert.DoesNotContain(model.ScoreForVerdict(message, Registry.Empty, null).TopTerms, t => t.Weight < 0);
    }
}
