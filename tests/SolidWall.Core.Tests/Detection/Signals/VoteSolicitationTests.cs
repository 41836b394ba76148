using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class VoteSolicitationTests
{
    [Theory]
    [InlineData("On February 28, vote for Dana Ortiz.", "vote for Dana")]
    [InlineData("Please vote YES on Question 1!", "vote YES on Q")]
    [InlineData("Make a plan to vote for Delia Marsh.", "Make a plan to vote for")]
    [InlineData("We need your vote on Tuesday.", "We need your vote")]
    [InlineData("El 28 de febrero, vota por Tomás Reyes.", "vota por")]
    [InlineData("¡Vota sí a la Pregunta 1!", "Vota sí")]
    [InlineData("Espero que todos voten por Ana Beltrán el martes.", "voten por")]
    [InlineData("Familias, voten SÍ el 5 de noviembre.", "voten SÍ")]
    [InlineData("Este martes votemos por Luis Carrillo para la Junta.", "votemos por")]
    [InlineData("Le 28 février, votez pour Grace Kowalczyk.", "votez pour")]
    [InlineData("Drodzy rodzice, głosujcie na radnego Motta w sobotę.", "głosujcie na")]
    [InlineData("Sa Pebrero 28, iboto si Grace Kowalczyk.", "iboto si")]
    [InlineData("Tanpri vote pou Delia Marsh jedi a.", "vote pou")]
    [InlineData("Шановні батьки, голосуйте за Джеральда Мотта в суботу.", "голосуйте за")]
    [InlineData("يوم الثلاثاء صوتوا لـ ديليا مارش.", "صوتوا لـ")]
    [InlineData("请大家投票给何志伟，谢谢！", "投票给")]
    [InlineData("Ngày 5 tháng 11, xin nhớ bầu cho ông Luis Carrillo.", "bầu cho")]
    [InlineData("Chers voisins, je compte sur votre voix le 28 février.", "compte sur votre voix")]
    [InlineData("Dimanche, allez voter pour Grace Kowalczyk.", "allez voter pour")]
    [InlineData("Proszę głosować na panią Zielińską w niedzielę.", "głosować na")]
    [InlineData("Pakiboto po si Grace sa Pebrero 28.", "Pakiboto")]
    [InlineData("Tanpri vote WI pou timoun yo.", "vote WI")]
    [InlineData("Прошу проголосувати за пана Мотта в неділю.", "проголосувати за")]
    // The inclusive imperative: "let's", French "votons", Polish "głosujemy".
    [InlineData("On the 28th, let's all vote for Dana Ortiz.", "let's all vote for Dana")]
    [InlineData("Le 28, votons pour Mme Marsh.", "votons pour")]
    [InlineData("28 lutego głosujemy na Dorotę Zielińską, naszą sąsiadkę.", "głosujemy na")]
    public void Fires_on_asks_for_a_candidate_or_side(string text, string phrase)
    {
        var hit = Mail.Run<VoteSolicitation>(text);
        Mail.AssertEvidenceAt(hit, text, phrase);
        Assert.Equal([Categories.VoteSolicitation], hit!.Categories);
    }

    [Theory]
    [InlineData("Remember to vote on Tuesday! Polls are open 6 a.m. to 7 p.m.")]
    [InlineData("Find your polling place: vote for the candidates of your choice.")]
    [InlineData("This nonpartisan reminder: vote for whoever you think is best.")]
    [InlineData("Vote for your favorite Halloween costume in the main office.")]
    [InlineData("Student council: vote for Maria for class president.")]
    [InlineData("LSC election: vote for two parent members at your school.")]
    [InlineData("Union election: vote for delegates to the house of delegates.")]
    [InlineData("No olvides votar el martes. Encuentra tu lugar de votación.")]
    [InlineData("Vota por tu disfraz favorito.")]
    [InlineData("Let's vote for the best costume at Friday's party.")]
    [InlineData("Student council: let's vote for Maria for class president.")]
    [InlineData("Voten por su disfraz favorito en la oficina.")]
    [InlineData("学生会选举：请投票给你喜欢的班长候选人。Student council election on Friday.")]
    [InlineData("Ngày bầu cử: điểm bỏ phiếu mở cửa từ 6 giờ sáng.")]
    public void Stays_quiet_on_neutral_reminders_and_look_alikes(string text) => Assert.Null(Mail.Run<VoteSolicitation>(text));
}
