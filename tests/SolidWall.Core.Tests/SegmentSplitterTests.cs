using FsCheck;
using FsCheck.Fluent;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

public sealed class SegmentSplitterTests
{
    private static SegmentKind[] Kinds(IReadOnlyList<Segment> segments) => segments.Select(s => s.Kind).ToArray();

    [Fact]
    public void Plain_text_is_one_body_segment()
    {
        var segments = SegmentSplitter.Split("Hi all,\n\nThe board meets Tuesday.\n\nMaria");
        var body = Assert.Single(segments);
        Assert.Equal(new Segment(SegmentKind.Body, "Hi all,\n\nThe board meets Tuesday.\n\nMaria"), body);
    }

    [Fact]
    public void Quoted_reply_under_on_wrote_is_a_quote_with_its_attribution()
    {
        const string text = "Sure, I'll print 200 copies.\n\nOn Mon, Oct 7, 2024 at 9:14 AM Jane Doe <jane@example.org> wrote:\n\n> Can you print the flyers for\n> Saturday's canvass?\n>\n> > Earlier: the rally moved.\n";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], Kinds(segments));
        Assert.Equal("Sure, I'll print 200 copies.", segments[0].Text);
        Assert.Equal("On Mon, Oct 7, 2024 at 9:14 AM Jane Doe <jane@example.org> wrote:", segments[1].Attribution);
        Assert.Equal("Can you print the flyers for\nSaturday's canvass?\n\nEarlier: the rally moved.", segments[1].Text);
    }

    [Fact]
    public void Attribution_wrapped_over_two_lines_is_joined()
    {
        const string text = "Count me in.\n\nOn Tue, Oct 8, 2024 at 10:02 PM Campaign Office <office@janeforboard.example>\nwrote:\n> Join us Saturday!";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], Kinds(segments));
        Assert.Equal("On Tue, Oct 8, 2024 at 10:02 PM Campaign Office <office@janeforboard.example> wrote:", segments[1].Attribution);
        Assert.Equal("Join us Saturday!", segments[1].Text);
    }

    [Theory]
    [InlineData("El lun, 7 oct 2024 a las 9:14, Juana Pérez (<juana@example.org>) escribió:")]
    [InlineData("Le lun. 7 oct. 2024 à 09:14, Jeanne Dupont <jeanne@example.org> a écrit :")]
    [InlineData("Am Mo., 7. Okt. 2024 um 09:14 Uhr schrieb Johanna Muster <johanna@example.org>:")]
    [InlineData("Em seg., 7 de out. de 2024 às 09:14, Joana Silva <joana@example.org> escreveu:")]
    [InlineData("Il giorno lun 7 ott 2024 alle ore 09:14 Giovanna Rossi <giovanna@example.org> ha scritto:")]
    [InlineData("Jane Doe <jane@example.org> 于2024年10月7日周一 09:14写道：")]
    public void Translated_attributions_open_quotes(string attribution)
    {
        var segments = SegmentSplitter.Split("Gracias.\n\n" + attribution + "\n> Texto citado\n> de la campaña");
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], Kinds(segments));
        Assert.Equal(attribution, segments[1].Attribution);
        Assert.Equal("Texto citado\nde la campaña", segments[1].Text);
    }

    [Fact]
    public void Interleaved_reply_alternates_quote_and_body()
    {
        const string text = "> Can you come Saturday?\nYes.\n> And bring students?\nNo, that is not allowed.";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Quote, SegmentKind.Body, SegmentKind.Quote, SegmentKind.Body], Kinds(segments));
        Assert.Equal("No, that is not allowed.", segments[3].Text);
        Assert.All(segments, s => Assert.Null(s.Attribution));
    }

    [Fact]
    public void Gmail_forward_has_its_header_block_as_attribution()
    {
        const string text = "FYI - please share with your classes.\n\n---------- Forwarded message ---------\nFrom: Jane for Board <info@janeforboard.example>\nDate: Mon, Oct 7, 2024 at 9:14 AM\nSubject: Volunteer this weekend\nTo: <teacher@district.example>\n\n\nFriends,\nWe need volunteers for Saturday's canvass.\n";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Forward], Kinds(segments));
        Assert.Equal("FYI - please share with your classes.", segments[0].Text);
        Assert.Equal("From: Jane for Board <info@janeforboard.example>\nDate: Mon, Oct 7, 2024 at 9:14 AM\nSubject: Volunteer this weekend\nTo: <teacher@district.example>", segments[1].Attribution);
        Assert.Equal("Friends,\nWe need volunteers for Saturday's canvass.", segments[1].Text);
    }

    [Fact]
    public void Gmail_spanish_forward_with_bold_header_names()
    {
        const string text = "Para compartir.\n\n---------- Mensaje reenviado ---------\n*De:* Campaña Juana <info@juana.example>\n*Date:* lun, 7 oct 2024 a las 9:14\n*Subject:* Voluntarios\n*To:* <maestra@distrito.example>\n\nAmigos, necesitamos voluntarios.";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Forward], Kinds(segments));
        Assert.StartsWith("*De:* Campaña Juana", segments[1].Attribution, StringComparison.Ordinal);
        Assert.Equal("Amigos, necesitamos voluntarios.", segments[1].Text);
    }

    [Theory]
    [InlineData("Begin forwarded message:", SegmentKind.Forward)]
    [InlineData("Inicio del mensaje reenviado:", SegmentKind.Forward)]
    [InlineData("-------- Original Message --------", SegmentKind.Forward)]
    [InlineData("-------- Forwarded Message --------", SegmentKind.Forward)]
    [InlineData("-------- Message transféré --------", SegmentKind.Forward)]
    [InlineData("---------- Weitergeleitete Nachricht ----------", SegmentKind.Forward)]
    [InlineData("---------- Mensagem encaminhada ---------", SegmentKind.Forward)]
    [InlineData("---------- Messaggio inoltrato ---------", SegmentKind.Forward)]
    [InlineData("---------- 转发的邮件 ----------", SegmentKind.Forward)]
    [InlineData("-----Original Message-----", SegmentKind.Quote)]
    [InlineData("-----Mensaje original-----", SegmentKind.Quote)]
    [InlineData("-----Ursprüngliche Nachricht-----", SegmentKind.Quote)]
    [InlineData("------------------ 原始邮件 ------------------", SegmentKind.Quote)]
    public void Separator_lines_open_their_segment(string separator, SegmentKind kind)
    {
        var text = "See below.\n\n" + separator + "\n\nFrom: Office <office@example.org>\nSubject: Rally\nDate: 7 Oct 2024\n\nCome to the rally.";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, kind], Kinds(segments));
        Assert.Equal("From: Office <office@example.org>\nSubject: Rally\nDate: 7 Oct 2024", segments[1].Attribution);
        Assert.Equal("Come to the rally.", segments[1].Text);
    }

    [Fact]
    public void Outlook_header_block_without_separator_quotes_everything_below()
    {
        const string text = "Please see the message below.\n\nJohn\n\n________________________________\nFrom: Jane Doe <jane@example.org>\nSent: Monday, October 7, 2024 9:14 AM\nTo: John Smith <john@district.example>\nCc: Office\nSubject: RE: Flyers\n\nThanks John.\n\nOn the other topic: yes.";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], Kinds(segments));
        Assert.Equal("Please see the message below.\n\nJohn", segments[0].Text); // Outlook's rule belongs to the separator
        Assert.StartsWith("From: Jane Doe", segments[1].Attribution, StringComparison.Ordinal);
        Assert.EndsWith("Subject: RE: Flyers", segments[1].Attribution, StringComparison.Ordinal);
        Assert.Equal("Thanks John.\n\nOn the other topic: yes.", segments[1].Text);
    }

    [Fact]
    public void Spanish_outlook_header_block_and_thread_of_quotes()
    {
        const string text = "Reenvío para su información.\n\nDe: Juana Pérez <juana@example.org>\nEnviado el: lunes, 7 de octubre de 2024 9:14\nPara: Maestros <maestros@distrito.example>\nAsunto: Voluntarios\n\nNecesitamos voluntarios.\n\nDe: Campaña <info@campana.example>\nEnviado el: domingo, 6 de octubre de 2024 18:00\nPara: Juana Pérez <juana@example.org>\nAsunto: Voluntarios\n\n¡Únete el sábado!";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote, SegmentKind.Quote], Kinds(segments));
        Assert.Equal("Necesitamos voluntarios.", segments[1].Text);
        Assert.Equal("¡Únete el sábado!", segments[2].Text);
        Assert.StartsWith("De: Campaña", segments[2].Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void Outlook_original_message_quotes_everything_below_even_without_marks()
    {
        const string text = "Approved.\n\n-----Original Message-----\nFrom: Jane\nSent: Monday\nTo: John\nSubject: Field trip\n\nMay we take the class to the rally?";
        var segments = SegmentSplitter.Split(text);
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], Kinds(segments));
        Assert.Equal("May we take the class to the rally?", segments[1].Text);
    }

    [Fact]
    public void Prose_with_colons_is_not_a_header_block()
    {
        const string text = "From: the principal's office\nTo do: grade papers\nDate night is Friday.";
        Assert.Equal([SegmentKind.Body], Kinds(SegmentSplitter.Split(text)));
    }

    [Fact]
    public void Wrote_without_on_needs_quoted_lines_to_count()
    {
        Assert.Equal([SegmentKind.Body], Kinds(SegmentSplitter.Split("The reporter wrote:\nthe event was big.")));
        Assert.Equal([SegmentKind.Body, SegmentKind.Quote], Kinds(SegmentSplitter.Split("Agreed.\nJane Doe <jane@example.org> wrote:\n> Vote Tuesday")));
    }

    [Fact]
    public void Arbitrary_strings_never_throw()
    {
        var pieces = Gen.OneOf(
            Gen.Elements("\n", "> ", ">>", "On Mon, Jane wrote:", "On Mon, Jane\n", "wrote:", "From: a\nSent: b\nTo: c\n",
                "---------- Forwarded message ---------\n", "-----Original Message-----", "Begin forwarded message:", "De:", "：", "\r\n", " "),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));
        var gen = pieces.ListOf().Select(l => string.Concat(l));
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            var segments = SegmentSplitter.Split(s);
            return segments.All(x => x.Text.Length > 0 || x.Attribution is not null);
        }).QuickCheckThrowOnFailure();
    }
}
