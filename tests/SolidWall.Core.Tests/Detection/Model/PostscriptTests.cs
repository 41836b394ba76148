using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// A postscript is found by its marker at the start of a line below the first, runs to the end of its paragraph,
/// and the text model reads it on its own: an ask in the P.S. of a long routine note is not drowned by the note.
/// </summary>
public sealed class PostscriptTests
{
    [Theory]
    [InlineData("P.S. bring a water bottle")]
    [InlineData("P. S. bring a water bottle")]
    [InlineData("PS: bring a water bottle")]
    [InlineData("ps dont forget the forms")]
    [InlineData("P.P.S. and the forms")]
    [InlineData("P.D. No se les olvide la merienda.")]
    [InlineData("PD: No se les olvide la merienda.")]
    [InlineData("P.-S. N'oubliez pas le goûter.")]
    [InlineData("T.B. Nhớ mang áo khoác.")]
    [InlineData("ملاحظة: لا تنسوا الاستمارات.")]
    [InlineData("附言：请带水壶。")]
    public void Markers_open_a_postscript(string line)
    {
        var text = "Field trip Friday, buses leave at 8:10.\n\nMs. Ortega\n\n" + line + "\nSecond line of it.\n\nSignature";
        var found = Postscript.Find(text);
        Assert.NotNull(found);
        Assert.Equal(line + "\nSecond line of it.", text.Substring(found.Value.Start, found.Value.Length));
    }

    [Theory]
    [InlineData("PD day on Friday, no students.")] // professional development, not a P.D.
    [InlineData("PSAT scores are in.")]
    [InlineData("Pizza on Friday.")]
    [InlineData("> P.S. vote for Dana")] // a quoted line belongs to the message replied to
    [InlineData("Tables in the gym.")]
    public void Other_lines_do_not(string line) =>
        Assert.Null(Postscript.Find("Field trip Friday, buses leave at 8:10.\n\n" + line + "\n\nMs. Ortega"));

    [Fact]
    public void The_first_line_is_never_a_postscript() => Assert.Null(Postscript.Find("P.S. I love you\nsee you at 5"));

    [Fact]
    public void A_later_postscript_paragraph_extends_it()
    {
        const string text = "Notes for Monday.\n\nP.S. one thing\n\nP.P.S. another thing\n";
        var found = Postscript.Find(text)!.Value;
        Assert.Equal("P.S. one thing\n\nP.P.S. another thing", text.Substring(found.Start, found.Length));
    }

    // Six paragraphs of a teacher's routine note: long enough that a one-line ask below it barely moves the whole.
    private static readonly string ChemistryRoutine = string.Join("\n\n", Enumerable.Repeat(
        "Lab reports for the titration unit are due Thursday; the rubric is on the class page and late work loses ten points a day. "
        + "Goggles stay on the whole period, and the dissection kits go back to the storage room by the end of the day.", 6));

    private const string CampaignPostscript = "P.S. Please vote for Dana Ortiz for Mayor on February 28th, and chip in to her campaign if you can.";

    [Fact]
    public void The_shipped_model_reads_a_campaign_postscript_on_its_own_and_the_verdict_points_at_it()
    {
        var model = TextModel.LoadEmbedded();
        var routine = ChemistryRoutine;
        const string ask = CampaignPostscript;
        var plain = model.Score(null, routine + "\n\nMr. Ames");
        var withAsk = model.Score(null, routine + "\n\nMr. Ames\n\n" + ask);

        Assert.Null(plain.Postscript);
        Assert.NotNull(withAsk.Postscript);
        Assert.True(withAsk.Probability > 0.5 && withAsk.Probability > plain.Probability + 0.3, $"{plain.Probability} -> {withAsk.Probability}");

        var message = Mail.Of(routine + "\n\nMr. Ames\n\n" + ask, "Chemistry this week");
        var verdict = new Detector(model: model).Classify(message);
        var reason = Assert.Single(verdict.Reasons, r => r.Signal == Detector.TextModelSignal);
        Assert.Equal(ask, reason.Evidence[0].Text);
        Assert.Contains("postscript", reason.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_category_heads_read_the_whole_message_when_the_postscript_raises_its_score()
    {
        // The postscript decides how likely campaign work is; which kind is the message's, as training reads it.
        var model = TextModel.LoadEmbedded();
        var routine = ChemistryRoutine;
        var text = routine + "\n\nMr. Ames\n\n" + CampaignPostscript;
        var score = model.Score(null, text);
        Assert.NotNull(score.Postscript);

        var x = new FeatureExtractor().Extract(null, text);
        Span<double> z = stackalloc double[TextModel.Categories.Count];
        model.CategoryRaw(x, z);
        for (var h = 0; h < TextModel.Categories.Count; h++)
        {
            Assert.Equal(score.Probability * model.Calibration[h + 1].Probability(z[h]), score.CategoryProbabilities[TextModel.Categories[h]], 12);
        }
    }

    [Fact]
    public void A_harmless_postscript_changes_nothing()
    {
        var model = TextModel.LoadEmbedded();
        const string note = "Field trip to the science museum is Friday. Buses leave at 8:10 sharp, bring a lunch and your signed slip.\n\nMs. Ortega";
        var plain = model.Score(null, note);
        var withPs = model.Score(null, note + "\n\nP.S. bring a water bottle, it gets hot in the planetarium.");
        Assert.True(withPs.Probability < 0.3, withPs.Probability.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(withPs.Probability - plain.Probability) < 0.2);
    }
}
