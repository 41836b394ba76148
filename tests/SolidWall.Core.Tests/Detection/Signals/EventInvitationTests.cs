using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class EventInvitationTests
{
    [Theory]
    [InlineData("Join the Ortiz campaign for a canvass launch Saturday at 10.", "canvass", Categories.Event)]
    [InlineData("Rally for Delia Marsh, candidate for state representative, at the park.", "Rally", Categories.Event)]
    [InlineData("Phone bank for Whitfield for Mayor every Tuesday night.", "Phone bank", Categories.VolunteerRecruitment)]
    [InlineData("You're invited to a fundraiser for Priya Natarajan's school board campaign.", "fundraiser", Categories.Fundraising)]
    [InlineData("¡Ven al mitin de nuestra candidata a alcaldesa este domingo!", "mitin", Categories.Event)]
    [InlineData("Salimos a tocar puertas por la campaña de Reyes.", "tocar puertas", Categories.VolunteerRecruitment)]
    [InlineData("Samedi, porte-à-porte pour la campagne électorale de Mme Marsh.", "porte-à-porte", Categories.VolunteerRecruitment)]
    [InlineData("Zapraszam na wiec naszej kandydatki w sobotę.", "wiec", Categories.Event)]
    [InlineData("Vin nan rasanbleman kanpay la samdi.", "rasanbleman", Categories.Event)]
    [InlineData("Запрошуємо на мітинг кандидата в суботу.", "мітинг", Categories.Event)]
    [InlineData("周六的竞选集会，欢迎大家参加。", "集会", Categories.Event)]
    [InlineData("Collecte de fonds pour la campagne électorale de Grace jeudi soir.", "Collecte de fonds", Categories.Fundraising)]
    public void Fires_on_campaign_events(string text, string phrase, string category)
    {
        var hit = Mail.Run<EventInvitation>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Contains(category, hit!.Categories);
    }

    // A shift of campaign work is volunteer recruitment, not an event; its launch party is an event (data/district/README.md).
    [Theory]
    [InlineData("Can you canvass for the Ortiz campaign Saturday? Shifts start at 10.", Categories.VolunteerRecruitment, Categories.Event)]
    [InlineData("Door knocking for Delia Marsh, candidate for state representative, this weekend.", Categories.VolunteerRecruitment, Categories.Event)]
    [InlineData("Join the Ortiz campaign for a canvass kickoff Saturday at 10.", Categories.Event, Categories.VolunteerRecruitment)]
    public void Names_campaign_work_volunteer_recruitment(string text, string named, string notNamed)
    {
        var hit = Mail.Run<EventInvitation>(text);
        Assert.NotNull(hit);
        Assert.Contains(named, hit.Categories);
        Assert.DoesNotContain(notNamed, hit.Categories);
    }

    [Theory]
    [InlineData("Pep rally Friday before the big game!")]
    [InlineData("The PTA fundraiser is Saturday: bake sale and raffle.")]
    [InlineData("Charity fundraiser for the food pantry; the campaign for the new gym continues.")]
    [InlineData("Watch party for the Super Bowl in the teachers' lounge.")]
    [InlineData("Rally in the gym at 2:00 for spirit week.")]
    [InlineData("Kermes de la asociación de padres: recaudación de fondos para la biblioteca.")]
    [InlineData("Запрошуємо на зустріч з кандидатами 33-го округу: ми запросили всіх кандидатів.")]
    [InlineData("Jak wiecie, kampania wyborcza Mott trwa; wieczorem mamy zebranie rady pedagogicznej.")]
    public void Stays_quiet_on_school_and_charity_events(string text) => Assert.Null(Mail.Run<EventInvitation>(text));
}
