using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Tests.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The lexicon scans a long field in two lanes side by side (<see cref="Lexicon.ScanTwoLanes"/>); they must find
/// exactly what one lane over the whole field finds, in the same order, whatever word straddles the half: on random
/// texts from pieces that make words and partial words collide, and on the political corpus with the signals' own lexicon.
/// </summary>
public sealed class LexiconLanesTests
{
    private static readonly string[] Pieces =
    [
        "chip", " in", "chip in", "  ", "\t", "chip\n  in", "campaña", "campa", "ña", "crédito", "credit", "é", " ", "\n", ".", ",", "vote", " for ",
        "please share this", " with your students", "please share this with your students", "x", "ñ", "s", "aaaa",
    ];

    [Fact]
    public void TwoLanesFindWhatOneLaneFindsOnRandomTexts()
    {
        // A long word (36 chars) makes the second lane restart well before the half.
        WordSet[] sets = [new(["chip in", "campaña", "ña", "crédit"]), new(["credit", "vote", "please share this with your students"]), new(["a", "aa", "ch", "hip", "é"])];
        var lexicon = new Lexicon(sets);
        var random = new Random(17);
        var straddling = 0;
        for (var n = 0; n < 2000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(20, 120)).Select(_ => Pieces[random.Next(Pieces.Length)])).ToLowerInvariant();
            var (one, two) = (new List<(int, int, ulong)>(), new List<(int, int, ulong)>());
            Assert.Equal(lexicon.ScanOneLane(text, one), lexicon.ScanTwoLanes(text, two));
            Assert.Equal(one, two);
            straddling += one.Exists(h => h.Item1 < text.Length / 2 && h.Item2 > text.Length / 2) ? 1 : 0;
        }

        Assert.True(straddling > 300, $"only {straddling} texts had a word across the half");
    }

    [Theory]
    [InlineData("so you know what to do.", 7)]
    [InlineData("so you know\nwhat to do.", 7)]
    [InlineData("so you know  what\tto\u00a0do.", 7)]
    [InlineData("so you know\n\n   what to     do.", 7)]
    public void APhrasesBlankMatchesAnyRunOfBlanksAndItsStartIsWhereItStands(string text, int start)
    {
        var lexicon = new Lexicon([new(["know what to do"]), new(["what", "do"])]);
        var hits = new List<(int Start, int End, ulong Sets)>();
        Assert.Equal(3UL, lexicon.ScanOneLane(text, hits));
        var phrase = Assert.Single(hits, h => h.Sets == 1UL);
        Assert.Equal((start, text.IndexOf('.', StringComparison.Ordinal)), (phrase.Start, phrase.End));
        Assert.Equal(text.IndexOf("what", StringComparison.Ordinal), Assert.Single(hits, h => h.Sets == 2UL && h.End - h.Start == 4).Start);
    }

    [Theory]
    [InlineData("you knowwhat to do")]
    [InlineData("you know.what to do")]
    [InlineData("you know what to dont")]
    public void APhraseIsNotFoundWithoutItsBlanksOrBrokenByPunctuation(string text)
    {
        var lexicon = new Lexicon([new(["know what to do"])]);
        var hits = new List<(int Start, int End, ulong Sets)>();
        Assert.Equal(text.EndsWith("dont", StringComparison.Ordinal) ? 1UL : 0UL, lexicon.ScanOneLane(text, hits));
    }

    [Fact]
    public void TwoLanesFindWhatOneLaneFindsOnTheCorpusWithTheSignalsLexicon()
    {
        var examples = TrainingData.LoadPolitical(Path.Combine(TestPaths.Corpora(), TrainingData.PoliticalFile));
        var scanned = 0;
        foreach (var text in examples.Select(e => InvariantLower.Of(e.Text)).Where(t => t.Length >= 2))
        {
            var (one, two) = (new List<(int, int, ulong)>(), new List<(int, int, ulong)>());
            Assert.Equal(SignalCatalog.Lexicon.ScanOneLane(text, one), SignalCatalog.Lexicon.ScanTwoLanes(text, two));
            Assert.Equal(one, two);
            scanned += text.Length >= Lexicon.TwoLaneLength ? 1 : 0;
        }

        Assert.True(scanned > 500, $"only {scanned} texts long enough for two lanes");
    }
}
