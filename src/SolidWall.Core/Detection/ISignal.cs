namespace SolidWall.Core.Detection;

/// <summary>
/// One explainable detection rule, named like an rspamd symbol. A signal looks at the shared
/// <see cref="DetectionContext"/> and either stays quiet (null) or says which categories it saw and where.
/// Signals are listed once, in <see cref="SignalCatalog"/>.
/// </summary>
internal interface ISignal
{
    /// <summary>The symbol printed in verdicts and used as the key in the policy's <c>signal_weights</c>.</summary>
    string Name { get; }

    /// <summary>The shipped weight: a log-odds contribution to the score (see <see cref="Detector"/>).</summary>
    double Weight { get; }

    /// <summary>
    /// False for a guard that keeps its designed weight whatever the training data say (`solidwall train` fits the
    /// others); the policy's <c>signal_weights</c> can still override it.
    /// </summary>
    bool Fitted => true;

    /// <summary>The categories this signal can imply, for documentation and the policy check.</summary>
    IReadOnlyList<string> Categories { get; }

    /// <summary>The phrase patterns this signal runs, so that <see cref="SignalCatalog.Lexicon"/> finds their words for it.</summary>
    IEnumerable<PhrasePattern> Phrases => [];

    SignalHit? Evaluate(DetectionContext context);
}
