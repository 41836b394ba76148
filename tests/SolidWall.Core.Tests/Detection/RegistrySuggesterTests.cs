using SolidWall.Core.Detection;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection;

public sealed class RegistrySuggesterTests
{
    private static int s_offset;

    private static Message Mail(string text, string from = "team@reelect-ortiz.example", string subject = "Saturday")
    {
        var at = from.LastIndexOf('@');
        return new Message
        {
            Source = "archive.mbox",
            Offset = Interlocked.Increment(ref s_offset),
            Sha256 = new string('0', 64),
            Subject = subject,
            Text = text,
            From = [new MailboxAddress(null, from[..at], from[(at + 1)..])],
        };
    }

    private static Verdict Flagged(Message m, double score = 0.98) => new(m.Source, m.Offset, null, Verdict.Electioneering, score, [], []);

    private static RegistrySuggester Read(params Message[] messages) => Read(new RegistrySuggester(), messages);

    private static RegistrySuggester Read(RegistrySuggester suggester, params Message[] messages)
    {
        foreach (var m in messages)
        {
            suggester.Observe(m, Flagged(m));
        }

        return suggester;
    }

    [Fact]
    public void TheCampaignTwoMessagesNameIsSuggestedWithItsCommitteeAndDomain()
    {
        var suggester = Read(
            Mail("Knock doors with Ortiz for Mayor on Saturday!\n\nPaid for by Friends of Dana Ortiz"),
            Mail("Re-elect Mayor Dana Ortiz on February 28. Ortiz for Mayor needs you.\n\nPaid for by Friends of Dana Ortiz", subject: "Two weeks"));

        var campaign = Assert.Single(suggester.Suggest());
        Assert.Equal("Dana Ortiz", campaign.Candidate); // "Mayor" is a title, not a name
        Assert.Equal("Friends of Dana Ortiz", campaign.Name);
        Assert.Equal(["reelect-ortiz.example"], campaign.Domains);
        Assert.Equal(2, campaign.Messages);
        Assert.Contains(campaign.Examples, e => e.StartsWith("archive.mbox:", StringComparison.Ordinal) && e.Contains("Paid for by Friends of Dana Ortiz", StringComparison.Ordinal));

        // The YAML is a registry SolidWall reads, never complete, and says where each entry came from.
        var yaml = suggester.ToYaml();
        Assert.Contains("# named by 2 messages, e.g.:", yaml, StringComparison.Ordinal);
        var registry = Registry.Parse(yaml, "suggested.yaml");
        Assert.False(registry.Complete);
        var entry = Assert.Single(registry.Entries);
        Assert.Equal(("Dana Ortiz", "Friends of Dana Ortiz"), (entry.Candidate, entry.Name));
        Assert.Contains("Ortiz for Mayor", entry.Aliases);
        Assert.Equal(["reelect-ortiz.example"], entry.Domains);
    }

    [Fact]
    public void CopiesOfOneBlastCountOnce()
    {
        var blast = Enumerable.Range(0, 50).Select(_ => Mail("Paid for by Friends of Dana Ortiz")).ToArray();
        var suggester = Read(blast);
        Assert.Equal(1, suggester.MessagesRead);
        Assert.Empty(suggester.Suggest());
        Assert.Single(Read(new RegistrySuggester(minMessages: 1), blast).Suggest());
    }

