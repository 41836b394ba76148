using System.Text;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The concept lexicon (<see cref="ConceptLexicon"/>, <c>Detection/Model/concepts.txt</c>): a word of any of the
/// district's ten languages counts as its concept beside itself, so that the model reads "głosujcie" and "vote" as one
/// thing, and a verdict names the concept a word was read as.
/// </summary>
public sealed class ConceptLexiconTests
{
    private static readonly ConceptLexicon Shipped = ConceptLexicon.Embedded;

    private static int ConceptOf(string form)
    {
        var tokens = new TokenBuffer();
        Tokenizer.Tokenize(form, tokens);
        return tokens.Count switch
        {
            1 => Shipped.OfWord(tokens.Hash(0)),
            2 => Shipped.OfPair(StableHash.Pair(tokens.Hash(0), tokens.Hash(1))),
            _ => throw new ArgumentException($"'{form}' is {tokens.Count} tokens", nameof(form)),
        };
    }

    [Theory]
    [InlineData("vote")]
    [InlineData("Votar")]
    [InlineData("głosujcie")]
    [InlineData("Голосуйте")]
    [InlineData("التصويت")]
    [InlineData("投票")]
    [InlineData("bỏ phiếu")]
    [InlineData("votez")]
    [InlineData("bumoto")]
    public void EveryLanguagesWordForVotingIsOneConcept(string form)
    {
        var vote = Shipped.Names.ToList().IndexOf("vote");
        Assert.True(vote >= 0);
        Assert.Equal(vote, ConceptOf(form));
    }

    [Fact]
    public void TheShippedLexiconHasItsConceptsInEveryLanguage()
    {
        Assert.Equal(50, Shipped.Names.Count);
        var text = new StreamReader(typeof(ConceptLexicon).Assembly.GetManifestResourceStream("SolidWall.Core.Detection.Model.concepts.txt")!, Encoding.UTF8).ReadToEnd();
        var blocks = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Aggregate(new List<List<string>>(), (list, line) =>
        {
            if (line.StartsWith('['))
            {
                list.Add([]);
            }
            else
            {
                list[^1].Add(line[..line.IndexOf(':')]);
            }

            return list;
        });
        Assert.All(blocks, languages => Assert.Equal(["en", "es", "pl", "uk", "ar", "zh", "vi", "fr", "ht", "tl"], languages));
    }

    [Theory]
    [InlineData("boleta")] // also a report card in Mexican Spanish
    [InlineData("głos")] // also a voice
    [InlineData("pac")] // also a parent advisory council
    [InlineData("bulletin")] // also a report card in French
    [InlineData("field")]
    public void WordsThatMeanSomethingElseInSchoolMailAreNoConcept(string word) => Assert.Equal(-1, ConceptOf(word));

    [Fact]
    public void AFormIsAWordOrTwoAndBelongsToItsFirstConcept()
    {
        var lexicon = ConceptLexicon.Parse("# a comment\n[first]\nen: knock doors, walk the precinct today, Canvass\n\n[second]\nen: canvass, flyer\nes: volante\n");
        Assert.Equal(["first", "second"], lexicon.Names);
        var tokens = new TokenBuffer();
        Tokenizer.Tokenize("knock doors walk the precinct canvass flyer volante", tokens);
        Assert.Equal(0, lexicon.OfPair(StableHash.Pair(tokens.Hash(0), tokens.Hash(1))));
        Assert.Equal(-1, lexicon.OfPair(StableHash.Pair(tokens.Hash(2), tokens.Hash(3)))); // only in a form of four words
        Assert.Equal(0, lexicon.OfWord(tokens.Hash(5))); // "Canvass", read as the tokenizer reads mail, is the first concept's
        Assert.Equal(1, lexicon.OfWord(tokens.Hash(6)));
        Assert.Equal(1, lexicon.OfWord(tokens.Hash(7)));
    }

    [Fact]
    public void TheFingerprintFollowsTheFormsNotTheComments()
    {
        const string text = "# first\n[vote]\nen: vote, go vote\nes: votar\n";
        var same = ConceptLexicon.Parse(text).Fingerprint;
        Assert.Equal(same, ConceptLexicon.Parse(text.Replace("# first", "# edited, and longer", StringComparison.Ordinal)).Fingerprint);
        Assert.NotEqual(same, ConceptLexicon.Parse(text + "fr: votez\n").Fingerprint);
        Assert.NotEqual(same, ConceptLexicon.Parse(text.Replace("[vote]", "[ballot]", StringComparison.Ordinal)).Fingerprint);
        Assert.NotEqual(same, ConceptLexicon.Parse(text.Replace("go vote", "go, vote", StringComparison.Ordinal)).Fingerprint);
    }

    [Fact]
    public void AnEnglishAndAPolishAskShareTheirConcepts()
    {
        var extractor = new FeatureExtractor();
        var english = extractor.Extract(null, "We knock doors on Saturday. Vote on the 28th!").Compact();
        var polish = extractor.Extract(null, "W sobotę chodzimy od drzwi do drzwi. Głosujcie 28-go!").Compact();
        var shared = english.Buckets.Intersect(polish.Buckets).ToList();
        var x = extractor.Extract(null, "W sobotę chodzimy od drzwi do drzwi. Głosujcie 28-go!");
        var terms = Enumerable.Range(0, x.Count).Where(i => shared.Contains(x.Buckets[i])).Select(i => extractor.Term(x.Origins[i], x.Buckets[i])).ToHashSet();
        Assert.Contains("od drzwi [canvass]", terms);
        Assert.Contains("glosujcie [vote]", terms);
    }

    [Fact]
    public void AVerdictNamesTheConceptAWordWasReadAsAndPointsAtTheWord()
    {
        const string raw = "From: Ewa <ewa@lakeshore-schools.example>\r\nTo: staff@lakeshore-schools.example\r\nSubject: sobota\r\n" +
                           "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
                           "Kochani, w sobotę chodzimy od drzwi do drzwi dla naszej kandydatki na radną. Głosujcie 28 lutego i zabierzcie rodziny! " +
                           "Potrzebujemy wolontariuszy do ulotek.\r\n";
        var message = TrainingMail.Normalize(new RawMessage("test", 0, Encoding.UTF8.GetBytes(raw)));
        var verdict = new Detector(model: TextModel.LoadEmbedded()).Classify(message);
        Assert.True(verdict.IsElectioneering);
        var model = Assert.Single(verdict.Reasons, r => r.Signal == "TextModel");
        var concepts = model.Evidence.Where(e => e.Note?.Contains(" read as [", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(concepts);
        Assert.All(concepts, e =>
        {
            // "model term 'od drzwi' read as [canvass] +0.31" points at "od drzwi" in the text.
            var note = e.Note!;
            var word = note[(note.IndexOf('\'') + 1)..note.IndexOf('\'', note.IndexOf('\'') + 1)];
            Assert.Equal("text", e.Where);
            Assert.Equal(message.Text.Substring(e.Offset, e.Length), e.Text);
            Assert.Equal(word, string.Join(' ', TokenizerTests.Tokens(e.Text)));
        });
    }
}
