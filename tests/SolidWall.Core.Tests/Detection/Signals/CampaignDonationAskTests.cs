using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class CampaignDonationAskTests
{
    [Theory]
    [InlineData("I'm running for the District 7 school board seat. Would you be willing to chip in?", "chip in")]
    [InlineData("Our campaign is $5,000 short. Please donate today.", "donate")]
    [InlineData("Haz una donación a la campaña de Ana Beltrán hoy.", "Haz una donación")]
    // Matches that hold none of the signal's keywords, only the words completing them (a line break inside "chip in",
    // a check "made out to"): until the anchors gated fields, the field was never read.
    [InlineData("I'm running for the District 7 school board seat. Would you be willing to chip\nin?", "chip\nin")]
    [InlineData("Our campaign can't take cash, but a check made out to Friends of Ortiz works.", "check made out to")]
    [InlineData("Faites un don à la campagne électorale de Mme Marsh avant vendredi.", "Faites un don")]
    [InlineData("Kampania Zielińskiej potrzebuje wsparcia: wpłaćcie choćby 20 dolarów.", "wpłaćcie")]
    [InlineData("Tanpri fè yon don pou kanpay Delia a.", "fè yon don")]
    [InlineData("Пожертвуйте на кампанію нашого кандидата до п'ятниці.", "Пожертвуйте")]
    [InlineData("请为我们候选人的竞选捐款。", "捐款")]
    public void Fires_on_money_asks_next_to_a_campaign(string text, string phrase)
    {
        var hit = Mail.Run<CampaignDonationAsk>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Fundraising], hit!.Categories);
    }

    [Theory]
    [InlineData("The PTA fundraising campaign ends Friday. Please donate to the book fair!")]
    [InlineData("Please donate canned goods to the food drive; the student council election is next week.")]
    [InlineData("Chip in for the hardship fund (union business, not the campaign).")]
    [InlineData("Please donate to the library. Thank you!")]
    [InlineData("Dona a la despensa escolar; la elección del consejo estudiantil es el viernes.")]
    public void Stays_quiet_on_charity_and_school_asks(string text) => Assert.Null(Mail.Run<CampaignDonationAsk>(text));
}
