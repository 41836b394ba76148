using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

/// <summary>
/// A writer's signature block, found from the line that is her name to the end of the text when what follows reads as
/// a signature's lines; never her words, an ask or a postscript.
/// </summary>
public sealed class SignatureBlockTests
{
    private const string Ask = "Team,\n\nThe mayor's campaign needs ten of us at Saturday's canvass in the 12th Ward. Sign up with Ms. Reyes.\n\nThanks,";

    [Theory]
    [InlineData("Gail Henshaw <g.henshaw@lakeshore-schools.example>", "Gail Henshaw\nScience Department Chair\nHarborview High School | Lakeshore Public Schools\n(773) 555-0142")]
    [InlineData("\"Teague, Rosalind\" <r.teague@lakeshore-schools.example>", "Dr. Rosalind Teague\nPrincipal, Farragut Elementary\nr.teague@lakeshore-schools.example")]
    [InlineData("Jim Leary", "Mr. Leary\nAP U.S. History | Room 214")]
    [InlineData("Nereida Arroyo", "Nereida Arroyo\nMaestra de Ciencias\nEscuela Primaria Hostos")]
    public void Blanks_the_named_writers_block_and_keeps_her_words(string from, string block)
    {
        var text = Ask + "\n" + block + "\n";
        var blanked = SignatureBlock.Blank(text, DisplayName(from));
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(Ask + "\n", blanked[..(Ask.Length + 1)]);
        Assert.True(blanked[(Ask.Length + 1)..].All(c => c is ' ' or '\n'), blanked);
    }

    [Theory]
    // A name alone is a sign-off; another writer's name is not hers; a sentence or a postscript under the name is what she asks.
    [InlineData("Gail Henshaw", "Gail")]
    [InlineData("Gail Henshaw", "Kelsey Branham\nDeputy Campaign Manager\nFriends of Dana Ortiz")]
    [InlineData("Gail Henshaw", "Gail Henshaw\nplease sign up for Saturday before you leave today")]
    [InlineData("Gail Henshaw", "Gail Henshaw\nScience Department Chair\nP.S. Bring two students each")]
    [InlineData("Gail Henshaw", "Gail Henshaw\nScience Department Chair\nCan you make it?")]
    [InlineData(null, "Gail Henshaw\nScience Department Chair")]
    public void Keeps_what_is_not_the_writers_block(string? from, string block)
    {
        var text = Ask + "\n" + block + "\n";
        Assert.Same(text, SignatureBlock.Blank(text, from));
    }

    private static string DisplayName(string from) => from.Contains('<', StringComparison.Ordinal) ? from[..from.IndexOf('<', StringComparison.Ordinal)].Trim().Trim('"') : from;
}
