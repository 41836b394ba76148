using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class BallotQuestionStanceTests
{
    [Theory]
    [InlineData("Guys. Read the fine print on Q1 before you vote. It's a 30 year tax. Vote NO. Pass this around.", "Q1")]
    [InlineData("And since I've got you all here - please say no on Q1 next month.", "Q1")]
    [InlineData("Eckhart's roof, Eckhart's nurse: yes on Question 1. You know what to do.", "Question 1")]
    [InlineData("Please vote YES on Question 1 on November 5.", "Question 1")]
    [InlineData("El 5 de noviembre voten sí a la Pregunta 1, es para las escuelas.", "Pregunta 1")]
    [InlineData("Pytanie 1 – proszę, na „nie\". To kolejne 212 dolarów rocznie.", "Pytanie 1")]
    [InlineData("P.S. 5 listopada pamiętajcie o Pytaniu 1 – głosujcie TAK, nasza szkoła potrzebuje dachu.", "Pytaniu 1")]
    [InlineData("Tanpri vote WI pou Kesyon 1. Se pou pitit nou yo.", "Kesyon 1")]
    [InlineData("sa Nobyembre 5, pakiboto po ng OO sa Question 1.", "Question 1")]
    [InlineData("попросіть їх проголосувати ТАК за Питання 1, і здайте список до п'ятниці.", "Питання 1")]
    [InlineData("Питання 1: голосуйте «ні», це ще один податок.", "Питання 1")]
    [InlineData("P.S. To those of you who are 18: Yes on 1. Our building needs it.", "Yes on 1")]
    [InlineData("Wear green Friday for the No on 22 rally at lunch.", "No on 22")]
    [InlineData("Y el 28, todos a votar: sí a la 1.", "sí a la 1")]
    [InlineData("Rodzice, proszę głosować TAK na Pytanie 2, chodzi o nowe okna.", "Pytanie 2")] // the infinitive
    [InlineData("Друзі, голосуйте «ні» на першому питанні, податок і так високий.", "першому питанні")]
    [InlineData("这次选票上的第二号提案关系到校车，请大家投“赞成”。", "第二号提案")]
    [InlineData("Anh chị nhớ bỏ phiếu KHÔNG cho Dự luật 2 nhé, thuế nhà lại tăng.", "Dự luật 2")]
    [InlineData("نرجو منكم التصويت بنعم على السؤال رقم 2 يوم الانتخابات.", "السؤال رقم 2")]
    [InlineData("Jedi a, WI sou 2 an, pou timoun yo.", "WI sou 2 an")]
    [InlineData("anyone whose family puts a Yes on 1 sign in the yard gets a homework pass.", "Yes on 1")] // a reward, not homework
    public void Fires_on_a_stance_on_a_numbered_ballot_question(string text, string phrase)
    {
        var hit = Mail.Run<BallotQuestionStance>(text, "Nov 5");
        Assert.NotNull(hit);
        Assert.Equal([Categories.VoteSolicitation], hit.Categories);
        Mail.AssertEvidenceAt(hit, text, phrase);
    }

    [Theory]
    [InlineData("A YES vote on Question 1 means the levy rises by 0.35%; a NO vote means it stays.")] // the fact sheet
    [InlineData("If you vote no on Question 1, the rate stays where it is. Both sides' statements are attached.")]
    [InlineData("Answer question 1 and question 2, then vote on your favourite poem. No on-time penalty.")] // homework
    [InlineData("Q1 timesheets are due Friday. Say yes to the overtime only if Maria approved it.")] // first quarter, no stance on it
    [InlineData("Vote NO on the field trip survey if you can't come.")] // no ballot question
    [InlineData("Students who answered yes on 2 of the 5 items need a retake.")] // a count, not a question
    [InlineData("A yes on 1 means the levy rises; a no on 1 means it stays.")] // the fact sheet again
    [InlineData("Питання 1 у контрольній: так чи ні, поясніть відповідь.")] // homework, no ask
    [InlineData("Bỏ phiếu CÓ cho Dự luật 2 nghĩa là thuế tăng 0,35%; bỏ phiếu KHÔNG nghĩa là giữ nguyên.")] // the fact sheet
    [InlineData("第二号提案：投“赞成”意味着税率提高，投“反对”意味着不变。")] // the fact sheet in Chinese
    [InlineData("Коментар до питання 2: голосування «так» означає новий податок.")] // and in Ukrainian
    public void Stays_quiet_otherwise(string text) => Assert.Null(Mail.Run<BallotQuestionStance>(text, "Notes"));
}
