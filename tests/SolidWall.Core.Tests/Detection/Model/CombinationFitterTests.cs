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
}
