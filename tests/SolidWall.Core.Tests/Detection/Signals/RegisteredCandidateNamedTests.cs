using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class RegisteredCandidateNamedTests
{
    private static readonly Registry World = Registry.Parse(
        """
        campaigns:
          - id: hanneman
            name: Hanneman for State Rep
            candidate: Kurt Hanneman
            office: State Representative
          - id: reyes
            name: Reyes para Lakeshore
            candidate: Tomás Reyes
            candidate_names: [Томас Рейєс, توماس رييس, 托马斯·雷耶斯]
            office: Mayor
          - id: zielinska
            name: Zielińska for the 33rd
            candidate: Dorota Zielińska
            candidate_names: [Дорота Зелінська]
            office: Alderman
        """,
        "registry.yaml");

    [Theory]
    [InlineData("I told Kurt's people Sandridge would send ten staff Saturday.", "Kurt")]
    [InlineData("ps dont forget Hanneman in Nov, hes one of us", "Hanneman")]
    [InlineData("¿Le dejamos unas tarjetas de Tomás para los papás?", "Tomás")]
    [InlineData("Las tarjetas de Tomas llegan el lunes.", "Tomas")] // written without the accent
    [InlineData("Reyes needs twenty more names by Friday.", "Reyes")] // at the start of a line
    [InlineData("PS - Vote Hanneman in the 12th. He's always come through for this program.", "Hanneman")] // an ask, not a first name
    [InlineData("Re-elect Hanneman on the 28th!", "Hanneman")]
    [InlineData("Y el domingo, Vota Reyes.", "Reyes")]
    [InlineData("لا تنسوا التصويت لتوماس يوم 28 فبراير", "توماس")] // Arabic: "for Tomás", the preposition joined to the name
    [InlineData("周六上午到雷耶斯的办公室帮忙装信封。", "雷耶斯")] // Chinese: no spaces around names
    [InlineData("請把托馬斯的傳單帶回家。", "托馬斯")] // in traditional characters, where the registry writes 托马斯
    [InlineData("хто роздасть листівки Дороти у суботу", "Дороти")] // Ukrainian: the genitive of Дорота
    [InlineData("привітання від олдермена Рейєса", "Рейєса")] // and of a name that ends in a consonant
    [InlineData("роздасть листівки Дороти Зелінської", "Зелінської")] // the full name declined: no other signal reads it (its surname here, its first name in RegisteredCandidateFirstName)
    [InlineData("Przyjdzie pani Dorota i zostawi kalendarzyki.", "Dorota")] // Polish speaks of any adult with a title
    [InlineData("W sobotę pomagamy pani Dorocie? Nie, pomagamy Zielińskiej.", "Zielińskiej")] // Polish: a case ending
    public void Fires_on_a_candidate_named_by_one_part(string text, string part)
    {
        // A surname is RegisteredCandidateNamed's, a first name RegisteredCandidateFirstName's.
        var message = Mail.Of(text, "Saturday");
        var hit = Mail.Run("RegisteredCandidateNamed", message, World) ?? Mail.Run("RegisteredCandidateFirstName", message, World);
        Assert.NotNull(hit);
        Mail.AssertEvidenceAt(hit, text, part);
        Assert.Contains("named by", hit.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kurt's people need ten staff Saturday.", "RegisteredCandidateFirstName", "first name")]
    [InlineData("ps dont forget Hanneman in Nov", "RegisteredCandidateNamed", "surname")]
    [InlineData("las tarjetas de Tomás van en las mochilas", "RegisteredCandidateFirstName", "first name")]
    public void A_first_name_and_a_surname_are_read_by_two_signals_weighed_apart(string text, string signal, string form)
    {
        var message = Mail.Of(text, "memo");
        var hit = Mail.Run(signal, message, World);
        Assert.NotNull(hit);
        Assert.Contains($"named by {form} alone", hit.Evidence[0].Note, StringComparison.Ordinal);
        var other = signal == "RegisteredCandidateNamed" ? "RegisteredCandidateFirstName" : "RegisteredCandidateNamed";
        Assert.Null(Mail.Run(other, message, World));
    }

    [Theory]
    [InlineData("Kurt Hanneman will be at the forum.")] // the full name is RegisteredCampaignMention's
    [InlineData("Mr. Reyes' class has the library on Tuesday.")] // a title: a teacher who shares the surname
    [InlineData("Sra. Reyes manda la tarea mañana.")]
    [InlineData("Coach Hanneman moved practice to 4.")]
    [InlineData("Maribel Reyes is covering third period.")] // another first name: another person
    [InlineData("Tomás Reyes-Whitman has the keys.")] // a compound surname
    [InlineData("Tomás Alvarado lleva las sillas.")] // the first name with another surname
    [InlineData("Write to t.reyes@lakeshore-schools.example about the bus.")] // inside an address
    [InlineData("The kurt answer was fine.")] // not capitalised as a name
    [InlineData("Hannemann's bakery is closed.")] // inside a longer word
    [InlineData("Kurtis will open the gym.")] // another name that starts with the part
    [InlineData("Пані Зелінська з бібліотеки чекає на звіти.")] // a title before the surname: the librarian
    public void Stays_quiet_when_the_part_is_someone_else(string text)
    {
        Assert.Null(Mail.Run("RegisteredCandidateNamed", Mail.Of(text, "Notes"), World));
        Assert.Null(Mail.Run("RegisteredCandidateFirstName", Mail.Of(text, "Notes"), World));
    }

    [Fact]
    public void An_inside_senders_own_name_is_the_sender_signing()
    {
        const string text = "Pack the March menus in the grab-and-go bags Monday.\n\nTomás";
        Message From(string to) => Mail.Of(text, "Bags", from: "t.cardenas@lakeshore.example", to: [to], fromName: "Tomás Cárdenas");

        // Writing to colleagues at the same domain, Tomás Cárdenas signs with his own first name.
        Assert.Null(Mail.Run("RegisteredCandidateFirstName", From("kitchen@lakeshore.example"), World));

        // From outside, the same sign-off is a registered candidate's first name, as before.
        Assert.NotNull(Mail.Run("RegisteredCandidateFirstName", From("kitchen@district.example"), World));

        // Another candidate the same sender names still counts.
        Assert.NotNull(Mail.Run<RegisteredCandidateNamed>(
            Mail.Of("Don't forget Hanneman on the 28th.\n\nTomás", "Bags", from: "t.cardenas@lakeshore.example", to: ["kitchen@lakeshore.example"], fromName: "Tomás Cárdenas"),
            registry: World));
    }

    [Fact]
    public void Quiet_without_a_registry() =>
        Assert.Null(Mail.Run<RegisteredCandidateNamed>(Mail.Of("ps dont forget Hanneman in Nov", "memo")));

    [Fact]
    public void The_registry_lists_each_candidates_name_parts_with_and_without_accents()
    {
        var parts = World.CandidateNames.Parts.Select(p => (p.Part, p.IsSurname)).ToHashSet();
        Assert.Contains(("Kurt", false), parts);
        Assert.Contains(("Hanneman", true), parts);
        Assert.Contains(("Tomás", false), parts);
        Assert.Contains(("Tomas", false), parts);
        Assert.Contains(("Reyes", true), parts);
        Assert.Contains(("Рейєс", true), parts);
        Assert.Contains(("رييس", true), parts);
        Assert.Contains(("雷耶斯", true), parts);
        Assert.Contains(("托马斯", false), parts);
        Assert.Empty(Registry.Empty.CandidateNames.Parts);
    }

    [Fact]
    public void Other_spellings_count_as_the_full_name_too()
    {
        var entry = Assert.Single(World.Entries, e => e.Id == "reyes");
        Assert.Contains("توماس رييس", entry.Names);
        Assert.NotNull(Mail.Run<RegisteredCampaignMention>(Mail.Of("صوتوا لـ توماس رييس يوم 28", "28"), registry: World));
    }

    [Fact]
    public void Candidate_names_need_a_candidate()
    {
        var error = Assert.Throws<ConfigurationException>(() => Registry.Parse(
            """
            committees:
              - name: Yes for Lakeshore Kids
                candidate_names: [Так для дітей]
            """,
            "registry.yaml"));
        Assert.Contains("registry.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("candidate_names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_only_in_quoted_text_is_the_quoted_signal_s()
    {
        const string text = "No. Please take my work address off your list.\n\nWalt\n\n> Kurt wants building workers at the table.\n> Can we list your name?";
        var message = Mail.Of(text, "Re: Building Workers", segments: SolidWall.Core.Text.SegmentSplitter.Split(text));
        Assert.Null(Mail.Run("RegisteredCandidateNamed", message, World));
        var quoted = Mail.Run("RegisteredCandidateQuoted", message, World);
        Assert.NotNull(quoted);
        Assert.Equal(text.IndexOf("Kurt", StringComparison.Ordinal), quoted.Evidence[0].Offset);
        Assert.Contains("in quoted or forwarded text", quoted.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_in_the_author_s_own_words_is_the_main_signal_s_even_when_also_quoted()
    {
        const string text = "Sure, I'll take Kurt's flyers to the lounge.\n\n> Kurt wants building workers at the table.";
        var message = Mail.Of(text, "Re: flyers", segments: SolidWall.Core.Text.SegmentSplitter.Split(text));
        var own = Mail.Run("RegisteredCandidateFirstName", message, World);
        Assert.NotNull(own);
        Assert.Single(own.Evidence); // the quoted mention is not the own words' signal's evidence
        Assert.Equal(text.IndexOf("Kurt", StringComparison.Ordinal), own.Evidence[0].Offset);
        Assert.Null(Mail.Run("RegisteredCandidateQuoted", message, World));
    }

    [Fact]
    public void A_name_in_a_reply_written_under_the_quote_is_the_author_s_own()
    {
        // Bottom-posted, as mailing lists and many phone clients write: the answer under the quoted question is the
        // author's, and "in quoted or forwarded text" would misquote the message to a reviewer.
        const string text = "> Are you coming Saturday?\n\nYes, Kurt's people need ten staff Saturday, bring a friend.\n\nWalt";
        var message = Mail.Of(text, "Re: Saturday", segments: SolidWall.Core.Text.SegmentSplitter.Split(text));
        var own = Mail.Run("RegisteredCandidateFirstName", message, World);
        Assert.NotNull(own);
        Assert.Equal(text.IndexOf("Kurt", StringComparison.Ordinal), own.Evidence[0].Offset);
        Assert.DoesNotContain("quoted", own.Evidence[0].Note, StringComparison.Ordinal);
        Assert.Null(Mail.Run("RegisteredCandidateQuoted", message, World));
    }
}
