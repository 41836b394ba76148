using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

public sealed class TermLocatorTests
{
    [Theory]
    [InlineData("Meet at 5th and Main on Saturday.", "0th and", "5th and")]
    [InlineData("Vote on the 28th, polls open at 6.", "00th", "28th")]
    [InlineData("Read Q1 before you go.", "q0", "Q1")]
    [InlineData("Jedynka to nasza szansa.", "jedyn…", "Jedynka")]
    [InlineData("Nos vemos el sábado en la plaza.", "sabado", "sábado")]
    [InlineData("Głosujcie na nią.", "glosu…", "Głosujcie")]
    [InlineData("Kurt's people need ten of us.", "s people", "s people")]
    [InlineData("please share\nwith your class", "share with", "share\nwith")]
    [InlineData("11月5号，请大家投票", "大 家", "大家")]
    [InlineData("周四晚上6点在工会大厅", "0", "6")]
    [InlineData("88分会 政治行动委员会", "00", "88")]
    [InlineData("Give at https://secure.actblue.com/donate/x today", "host:secure.actblue.com", "secure.actblue.com")]
    // An apostrophe that ends a word is no part of it, as the tokenizer reads it: "parents'" is "parents".
    [InlineData("Parents' right to see every curriculum", "parents", "Parents")]
    [InlineData("the candidates’ quarterly filings", "candidates quarterly", "candidates’ quarterly")]
    [InlineData("girls' basketball and boys' swim", "boys", "boys")]
    [InlineData("Kurt's people", "kurt's", "Kurt's")]
    // A link's host or an address's domain in a pair is pointed at by the host.
    [InlineData("read the url https://www.newsisfree.com/click/-5 later", "url host:www.newsisfree.com", "www.newsisfree.com")]
    [InlineData("write to jo@gmail.com by email", "domain:gmail.com email", "gmail.com")]
    // The stem every host or domain shares stands for the message's links or addresses: the first one.
    [InlineData("see www.example.org and https://secure.actblue.com/x", "host:…", "www.example.org")]
    [InlineData("a tip: https://secure.actblue.com/x, then www.example.org", "host:…", "secure.actblue.com")]
    [InlineData("mail@ or jo@lists.example.org.", "domai…", "lists.example.org")]
    public void Finds_the_words_the_model_read_as_written(string text, string term, string expected)
    {
        var (start, length) = TermLocator.Find(text, term);
        Assert.True(start >= 0, $"'{term}' not found in '{text}'");
        Assert.Equal(expected, text.Substring(start, length));
    }

    [Theory]
    [InlineData("She is devoted to her students.", "vote")]
    [InlineData("Room 2028 is open.", "00")]
    [InlineData("The shareholders met.", "share")]
    [InlineData("share the notes", "share with")]
    [InlineData("", "vote")]
    [InlineData("no link here, only www as a word", "host:…")]
    [InlineData("no address: @home.", "domai…")]
    public void Finds_whole_words_only(string text, string term) => Assert.Equal((-1, 0), TermLocator.Find(text, term));

    [Fact]
    public void A_term_is_not_pointed_at_in_the_words_the_mail_system_wrote()
    {
        // The model never read the gateway's banner (MailBoilerplate blanks it before tokenizing), so its "click" is the sender's.
        var text = "CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you "
            + "recognize the sender and know the content is safe.\n\nPlease click the link and sign up for Saturday's canvass.";
        var blanked = SolidWall.Core.Text.MailBoilerplate.Blank(text);
        Assert.NotEqual(text, blanked);
        var lower = InvariantLower.Of(blanked);
        Assert.Equal(text.IndexOf("click the link", StringComparison.Ordinal), TermLocator.Find(text, lower, "click").Start);
        Assert.Equal(text.IndexOf("click links", StringComparison.Ordinal), TermLocator.Find(text, "click").Start);
        // The char-by-char reading (a folded accent) skips the banner too.
        var accented = text.Replace("organization", "organizatión", StringComparison.Ordinal) + " Organizatión matters.";
        var accentedLower = InvariantLower.Of(SolidWall.Core.Text.MailBoilerplate.Blank(accented));
        Assert.Equal(accented.LastIndexOf("Organizatión", StringComparison.Ordinal), TermLocator.Find(accented, accentedLower, "organization").Start);
    }

    [Fact]
    public void A_lower_cased_copy_of_another_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => TermLocator.Find("Vote", "vote!", "vote"));
}
