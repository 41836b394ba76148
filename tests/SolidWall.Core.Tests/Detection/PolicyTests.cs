using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

public sealed class PolicyTests
{
    [Fact]
    public void The_shipped_policy_has_the_documented_defaults()
    {
        var policy = Policy.Default;
        Assert.Equal(0.5, policy.Threshold);
        Assert.Equal(0.8, policy.BlastJaccard);
        Assert.Equal(0.5, policy.ModelCategoryThreshold);
        Assert.Equal(PolicyAction.Tag, policy.ActionFor(InstitutionRole.Staff, [Categories.Fundraising]));
        Assert.Equal(PolicyAction.Quarantine, policy.ActionFor(InstitutionRole.Student, [Categories.Event]));

        // The score combination is fitted by `solidwall train`: the model counts, the prior leans allowed, signals for
        // electioneering push up and the counter-signal pulls down.
        Assert.True(policy.ModelWeight > 0);
        Assert.True(policy.Bias < 0);
        Assert.True(policy.SignalWeights["PaidForByDisclaimer"] > 0);
        Assert.True(policy.SignalWeights["DonationPlatformLink"] > 0);
        Assert.True(policy.SignalWeights["DiscussesElectioneering"] < 0);
        Assert.Empty(policy.AllowedDomains);
    }

    [Fact]
    public void A_user_file_overrides_only_the_keys_it_names()
    {
        var policy = Policy.Parse(
            """
            threshold: 0.7
            score:
              bias: -4
              model_bias_without_registry: 1.5
            signal_weights:
              PaidForByDisclaimer: 6
            actions:
              staff:
                fundraising: quarantine
              student:
                coercion: reject
            allowlist:
              domains: [vote.lakeshore.example]
            """, "local.yaml");
        Assert.Equal(0.7, policy.Threshold);
        Assert.Equal(0.8, policy.BlastJaccard);
        Assert.Equal(-4.0, policy.Bias);
        Assert.Equal(Policy.Default.ModelWeight, policy.ModelWeight);
        Assert.Equal(Policy.Default.ModelBias, policy.ModelBias);
        Assert.Equal(1.5, policy.ModelBiasWithoutRegistry);
        Assert.Equal(6.0, policy.WeightOf("PaidForByDisclaimer", 4.0));
        Assert.Equal(Policy.Default.SignalWeights["DonationPlatformLink"], policy.WeightOf("DonationPlatformLink", 3.5));
        Assert.Equal(PolicyAction.Quarantine, policy.ActionFor(InstitutionRole.Staff, [Categories.Fundraising]));
        Assert.Equal(PolicyAction.Tag, policy.ActionFor(InstitutionRole.Staff, [Categories.Event]));
        Assert.Equal(PolicyAction.Reject, policy.ActionFor(InstitutionRole.Student, [Categories.Event, Categories.Coercion]));
        Assert.Equal(PolicyAction.Quarantine, policy.ActionFor(InstitutionRole.Student, [Categories.Event]));
        Assert.Equal(PolicyAction.Accept, policy.ActionFor(InstitutionRole.External, [Categories.Event]));
        Assert.True(policy.IsAllowlisted("a@vote.lakeshore.example", out _));
        Assert.Equal(0.5, Policy.Default.Threshold);
    }

    [Fact]
    public void A_category_decision_is_overridden_key_by_key_and_its_signals_can_be_cleared()
    {
        var shipped = Policy.Default.CategoryWeights;
        Assert.Equal(Categories.All.Count, shipped.Count);
        Assert.True(shipped[Categories.Event].Signals.Count > 0);

        var policy = Policy.Parse(
            """
            categories:
              event:
                bias: -2
              polling:
                signals: []
            """,
            "policy.yaml");
        var evt = policy.CategoryWeights[Categories.Event];
        Assert.Equal(-2, evt.Bias);
        Assert.Equal(shipped[Categories.Event].Model, evt.Model);
        Assert.Equal(shipped[Categories.Event].Signals, evt.Signals);
        Assert.Empty(policy.CategoryWeights[Categories.Polling].Signals);
        Assert.Equal(shipped[Categories.Polling].Signal, policy.CategoryWeights[Categories.Polling].Signal);

        // The shipped policy is untouched.
        Assert.NotEqual(-2, Policy.Default.CategoryWeights[Categories.Event].Bias);
    }

