using System.Globalization;
using System.Text;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// How <see cref="Detector"/> combines the model and the signals, as fitted by <see cref="CombinationFitter"/>:
/// z = <see cref="ModelWeight"/> · logit(p_model) + Σ signal weights + <see cref="ModelBias"/>, or
/// <see cref="ModelBiasWithoutRegistry"/> when no registry names a candidate. Signals absent from
/// <see cref="SignalWeights"/> fired on fewer than five training rows (an allowlist, a directory) or are guards that
/// are never fitted (<see cref="ISignal.Fitted"/>), and keep their shipped weights. It lives in the shipped policy, between the markers `solidwall train` rewrites.
/// </summary>
public sealed record ScoreCombination(double ModelWeight, double ModelBias, IReadOnlyDictionary<string, double> SignalWeights)
{
    /// <summary>What a model category's probability must reach to join a verdict (not fitted: a choice).</summary>
    public const double ModelCategoryThreshold = 0.5;

    /// <summary>The prior log-odds of a detector that runs the signals without a model, fitted with the same signal weights.</summary>
    public double Bias { get; init; }

    /// <summary>
    /// The intercept with a model when no registry names a candidate, so the model reads every name as written
    /// (<see cref="Model.WorldNames"/>). Fitted beside <see cref="ModelBias"/> with the same weights, on the rows as read
    /// without a registry: there a campaign's ask carries less evidence (no name stands out as a candidate's), and one
    /// intercept for both readings raised the score of ordinary mail read with a registry.
    /// </summary>
    public double ModelBiasWithoutRegistry { get; init; }

    /// <summary>Per category, the fitted decision that names it in an electioneering verdict (<see cref="CategoryFitter"/>).</summary>
    public IReadOnlyDictionary<string, CategoryWeights> Categories { get; init; } = new Dictionary<string, CategoryWeights>(StringComparer.Ordinal);

    public const string BeginMarker = "# BEGIN fitted by `solidwall train`";
    public const string EndMarker = "# END fitted by `solidwall train`";

    /// <summary>
    /// The policy block: the whole <c>score</c> and <c>signal_weights</c> mappings, values with three decimals.
    /// </summary>
    public string ToPolicyBlock()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(BeginMarker).Append(" from the training data: do not edit by hand; override these keys in your own policy file.\n");
        sb.Append("# The score is 1 / (1 + e^-z) with z = model_weight * logit(p_model) + (sum of the weights of the signals that fired) + bias,\n");
        sb.Append("# where bias is model_bias when a text model runs and the registry names a candidate (a registry not marked complete: in a\n");
        sb.Append("# message it finds something in), model_bias_without_registry when a text model runs otherwise (the model then reads names\n");
        sb.Append("# as written), and bias alone when only signals run.\n");
        sb.Append("score:\n");
        sb.Append(c, $"  bias: {Bias:0.0##}\n");
        sb.Append(c, $"  model_weight: {ModelWeight:0.0##}\n");
        sb.Append(c, $"  model_bias: {ModelBias:0.0##}\n");
        sb.Append(c, $"  model_bias_without_registry: {ModelBiasWithoutRegistry:0.0##}\n");
        sb.Append("  # A category the model gives at least this probability joins the verdict's categories.\n");
        sb.Append(c, $"  model_category_threshold: {ModelCategoryThreshold:0.0##}\n");
        sb.Append("\n# Per-signal weights (log-odds), overriding the weights shipped in each signal; 0 turns a signal off.\n");
        sb.Append("# Signals missing here fired on too few training rows (allowlist, directory) or are never fitted (NoCampaignContext, ReportToOversightFromOutside), and keep their shipped weights.\n");
        sb.Append(SignalWeights.Count == 0 ? "signal_weights: {}\n" : "signal_weights:\n");
        foreach (var (name, weight) in SignalWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(c, $"  {name}: {weight:0.0##}\n");
        }

        if (Categories.Count > 0)
        {
            sb.Append("\n# Which categories an electioneering verdict names, when a text model runs: per category, it is named when\n");
            sb.Append("# bias + model * logit(p_model(category)) + signal * [a signal named it] + (sum of signals[s] over the signals that named it)\n");
            sb.Append("# + rule * [its rule holds: literature passed on, an insider's pressure for coercion] is above zero.\n");
            sb.Append("categories:\n");
            foreach (var category in Detection.Categories.All)
            {
                if (!Categories.TryGetValue(category, out var w))
                {
                    continue;
                }

                sb.Append(c, $"  {category}:\n");
                sb.Append(c, $"    bias: {w.Bias:0.0##}\n");
                sb.Append(c, $"    model: {w.Model:0.0##}\n");
                sb.Append(c, $"    signal: {w.Signal:0.0##}\n");
                if (category is Detection.Categories.Literature or Detection.Categories.Coercion)
                {
                    sb.Append(c, $"    rule: {w.Rule:0.0##}\n");
                }

                if (w.Signals.Count == 0)
                {
                    sb.Append("    signals: []\n");
                    continue;
                }

                sb.Append("    signals:\n");
                foreach (var (name, weight) in w.Signals.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    sb.Append(c, $"      {name}: {weight:0.0##}\n");
                }
            }
        }

        sb.Append(EndMarker).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="policyYaml"/> with the text between the markers (inclusive) replaced by <paramref name="block"/>.
    /// </summary>
    public static string ReplaceBlock(string policyYaml, string block, string file)
    {
        var begin = policyYaml.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = policyYaml.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidDataException($"{file}: no '{BeginMarker}' … '{EndMarker}' block to replace");
        }

        var after = policyYaml.IndexOf('\n', end);
        return string.Concat(policyYaml.AsSpan(0, begin), block, after < 0 ? "" : policyYaml.AsSpan(after + 1));
    }

    /// <summary>The block between the markers, inclusive, or null when there is none.</summary>
    public static string? FindBlock(string policyYaml)
    {
        var begin = policyYaml.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = policyYaml.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return null;
        }

        var after = policyYaml.IndexOf('\n', end);
        return policyYaml[begin..(after < 0 ? policyYaml.Length : after + 1)];
    }
}
