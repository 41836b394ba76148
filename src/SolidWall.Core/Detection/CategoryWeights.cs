namespace SolidWall.Core.Detection;

/// <summary>
/// How an electioneering verdict decides whether it names one category, when a text model runs: a logistic
/// regression fitted by <c>solidwall train</c> (<see cref="Model.CategoryFitter"/>) on the training data's labelled
/// categories,
/// <code>
///   z = bias + model · logit(p_model(category)) + signal · [a signal named it] + Σ signals[s] · [s named it] + rule · [the category's rule holds]
/// </code>
/// and the category joins the verdict when z &gt; 0. The rule is <see cref="LiteratureRule"/> for literature (material
/// passed on) and <see cref="CoercionRule"/> for coercion (an insider's pressure); other categories have none. Every
/// weight but the bias is at least zero: a signal that names a category, the model's belief in it, or its rule,
/// never counts against it. The signals and the model say which categories a message may carry; these weights say
/// how much each of them is worth, since some signals name a category loosely (a date and a place read as an event).
/// </summary>
public sealed record CategoryWeights(double Bias, double Model, double Signal, double Rule, IReadOnlyDictionary<string, double> Signals)
{
    /// <summary>The decision's log-odds for one message.</summary>
    /// <param name="modelLogit">The logit of the model's probability of this category (clamped as the detector clamps).</param>
    /// <param name="namedBy">The signals that named this category in the message; empty when none did.</param>
    /// <param name="rule">Whether the category's rule holds.</param>
    public double LogOdds(double modelLogit, ReadOnlySpan<string> namedBy, bool rule)
    {
        var z = Bias + (Model * modelLogit) + (rule ? Rule : 0);
        if (namedBy.Length > 0)
        {
            z += Signal;
            foreach (var signal in namedBy)
            {
                z += Signals.GetValueOrDefault(signal);
            }
        }

        return z;
    }
}