    [Fact]
    public void Overrides_layer_on_a_given_baseline()
    {
        var first = Policy.Parse("threshold: 0.6\n", "a.yaml");
        var second = Policy.Parse("blast_jaccard: 0.9\n", "b.yaml", first);
        Assert.Equal((0.6, 0.9), (second.Threshold, second.BlastJaccard));
    }

    [Fact]
    public void Every_recipient_role_has_its_key_under_actions()
    {
        foreach (var role in Enum.GetValues<InstitutionRole>())
        {
            var key = role.ToString().ToLowerInvariant();
            var policy = Policy.Parse($"actions:\n  {key}:\n    default: reject\n", "policy.yaml");
            Assert.Equal(PolicyAction.Reject, policy.ActionFor(role, [Categories.Fundraising]));
        }
    }

    [Fact]
    public void An_empty_user_file_is_the_shipped_policy() =>
        Assert.Equal(Policy.Default.Threshold, Policy.Parse("", "empty.yaml").Threshold);

    [Theory]
    [InlineData("treshold: 0.5\n", 1, 1, "unknown key 'treshold' in the policy; known keys: threshold, blast_jaccard, blast_window_minutes, blast_min_copies, relay_jaccard, score, signal_weights, categories, actions, allowlist")]
    [InlineData("threshold: high\n", 1, 12, "threshold must be a number, found 'high'")]
    [InlineData("threshold: 1.5\n", 1, 12, "threshold must be between 0 and 1, found 1.5")]
    [InlineData("score:\n  bias: [1]\n", 2, 9, "score.bias must be a number, found a list")]
    [InlineData("score: 3\n", 1, 8, "score must be a mapping (key: value lines), found '3'")]
    [InlineData("signal_weights:\n  PaidFor: 2\n", 2, 3, "unknown key 'PaidFor' in signal_weights; known keys: PaidForByDisclaimer, PaidForByDisclaimerQuoted, ContributionDisclaimer,")]
    [InlineData("actions:\n  teacher:\n    default: tag\n", 2, 3, "unknown key 'teacher' in actions; known keys: external, staff, principal, student")]
    [InlineData("actions:\n  staff:\n    fundrasing: tag\n", 3, 5, "unknown key 'fundrasing' in actions.staff; known keys: default, fundraising, volunteer_recruitment,")]
    [InlineData("actions:\n  staff:\n    default: bounce\n", 3, 14, "unknown action 'bounce' for actions.staff.default; known actions: accept, tag, quarantine, reject")]
    [InlineData("allowlist:\n  senders: [vote.example]\n", 2, 13, "'vote.example' in allowlist.senders is not an email address (domains go under allowlist.domains)")]
    [InlineData("categories:\n  events:\n    bias: 1\n", 2, 3, "unknown key 'events' in categories; known keys: fundraising, volunteer_recruitment, event,")]
    [InlineData("categories:\n  event:\n    weight: 1\n", 3, 5, "unknown key 'weight' in categories.event; known keys: bias, model, signal, rule, signals")]
    [InlineData("categories:\n  event:\n    model: -1\n", 3, 12, "categories.event.model must be between 0 and 50, found -1")]
    [InlineData("categories:\n  event:\n    signals:\n      EventInvite: 1\n", 4, 7, "unknown key 'EventInvite' in categories.event.signals; known keys: PaidForByDisclaimer,")]
    [InlineData("threshold: 0.5\nthreshold: 0.6\n", 2, 1, "not valid YAML: Duplicate key threshold")]
    public void A_bad_policy_is_refused_with_file_line_column_and_problem(string yaml, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => Policy.Parse(yaml, "policy.yaml"));
        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"policy.yaml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sw-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "threshold: 0.9\nbogus: 1\n");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => Policy.Load(path));
            Assert.Equal(path, error.File);
            Assert.Equal(2, error.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
