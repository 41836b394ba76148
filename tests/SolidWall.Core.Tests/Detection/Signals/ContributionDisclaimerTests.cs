using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class ContributionDisclaimerTests
{
    [Theory]
    [InlineData("Contributions to Gloria for Tennessee are not tax deductible.", "Contributions to Gloria")]
    [InlineData("Federal law requires us to use our best efforts to collect and report the name, mailing address", "Federal law requires")]
    [InlineData("Contributions from foreign nationals are prohibited.", "Contributions from foreign")]
    [InlineData("Las contribuciones a Amigos de Reyes no son deducibles de impuestos.", "Las contribuciones")]
    public void Fires_on_political_contribution_notices(string text, string phrase)
    {
        var hit = Mail.Run<ContributionDisclaimer>("Thanks for your support.\n" + text);
        Mail.AssertEvidenceAt(hit, "Thanks for your support.\n" + text, phrase);
        Assert.Equal([Categories.Fundraising], hit!.Categories);
    }

    [Theory]
    [InlineData("Contributions to the Harborview PTA are tax deductible to the extent allowed by law.")]
    [InlineData("Your gift to the Lakeshore Education Foundation is tax-deductible.")]
    [InlineData("Las donaciones a la asociación de padres son deducibles de impuestos.")]
    public void Stays_quiet_on_charity_notices(string text) => Assert.Null(Mail.Run<ContributionDisclaimer>(text));
}
