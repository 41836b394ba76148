using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>The model's tokens: folding, links, addresses, numbers, run-together text, scripts without spaces.</summary>
public sealed class TokenizerTests
{
    internal static List<string> Tokens(string text)
    {
        var buffer = new TokenBuffer();
        Tokenizer.Tokenize(text, buffer);
        return Enumerable.Range(0, buffer.Count).Select(buffer.TextString).ToList();
    }

    /// <summary>A top term is a token of the message, two of them, or a token's stem ("volun…").</summary>
    /// <summary>Whether a model term is made of these tokens: a word, a pair, a stem ("volun…"), a quoted ("&gt; vote") or negated ("not vote") word.</summary>
    internal static bool TermIsFrom(string term, IReadOnlySet<string> tokens) =>
        term.EndsWith(']') && term.LastIndexOf(FeatureExtractor.ConceptOpen, StringComparison.Ordinal) is > 0 and var concept ? TermIsFrom(term[..concept], tokens)
        : term.EndsWith(FeatureExtractor.ContextSuffix, StringComparison.Ordinal) ? tokens.Contains(term[..^FeatureExtractor.ContextSuffix.Length])
        : term.EndsWith(FeatureExtractor.ReplySuffix, StringComparison.Ordinal) ? tokens.Contains(term[..^FeatureExtractor.ReplySuffix.Length])
        : term.StartsWith("> ", StringComparison.Ordinal) ? tokens.Contains(term[2..])
        : term.StartsWith("not ", StringComparison.Ordinal) && tokens.Contains(term[4..]) ? true
        : term.EndsWith('…')
            ? tokens.Any(w => w.StartsWith(term[..^1], StringComparison.Ordinal))
            : term.Split(' ').All(tokens.Contains);

    [Theory]
    [InlineData("Votación", "votacion")]
    [InlineData("VOTACIÓN", "votacion")]
    [InlineData("votacion", "votacion")]
    [InlineData("Elección", "eleccion")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Bầu cử", "bau cu")]
    [InlineData("Straße", "straße")]
    public void FoldsCaseAndAccents(string text, string expected) => Assert.Equal(expected.Split(' '), Tokens(text));

    [Fact]
    public void DecomposedAccentsFoldLikeComposedOnes() =>
        Assert.Equal(Tokens("votaci\u00f3n"), Tokens("votacio\u0301n"));

    [Theory]
    [InlineData("Donate: https://secure.actblue.com/donate/ortiz?refcode=abc", "donate host:secure.actblue.com")]
    [InlineData("<http://www.Mobilize.us/event/1>", "host:www.mobilize.us")]
    [InlineData("go to www.winred.com/x now", "go to host:www.winred.com now")]
    [InlineData("see:https://user@secure.anedot.com/x", "see host:secure.anedot.com")]
    [InlineData("(https://example.org).", "host:example.org")]
    [InlineData("Donate: https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsecure.actblue.com%2Fdonate&data=05%7C02", "donate host:secure.actblue.com")]
    [InlineData("https://urldefense.com/v3/__https://www.mobilize.us/ortiz/*signup__;Iw!!KwNVnqRv!abc$", "host:www.mobilize.us")]
    [InlineData("https://nam12.safelinks.protection.outlook.com/?data=05", "host:nam12.safelinks.protection.outlook.com")]
    public void LinksBecomeTheirHost(string text, string expected) => Assert.Equal(expected.Split(' '), Tokens(text));

    [Theory]
    [InlineData("write to Jane.Doe@Lakeshore-Schools.example today", "write to domain:lakeshore-schools.example today")]
    [InlineData("<kelsey@reelect-dana-ortiz.example>", "domain:reelect-dana-ortiz.example")]
    public void AddressesBecomeTheirDomain(string text, string expected) => Assert.Equal(expected.Split(' '), Tokens(text));

    [Fact]
    public void NumbersBecomeTheirShapeSoNoYearIsAFeature()
    {
        Assert.Equal(Tokens("in 2002"), Tokens("in 2024"));
        Assert.Equal(["chip", "in", "00"], Tokens("Chip in $25"));
        Assert.Equal(["the", "00th", "ward"], Tokens("the 12th Ward"));
    }

    [Fact]
    public void RunTogetherTextStaysOneToken() =>
        Assert.Equal(["pleasesee", "a", "special", "message"], Tokens("Pleasesee a special message"));

    [Fact]
    public void CurlyAndStraightApostrophesGiveTheSameWord()
    {
        Assert.Equal(Tokens("doesn't"), Tokens("doesn\u2019t"));
        Assert.Equal(["doesn't"], Tokens("doesn\u2019t"));
        Assert.Equal(["students", "parents"], Tokens("students' parents"));
    }

    [Fact]
    public void HanCharactersAreOneTokenEach() => Assert.Equal(["投", "票", "vote"], Tokens("投票 vote"));

    [Fact]
    public void PunctuationSplitsAndLongJunkIsDropped()
    {
        Assert.Equal(["vote", "yes", "on", "question", "0"], Tokens("VOTE-YES on Question 1!"));
        Assert.Empty(Tokens(new string('A', Tokenizer.MaxTokenLength + 1)));
        Assert.Single(Tokens(new string('A', Tokenizer.MaxTokenLength)));
    }

    [Fact]
    public void EveryTokenIsFoldedAndFree()
    {
        // Property: whatever the input, no token is empty, too long, or contains white space or upper case.
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<string>(s =>
            Tokens(s ?? "").All(t => t.Length > 0 && !t.Any(char.IsWhiteSpace) && t == t.ToLowerInvariant()
                && (t.Length <= Tokenizer.MaxTokenLength || t.StartsWith("host:", StringComparison.Ordinal) || t.StartsWith("domain:", StringComparison.Ordinal)))));
    }
}
