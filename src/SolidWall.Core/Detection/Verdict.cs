using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SolidWall.Core.Detection;

/// <summary>
/// The detector's answer for one message, printed as
/// <c>{"source","offset","messageId","verdict","score","categories","reasons":[{"signal","weight","evidence"}]}</c>:
/// electioneering or allowed, the calibrated score, the categories, and the reasons strongest first.
/// </summary>
public sealed record Verdict(
    string Source,
    long Offset,
    string? MessageId,
    [property: JsonPropertyName("verdict")] string Decision,
    double Score,
    IReadOnlyList<string> Categories,
    IReadOnlyList<Reason> Reasons)
{
    public const string Electioneering = "electioneering";
    public const string Allowed = "allowed";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Why each category is named, when the fitted category decision named them (<see cref="CategoryWeights"/>): one per
    /// category, in the order of <see cref="Categories"/>; absent without a text model.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CategoryReason>? CategoryReasons { get; init; }

    /// <summary>
    /// The encryption the message's content is under (<see cref="Message.Encryption"/>), absent when the content was
    /// read: the verdict then rests on the subject, the sender and the links of any unencrypted part alone, and
    /// "allowed" means only that those show no campaign work.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encrypted { get; init; }

    /// <summary>
    /// Why an allowed message's score is at or over the threshold, when it is: only the intercept lifted it (most often
    /// the one for mail no registry names a campaign in), no reason weighs for electioneering, and a verdict needs a
    /// reason with evidence (<see cref="Detector.Flags"/>). Absent on every other verdict.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Held { get; init; }

    /// <summary>
    /// Where the score starts before any reason: the policy's intercept the message was read with (<c>score.bias</c>
    /// without a text model; <c>model_bias</c> or <c>model_bias_without_registry</c> with one, by whether a registry names
    /// a campaign in it). The score is the logistic of it plus every reason's weight, so a reviewer can do the sum.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Intercept? Intercept { get; init; }

    /// <summary>
    /// What the policy does with the message (<see cref="Policy.Decide"/>): accept, tag, quarantine or reject. Set by
    /// <c>solidwall classify</c>, which reads the message's recipients; absent where no one decided (a scan's verdicts).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Action { get; init; }

    /// <summary>The recipients by role with the action the policy takes for each role and the key that decided it; absent for an allowed message.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RecipientGroup>? Recipients { get; init; }

    /// <summary>This verdict with the policy's decision on it.</summary>
    public Verdict With(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return this with { Action = decision.Action, Recipients = decision.Recipients.Count == 0 ? null : decision.Recipients };
    }

    [JsonIgnore]
    public bool IsElectioneering => Decision == Electioneering;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>
/// Why a verdict names one category: the fitted decision's log-odds (above zero, or the highest when no category's
/// was), the text model's probability of the category, the signals that named it, and whether its rule held
/// (<see cref="LiteratureRule"/>, <see cref="CoercionRule"/>; absent for a category without one, and where the
/// category was named without reading it).
/// </summary>
public sealed record CategoryReason(
    string Category,
    double LogOdds,
    double Model,
    IReadOnlyList<string> Signals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Rule = null)
{
    /// <summary>"event: log-odds +3.91 from CandidateCallToAction, model 0.620", as the readable output prints it.</summary>
    public override string ToString()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var signals = Signals.Count == 0 ? "" : " from " + string.Join(", ", Signals);
        var rule = Rule switch
        {
            true => Category == Detection.Categories.Coercion ? ", an insider's pressure" : ", material passed on",
            _ => "",
        };
        return string.Create(c, $"{Category}: log-odds {LogOdds:+0.00;-0.00}{signals}, model {Model:0.000}{rule}");
    }
}

/// <summary>One signal's contribution to a verdict: its name, the weight it counted with (log-odds) and what it saw.</summary>
public sealed record Reason(string Signal, double Weight, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// A verdict's intercept (<see cref="Verdict.Intercept"/>): its weight, the policy key it comes from
/// (<c>score.model_bias_without_registry</c>), and the reading that key is for ("mail no registry names a campaign in").
/// </summary>
public sealed record Intercept(double Weight, string Key, string Reading);