    [Fact]
    public void TheSuggestionIsTheSameWhateverOrderTheMessagesAreReadIn()
    {
        // Threads classify an archive in no fixed order; the registry and the examples it quotes must not depend on it.
        var mail = Enumerable.Range(0, 12).Select(i => Mail($"Paid for by Friends of Dana Ortiz. Ortiz for Mayor, note {i % 6}.", subject: "s" + (i % 6))).ToArray();
        var forward = Read(mail).ToYaml();
        Assert.Equal(forward, Read([.. mail.Reverse()]).ToYaml());
        Assert.Equal(forward, Read([.. mail.Where((_, i) => i % 2 == 1), .. mail.Where((_, i) => i % 2 == 0)]).ToYaml());
        Assert.Contains("# named by 6 messages", forward, StringComparison.Ordinal);
        Assert.Contains($"archive.mbox:{mail[0].Offset}:", forward, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlySureElectioneeringVerdictsAreRead()
    {
        var suggester = new RegistrySuggester();
        var a = Mail("Paid for by Friends of Dana Ortiz", subject: "one");
        var b = Mail("Paid for by Friends of Dana Ortiz", subject: "two");
        suggester.Observe(a, Flagged(a, score: 0.89));
        suggester.Observe(b, new Verdict(b.Source, b.Offset, null, Verdict.Allowed, 0.2, [], []));
        Assert.Equal(0, suggester.MessagesRead);
        Assert.Empty(suggester.Suggest());
    }

    [Fact]
    public void ABareSurnameIsNeverACandidate()
    {
        var suggester = Read(Mail("Vote for Ortiz!", subject: "one"), Mail("Vote for Ortiz on the 28th!", subject: "two"));
        Assert.Empty(suggester.Suggest());

        // "X for Office" is what a campaign calls itself: a committee, without a candidate.
        suggester = Read(Mail("Ortiz for Mayor: join us", subject: "one"), Mail("Volunteer with Ortiz for Mayor", subject: "two"));
        var committee = Assert.Single(suggester.Suggest());
        Assert.Null(committee.Candidate);
        Assert.Equal("Ortiz for Mayor", committee.Name);
        Assert.Contains("committees:", suggester.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void AWordInThreeCampaignsNamesIsThePlaceNotAPerson()
    {
        var mail = new List<Message>();
        foreach (var (candidate, surname) in new[] { ("Marcus Whitfield", "Whitfield"), ("Tomás Reyes", "Reyes"), ("Grace Kowalczyk", "Kowalczyk") })
        {
            mail.Add(Mail($"Vote for {candidate}!\nPaid for by {surname} for Lakeshore", subject: candidate + " 1"));
            mail.Add(Mail($"Vote for {candidate} on the 28th. Paid for by {surname} for Lakeshore", subject: candidate + " 2"));
        }

        // "Lakeshore" stands in three campaigns' names: the city, so "Vote for Lakeshore Families" names no candidate.
        mail.Add(Mail("Vote for Lakeshore Families First on Question 1", subject: "q1"));
        mail.Add(Mail("Vote for Lakeshore Families First, yes on 1", subject: "q2"));
        var suggested = Read([.. mail]).Suggest();
        Assert.Equal(["Grace Kowalczyk", "Marcus Whitfield", "Tomás Reyes"], suggested.Select(c => c.Candidate).OfType<string>().Order(StringComparer.Ordinal));
        Assert.Contains(suggested, c => c.Name == "Whitfield for Lakeshore");
        Assert.DoesNotContain(suggested, c => c.Candidate?.Contains("Lakeshore", StringComparison.Ordinal) == true);

        // Two campaigns' names are not enough to tell a place from a shared first name.
        mail.RemoveRange(4, 2);
        Assert.Contains(Read([.. mail]).Suggest(), c => c.Candidate == "Lakeshore Families First");
    }

    [Fact]
    public void ADomainIsSuggestedOnlyWhenItCarriesACandidatesSurnameAndIsNotTheInstitutionsOrFreeMail()
    {
        var directory = InstitutionDirectory.Load(["lakeshore-schools.example"], [], null);
        var suggester = Read(
            new RegistrySuggester(directory),
            Mail("Vote for Delia Marsh on November 5.", "info@marshforlakeshore.example", "one"),
            Mail("Vote for Delia Marsh, she was always there for us.", "info@marshforlakeshore.example", "two"),
            Mail("Vote for Delia Marsh!", "press@cityoflakeshore.example", "three"),
            Mail("Vote for Delia Marsh!!", "press@cityoflakeshore.example", "four"),
            Mail("Vote for Delia Marsh today.", "marsh.fan@gmail.com", "five"),
            Mail("Vote for Delia Marsh tomorrow.", "marsh.fan@gmail.com", "six"),
            Mail("Vote for Delia Marsh, colleagues.", "d.marsh@lakeshore-schools.example", "seven"),
            Mail("Vote for Delia Marsh, friends.", "d.marsh@lakeshore-schools.example", "eight"));
        var campaign = Assert.Single(suggester.Suggest());
        Assert.Equal("Delia Marsh", campaign.Candidate);
        Assert.Equal(["marshforlakeshore.example"], campaign.Domains);
    }

    [Fact]
    public void WhatTheInvestigatorsRegistryListsIsNotSuggestedAgain()
    {
        var known = Registry.Parse("campaigns:\n  - id: ortiz\n    name: Friends of Dana Ortiz\n    candidate: Dana Ortiz\n    domains: [reelect-ortiz.example]\n", "registry.yaml");
        var suggester = Read(
            new RegistrySuggester(known: known),
            Mail("Paid for by Friends of Dana Ortiz", subject: "one"),
            Mail("Paid for by Friends of Dana Ortiz", subject: "two"),
            Mail("Paid for by Friends of Priya Raman", "priya@raman4schools.example", "three"),
            Mail("Priya Raman for Board of Education. Paid for by Friends of Priya Raman", "priya@raman4schools.example", "four"));
        var campaign = Assert.Single(suggester.Suggest());
        Assert.Equal("Priya Raman", campaign.Candidate);
        Assert.Equal(["raman4schools.example"], campaign.Domains);
        Assert.DoesNotContain("Dana Ortiz", suggester.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatTheArchiveAddsToARegisteredCampaignIsOfferedAsAComment()
    {
        var known = Registry.Parse("campaigns:\n  - id: ortiz\n    name: Friends of Dana Ortiz\n    candidate: Dana Ortiz\n", "registry.yaml");
        var suggester = Read(
            new RegistrySuggester(known: known),
            Mail("Ortiz for Mayor. Paid for by Friends of Dana Ortiz", subject: "one"),
            Mail("Ortiz for Mayor! Paid for by Friends of Dana Ortiz", subject: "two"));
        var more = Assert.Single(suggester.Suggest());
        Assert.True(more.Registered);
        Assert.Equal("ortiz", more.Id);
        Assert.Equal(["Ortiz for Mayor"], more.Aliases);
        Assert.Equal(["reelect-ortiz.example"], more.Domains);
        var yaml = suggester.ToYaml();
        Assert.Contains("# Already registered as 'ortiz'", yaml, StringComparison.Ordinal);
        Assert.Empty(Registry.Parse(yaml, "s.yaml").Entries);
    }

    [Fact]
    public void CampaignsInOtherLanguagesAreRead()
    {
        var suggester = Read(
            Mail("Vota por Tomás Reyes el 28 de febrero.", "equipo@reyesparalakeshore.example", "uno"),
            Mail("Pagado por Tomás Reyes para alcalde", "equipo@reyesparalakeshore.example", "dos"));
        var campaign = Assert.Single(suggester.Suggest());
        Assert.Equal("Tomás Reyes", campaign.Candidate);
        Assert.Equal("suggested-reyes", campaign.Id);
        Assert.Equal(["reyesparalakeshore.example"], campaign.Domains);
        Assert.Equal("Tomás Reyes", Assert.Single(Registry.Parse(suggester.ToYaml(), "s.yaml").Entries).Candidate);
    }

    [Theory]
    [InlineData("Paid for by Friends of Dana Ortiz Reply STOP to opt out")]
    [InlineData("Paid for by Friends of Dana Ortiz. Not authorized by any candidate")]
    [InlineData("Paid for by Friends of Dana Ortiz Text STOP to quit, HELP for help")]
    [InlineData("Pagado por Friends of Dana Ortiz Responde STOP para salir")]
    public void A_texts_footer_after_the_disclaimer_is_not_part_of_the_committees_name(string footer)
    {
        var suggester = Read(Mail("Dana needs you on Saturday.\n" + footer, subject: "one"), Mail("Doors for Dana, Sunday.\n" + footer, subject: "two"));
        var campaign = Assert.Single(suggester.Suggest());
        Assert.Equal(("Dana Ortiz", "Friends of Dana Ortiz"), (campaign.Candidate, campaign.Name));
        Assert.DoesNotContain(campaign.Aliases, a => a.Contains("STOP", StringComparison.OrdinalIgnoreCase) || a.Contains("Not", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Kampania Grace Kowalczyk szuka wolontariuszy.", "Grace Kowalczyk")] // the campaign named for its candidate
    [InlineData("Join the campaign of Dana Ortiz this Saturday.", "Dana Ortiz")]
    [InlineData("I'm carrying petitions for Diane Okoro for 33rd Ward committeeperson.", "Diane Okoro")] // an office by its ward
    [InlineData("Sign up to knock doors: Yolanda Pierce for 12th Ward Alderman.", "Yolanda Pierce")]
    public void ACandidateIsReadFromHowCampaignsNameThemselves(string text, string candidate)
    {
        var suggester = Read(Mail(text, subject: "one"), Mail(text + " Thank you!", subject: "two"));
        Assert.Equal(candidate, Assert.Single(suggester.Suggest()).Candidate);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    [InlineData("\u2029")]
    [InlineData("\r")]
    [InlineData("\u000b")]
    [InlineData("\u001b")]
    public void AQuotedMessageCannotWriteIntoTheRegistry(string lineBreak)
    {
        // Where a message lies and what it says go into comments; whatever breaks a line there would let a sender (or a
        // file's name in an export: Linux allows any character but '/') write registry keys.
        var text = $"Paid for by Friends of Dana Ortiz{lineBreak}complete: true{lineBreak}committees:{lineBreak}  - name: Injected";
        var one = Mail(text, subject: "one");
        var two = Mail(text, subject: "two");
        var suggester = Read(
            new Message { Source = $"evil{lineBreak}complete: true{lineBreak}x.mbox", Offset = one.Offset, Sha256 = one.Sha256, Subject = one.Subject, Text = one.Text, From = one.From },
            two);
        var yaml = suggester.ToYaml();
        var registry = Registry.Parse(yaml, "suggested.yaml");
        Assert.False(registry.Complete);
        Assert.Equal("Dana Ortiz", Assert.Single(registry.Entries).Candidate);
    }

    [Fact]
    public void NothingSuggestedIsStillARegistry()
    {
        var registry = Registry.Parse(new RegistrySuggester().ToYaml("read 0 messages"), "empty.yaml");
        Assert.Empty(registry.Entries);
        Assert.False(registry.Complete);
    }
}
