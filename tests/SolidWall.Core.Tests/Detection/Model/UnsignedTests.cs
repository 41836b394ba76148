using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The text model reads an inside sender's signature block as blanks (<see cref="TextModel.Unsigned(Message)"/>): the
/// block she signs every message with is not what the message asks, and read as words it hid, held out, 216 of the
/// district's asks from staff with the registry (docs/DETECTION.md, "stop 37"). An outside sender's block is read as
/// written: a campaign's staff sign with their campaign.
/// </summary>
public sealed class UnsignedTests
{
    private const string Ask = "Team,\n\nThe Ortiz campaign needs ten of us at Saturday's canvass in the 12th Ward, and students can earn service hours. Sign up with Ms. Reyes.\n\nThanks,";
    private const string Block = "Gail Henshaw\nScience Department Chair\nHarborview High School | Lakeshore Public Schools\n(773) 555-0142";

    [Fact]
    public void An_inside_senders_block_is_read_as_blanks_and_the_score_is_the_unsigned_messages()
    {
        var model = TextModel.LoadEmbedded();
        var plain = Staff(Ask + "\nGail");
        var signed = Staff(Ask + "\n" + Block);
        var (_, segments) = TextModel.Unsigned(signed);
        var own = Assert.Single(segments).Text;
        Assert.Equal(signed.Segments[0].Text.Length, own.Length);
        Assert.DoesNotContain("Science Department Chair", own, StringComparison.Ordinal);
        Assert.StartsWith(Ask, own, StringComparison.Ordinal);

        // "Gail" alone is a sign-off and stays; the block with her full name goes: the same words but one, the same reading.
        Assert.Equal(model.Score(plain).Probability, model.Score(signed).Probability, 2);
    }

    [Fact]
    public void An_outside_senders_block_is_read_as_written()
    {
        var campaign = TrainingMail.Compose("t", "Gail Henshaw <gail@reelect-ortiz.example>", ["teacher@lakeshore-schools.example"], "Saturday", Ask + "\n" + Block);
        Assert.Null(TextModel.Signer(campaign));
        Assert.Same(campaign.Segments, TextModel.Unsigned(campaign).Segments);
    }

    private static Message Staff(string body) =>
        TrainingMail.Compose("t", "Gail Henshaw <g.henshaw@lakeshore-schools.example>", ["harborview-faculty@lakeshore-schools.example"], "Saturday", body);
}
