namespace SolidWall.Core.Detection;

/// <summary>
/// The learned part of detection: scores a message's words (never its headers or dates) and names the terms
/// that pushed the score most, so that the verdict can quote them.
/// </summary>
public interface ITextModel
{
    ModelScore Score(Message message);

    /// <summary>Scores a message read with a registry: a model may read the registry's candidates' names as such.</summary>
    ModelScore Score(Message message, Registry registry) => Score(message);

    /// <summary>
    /// As above, given the words of the names of the sender inside the institution and of the colleagues she writes to
    /// that are also a registered candidate's (<see cref="DetectionContext.InsideNameWords"/>): a model that reads registered names may
    /// leave them out where they stand alone, as no candidate's.
    /// </summary>
    ModelScore Score(Message message, Registry registry, string[]? insideNameWords) => Score(message, registry);
}

/// <summary>One term's share of a model score: positive pushes towards electioneering.</summary>
public sealed record TermContribution(string Term, double Weight);

/// <summary>
/// The model's view of one message: the probability that it is electioneering, the strongest terms, and a
/// probability per category (empty when the model has none).
/// </summary>
public sealed record ModelScore(
    double Probability,
    IReadOnlyList<TermContribution> TopTerms,
    IReadOnlyDictionary<string, double> CategoryProbabilities)
{
    /// <summary>
    /// Where in the text the postscript the model read on its own lies, when that reading gave the score (it scored
    /// higher than the whole message); null otherwise.
    /// </summary>
    public (int Start, int Length)? Postscript { get; init; }

    /// <summary>
    /// Whether the model read a registered candidate's name in the message, as its placeholder word: only with a registry
    /// that names one. The detector then reads the message as the registry's (<see cref="Registry.Complete"/>).
    /// </summary>
    public bool ReadRegisteredName { get; init; }
}
