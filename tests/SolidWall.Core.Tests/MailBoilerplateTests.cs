using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

/// <summary>
/// What an institution's mail system writes into every message, as Microsoft 365, Proofpoint and districts' own
/// transport rules write it (a warning above mail from outside, a confidentiality notice below staff mail), turned into
/// blanks; everyone else's words about outside mail or confidentiality kept.
/// </summary>
public sealed class MailBoilerplateTests
{
    private const string Ask = "Hi Ms. Lopez,\n\nWe're looking for students for a spring externship with the campaign, 12 hours a week.\n\nTeam Ortiz";

    [Theory]
    [InlineData("CAUTION: This email originated from outside of the organization. Do not click links or open attachments unless you recognize the sender and know the content is safe.")]
    [InlineData("EXTERNAL EMAIL: This message originated outside of Lakeshore Public Schools. Use caution with links and attachments.")]
    [InlineData("This message is from an EXTERNAL SENDER - be CAUTIOUS, particularly with links and attachments.")]
    [InlineData("You don't often get email from volunteer@reelect-dana-ortiz.example. Learn why this is important")]
    [InlineData("ATTENTION: This email was sent from someone outside of the district.\nAlways use caution when opening attachments or clicking links from unknown senders.")]
    [InlineData("PRECAUCIÓN: Este correo electrónico se originó fuera de la organización. No haga clic en enlaces ni abra archivos adjuntos a menos que reconozca al remitente.")]
    public void Blanks_a_banner_above_the_message_and_keeps_every_offset(string banner)
    {
        var text = banner + "\n\n" + Ask;
        var blanked = MailBoilerplate.Blank(text);
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(Ask, blanked[(banner.Length + 2)..]);
        Assert.True(blanked[..banner.Length].All(c => c is ' ' or '\n'));
        Assert.Equal(banner.Count(c => c == '\n'), blanked[..banner.Length].Count(c => c == '\n'));
    }

