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

    [JsonIgnore]
    public bool IsElectioneering => Decision == Electioneering;

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>One signal's contribution to a verdict: its name, the weight it counted with (log-odds) and what it saw.</summary>
public sealed record Reason(string Signal, double Weight, IReadOnlyList<Evidence> Evidence);
