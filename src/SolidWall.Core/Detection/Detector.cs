using System.Collections.Frozen;
using System.Globalization;

namespace SolidWall.Core.Detection;

/// <summary>
/// Decides whether a message is electioneering and says why. It runs every signal in <see cref="SignalCatalog"/>
/// over one shared <see cref="DetectionContext"/> and, when there is one, the text model, and combines them into
/// one score:
/// <code>
///   z     = a · logit(p_model) + Σ w_signal + b
///   score = 1 / (1 + e^-z)
/// </code>
/// where a is the policy's <c>score.model_weight</c>, b is <c>score.model_bias</c> with a model and a registry that
/// names a candidate, <c>score.model_bias_without_registry</c> with a model and no such registry, and
/// <c>score.bias</c> (the prior log-odds) without a model, and w are the signals' weights (shipped in each signal,
/// overridable in the policy's <c>signal_weights</c>). The shipped weights are hand-set log-likelihood ratios: a
/// signal of weight 3.5 alone, over the signals-only prior of -3, gives 0.62. They are meant to be refitted as a
/// logistic regression over signal indicators and the model's logit on reviewers' labels (<c>solidwall eval</c>).
/// The verdict is electioneering when score ≥ the policy's <c>threshold</c>. Signals with negative weights
/// (counter-signals such as an allowlisted sender) run only when a positive signal fired or the model leans
/// towards electioneering.
/// </summary>
public sealed class Detector
{
    private const int ModelTermsShown = 5;
    private readonly Policy _policy;
    private readonly Registry _registry;
    private readonly InstitutionDirectory _directory;
    private readonly ITextModel? _model;

    // Whether a message is read with the policy's model_bias: the registry names a candidate (whose name the model then
    // reads as one placeholder word); model_bias_without_registry when it names none. A registry that is not complete
    // gives model_bias only to a message it found something in (registryFound in Classify).
    private readonly bool _registryNamesCandidate;

    // Whether a message the registry finds nothing in is read as with no registry: the registry names a candidate but
    // is not complete (Registry.Complete).
    private readonly bool _registryMayMiss;

    // The intercept a verdict names for each reading (Verdict.Intercept): fixed by the policy, made once. Without a text
    // model both are score.bias.
    private readonly Intercept _interceptRegistered;
    private readonly Intercept _interceptUnregistered;

    // Per entry of _signals: whether it fires only on what the registry lists (RegisteredSender, RegisteredCampaignMention, RegisteredCandidateNamed).
    private readonly bool[] _readsRegistry;
    private readonly (ISignal Signal, double Weight)[] _signals;

    /// <summary>The policy's fitted category decisions, by index in <see cref="Categories.All"/>; null where it has none.</summary>
    private readonly CategoryWeights?[] _categoryWeights;

    /// <summary>Where the counter-signals (negative weights) start in <see cref="_signals"/>, which sorts them last.</summary>
    private readonly int _firstCounterSignal;

    public Detector(Policy? policy = null, Registry? registry = null, InstitutionDirectory? directory = null, ITextModel? model = null)
    {
        _policy = policy ?? Policy.Default;
        _registry = registry ?? Registry.Empty;
        _directory = directory ?? InstitutionDirectory.Empty;
        _model = model;
        _registryNamesCandidate = _registry.NamesCandidate;
        _registryMayMiss = _registry.MayMissCampaigns;
        _interceptRegistered = model is null
            ? new Intercept(Math.Round(_policy.Bias, 3), "score.bias", "mail read by the signals alone, without a text model")
            : new Intercept(Math.Round(_policy.ModelBias, 3), "score.model_bias", "mail a registry names a campaign in");
        _interceptUnregistered = model is null ? _interceptRegistered
            : new Intercept(Math.Round(_policy.ModelBiasWithoutRegistry, 3), "score.model_bias_without_registry", "mail no registry names a campaign in");
        _signals = SignalCatalog.All
            .Select(s => (s, _policy.WeightOf(s.Name, s.Weight)))
            .Where(s => s.Item2 != 0)
            .OrderBy(s => s.Item2 < 0)
            .ToArray();
        _readsRegistry = [.. _signals.Select(s => SignalCatalog.ReadsRegistry(s.Signal))];
        _categoryWeights = Categories.All.Select(c => _policy.CategoryWeights.GetValueOrDefault(c)).ToArray();
        var firstCounter = Array.FindIndex(_signals, s => s.Weight < 0);
        _firstCounterSignal = firstCounter < 0 ? _signals.Length : firstCounter;
    }

