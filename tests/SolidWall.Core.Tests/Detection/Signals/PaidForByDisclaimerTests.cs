using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class PaidForByDisclaimerTests
{
    [Theory]
    [InlineData("Thank you!\n\nPaid for by Friends of Dana Ortiz.", "Paid for by Friends of Dana Ortiz")]
    [InlineData("DONATE Paid for byMark Takano For Congress P.O. Box 5214", "Paid for byMark Takano For Congress P")]
    [InlineData("Not authorized by any candidate or candidate's committee.", "Not authorized by any candidate or candidate's committee")]
    [InlineData("PAID FOR BY THE NRCC AND NOTAUTHORIZED BY ANY CANDIDATE", "PAID FOR BY THE NRCC AND NOTAUTHORIZED BY ANY CANDIDATE")]
    [InlineData("¡Gracias!\nPagado por Amigos de Tomás Reyes\n", "Pagado por Amigos de Tomás Reyes")]
    [InlineData("No está autorizado por ningún candidato ni comité.", "No está autorizado por ningún candidato")]
    // As a campaign's translated mail carries it, in the district's other languages.
    [InlineData("Merci, l'équipe Ortiz\nPayé par Comité pour réélire Dana Ortiz.", "Payé par Comité pour réélire Dana Ortiz")]
    [InlineData("Dziękujemy!\nOpłacone przez Kowalczyk 2027", "Opłacone przez Kowalczyk 2027")]
    [InlineData("Mèsi, Ekip Yolanda Pierce\nPeye pa Friends of Yolanda Pierce.", "Peye pa Friends of Yolanda Pierce")]
    [InlineData("Salamat po!\nBinayaran ng Friends of Dana Ortiz.", "Binayaran ng Friends of Dana Ortiz")]
    [InlineData("Голосуйте 28 лютого.\nОплачено: Zielińska for the 33rd", "Оплачено: Zielińska for the 33rd")]
    [InlineData("أحضروا عائلاتكم وجيرانكم!\nمدفوع من أصدقاء دانا أورتيز.", "مدفوع من أصدقاء دانا أورتيز")]
    [InlineData("欢迎全家参加。\n由 Friends of Dana Ortiz 竞选委员会支付", "由 Friends of Dana Ortiz 竞选委员会支付")]
    [InlineData("欢迎全家参加。\nFriends of Dana Ortiz 竞选委员会支付", "Friends of Dana Ortiz 竞选委员会支付")]
    [InlineData("Cảm ơn quý vị!\nĐược trả bởi Friends of Dana Ortiz.", "Được trả bởi Friends of Dana Ortiz")]
    public void Fires_on_disclaimers_and_quotes_the_payer(string text, string quoted)
    {
        var hit = Mail.Run<PaidForByDisclaimer>(text);
        Mail.AssertEvidenceAt(hit, text, quoted[..10]);
        Assert.StartsWith(quoted, hit!.Evidence[0].Text, StringComparison.Ordinal);
        Assert.Equal([Categories.Literature], hit.Categories);
    }

    [Fact]
    public void Fires_in_the_subject_with_a_subject_offset()
    {
        var hit = Mail.Run<PaidForByDisclaimer>("hello", "Paid for by Doe for Mayor");
        Assert.NotNull(hit);
        Assert.Equal("subject", hit.Evidence[0].Where);
        Assert.Equal(0, hit.Evidence[0].Offset);
    }

    [Theory]
    [InlineData("The field trip bus is paid for by the PTA, so there is no cost to families.")]
    [InlineData("Lunch on Friday is paid for by the district.")]
    [InlineData("The new laptops were paid for by a federal grant.")]
    [InlineData("Ethics training: every campaign email must include a disclaimer such as 'Paid for by Friends of X'.")]
    [InlineData("El almuerzo fue pagado por la escuela.")]
    [InlineData("La excursión está pagada por la asociación de padres.")]
    [InlineData("Please bring your receipts; anything paid for by your own card will be reimbursed.")]
    [InlineData("La sortie est payée par l'école et l'APE.")]
    [InlineData("Wycieczka jest opłacona przez radę rodziców.")]
    [InlineData("Sòti a peye pa lekòl la.")]
    [InlineData("Ang bus ay binayaran ng paaralan.")]
    // A word in a sentence, not a line of its own: a paid internship, the benches a ward's fund paid for.
    [InlineData("يعلن مكتب التعليم عن فرص تدريب صيفي مدفوعة من الشركات المحلية للطلاب.")]
    [InlineData("Олдермен Мотт, з фонду округу якого оплачено лавки та ліхтарі, прийде на свято.")]
    [InlineData("学校的午餐由家长会支付，请放心。")]
    public void Stays_quiet_on_innocent_payers_and_quoted_rules(string text) =>
        Assert.Null(Mail.Run<PaidForByDisclaimer>(text));

    [Fact]
    public void A_disclaimer_only_in_quoted_text_is_the_quoted_signal_s()
    {
        const string text = "This reached my school address. Not replying.\n\n> Chip in $25 tonight.\n> Paid for by Friends of Dana Ortiz.";
        var message = Mail.Of(text, "Fw: tonight", segments: SolidWall.Core.Text.SegmentSplitter.Split(text));
        Assert.Null(Mail.Run("PaidForByDisclaimer", message));
        var quoted = Mail.Run("PaidForByDisclaimerQuoted", message);
        Assert.NotNull(quoted);
        Assert.Equal(text.IndexOf("Paid for by", StringComparison.Ordinal), quoted.Evidence[0].Offset);
    }

    [Fact]
    public void A_disclaimer_in_the_own_words_in_one_language_keeps_a_quoted_one_in_another_from_the_quoted_signal()
    {
        const string text = "صوتوا يوم 28 فبراير.\nمدفوع من أصدقاء دانا أورتيز.\n\n> Chip in $25 tonight.\n> Paid for by Friends of Dana Ortiz.";
        var message = Mail.Of(text, "tonight", segments: SolidWall.Core.Text.SegmentSplitter.Split(text));
        Assert.NotNull(Mail.Run("PaidForByDisclaimer", message));
        Assert.Null(Mail.Run("PaidForByDisclaimerQuoted", message));
    }

    [Fact]
    public void A_disclaimer_in_the_message_s_own_words_is_the_main_signal_s()
    {
        const string text = "Chip in $25 tonight.\n\nPaid for by Friends of Dana Ortiz.\n\n> unsubscribe me please";
        var message = Mail.Of(text, "tonight", segments: SolidWall.Core.Text.SegmentSplitter.Split(text));
        Assert.NotNull(Mail.Run("PaidForByDisclaimer", message));
        Assert.Null(Mail.Run("PaidForByDisclaimerQuoted", message));
    }
}
