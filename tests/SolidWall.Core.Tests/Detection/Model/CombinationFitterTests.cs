using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

public sealed class CombinationFitterTests
{
    [Fact]
    public void A_guard_that_is_never_fitted_keeps_its_designed_weight_however_often_it_fires()
    {
        // Twenty rows on which NoCampaignContext fires, half of them electioneering: a fit would take it to ~0.
        var signals = SignalCatalog.All;
        var guard = signals.ToList().FindIndex(s => s.Name == "NoCampaignContext");
        var vote = signals.ToList().FindIndex(s => s.Name == "VoteSolicitation");
        var fired = Enumerable.Range(0, 20).Select(i =>
        {
            var row = new bool[signals.Count];
            row[guard] = true;
            row[vote] = i % 4 == 0;
            return row;
        }).ToArray();
        var labels = Enumerable.Range(0, 20).Select(i => i % 2 == 0).ToArray();
        var combination = CombinationFitter.Fit(Enumerable.Repeat(0.6, 20).ToArray(), fired, labels, Enumerable.Repeat(1f, 20).ToArray());

        Assert.False(signals[guard].Fitted);
        Assert.DoesNotContain("NoCampaignContext", combination.SignalWeights.Keys);
        Assert.Contains("VoteSolicitation", combination.SignalWeights.Keys);
        Assert.Equal(signals[guard].Weight, Policy.Default.With(combination).WeightOf("NoCampaignContext", signals[guard].Weight));
    }

    [Fact]
    public void Rows_read_with_a_registry_and_without_one_each_fit_their_own_intercept()
    {
        // The same model probability everywhere; read with a registry a quarter of the rows are electioneering, read
        // without one three quarters. One shared intercept would sit between the two; each reading's own intercept is
        // its base rate's log-odds, log(1/3) and log(3).
        var signals = SignalCatalog.All;
        const int n = 400;
        var fired = Enumerable.Range(0, n).Select(_ => new bool[signals.Count]).ToArray();
        var withRegistry = Enumerable.Range(0, n).Select(i => i < n / 2).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => withRegistry[i] ? i % 4 == 0 : i % 4 != 0).ToArray();
        var combination = CombinationFitter.Fit(Enumerable.Repeat(0.5, n).ToArray(), fired, labels, Enumerable.Repeat(1f, n).ToArray(), withRegistry);

        Assert.Equal(Math.Log(1.0 / 3), combination.ModelBias, 2);
        Assert.Equal(Math.Log(3.0), combination.ModelBiasWithoutRegistry, 2);
        Assert.Contains("model_bias_without_registry: 1.099", combination.ToPolicyBlock(), StringComparison.Ordinal);

        // Without the readings told apart, one intercept over every row (log(1), the overall base rate), held by both.
        var one = CombinationFitter.Fit(Enumerable.Repeat(0.5, n).ToArray(), fired, labels, Enumerable.Repeat(1f, n).ToArray());
        Assert.Equal(0, one.ModelBias, 2);
        Assert.Equal(one.ModelBias, one.ModelBiasWithoutRegistry);
    }
}