    /// <summary>
    /// How a registry is read, kept with a case (<c>case.registry_reading</c>) since its verdicts depend on it: 1, every
    /// registry that names a candidate as complete; 2 (since 29 November 2026), a registry that is not
    /// <see cref="Registry.Complete"/> reads a message it finds nothing in as with no registry.
    /// </summary>
    public const int RegistryReading = 2;

    internal const string ForwardedElectioneeringSignal = "ForwardedElectioneering";

    /// <summary>The name of the model's reason in verdicts.</summary>
    public const string TextModelSignal = "TextModel";

    /// <summary>Every signal name a verdict can show, the model's included.</summary>
    public static IReadOnlyList<string> SignalNames { get; } = [.. SignalCatalog.Names, TextModelSignal];

    public Policy Policy => _policy;

    public Verdict Classify(Message message)
    {
        var context = new DetectionContext(message, _registry, _directory, _policy);
        try
        {
            return Classify(message, context);
        }
        finally
        {
            // The fields' lower-cased copies go back to the pool: nothing of the context outlives the verdict.
            context.Release();
        }
    }

    private Verdict Classify(Message message, DetectionContext context)
    {
        var reasons = new List<Reason>();
        // The signals that named categories, and which (none on most mail: made on the first).
        List<(string Signal, IReadOnlyList<string> Categories)>? named = null;
        IReadOnlyDictionary<string, double>? modelCategories = null;
        var z = 0.0;
        var positive = false;
        var registryFound = false;
        var firstCounter = _firstCounterSignal;
        for (var i = 0; i < firstCounter; i++)
        {
            var weight = Apply(_signals[i], context, reasons, ref named, ref positive);
            z += weight;
            registryFound |= weight != 0 && _readsRegistry[i];
        }

        var intercept = _policy.Bias;
        var unregistered = false;
        if (_model is null)
        {
            z += intercept;
        }
        else
        {
            // The embedded model builds only the terms a verdict can quote: those on the side it leans to (Strongest keeps them).
            var score = _model is Model.TextModel textModel ? textModel.ScoreForVerdict(message, _registry, context.InsideNameWords, ModelTermsShown)
                : _model.Score(message, _registry, context.InsideNameWords);
            var contribution = _policy.ModelWeight * Logit(score.Probability);
            // A registry that is not complete and found nothing here says nothing of the message: its campaign, if it has
            // one, may be one the investigator has not registered. It is read as with no registry, whose intercept was
            // fitted on the messages' readings without one (DetectorTrainer).
            unregistered = !_registryNamesCandidate || (_registryMayMiss && !registryFound && !score.ReadRegisteredName);
            intercept = unregistered ? _policy.ModelBiasWithoutRegistry : _policy.ModelBias;
            z += contribution + intercept;
            positive |= score.Probability > CounterSignalModelGate;
            // The reason's evidence is the terms on its own side: what pushed towards electioneering when it weighs for it,
            // what pushed away ("homework", "field trip") when it weighs against.
            reasons.Add(new Reason(TextModelSignal, Math.Round(contribution, 3), ModelEvidence(context, score, contribution > 0 ? 1 : -1)));
            modelCategories = score.CategoryProbabilities;
        }

        // Counter-signals (negative weights) only ever pull a score down, so they run only when something pushed it
        // up: a positive signal, or the model leaning towards electioneering.
        for (var i = firstCounter; positive && i < _signals.Length; i++)
        {
            z += Apply(_signals[i], context, reasons, ref named, ref positive);
        }

        var probabilityOut = 1.0 / (1.0 + Math.Exp(-z));
        var electioneering = Flags(probabilityOut, _policy.Threshold, reasons);
        // Over the threshold and allowed all the same: only the intercept lifted the score. Said, so that a reviewer who
        // sorts by score does not read the verdict as a mistake.
        var held = !electioneering && probabilityOut >= _policy.Threshold
            ? string.Create(CultureInfo.InvariantCulture, $"score over the threshold ({_policy.Threshold}) on the intercept alone ({intercept:+0.00;-0.00}, {(unregistered ? _interceptUnregistered : _interceptRegistered).Reading}): no reason weighs for electioneering, and a verdict needs one with evidence")
            : null;
        reasons.Sort(static (x, y) => y.Weight.CompareTo(x.Weight));

        IReadOnlyList<string> verdictCategories = [];
        IReadOnlyList<CategoryReason>? categoryReasons = null;
        if (electioneering && modelCategories is not null && _policy.CategoryWeights.Count > 0)
        {
            categoryReasons = FittedCategories(context, reasons, named, modelCategories);
            var names = new string[categoryReasons.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = categoryReasons[i].Category;
            }

            verdictCategories = names;
        }
        else if (electioneering)
        {
            verdictCategories = UnionCategories(context, reasons, named, modelCategories);
        }

        return new Verdict(
            message.Source,
            message.Offset,
            message.MessageId,
            electioneering ? Verdict.Electioneering : Verdict.Allowed,
            Math.Round(probabilityOut, 4),
            verdictCategories,
            reasons)
        {
            CategoryReasons = categoryReasons,
            Encrypted = message.Encryption,
            Held = held,
            Intercept = unregistered ? _interceptUnregistered : _interceptRegistered,
        };
    }

