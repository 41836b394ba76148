using System.Buffers;
using System.Text.RegularExpressions;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The shortcuts phrase signals take must find exactly what the plain searches find: a <see cref="WordSet"/> what
/// <see cref="SearchValues{T}"/> of the same words finds, the shared <see cref="Lexicon"/> every occurrence, and a
/// pattern run clause by clause every match it has in the whole text. Texts are drawn at random from short pieces
/// that make words, partial words, accents and stops collide.
/// </summary>
public sealed class PhraseMatchingTests
{
    private static readonly string[] Pieces =
    [
        "chip", " in", "chip in", "campaña", "campa", "ña", "crédito", "credit", "é", " ", "\n", ".", ",", "!", "'", "vote", " for ", "ballot",
        "Jane Doe", "Doe", " Mayor", "pac", "impact", "elect", "re-elect", "need to ", "please share this with your students", "x", "ñ", "s",
    ];

    private static readonly string[] Words = ["chip in", "campaña", "ña", "crédit", "credit", "vote", "ballot", "pac", "elect", "need to", "é", "share"];

    private static IEnumerable<string> Texts(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var pieces = random.Next(1, 40);
            yield return string.Concat(Enumerable.Range(0, pieces).Select(_ => Pieces[random.Next(Pieces.Length)]));
        }
    }

    [Fact]
    public void WordSetFindsWhatSearchValuesFinds()
    {
        var words = new WordSet(Words);
        var plain = SearchValues.Create(Words, StringComparison.Ordinal);
        foreach (var text in Texts(3000, 1))
        {
            Assert.Equal(text.AsSpan().IndexOfAny(plain), words.IndexIn(text));
        }
    }

    [Fact]
    public void LexiconFindsEveryOccurrenceOfEverySet()
    {
        WordSet[] sets = [new(Words[..4]), new(Words[3..]), new(["a", "ch", "hip"])];
        var lexicon = new Lexicon(sets);
        foreach (var text in Texts(1000, 2).Select(t => t.ToLowerInvariant()))
        {
            var hits = lexicon.Scan(text);
            for (var slot = 0; slot < sets.Length; slot++)
            {
                var expected = Enumerable.Range(0, text.Length).Where(i => sets[slot].Words.Any(w => StandsAt(text, i, w))).ToList();
                var found = new List<int>();
                for (var at = hits.NextStart(slot, 0); at >= 0; at = hits.NextStart(slot, at + 1))
                {
                    found.Add(at);
                }

                Assert.Equal(expected, found);
                Assert.Equal(expected.Count > 0, (hits.Present & (1UL << slot)) != 0);
            }
        }
    }

    // Whether the word stands at `at` in the text, a blank of the word standing for a run of blanks (the lexicon's reading).
    private static bool StandsAt(string text, int at, string word)
    {
        var i = at;
        foreach (var c in word)
        {
            if (i >= text.Length)
            {
                return false;
            }

            if (c == ' ' && char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            if (text[i++] != c)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void APartOfAFieldsHitsIsWhatAScanOfThePartFinds()
    {
        WordSet[] sets = [new(Words[..4]), new(Words[3..]), new(["a", "ch", "hip"])];
        var lexicon = new Lexicon(sets);
        var random = new Random(4);
        foreach (var text in Texts(1000, 3).Select(t => t.ToLowerInvariant()))
        {
            var whole = lexicon.Scan(text);
            var start = random.Next(text.Length + 1);
            var length = random.Next(text.Length - start + 1);
            var part = whole.Part(start, length);
            var scanned = lexicon.Scan(text.Substring(start, length));
            Assert.Equal(scanned.Present, part.Present);
            Assert.Equal(scanned.Starts.Order(), part.Starts.Order());
        }
    }

    [Theory]
    [InlineData("\\b(?:chip\\s+in|vote\\s+for\\s+\\w+(?:\\s+\\w+)?|pac)\\b")]
    [InlineData("(?:need\\s+to|please)\\s+share\\s+(?:this\\s+)?with\\s+your\\s+students")]
    [InlineData("\\bcampa(?:ña|ign)s?\\b|\\bcr[eé]dit\\w*")]
    [InlineData("chip\\s*in\\s*[^.\\n]{0,12}?\\s*vote")]
    public void ClausesGiveTheMatchesOfTheWholeText(string source) =>
        AssertClausesGiveTheWholeTextsMatches(new PhrasePattern(new LazyRegex(source, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), ["chip", "vote", "pac", "need", "please", "campa", "cr"]));

    // Patterns whose every word starts after \b or a blank: anchors inside a word ("pac" in "impact", "cr" in "crédito"'s
    // middle never, "vote" in "xvote") open no clause, and no match is lost.
    [Theory]
    [InlineData("\\b(?:chip\\s+in|vote\\s+for\\s+\\w+(?:\\s+\\w+)?|pac)\\b")]
    [InlineData("\\b(?:need\\s+to|please)\\s+share\\s+(?:this\\s+)?with\\s+your\\s+students")]
    [InlineData("\\bcampa(?:ña|ign)s?\\b|\\bcr[eé]dit\\w*")]
    public void ClausesOpenedOnlyAtWordStartsGiveTheMatchesOfTheWholeText(string source) =>
        AssertClausesGiveTheWholeTextsMatches(new PhrasePattern(new LazyRegex(source, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), ["chip", "vote", "pac", "need", "please", "campa", "cr"]) { AnchorsStartWords = true });

    [Fact]
    public void AnAnchorInsideAWordOpensNoClause()
    {
        var pattern = new PhrasePattern(new LazyRegex("pac", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), ["pac"]) { AnchorsStartWords = true };
        var field = new TextField("text", "The impact, then a PAC.");
        var clauses = new List<(int, int)>();
        foreach (var clause in pattern.ClausesOf(field))
        {
            clauses.Add(clause);
        }

        Assert.Equal([(11, 11)], clauses);
    }

    private static void AssertClausesGiveTheWholeTextsMatches(PhrasePattern pattern)
    {
        Assert.NotNull(PhrasePattern.StopsOf(pattern.Regex.ToString()));
        foreach (var text in Texts(2000, 3))
        {
            var field = new TextField("text", text);
            var whole = new List<(int, int)>();
            foreach (var m in pattern.Regex.EnumerateMatches(field.Lower))
            {
                whole.Add((m.Index, m.Length));
            }

            var byClause = new List<(int, int)>();
            foreach (var (start, length) in pattern.ClausesOf(field))
            {
                foreach (var m in pattern.Regex.EnumerateMatches(field.Lower.Slice(start, length)))
                {
                    byClause.Add((start + m.Index, m.Length));
                }
            }

            Assert.Equal(whole, byClause);
        }
    }

    [Theory]
    [InlineData("contributions?\\s*to\\s*[^\\n]{1,80}?\\s*are\\s*not")]
    [InlineData("paid.for")]
    [InlineData("\\W+")]
    [InlineData("\\x2E")]
    [InlineData("\\p{P}")]
    public void PatternsThatMayMatchUnnamedPunctuationHaveNoStops(string source) =>
        Assert.Null(PhrasePattern.StopsOf(source));

    [Fact]
    public void ANegatedClassLeavesOnlyWhatItExcludesAsStops()
    {
        var stops = PhrasePattern.StopsOf("contributions?\\s*to\\s*[^.\\n]{1,80}?\\s*are\\s*not");
        Assert.NotNull(stops);
        Assert.True(stops.Contains('.'));
        Assert.False(stops.Contains(','));
        Assert.False(stops.Contains('!'));
    }

    [Fact]
    public void StopsAreThePunctuationThePatternNeverNames()
    {
        var stops = PhrasePattern.StopsOf("\\bvote\\s+(?:for|no\\.)\\s+[\\p{L}'’-]+");
        Assert.NotNull(stops);
        Assert.True(stops.Contains(','));
        Assert.True(stops.Contains('!'));
        Assert.False(stops.Contains('.'));
        Assert.False(stops.Contains('\''));
        Assert.False(stops.Contains('-'));
        Assert.False(stops.Contains(' '));
    }
}