    [Fact]
    public void Blanks_a_banner_below_the_message_or_above_a_forward()
    {
        const string banner = "[EXTERNAL] This email originated from outside the organization. Do not click links unless you know the content is safe.";
        var below = Ask + "\n\n" + banner + "\n";
        Assert.Equal(Ask + "\n\n" + new string(' ', banner.Length) + "\n", MailBoilerplate.Blank(below));

        var forward = "Please share with your advisory.\n\n---------- Forwarded message ---------\nFrom: Team Ortiz\n\n" + banner + "\n\n" + Ask;
        var blanked = MailBoilerplate.Blank(forward);
        Assert.DoesNotContain("originated", blanked, StringComparison.Ordinal);
        Assert.StartsWith("Please share with your advisory.", blanked, StringComparison.Ordinal);
        Assert.EndsWith(Ask, blanked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_under_a_short_message_is_found_though_it_starts_near_the_top()
    {
        // Under 1,600 characters the two ends overlap: the notice starts within the first 600, where only warnings stand.
        const string push = "Team,\n\nThe mayor's campaign needs volunteers for Saturday's canvass in the 12th Ward. I expect every grade level "
            + "to send two people; sign up with Ms. Reyes by Thursday. I will remember who steps up when I make next year's schedule.\n\nDr. Teague";
        const string notice = "\n\nCONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) "
            + "and may contain confidential and privileged information, including student records protected by FERPA. Any unauthorized review, use, "
            + "disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender and destroy all copies.";
        Assert.Equal(push + new string(' ', notice.Length - 2).Insert(0, "\n\n"), MailBoilerplate.Blank(push + notice));
    }

    [Fact]
    public void A_banner_the_message_runs_on_from_loses_its_line_only()
    {
        // No blank line after the banner, and the message one long paragraph: only the banner's line goes.
        var body = string.Concat(Enumerable.Repeat("We're looking for students for a spring externship with the campaign. ", 16));
        Assert.True(body.Length > MailBoilerplate.MaxLength);
        const string banner = "CAUTION: This email originated from outside of the organization. Do not click links.";
        var blanked = MailBoilerplate.Blank(banner + "\n" + body);
        Assert.Equal(new string(' ', banner.Length) + "\n" + body, blanked);
    }

    [Fact]
    public void Reads_only_the_ends_of_a_long_message()
    {
        const string banner = "CAUTION: This email originated from outside of the organization. Do not click links or open attachments.";
        var filler = string.Concat(Enumerable.Repeat("Our newsletter this week covers the reading fair and the spring concert.\n\n", 40));
        Assert.True(filler.Length > 2 * MailBoilerplate.Window);
        var top = MailBoilerplate.Blank(banner + "\n\n" + filler);
        Assert.StartsWith(new string(' ', banner.Length), top, StringComparison.Ordinal);
        var bottom = MailBoilerplate.Blank(filler + banner);
        Assert.EndsWith(new string(' ', banner.Length), bottom, StringComparison.Ordinal);
        // In the middle of a long text it is somebody quoting one, and stays.
        var middle = filler + banner + "\n\n" + filler;
        Assert.Same(middle, MailBoilerplate.Blank(middle));
    }

    [Theory]
    [InlineData("CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information, including student records protected by FERPA. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message.")]
    [InlineData("The information contained in this message is privileged and confidential and intended only for the use of the addressee. If you have received it in error, please notify the sender and delete it.")]
    [InlineData("AVISO DE CONFIDENCIALIDAD: Este mensaje y sus anexos son para uso exclusivo del destinatario y pueden contener información confidencial protegida por FERPA. Si usted no es el destinatario previsto, notifique al remitente y elimine el mensaje.")]
    public void Blanks_a_confidentiality_notice_below_the_message(string notice)
    {
        var text = Ask + "\n\n" + notice + "\n";
        Assert.Equal(Ask + "\n\n" + new string(' ', notice.Length) + "\n", MailBoilerplate.Blank(text));
    }

    [Theory]
    [InlineData("--\nYou received this message because you are subscribed to the Google Groups \"Farragut Staff\" group.\nTo unsubscribe from this group and stop receiving emails from it, send an email to farragut-staff+unsubscribe@lakeshore-schools.example.")]
    [InlineData("You're receiving this message because you're a member of the Farragut Staff group from lakeshore-schools.example. To stop receiving messages from this group, leave the group.")]
    public void Blanks_a_groups_footer_below_the_message(string footer)
    {
        var text = Ask + "\n\n" + footer;
        var blanked = MailBoilerplate.Blank(text);
        Assert.Equal(Ask + "\n\n", blanked[..(Ask.Length + 2)]);
        Assert.True(blanked[(Ask.Length + 2)..].All(c => c is ' ' or '\n'));
    }

    [Theory]
    [InlineData("_______________________________________________\nHarborview-faculty mailing list\nHarborview-faculty@lists.lakeshore-schools.example\nhttps://lists.lakeshore-schools.example/mailman/listinfo/harborview-faculty\n")]
    [InlineData("-------------------------------------------------------\nThis sf.net email is sponsored by: OSDN - Tired of that same old\ncell phone?  Get a new here for FREE!\nhttps://www.inphonic.com/r.asp?r=sourceforge1\n_______________________________________________\nSpamassassin-talk mailing list\nSpamassassin-talk@lists.sourceforge.net\nhttps://lists.sourceforge.net/lists/listinfo/spamassassin-talk\n")]
    [InlineData("-- \nIrish Linux Users' Group: ilug@linux.ie\nhttp://www.linux.ie/mailman/listinfo/ilug for (un)subscription information.\nList maintainer: listmaster@linux.ie\n")]
    [InlineData("RPM-List mailing list <RPM-List@freshrpms.net>\nhttp://lists.freshrpms.net/mailman/listinfo/rpm-list\n")]
    [InlineData("------------------------ Yahoo! Groups Sponsor ---------------------~-->\n4 DVDs Free +s&p Join Now\nhttp://us.click.yahoo.com/pt6YBB/NXiEAA/mG3HAA/7gSolB/TM\n---------------------------------------------------------------------~->\n\n"
        + "To unsubscribe from this group, send an email to:\nforteana-unsubscribe@egroups.com\n\n \n\nYour use of Yahoo! Groups is subject to http://docs.yahoo.com/info/terms/ \n")]
    [InlineData("---\nYou are currently subscribed to harborview-faculty as: g.henshaw@lakeshore-schools.example.\nTo unsubscribe send a blank email to leave-harborview-faculty-1234@lists.lakeshore-schools.example\n")]
    public void Blanks_a_mailing_lists_footer_below_the_message(string footer)
    {
        var text = Ask + "\n\n" + footer;
        var blanked = MailBoilerplate.Blank(text);
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(Ask + "\n\n", blanked[..(Ask.Length + 2)]);
        Assert.True(blanked[(Ask.Length + 2)..].All(c => c is ' ' or '\n'), blanked);
    }

    [Theory]
    [InlineData("Sent from my iPhone")]
    [InlineData("Sent from my Verizon, Samsung Galaxy smartphone")]
    [InlineData("Get Outlook for iOS<https://aka.ms/o0ukef>")]
    [InlineData("Enviado desde mi iPhone")]
    [InlineData("> Sent from Mail for Windows")]
    public void Blanks_a_phones_signature_line_below_the_message(string line)
    {
        var text = Ask + "\n\n" + line + "\n";
        Assert.Equal(Ask + "\n\n" + new string(' ', line.Length) + "\n", MailBoilerplate.Blank(text));
    }

    [Theory]
    [InlineData("Thanks,\nGail\n\nPS: I sent from my phone a photo of the flyer to the front office.")]
    [InlineData("Sent from my classroom computer because the library printer is down again, so please print the flyers for me before Friday.")]
    public void Keeps_a_writers_own_words_about_sending_from_a_phone(string text) => Assert.Same(text, MailBoilerplate.Blank(text));

    [Fact]
    public void A_lists_footer_takes_the_posters_last_lines_only_under_its_rule()
    {
        // No blank line between the poster's sign-off and Mailman's rule: the sign-off stays, the rule and what follows go.
        const string footer = "_______________________________________________\nHarborview-faculty mailing list\nhttps://lists.lakeshore-schools.example/mailman/listinfo/harborview-faculty";
        var text = Ask + "\n" + footer;
        Assert.Equal(Ask + "\n" + string.Join('\n', footer.Split('\n').Select(l => new string(' ', l.Length))), MailBoilerplate.Blank(text));
    }

    [Fact]
    public void A_lists_page_alone_under_a_quote_takes_its_line_only()
    {
        // A line of quote marks is no rule: the footer starts at the link.
        const string text = "Thanks,\n>>\n> Gail\nhttps://lists.lakeshore-schools.example/mailman/listinfo/it-help\n";
        var blanked = MailBoilerplate.Blank(text);
        Assert.Equal("Thanks,\n>>\n> Gail\n", blanked[..18]);
        Assert.True(blanked[18..].All(c => c is ' ' or '\n'));
    }

    [Fact]
    public void A_lists_address_high_in_a_long_message_is_the_writers()
    {
        var text = "Join us: the faculty list's page is https://lists.lakeshore-schools.example/mailman/listinfo/harborview-faculty\n\n"
            + string.Concat(Enumerable.Repeat("Our newsletter this week covers the reading fair and the spring concert.\n\n", 30));
        Assert.Same(text, MailBoilerplate.Blank(text));
    }

    [Theory]
    [InlineData("Please add the new hires to our mailing list before Friday.")]
    [InlineData("Report problems on the list (https://lists.lakeshore-schools.example/mailman/listinfo/it-help) so that\nsomeone can look at them the same day.")]
    [InlineData("My corpus is mostly Yahoo! Groups traffic, which\nhas a lot of numbers at the ends of names.")]
    [InlineData("https://lists.lakeshore-schools.example/mailman/listinfo/it-help is where the notes go.\nThanks,\nGail")]
    [InlineData("I unsubscribed from the campaign's list last week, and they still write to my school address.")]
    [InlineData("To stop receiving these reminders, reply STOP; the robotics group meets Thursday.")]
    public void Keeps_a_writers_own_words_about_lists(string text) => Assert.Same(text, MailBoilerplate.Blank(text));

    [Theory]
    [InlineData("Please keep this confidential until the principal announces it on Friday.")]
    [InlineData("This list is intended only for our grade team; the schedule is attached.")]
    [InlineData("Records are protected by FERPA, so do not forward grades to anyone outside the team.")]
    public void Keeps_a_writers_own_words_about_confidentiality(string text) => Assert.Same(text, MailBoilerplate.Blank(text));

    [Theory]
    // Somebody's own words about outside mail: no warning in them, or a long paragraph of their own.
    [InlineData("The flyer came from outside the district, so I checked with the principal before posting it.")]
    [InlineData("Anyway... long story short... is a phrase whose origins are complicated and rambling.")]
    [InlineData("Please order from outside your country with international postage.")]
    [InlineData(Ask)]
    public void Keeps_text_that_is_no_banner(string text) => Assert.Same(text, MailBoilerplate.Blank(text));

    [Fact]
    public void Keeps_a_long_paragraph_that_mentions_outside_mail_and_links()
    {
        var text = "Our union reminds members that mail from outside the district may carry links to campaigns. "
            + string.Concat(Enumerable.Repeat("Members are free to take part in politics on their own time and from their own devices. ", 12));
        Assert.True(text.Length > MailBoilerplate.MaxLength);
        Assert.Same(text, MailBoilerplate.Blank(text));
    }

    [Theory]
    [InlineData("[EXTERNAL] Spring externship for your students", "           Spring externship for your students")]
    [InlineData("RE: [EXT] Spring externship", "RE:       Spring externship")]
    [InlineData("[External Email] Chip in $25", "                 Chip in $25")]
    [InlineData("*EXTERNAL* Chip in $25", "           Chip in $25")]
    [InlineData("EXTERNAL: Chip in $25", "          Chip in $25")]
    [InlineData("Fwd: External: Chip in $25", "Fwd:           Chip in $25")]
    [InlineData("[EXTERNO] Pasantía con la campaña", "          Pasantía con la campaña")]
    public void Blanks_a_gateways_tag_in_the_subject(string subject, string expected) => Assert.Equal(expected, MailBoilerplate.BlankSubject(subject));

    [Theory]
    [InlineData("Next: steps for the spring externship")]
    [InlineData("Text: the plan for Friday")]
    [InlineData("External review of the reading curriculum")]
    [InlineData("[PTA] Book fair")]
    [InlineData("")]
    [InlineData(null)]
    public void Keeps_a_subject_without_a_tag(string? subject) => Assert.Same(subject, MailBoilerplate.BlankSubject(subject));
}