    /// <summary>
    /// The categories of an electioneering verdict when a model runs, each with why: each category with fitted weights
    /// (<see cref="CategoryWeights"/>) whose log-odds are above zero, each without them that a signal named or the
    /// model gave at least the policy's threshold (log-odds 0 in its reason); the likeliest by those log-odds when none is.
    /// </summary>
    private CategoryReason[] FittedCategories(DetectionContext context, List<Reason> reasons, List<(string Signal, IReadOnlyList<string> Categories)>? named, IReadOnlyDictionary<string, double> modelCategories)
    {
        var all = Categories.All;
        var chosen = new List<CategoryReason>(3);
        Span<double> logOdds = stackalloc double[all.Count];
        Span<sbyte> ruleHeld = stackalloc sbyte[all.Count]; // −1 not read, else 0 or 1
        ruleHeld.Fill(-1);
        var deferred = 0; // bit c: category c's rule was not read, since it could not name the category
        var buffer = named is null ? [] : new string[named.Count];
        for (var c = 0; c < all.Count; c++)
        {
            var category = all[c];
            logOdds[c] = double.NegativeInfinity;
            var model = modelCategories.GetValueOrDefault(category);
            var count = NamedBy(named, category, buffer);
            if (_categoryWeights[c] is not { } weights)
            {
                if (count > 0 || model >= _policy.ModelCategoryThreshold)
                {
                    chosen.Add(new CategoryReason(category, 0, Math.Round(model, 4), buffer[..count]));
                }

                continue;
            }

            // A rule costs a scan; it is read only where it decides. Where the category is named without it, it changes
            // nothing; where it cannot lift the log-odds above zero, it matters only to the likeliest when none is named.
            var z = weights.LogOdds(Logit(model), buffer.AsSpan(0, count), rule: false);
            bool? rule = null;
            if (weights.Rule > 0 && z <= 0)
            {
                if (z + weights.Rule > 0)
                {
                    rule = RuleHolds(category, context, reasons);
                    ruleHeld[c] = rule == true ? (sbyte)1 : (sbyte)0;
                    z += rule == true ? weights.Rule : 0;
                }
                else
                {
                    deferred |= 1 << c;
                }
            }

            logOdds[c] = z;
            if (z > 0)
            {
                chosen.Add(new CategoryReason(category, Math.Round(z, 3), Math.Round(model, 4), buffer[..count], rule));
            }
        }

        if (chosen.Count > 0)
        {
            return [.. chosen];
        }

        // None named: the likeliest, the first of equals in the verdict's order.
        var best = -1;
        for (var c = 0; c < all.Count; c++)
        {
            if ((deferred & (1 << c)) != 0)
            {
                var holds = RuleHolds(all[c], context, reasons);
                ruleHeld[c] = holds ? (sbyte)1 : (sbyte)0;
                logOdds[c] += holds ? _categoryWeights[c]!.Rule : 0;
            }

            if (best < 0 || logOdds[c] > logOdds[best])
            {
                best = c;
            }
        }

        if (double.IsNegativeInfinity(logOdds[best]))
        {
            // No category has weights (a policy that gives none) and none was named: campaign material reaching the address.
            return [new CategoryReason(Categories.Literature, 0, Math.Round(modelCategories.GetValueOrDefault(Categories.Literature), 4), [])];
        }

        var likeliest = all[best];
        var signals = NamedBy(named, likeliest, buffer);
        return [new CategoryReason(likeliest, Math.Round(logOdds[best], 3), Math.Round(modelCategories.GetValueOrDefault(likeliest), 4), buffer[..signals], ruleHeld[best] < 0 ? null : ruleHeld[best] == 1)];
    }

