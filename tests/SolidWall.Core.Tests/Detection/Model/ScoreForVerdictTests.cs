using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The detector asks the model only for the strongest terms on the side it leans to, the ones the model's reason in a
/// verdict weighs with: above one half those that push towards electioneering, otherwise those that push away. They
/// must be exactly the strongest of that side among all the terms the public score can name, in the same order, with
/// the same probability and categories.
/// </summary>
public sealed class ScoreForVerdictTests
{
    [Theory]
    [InlineData("Vote for Dana Ortiz on February 28! Chip in $5 today: every dollar counts for our campaign.")]
    [InlineData("Hi all, the fire drill is Thursday. Grab the red folder and take attendance outside, as usual.")]
    [InlineData("Please share the externship with your students: 12 hours a week for class credit with the Reyes campaign.")]
    [InlineData("The board meeting minutes are attached. The budget vote passed 5-2 and the new calendar starts in August.")]
    public void TheVerdictsTermsAreTheStrongestOnTheSideTheModelLeansTo(string text)
    {
        var model = TextModel.LoadEmbedded();
        var message = Mail.Of(text, subject: "This week");
        var every = model.Score(message.Subject, message.Text, message.Segments, topTerms: 10_000);
        var forVerdict = model.ScoreForVerdict(message, Registry.Empty, null, terms: 5);

        Assert.Equal(every.Probability, forVerdict.Probability);
        Assert.Equal(every.CategoryProbabilities, forVerdict.CategoryProbabilities);
        var side = every.Probability > 0.5 ? 1 : -1;
        // Stable: terms of equal weight in the order the full list gives them.
        var expected = every.TopTerms.Where(t => side * t.Weight > 0).OrderByDescending(t => side * t.Weight).Take(5);
        Assert.Equal(expected, forVerdict.TopTerms);
        Assert.NotEmpty(forVerdict.TopTerms);
    }

    [Fact]
    public void AllowedMailCarriesTheTermsThatPushedItAway()
    {
        var model = TextModel.LoadEmbedded();
        var message = Mail.Of("Hi all, the fire drill is Thursday. Grab the red folder and take attendance outside, as usual.");
        var score = model.ScoreForVerdict(message, Registry.Empty, null);
        Assert.True(score.Probability < 0.5);
        Assert.NotEmpty(score.TopTerms);
        Assert.All(score.TopTerms, t => Assert.True(t.Weight < 0, t.Term));
    }

    [Fact]
    public void ElectioneeringCarriesTheTermsThatPushedItTowards()
    {
        var model = TextModel.LoadEmbedded();
        var message = Mail.Of("Vote for Dana Ortiz on February 28! Chip in $5 today: every dollar counts for our campaign.");
        var score = model.ScoreForVerdict(message, Registry.Empty, null);
        Assert.True(score.Probability > 0.5);
        Assert.All(score.TopTerms, t => Assert.True(t.Weight > 0, t.Term));
    }
}
