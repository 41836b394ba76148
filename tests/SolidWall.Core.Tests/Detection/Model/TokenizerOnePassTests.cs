using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The tokenizer's one pass: splitting the whole text at once gives what splitting it at blanks first and reading
/// each chunk as a link, an address or words gives, and the hashes taken while tokens are built are the hashes of
/// their text.
/// </summary>
public sealed class TokenizerOnePassTests
{
    // Letters, digits, apostrophes, link marks, blanks (ASCII and not), brackets, accents (precomposed and combining),
    // kana, a surrogate pair's halves: what makes the tokenizer take one branch or another.
    private const string Alphabet = "aAwWzZ09'’.@:/-_+% \t\n\u00A0\u2003<>\"()[]|,;!?éÉñ\u0301\u093Fा中ーßłΩжى\uD83D\uDE00";

    private static readonly string[] Pieces =
        ["http://", "https://Secure.ActBlue.com/donate", "www.", "WWW.Example.org", "user@example.org", "a@b.c", "mailto:x@y.org",
         "ftp://", "e.g.", "U.S.", "it's", "don't", "10:30", "vote", "volunteering", "Votación", "x://", "@", "://", "wWw.",
         "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsecure.actblue.com%2Fx&data=1", "https://urldefense.com/v3/__https://a.org/b*c__;Iw!!k$"];

    [Fact]
    public void OnePassEqualsChunkByChunk()
    {
        var random = new Random(20261127);
        for (var n = 0; n < 20_000; n++)
        {
            var text = RandomText(random);
            var onePass = new TokenBuffer();
            Tokenizer.Tokenize(text, onePass);
            var byChunk = new TokenBuffer();
            Tokenizer.TokenizeChunkByChunk(text, byChunk);
            Assert.Equal(Texts(byChunk), Texts(onePass));
        }
    }

    [Fact]
    public void HashesAreTheHashesOfTheText()
    {
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var buffer = new TokenBuffer();
            Tokenizer.Tokenize(RandomText(random), buffer);
            for (var t = 0; t < buffer.Count; t++)
            {
                var text = buffer.Text(t);
                Assert.Equal(StableHash.Of(text), buffer.Hash(t));
                Assert.Equal(text.Length > TokenBuffer.StemLength ? StableHash.Of(text[..TokenBuffer.StemLength]) : 0u, buffer.StemHash(t));
            }
        }
    }

    [Fact]
    public void AChunkTakenBackLeavesTheBreakPending()
    {
        // "re,x@example.org" gives "re" before the '@' shows it holds an address; taken back, the subject/body break
        // must still fall before the text's first token.
        var buffer = new TokenBuffer();
        Tokenizer.Tokenize("Budget vote", buffer);
        buffer.Break();
        Tokenizer.Tokenize("re,x@example.org budget", buffer);
        Assert.Equal(["budget", "vote", "re", "domain:example.org", "budget"], Texts(buffer));
        Assert.Equal([true, false, true, false, false], Enumerable.Range(0, buffer.Count).Select(buffer.BreakBefore));
    }

    private static string[] Texts(TokenBuffer buffer) => Enumerable.Range(0, buffer.Count).Select(buffer.TextString).ToArray();

    private static string RandomText(Random random)
    {
        var builder = new System.Text.StringBuilder();
        var parts = random.Next(1, 12);
        for (var p = 0; p < parts; p++)
        {
            if (random.Next(3) == 0)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }
            else
            {
                for (var k = random.Next(1, 10); k > 0; k--)
                {
                    builder.Append(Alphabet[random.Next(Alphabet.Length)]);
                }
            }
        }

        return builder.ToString();
    }
}
