using SolidWall.Core.Analysis;

namespace SolidWall.Core.Tests.Analysis;

public sealed class DisclaimerCommitteeTests
{
    [Theory]
    [InlineData("Thanks!\n\nPaid for by the Committee to Re-elect Dana Ortiz\n", "Committee to Re-elect Dana Ortiz")]
    [InlineData("Pagado por el Committee to Re-elect Dana Ortiz", "Committee to Re-elect Dana Ortiz")]
    [InlineData("Paid for by Friends of Priya Raman for Board of Education", "Friends of Priya Raman for Board of Education")]
    [InlineData("Paid for by Doe for Mayor, Inc. and not authorized by any candidate or candidate's committee.", "Doe for Mayor")]
    [InlineData("PAID FOR BY Friends of J. Smith. www.jsmith.example", "Friends of J. Smith")]
    [InlineData("Authorized by Lee for Council | 123 Main St", "Lee for Council")]
    [InlineData("Paid for byMark Lopez for Alderman, 42 Elm Street", "Mark Lopez for Alderman")]
    [InlineData("Merci !\nPayé par Comité pour réélire Dana Ortiz.", "Comité pour réélire Dana Ortiz")]
    [InlineData("Payé par l'Association des amis de Marsh", "Association des amis de Marsh")]
    [InlineData("Opłacone przez Kowalczyk 2027", "Kowalczyk 2027")]
    [InlineData("Mèsi!\nPeye pa Friends of Yolanda Pierce.", "Friends of Yolanda Pierce")]
    [InlineData("Binayaran ng Friends of Dana Ortiz.", "Friends of Dana Ortiz")]
    [InlineData("Cảm ơn!\nĐược trả bởi Friends of Dana Ortiz.", "Friends of Dana Ortiz")]
    [InlineData("Голосуйте!\nОплачено: Zielińska for the 33rd", "Zielińska for the 33rd")]
    [InlineData("أحضروا عائلاتكم!\nمدفوع من أصدقاء دانا أورتيز.", "أصدقاء دانا أورتيز")]
    public void Reads_the_committee_a_disclaimer_names(string text, string committee) => Assert.Equal(committee, DisclaimerCommittee.Find(text));

    [Theory]
    [InlineData("The field trip is paid for by the PTA.")]
    [InlineData("Lunch is paid for by the district this week.")]
    [InlineData("Not authorized by any candidate or candidate's committee.")]
    [InlineData("Your tuition is paid for by your scholarship fund")]
    [InlineData("No disclaimer here at all.")]
    [InlineData("La sortie est payée par l'école.")]
    [InlineData("Wycieczka opłacona przez radę rodziców.")]
    [InlineData("Ang bus ay binayaran ng paaralan.")]
    [InlineData("يعلن المكتب عن فرص تدريب مدفوعة من الشركات.")]
    public void Innocent_payers_name_no_committee(string text) => Assert.Null(DisclaimerCommittee.Find(text));
}
