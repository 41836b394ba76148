using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

public sealed class CategoryFitterTests
{
    private static readonly int Event = TextModel.Categories.ToList().IndexOf(Categories.Event);

    /// <summary>
    /// Electioneering rows labelled for `event` only: <paramref name="sure"/> rows where CandidateOnStage named it, all
    /// events; <paramref name="loose"/> rows where EventInvitation named it, one in four an event; and as many rows
    /// where nothing named it, none an event. The model is no help: the same probability on every row.
    /// </summary>
    private static (double[][] Probability, CategoryReading?[] Readings, sbyte[][] Labels) Rows(int sure, int loose)
    {
        var names = SignalCatalog.Names.ToList();
        var n = sure + loose + loose;
        var probability = new double[n][];
        var readings = new CategoryReading?[n];
        var labels = Enumerable.Range(0, TextModel.HeadCount).Select(_ => Enumerable.Repeat((sbyte)-1, n).ToArray()).ToArray();
        for (var i = 0; i < n; i++)
        {
            probability[i] = Enumerable.Repeat(0.3, TextModel.Categories.Count).ToArray();
            var namedBy = Enumerable.Repeat<IReadOnlyList<string>>([], names.Count).ToArray();
            bool isEvent;
            if (i < sure)
            {
                namedBy[names.IndexOf("CandidateOnStage")] = [Categories.Event];
                isEvent = true;
            }
            else if (i < sure + loose)
            {
                namedBy[names.IndexOf("EventInvitation")] = [Categories.Event, Categories.Fundraising];
                isEvent = (i - sure) % 4 == 0;
            }
            else
            {
                isEvent = false;
            }

            readings[i] = new CategoryReading(namedBy, LiteratureKept: false, CoercionAdded: false);
            labels[0][i] = 1;
            labels[Event + 1][i] = isEvent ? (sbyte)1 : (sbyte)0;
        }

        return (probability, readings, labels);
    }

    [Fact]
    public void A_signal_that_names_a_category_surely_counts_for_more_than_one_that_names_it_loosely()
    {
        var (probability, readings, labels) = Rows(sure: 40, loose: 40);
        var fitted = CategoryFitter.Fit(probability, readings, labels, Enumerable.Repeat(1f, readings.Length).ToArray());

        // Only `event` has labels to learn from; the others keep the union rule.
        Assert.Equal([Categories.Event], fitted.Keys);
        var weights = fitted[Categories.Event];
        Assert.True(weights.Signals["CandidateOnStage"] > weights.Signals.GetValueOrDefault("EventInvitation") + 2);

        var modelLogit = Math.Log(0.3 / 0.7);
        Assert.True(weights.LogOdds(modelLogit, ["CandidateOnStage"], rule: false) > 0);
        Assert.True(weights.LogOdds(modelLogit, ["EventInvitation"], rule: false) < 0);
        Assert.True(weights.LogOdds(modelLogit, [], rule: false) < weights.LogOdds(modelLogit, ["EventInvitation"], rule: false));
    }

    [Fact]
    public void No_weight_counts_against_a_category_and_a_signal_too_rare_has_none_of_its_own()
    {
        // Four sure rows: under the five a signal needs for a weight of its own, so they count through `signal` only.
        var (probability, readings, labels) = Rows(sure: 4, loose: 40);
        var fitted = CategoryFitter.Fit(probability, readings, labels, Enumerable.Repeat(1f, readings.Length).ToArray())[Categories.Event];

        Assert.DoesNotContain("CandidateOnStage", fitted.Signals.Keys);
        Assert.All(fitted.Signals.Values, w => Assert.True(w > 0));
        Assert.True(fitted.Model >= 0 && fitted.Signal >= 0 && fitted.Rule >= 0);
    }

    [Fact]
    public void The_fit_is_deterministic_and_its_policy_block_reads_back_as_the_same_weights()
    {
        var (probability, readings, labels) = Rows(sure: 40, loose: 40);
        var weights = Enumerable.Repeat(1f, readings.Length).ToArray();
        var first = CategoryFitter.Fit(probability, readings, labels, weights);
        var second = CategoryFitter.Fit(probability, readings, labels, weights);
        Assert.Equal(first[Categories.Event].Signals, second[Categories.Event].Signals);
        Assert.Equal(first[Categories.Event] with { Signals = second[Categories.Event].Signals }, second[Categories.Event]);

        var combination = new ScoreCombination(1, -1, new Dictionary<string, double>()) { Categories = first };
        var block = combination.ToPolicyBlock();
        var read = Policy.Parse(block, "fitted.yaml").CategoryWeights[Categories.Event];
        Assert.Equal(first[Categories.Event].Bias, read.Bias);
        Assert.Equal(first[Categories.Event].Model, read.Model);
        Assert.Equal(first[Categories.Event].Signal, read.Signal);
        Assert.All(first[Categories.Event].Signals, kv => Assert.Equal(kv.Value, read.Signals[kv.Key]));
    }
}
