using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class PollingTests
{
    [Theory]
    [InlineData("Take our quick poll: which issue matters most in the mayor's race? The Ortiz campaign wants to know.", "Take our quick poll")]
    [InlineData("OFFICIAL 2027 VOTER SURVEY from the Whitfield campaign", "VOTER SURVEY")]
    [InlineData("Who are you voting for on February 28? Tell our candidate.", "Who are you voting for")]
    [InlineData("Responde nuestra encuesta de campaña antes del viernes.", "Responde nuestra encuesta")]
    public void Fires_on_campaign_polls(string text, string phrase)
    {
        var hit = Mail.Run<Polling>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Polling], hit!.Categories);
    }

    [Theory]
    [InlineData("Quick one for the Ortiz campaign: if the mayoral election were held today, who gets your vote?", "if the mayoral election were held today")]
    [InlineData("Three questions from the campaign. Who are you leaning toward in the 12th Ward race?", "Who are you leaning")]
    [InlineData("Would you be more or less likely to vote for the candidate if you knew about the stop sign?", "more or less likely to vote for")]
    [InlineData("Do you have a favorable or unfavorable opinion of candidate Whitfield?", "favorable or unfavorable opinion of")]
    [InlineData("Encuesta de la campaña: si la elección fuera hoy, ¿por quién votaría para alcalde?", "si la elección fuera hoy")]
    [InlineData("Para la campaña de Luis: ¿con quién están en el Distrito 4?", "con quién están")]
    [InlineData("Petit sondage de la campagne électorale : pour qui comptez-vous voter le 28 ?", "pour qui comptez")]
    [InlineData("Kampania pyta: na kogo zagłosujecie w wyborach na burmistrza?", "na kogo zagłosujecie")]
    [InlineData("Kandida majistra yo: pou ki moun ou pral vote?", "pou ki moun ou pral vote")]
    [InlineData("Para sa kampanya: sino ang iboboto mo bilang mayor?", "sino ang iboboto mo")]
    [InlineData("Для кампанії: за кого ви плануєте голосувати 28 лютого?", "за кого ви")]
    [InlineData("استطلاع الحملة: لمن ستصوّت في الانتخابات؟", "لمن ستصوّت")]
    [InlineData("竞选团队想知道：二十八号您打算投哪位市长？", "投哪位")]
    [InlineData("Chiến dịch tranh cử hỏi: quý vị định bầu cho ai?", "bầu cho ai")]
    public void Fires_on_the_vote_intention_question(string text, string phrase)
    {
        var hit = Mail.Run<Polling>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.Polling], hit!.Categories);
    }

    [Theory]
    [InlineData("Board election, reply with one: Carrillo / Abernathy / undecided?", "/ undecided?")]
    [InlineData("Para alcalde, en la campaña: Ortiz / Reyes / no sé", "/ no sé")]
    [InlineData("Para alcalde, en la campaña: (Ortiz / Reyes / no sé)", "/ no sé)")]
    [InlineData("W wyborach: Mott czy Zielińska, czy jeszcze nie wiecie?", "czy jeszcze nie wiecie?")]
    [InlineData("选举投票：奥尔蒂斯 / 雷耶斯 / 还没决定", "/ 还没决定")]
    public void Fires_on_a_choice_of_candidates_with_an_undecided_option(string text, string phrase) =>
        Mail.AssertEvidenceAt(Mail.Run<Polling>(text), text, phrase);

    [Theory]
    [InlineData("Nadie les va a decir por quién votar en la elección; el registro es del condado.")]
    [InlineData("No tienen que decir por quién votarían en el debate de la clase sobre la campaña.")]
    [InlineData("A supervisor may not ask who you are voting for in the election.")]
    [InlineData("Không cần nói em định bầu cho ai trong cuộc bầu cử.")]
    [InlineData("Керівник не може питати, за кого ви голосуєте на виборах.")]
    [InlineData("Mock election homework: who would you vote for in the mayoral race, and why?")]
    [InlineData("A new poll shows who voters are leaning toward in the mayoral election: Ortiz 34%, Whitfield 29%, undecided 20%.")]
    [InlineData("The campaign office is closed; we have not decided, or not sure yet, about the flyers.")]
    public void Stays_quiet_where_whom_one_votes_for_is_not_asked(string text) => Assert.Null(Mail.Run<Polling>(text));

    [Theory]
    [InlineData("Your polling place for the election is the Harborview gym; polls open at 6.")]
    [InlineData("Please take the parent survey (5Essentials) before the election break.")]
    [InlineData("Take our quick survey about the new lunch menu.")]
    [InlineData("Encuesta escolar: responde nuestra encuesta sobre el clima escolar. Lugar de votación: gimnasio.")]
    public void Stays_quiet_on_polling_places_and_school_surveys(string text) => Assert.Null(Mail.Run<Polling>(text));
}
