using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// What keeps the text model on what a message asks: function words and lone letters are no features, the fictional
/// candidates' names are cut out of the district rows it trains on, and a message it has no evidence about falls
/// back to the prior instead of the intercept.
/// </summary>
public sealed class ContentOnlyFeaturesTests
{
    [Fact]
    public void FunctionWordsAndLoneLettersAreNoFeaturesButPairsWithContentAre()
    {
        var extractor = new FeatureExtractor();
        var x = extractor.Extract("U.S. History", "Hi Priya, could you cover Thursday? Vote for Reyes");
        var terms = Enumerable.Range(0, x.Count).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).ToHashSet();

        Assert.DoesNotContain("hi", terms);
        Assert.DoesNotContain("could", terms);
        Assert.DoesNotContain("you", terms);
        Assert.DoesNotContain("could you", terms);
        Assert.DoesNotContain("s", terms);
        Assert.DoesNotContain("u s", terms);
        Assert.Contains("priya", terms);
        Assert.Contains("history", terms);
        Assert.Contains("cover thursday", terms);
        Assert.Contains("vote for", terms);
        Assert.Contains("for reyes", terms);
        // Spanish too: "para" alone says nothing, "para alcalde" does.
        var y = extractor.Extract(null, "Hola, la tarea es para el viernes. Ortiz para alcalde");
        var spanish = Enumerable.Range(0, y.Count).Select(i => extractor.Term(y.Origins[i], y.Buckets[i])).ToHashSet();
        Assert.DoesNotContain("para", spanish);
        Assert.DoesNotContain("hola", spanish);
        Assert.Contains("para alcalde", spanish);
    }

    [Fact]
    public void NamesAreMaskedAsOnePlaceholderWordInTextAndSegments()
    {
        var names = WorldNames.Of(["Kurt", "Hanneman", "Dana", "Ortiz"]);
        Assert.Equal("I told  registeredcandidate 's people", names.Mask("I told Kurt's people"));
        Assert.Equal("Vote  registeredcandidate   registeredcandidate  at reelect-dana-ortiz.example", names.Mask("Vote Dana Ortiz at reelect-dana-ortiz.example"));
        const string plain = "Nothing to mask here";
        Assert.Same(plain, names.Mask(plain));
        Assert.Equal((5, 4), names.First("Vote Dana Ortiz"));
        Assert.Equal((-1, 0), names.First("nobody"));

        IReadOnlyList<SolidWall.Core.Segment> segments = [new(SolidWall.Core.SegmentKind.Body, "No thanks."), new(SolidWall.Core.SegmentKind.Quote, "Help Kurt Saturday", "Kurt Hanneman <k@h.example> wrote:")];
        var masked = names.Mask(segments);
        Assert.Same(segments[0], masked[0]);
        Assert.Equal("Help  registeredcandidate  Saturday", masked[1].Text);
        Assert.Equal(" registeredcandidate   registeredcandidate  <k@h.example> wrote:", masked[1].Attribution);
        Assert.Same(segments, WorldNames.None.Mask(segments));
    }

    [Theory]
    // Ukrainian declines every name: genitive, instrumental, a feminine adjective's genitive and dative.
    [InlineData("проголосувати за пана Джеррі Мотта", "проголосувати за пана Джеррі  registeredcandidate ")]
    [InlineData("зустріч з паном Моттом у залі", "зустріч з паном  registeredcandidate  у залі")]
    [InlineData("на мітинг пані Зелінської, подякуйте Зелінській", "на мітинг пані  registeredcandidate , подякуйте  registeredcandidate ")]
    [InlineData("з Доротою Зелінською", "з  registeredcandidate   registeredcandidate ")]
    // Polish: a feminine -ska surname, and a consonant-final Polish surname.
    [InlineData("ulotki pani Zielińskiej, głosujcie na Zielińską", "ulotki pani  registeredcandidate , głosujcie na  registeredcandidate ")]
    [InlineData("plakaty Sobczaka", "plakaty  registeredcandidate ")]
    // Not another person's name or a word that merely starts with the name: "Luisa" is not Luis.
    [InlineData("Luisa and Franka said hi", "Luisa and Franka said hi")]
    [InlineData("маршрут автобуса", "маршрут автобуса")]
    public void NamesAreMaskedInTheCasesUkrainianAndPolishDeclineThemIn(string text, string masked)
    {
        var names = WorldNames.Of(["Gerald", "Mott", "Мотт", "Дорота", "Зелінська", "Zielińska", "Sobczak", "Luis", "Frank", "Марш"]);
        Assert.Equal(masked, names.Mask(text));
    }

    [Fact]
    public void ASendersOwnNameIsNoCandidatesWhereItStandsAlone()
    {
        var names = WorldNames.Of(["Yolanda", "Pierce", "Tomás", "Reyes", "何志伟"]);

        // The name words a display name holds, as the tokenizer folds them; none when it holds nothing but names (a candidate writing
        // as herself) or no name at all.
        Assert.Equal(["yolanda"], names.OwnNameWords("Yolanda Ferrer")!);
        Assert.Equal(["reyes"], names.OwnNameWords("Mr. Daniel Reyes")!);
        Assert.Equal(["tomas"], names.OwnNameWords("Tomás Cárdenas")!);
        Assert.Null(names.OwnNameWords("Yolanda Pierce"));
        Assert.Null(names.OwnNameWords("何志伟"));
        Assert.Null(names.OwnNameWords("Ines Whitfield"));
        Assert.Null(names.OwnNameWords("Team Pierce")); // a campaign's display name, from whatever address
        Assert.Null(names.OwnNameWords("Reyes for Mayor"));
        Assert.Null(names.OwnNameWords("Equipo Reyes"));
        Assert.Null(names.OwnNameWords(null));
        Assert.Null(WorldNames.None.OwnNameWords("Yolanda Ferrer"));

        // Standing alone the sender's own name is removed, neither masked nor left as a word; beside another name it is
        // a candidate's full name and masked as before; other names are masked whoever signs.
        string[] own = ["Yolanda"];
        Assert.Equal("Boards due Friday.\n\n ", names.Mask("Boards due Friday.\n\nYolanda", own));
        Assert.Equal("Vote for  registeredcandidate   registeredcandidate .", names.Mask("Vote for Yolanda Pierce.", own));
        Assert.Equal("Ask  registeredcandidate  about it.\n ", names.Mask("Ask Reyes about it.\nyolanda", own));
        Assert.Equal("Thanks,  ", names.Mask("Thanks, Tomás", ["Tomas"]));
        Assert.Equal("Boards due Friday.\n\n registeredcandidate ", names.Mask("Boards due Friday.\n\nYolanda"));

        // The verdict's evidence for the placeholder points at the name that was masked, not at the signature.
        Assert.Equal((23, 7), names.First("Yolanda here. Vote for Yolanda Pierce.", own));
        Assert.Equal((0, 7), names.First("Yolanda here. Vote for Yolanda Pierce."));
        Assert.Equal((-1, 0), names.First("Boards due Friday.\n\nYolanda", own));
    }

    [Fact]
    public void TheColleaguesAnInsideSenderWritesToAreNoCandidatesEither()
    {
        var names = WorldNames.Of(["Priya", "Raman", "Yolanda", "Pierce"]);
        static Message Reply(string fromName, string toName, string toAddress) => new()
        {
            Source = "test.mbox",
            Offset = 0,
            Sha256 = new string('0', 64),
            Subject = "Re: Coverage for Thursday?",
            Text = "Sure, happy to.\n\n> Could you cover my 6th period?\n> Thanks,\n> Priya",
            From = [new SolidWall.Mime.MailboxAddress(fromName, "a.alvarez", "lakeshore.example")],
            To = [Mail.Address(toAddress) with { DisplayName = toName }],
        };

        // A colleague at the sender's domain: her name words count as the conversation's own, with the sender's.
        Assert.Equal(["priya"], names.InsideNameWords(Reply("Aisha Alvarez", "Priya Mbeki", "priya.mbeki@lakeshore.example"), senderIsInside: true)!);
        Assert.Equal(["yolanda", "priya"], names.InsideNameWords(Reply("Yolanda Ferrer", "Priya Mbeki", "priya.mbeki@lakeshore.example"), senderIsInside: true)!);
        Assert.Equal(["yolanda"], names.InsideNameWords(Reply("Yolanda Ferrer", "Priya Raman", "priya.mbeki@lakeshore.example"), senderIsInside: true)!);

        // Not a recipient elsewhere, and nobody's when the sender is outside: a campaign writing to a Priya names its candidate.
        Assert.Null(names.InsideNameWords(Reply("Aisha Alvarez", "Priya Mbeki", "priya.mbeki@gmail.example"), senderIsInside: true));
        Assert.Null(names.InsideNameWords(Reply("Aisha Alvarez", "Priya Mbeki", "priya.mbeki@lakeshore.example"), senderIsInside: false));
        Assert.Null(WorldNames.None.InsideNameWords(Reply("Aisha Alvarez", "Priya Mbeki", "priya.mbeki@lakeshore.example"), senderIsInside: true));
    }

    [Fact]
    public void TheModelLeavesAnInsideSendersOwnNameOut()
    {
        var registry = Registry.Parse("campaigns:\n  - id: pierce\n    name: Pierce for the 12th\n    candidate: Yolanda Pierce\n    office: Alderman\n", "registry.yaml");
        var text = "Reminder: science fair boards are due in room 204 by Friday morning. Tri-fold only, please.\n\nThanks,\nYolanda";
        var message = Mail.Of(text, "Science fair", from: "y.ferrer@lakeshore.example", fromName: "Yolanda Ferrer");
        var model = TextModel.LoadEmbedded();

        var inside = model.Score(message, registry, registry.ModelNames.InsideNameWords(message, senderIsInside: true));
        var outside = model.Score(message, registry, registry.ModelNames.InsideNameWords(message, senderIsInside: false));
        Assert.DoesNotContain(inside.TopTerms, t => t.Term.Contains(WorldNames.Placeholder, StringComparison.Ordinal));
        Assert.Contains(outside.TopTerms, t => t.Term.Contains(WorldNames.Placeholder, StringComparison.Ordinal));
        Assert.True(inside.Probability < outside.Probability);

        // The detector asks so for a sender inside the institution: here, one writing to colleagues at the same domain.
        var toColleagues = Mail.Of(text, "Science fair", from: "y.ferrer@lakeshore.example", to: ["staff@lakeshore.example"], fromName: "Yolanda Ferrer");
        var fromOutside = Mail.Of(text, "Science fair", from: "y.ferrer@lakeshore.example", to: ["staff@district.example"], fromName: "Yolanda Ferrer");
        var detector = new Detector(model: model, registry: registry);
        Assert.Equal(ModelWeight(model.Score(toColleagues, registry, registry.ModelNames.InsideNameWords(toColleagues, senderIsInside: true)).Probability), TextModelReason(detector.Classify(toColleagues)));
        Assert.Equal(ModelWeight(model.Score(fromOutside, registry, registry.ModelNames.InsideNameWords(fromOutside, senderIsInside: false)).Probability), TextModelReason(detector.Classify(fromOutside)));
        Assert.NotEqual(TextModelReason(detector.Classify(toColleagues)), TextModelReason(detector.Classify(fromOutside)));

        double ModelWeight(double p) => Math.Round(detector.Policy.ModelWeight * Math.Log(p / (1 - p)), 3);
        static double TextModelReason(Verdict verdict) => verdict.Reasons.Single(r => r.Signal == "TextModel").Weight;
    }

    [Fact]
    public void TheRegistrysCandidatesAreWhatTheModelMasks()
    {
        var registry = Registry.Parse(
            "campaigns:\n  - id: mott\n    name: Citizens for Gerry Mott\n    candidate: Gerald Mott\n    candidate_names: [Gerry Mott, Джеральд Мотт]\n    office: Alderman\n"
            + "committees:\n  - id: yes1\n    name: Yes for Lakeshore Kids\n", "registry.yaml");
        Assert.Equal("Ask  registeredcandidate  and  registeredcandidate ,  registeredcandidate  Kids", registry.ModelNames.Mask("Ask Gerry and Мотт, Mott Kids"));
        Assert.True(Registry.Empty.ModelNames.IsEmpty);
    }

    [Fact]
    public void WorldNamesAreCutFromTextButNotFromAddressesOrLinks()
    {
        var dir = Directory.CreateTempSubdirectory("solidwall-names-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, WorldNames.FileName), "# candidates\nDana\nOrtiz  # the mayor\nTomás\n何志伟\n");
            var names = WorldNames.Load(dir.FullName);
            var text = "Vote for Dana ORTIZ and Tomas (Tomás) on Tuesday: reelect-dana-ortiz.example, kelsey@ortiz.example, https://x.example/dana";
            var cut = names.Remove(text)!;

            Assert.DoesNotContain("Dana ", cut, StringComparison.Ordinal);
            Assert.DoesNotContain("ORTIZ", cut, StringComparison.Ordinal);
            Assert.DoesNotContain("Tomás", cut, StringComparison.Ordinal);
            Assert.DoesNotContain("Tomas", cut, StringComparison.Ordinal);
            Assert.Contains("Vote for", cut, StringComparison.Ordinal);
            Assert.Contains("reelect-dana-ortiz.example", cut, StringComparison.Ordinal);
            Assert.Contains("kelsey@ortiz.example", cut, StringComparison.Ordinal);
            Assert.Contains("https://x.example/dana", cut, StringComparison.Ordinal);
            Assert.Null(names.Remove(null));

            // Chinese runs its words together: a Latin name between Chinese characters is still a name, and not
            // a part of a longer Latin word ("Ortizville" keeps its letters).
            Assert.Equal("一场为 女士办", names.Remove("一场为Ortiz女士办"));
            Assert.Equal("Ortizville", names.Remove("Ortizville"));
            Assert.Equal("请支持 当选", names.Remove("请支持何志伟当选"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        Assert.Equal("Dana Ortiz", WorldNames.None.Remove("Dana Ortiz"));
    }

    [Fact]
    public void TheDistrictSetsNamesAreLeftOutOfTrainingRowsButNotOutOfTheirMessages()
    {
        var district = Path.Combine(RepoRoot(), "data", "district");
        var rows = TrainingData.LoadDistrict(district);
        var withName = rows.First(r => r.Message!.Text.Contains("Ortiz", StringComparison.Ordinal));

        Assert.DoesNotContain("Ortiz", withName.Text, StringComparison.Ordinal);
        Assert.Contains("Ortiz", withName.Message!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutEvidenceTheModelSaysThePrior()
    {
        Assert.Equal(TextModel.Prior, TextModel.Abstain(0.9, evidence: 0, tokens: 100), 9);
        Assert.Equal(0.9, TextModel.Abstain(0.9, evidence: TextModel.FullEvidence, tokens: 100), 9);
        var half = TextModel.Abstain(0.9, evidence: TextModel.FullEvidence / 2, tokens: 100);
        Assert.InRange(half, TextModel.Prior, 0.9);
        // Short messages are scaled as well.
        Assert.Equal(0.9 * 10 / TextModel.FullEvidenceTokens, TextModel.Abstain(0.9, evidence: TextModel.FullEvidence, tokens: 10), 9);
    }

    [Fact]
    public void TheShippedModelDoesNotFlagAMessageOfUnknownWords()
    {
        var model = TextModel.LoadEmbedded();
        var words = string.Join(' ', Enumerable.Range(0, 40).Select(i => "qz" + (char)('a' + (i % 26)) + "x" + (char)('a' + (i * 7 % 26))));
        var score = model.Score("qzxv", words);

        Assert.True(score.Probability < 0.3, $"p = {score.Probability}");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory);
    }
}