    /// <summary>How many signals named <paramref name="category"/>, their names at the start of <paramref name="buffer"/>.</summary>
    private static int NamedBy(List<(string Signal, IReadOnlyList<string> Categories)>? named, string category, string[] buffer)
    {
        var count = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (named![i].Categories.Contains(category))
            {
                buffer[count++] = named[i].Signal;
            }
        }

        return count;
    }

    private static bool RuleHolds(string category, DetectionContext context, List<Reason> reasons) => category switch
    {
        Categories.Literature => LiteratureRule.Keeps(context, reasons.Exists(r => r.Signal == ForwardedElectioneeringSignal)),
        Categories.Coercion => CoercionRule.Adds(context),
        _ => false,
    };

    /// <summary>
    /// The categories of an electioneering verdict without a model or fitted weights: every category a signal named or
    /// the model gave at least the policy's threshold, with two rules; with none, the model's likeliest, and without a
    /// model campaign material reaching the address.
    /// </summary>
    private string[] UnionCategories(DetectionContext context, List<Reason> reasons, List<(string Signal, IReadOnlyList<string> Categories)>? named, IReadOnlyDictionary<string, double>? modelCategories)
    {
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, categoriesNamed) in named ?? [])
        {
            categories.UnionWith(categoriesNamed);
        }

        string? likeliest = null;
        var best = 0.0;
        foreach (var (category, probability) in modelCategories ?? FrozenDictionary<string, double>.Empty)
        {
            if (!Categories.IsKnown(category))
            {
                continue;
            }

            if (probability >= _policy.ModelCategoryThreshold)
            {
                categories.Add(category);
            }

            if (probability > best || (probability == best && string.CompareOrdinal(category, likeliest) < 0))
            {
                (best, likeliest) = (probability, category);
            }
        }

        // Literature only where material is passed on (LiteratureRule), and only beside another category.
        if (categories.Count > 1 && categories.Contains(Categories.Literature)
            && !LiteratureRule.Keeps(context, reasons.Exists(r => r.Signal == ForwardedElectioneeringSignal)))
        {
            categories.Remove(Categories.Literature);
        }

        // Coercion wherever an insider presses, campaign words near or not (CoercionRule).
        if (!categories.Contains(Categories.Coercion) && CoercionRule.Adds(context))
        {
            categories.Add(Categories.Coercion);
        }

        return categories.Count > 0 ? Categories.All.Where(categories.Contains).ToArray() : [likeliest ?? Categories.Literature];
    }

    /// <summary>A model probability above this lets the counter-signals run, as a positive signal does.</summary>
    internal const double CounterSignalModelGate = 0.5;

    private static double Apply((ISignal Signal, double Weight) entry, DetectionContext context, List<Reason> reasons, ref List<(string Signal, IReadOnlyList<string> Categories)>? named, ref bool positive)
    {
        if (entry.Signal.Evaluate(context) is not { } hit)
        {
            return 0;
        }

        if (entry.Weight > 0)
        {
            positive = true;
            context.PositiveSignalFired = true;
        }

        reasons.Add(new Reason(entry.Signal.Name, entry.Weight, hit.Evidence));
        if (hit.Categories.Count > 0)
        {
            (named ??= new List<(string, IReadOnlyList<string>)>(4)).Add((entry.Signal.Name, hit.Categories));
        }

        return entry.Weight;
    }

    /// <summary>The verdict's rule: a score at or above the threshold, and a reason that pushed it up with evidence.</summary>
    internal static bool Flags(double score, double threshold, IReadOnlyList<Reason> reasons)
    {
        if (score < threshold)
        {
            return false;
        }

        for (var i = 0; i < reasons.Count; i++)
        {
            if (reasons[i].Weight > 0 && reasons[i].Evidence.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static double Logit(double p)
    {
        p = double.IsNaN(p) ? 0.5 : Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    // The first ModelTermsShown terms on one side (+1 pushing towards electioneering, −1 away), strongest first, ties in
    // their order: what a stable sort, descending, would give first.
    private static List<TermContribution> Strongest(IReadOnlyList<TermContribution> terms, int side)
    {
        if (terms.Count > 64)
        {
            return terms.Where(t => side * t.Weight > 0).OrderByDescending(t => side * t.Weight).Take(ModelTermsShown).ToList();
        }

        // One bit per term taken; models name a handful (TextModel.DefaultTopTerms).
        var chosen = new List<TermContribution>(ModelTermsShown);
        var taken = 0UL;
        while (chosen.Count < ModelTermsShown)
        {
            var best = -1;
            for (var i = 0; i < terms.Count; i++)
            {
                if ((taken & (1UL << i)) == 0 && side * terms[i].Weight > 0 && (best < 0 || side * terms[i].Weight > side * terms[best].Weight))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken |= 1UL << best;
            chosen.Add(terms[best]);
        }

        return chosen;
    }

    // Terms that point at the same words (a word and its stem, "numbers" and "numbe…"; a name read as a word and beside
    // campaign words) are one piece of evidence with each term's note, not the same words quoted twice.
    private static void AddOrMerge(List<Evidence> evidence, Evidence next)
    {
        for (var i = 0; next.Offset >= 0 && i < evidence.Count; i++)
        {
            var e = evidence[i];
            if (e.Offset == next.Offset && e.Length == next.Length && e.Where == next.Where)
            {
                evidence[i] = e with { Note = $"{e.Note}; {next.Note}" };
                return;
            }
        }

        evidence.Add(next);
    }

    /// <summary>
    /// A term's weight as "+0.24" or "-0.18": what the format "+0.00;-0.00" writes (two decimals, half away from zero),
    /// without a double's general formatting, which a verdict paid five times over. A model's weights are floats, whose
    /// hundredfold is exact in a double, so the rounding is the exact value's. A weight that rounds to nothing reads
    /// "0.00" (the format wrote "-+0.00" for a small negative one).
    /// </summary>
    internal static string Weighed(double weight)
    {
        var hundredths = (long)Math.Round(Math.Abs(weight) * 100, MidpointRounding.AwayFromZero);
        Span<char> text = stackalloc char[24];
        var at = text.Length;
        text[--at] = (char)('0' + (hundredths % 10));
        text[--at] = (char)('0' + (hundredths / 10 % 10));
        text[--at] = '.';
        var units = hundredths / 100;
        do
        {
            text[--at] = (char)('0' + (units % 10));
            units /= 10;
        }
        while (units > 0);

        if (hundredths > 0)
        {
            text[--at] = weight > 0 ? '+' : '-';
        }

        return new string(text[at..]);
    }

    // The model's strongest terms on one side, each pointed at where it first occurs; the subject or the text's start when none can be found.
    /// <summary>
    /// Where a model term stands in an attached file's text (<see cref="SegmentKind.Attachment"/>), which is not part of
    /// the message's text: the first attachment that holds it, named in the note. Each attachment is lower-cased once
    /// for all the terms of a verdict (<paramref name="lowered"/>, filled on first use).
    /// </summary>
    private static Evidence? InAttachments(IReadOnlyList<Segment> segments, ref string?[]? lowered, string words, string note)
    {
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            if (segment.Kind != SegmentKind.Attachment)
            {
                continue;
            }

            lowered ??= new string?[segments.Count];
            var lower = lowered[k] ??= segment.Text.ToLowerInvariant();
            var (at, length) = TermLocator.Find(segment.Text, lower, words);
            if (at >= 0)
            {
                return new Evidence("attachment", at, length, segment.Text.Substring(at, length), $"{note}, in \"{segment.Attribution}\"");
            }
        }

        return null;
    }

    private static IReadOnlyList<Evidence> ModelEvidence(DetectionContext context, ModelScore score, int side)
    {
        var evidence = new List<Evidence>();
        string?[]? attachmentsLowered = null;
        foreach (var term in Strongest(score.TopTerms, side))
        {
            // A quoted word ("> vote") is looked for as the word: the quote marks are gone from a forward's text. So is a
            // word counted in campaign context ("sign (campaign context)") or above a quote ("share (own words above a quote)").
            var quoted = term.Term.StartsWith("> ", StringComparison.Ordinal);
            var suffix = term.Term.EndsWith(Model.FeatureExtractor.ContextSuffix, StringComparison.Ordinal) ? Model.FeatureExtractor.ContextSuffix
                : term.Term.EndsWith(Model.FeatureExtractor.ReplySuffix, StringComparison.Ordinal) ? Model.FeatureExtractor.ReplySuffix
                : null;
            // A word read as a concept of the lexicon ("głosujcie [vote]") is looked for as the word.
            var conceptAt = suffix is null && term.Term.EndsWith(']') ? term.Term.LastIndexOf(Model.FeatureExtractor.ConceptOpen, StringComparison.Ordinal) : -1;
            var word = conceptAt > 0 ? term.Term[..conceptAt] : suffix is null ? term.Term : term.Term[..^suffix.Length];
            var lower = (quoted ? word[2..] : word).ToLowerInvariant();
            if (lower.Length == 0)
            {
                continue;
            }

            var weight = Weighed(term.Weight);
            var note = conceptAt > 0 ? string.Create(CultureInfo.InvariantCulture, $"model term '{word}' read as {term.Term[(conceptAt + 1)..]} {weight}")
                : quoted ? string.Create(CultureInfo.InvariantCulture, $"model term '{lower}', quoted {weight}")
                : suffix == Model.FeatureExtractor.ContextSuffix ? string.Create(CultureInfo.InvariantCulture, $"model term '{word}', beside campaign words {weight}")
                : suffix is not null ? string.Create(CultureInfo.InvariantCulture, $"model term '{word}', the writer's own words above what they quote {weight}")
                : term.Term == TermLocator.LinksStem ? string.Create(CultureInfo.InvariantCulture, $"model term '{term.Term}', the message's links (each link's host counts; this is the first) {weight}")
                : term.Term == TermLocator.AddressesStem ? string.Create(CultureInfo.InvariantCulture, $"model term '{term.Term}', the message's e-mail addresses (each address's domain counts; this is the first) {weight}")
                : string.Create(CultureInfo.InvariantCulture, $"model term '{term.Term}' {weight}");
            // The placeholder alone, its stem, or one word of a pair ("de registeredcandidate", "registeredcandidate's").
            var placeholder = lower == Model.WorldNames.Placeholder
                || (lower.EndsWith('…') && lower.Length > 1 && Model.WorldNames.Placeholder.StartsWith(lower[..^1], StringComparison.Ordinal))
                || IsWordOf(lower, Model.WorldNames.Placeholder);
            if (placeholder && context.Registry.Entries.Count > 0 && RegisteredNameField(context) is { } named)
            {
                // The model read a registered candidate's name as "a registered candidate is named": point at the name.
                var how = (lower == Model.WorldNames.Placeholder ? ""
                        : lower.Contains(' ', StringComparison.Ordinal) ? $" (in \"{lower.Replace(Model.WorldNames.Placeholder, "[candidate]", StringComparison.Ordinal)}\")"
                        : " (its stem)")
                    + (suffix == Model.FeatureExtractor.ContextSuffix ? ", beside campaign words"
                        : suffix is not null ? ", the writer's own words above what they quote"
                        : quoted ? ", quoted" : "");
                AddOrMerge(evidence, named.Field.At(named.At, named.Length, string.Create(CultureInfo.InvariantCulture, $"model term: a registered candidate named{how} {weight}")));
                continue;
            }

            // Where the words stand, as written: digits, accents, stems and pairs read back (TermLocator); a negated
            // word ("not sign") is looked for as the word.
            var words = lower.StartsWith("not ", StringComparison.Ordinal) ? lower[4..] : lower;
            var (inSubject, subjectLength) = quoted ? (-1, 0) : TermLocator.Find(context.Subject.Original, context.Subject.Lower, words);
            var (inText, textLength) = inSubject >= 0 ? (-1, 0) : TermLocator.Find(context.Text.Original, context.Text.Lower, words);
            AddOrMerge(evidence, inSubject >= 0 ? context.Subject.At(inSubject, subjectLength, note)
                : inText >= 0 ? context.Text.At(inText, textLength, note)
                : InAttachments(context.Message.Segments, ref attachmentsLowered, words, note) ?? new Evidence("model", -1, 0, term.Term, note));
        }

        if (score.Postscript is { } postscript && postscript.Start + postscript.Length <= context.Text.Length)
        {
            evidence.Insert(0, context.Text.At(postscript.Start, postscript.Length, string.Create(CultureInfo.InvariantCulture, $"the text model also read this postscript on its own, which raised the message's score to p={score.Probability:0.000}")));
        }
        else if (!evidence.Exists(e => e.Offset >= 0))
        {
            var field = context.Subject.Length > 0 ? context.Subject : context.Text;
            evidence.Insert(0, field.At(0, Math.Min(field.Length, 120), string.Create(CultureInfo.InvariantCulture, $"scored by the text model: p={score.Probability:0.000}")));
        }

        return evidence;
    }

    // Whether `word` is one of the space-separated words of `term`.
    private static bool IsWordOf(string term, string word)
    {
        for (var at = term.IndexOf(word, StringComparison.Ordinal); at >= 0; at = term.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || term[at - 1] == ' ') && (end == term.Length || term[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    // Where the model's mask found the first registered name it masks: in the text, else in the subject.
    private static (TextField Field, int At, int Length)? RegisteredNameField(DetectionContext context)
    {
        foreach (var field in (ReadOnlySpan<TextField>)[context.Text, context.Subject])
        {
            if (context.Registry.ModelNames.First(field.Original, context.InsideNameWords) is (>= 0 and var at, var length))
            {
                return (field, at, length);
            }
        }

        return null;
    }
}
