using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace SolidWall.Core.Detection;

/// <summary>
/// The decisions a district makes, not the code: the electioneering threshold, how the score combines, signal
/// weights, actions per recipient role and category, allowlists and the blast similarity. Shipped defaults
/// (<c>default-policy.yaml</c>, embedded) are overridden key by key by the user's file, the way rspamd's
/// <c>local.d/</c> overrides its shipped configuration.
/// </summary>
public sealed class Policy
{
    private static readonly string[] TopKeys = ["threshold", "blast_jaccard", "blast_window_minutes", "blast_min_copies", "relay_jaccard", "score", "signal_weights", "categories", "actions", "allowlist", "oversight_mailboxes"];
    private static readonly string[] ScoreKeys = ["bias", "model_weight", "model_bias", "model_bias_without_registry", "model_category_threshold"];
    private static readonly string[] CategoryKeys = ["bias", "model", "signal", "rule", "signals"];
    private static readonly string[] AllowlistKeys = ["senders", "domains"];
    private static readonly string[] ActionNames = ["accept", "tag", "quarantine", "reject"];
    private static readonly Lazy<Policy> Shipped = new(LoadShipped);

    private Dictionary<string, double> _signalWeights = new(StringComparer.Ordinal);
    private Dictionary<string, CategoryWeights> _categoryWeights = new(StringComparer.Ordinal);
    private Dictionary<InstitutionRole, Dictionary<string, PolicyAction>> _actions = [];
    private FrozenSet<string> _allowedSenders = FrozenSet<string>.Empty;
    private FrozenSet<string> _allowedDomains = FrozenSet<string>.Empty;
    // The institution's oversight mailboxes, local parts or whole addresses, compared ignoring case.
    private FrozenSet<string> _oversightMailboxes = FrozenSet<string>.Empty;

    private Policy()
    {
    }

    /// <summary>The shipped policy.</summary>
    public static Policy Default => Shipped.Value;

    public double Threshold { get; private set; }

    public double BlastJaccard { get; private set; }

    /// <summary>Near-duplicate variants from one sender sent within this many minutes of each other are one blast.</summary>
    public double BlastWindowMinutes { get; private set; }

    /// <summary>The fewest mailbox copies a send needs to count as a blast.</summary>
    public int BlastMinCopies { get; private set; }

    /// <summary>The Jaccard similarity at which a staff message's segment is taken to forward, quote or copy a campaign message.</summary>
    public double RelayJaccard { get; private set; }

    /// <summary>The prior log-odds when only signals run.</summary>
    public double Bias { get; private set; }

    public double ModelWeight { get; private set; }

    /// <summary>
    /// The prior log-odds when the text model runs and the registry names a candidate (the model carries the prior
    /// itself when calibrated), for a registry that is not complete only in a message it finds something in
    /// (<see cref="Registry.Complete"/>); <see cref="ModelBiasWithoutRegistry"/> otherwise.
    /// </summary>
    public double ModelBias { get; private set; }

    /// <summary>The prior log-odds when the text model runs and no registry names a candidate, or one that is not complete finds nothing in the message (<see cref="Model.ScoreCombination.ModelBiasWithoutRegistry"/>).</summary>
    public double ModelBiasWithoutRegistry { get; private set; }

    public double ModelCategoryThreshold { get; private set; }

    public IReadOnlyDictionary<string, double> SignalWeights => _signalWeights;

    /// <summary>
    /// Per category, the fitted decision an electioneering verdict with a text model uses to name it
    /// (<see cref="Detection.CategoryWeights"/>); a category missing here is named when a signal names it or the model
    /// gives it at least <see cref="ModelCategoryThreshold"/>.
    /// </summary>
    public IReadOnlyDictionary<string, CategoryWeights> CategoryWeights => _categoryWeights;

    public IReadOnlySet<string> AllowedSenders => _allowedSenders;

    public IReadOnlySet<string> AllowedDomains => _allowedDomains;

    /// <summary>The shipped policy (or <paramref name="baseline"/>), overridden by the file at <paramref name="path"/> when one is given.</summary>
    public static Policy Load(string? path, Policy? baseline = null) => path is null ? baseline ?? Default : Parse(File.ReadAllText(path), path, baseline);

    /// <summary>Reads a policy file over <paramref name="baseline"/> (the shipped policy when null).</summary>
    public static Policy Parse(string yaml, string file, Policy? baseline = null)
    {
        var policy = (baseline ?? Default).Copy();
        policy.Apply(YamlDocument.Parse(yaml, file));
        return policy;
    }

    /// <summary>The weight a signal counts with: the policy's override, else the signal's shipped weight.</summary>
    public double WeightOf(string signal, double shipped) => _signalWeights.TryGetValue(signal, out var weight) ? weight : shipped;

    /// <summary>The strictest action for an electioneering message with these categories sent to this role.</summary>
    public PolicyAction ActionFor(InstitutionRole role, IEnumerable<string> categories) => ActionFor(role, categories, out _);

    /// <summary>
    /// The strictest action for an electioneering message with these categories sent to this role, and the policy key
    /// that decided it: <c>actions.ROLE.CATEGORY</c> where the role names one of the categories, <c>actions.ROLE.default</c>
    /// where it falls back, and "actions.ROLE not set" where the policy gives the role no action at all (accept).
    /// Of two keys that give the same action, a category's own wins over the default, then the verdict's first category.
    /// </summary>
    public PolicyAction ActionFor(InstitutionRole role, IEnumerable<string> categories, out string rule)
    {
        var roleKey = role.ToString().ToLowerInvariant();
        if (!_actions.TryGetValue(role, out var byCategory))
        {
            rule = $"actions.{roleKey} not set";
            return PolicyAction.Accept;
        }

        var hasDefault = byCategory.TryGetValue("default", out var fallback);
        var fallbackRule = hasDefault ? $"actions.{roleKey}.default" : $"actions.{roleKey}.default not set";
        var strictest = fallback;
        string? strictestCategory = null;
        var any = false;
        foreach (var category in categories)
        {
            var specific = byCategory.TryGetValue(category, out var action);
            action = specific ? action : fallback;
            if (!any || action > strictest || (action == strictest && specific && strictestCategory is null))
            {
                strictest = action;
                strictestCategory = specific ? category : null;
            }

            any = true;
        }

        rule = strictestCategory is null ? fallbackRule : $"actions.{roleKey}.{strictestCategory}";
        return strictest;
    }

    /// <summary>The role <see cref="Decide"/> gives the oversight mailboxes among a message's recipients, whose mail is always accepted.</summary>
    public const string OversightRole = "oversight";

    /// <summary>
    /// What this policy does with a classified message sent to <paramref name="recipients"/>: an allowed one is accepted;
    /// for an electioneering one, each recipient's role (<paramref name="directory"/>) and the verdict's categories give
    /// an action (<see cref="ActionFor(InstitutionRole, IEnumerable{string}, out string)"/>), and the message takes the
    /// strictest. An oversight mailbox (<c>oversight_mailboxes</c>: the ethics office, the inspector general) is always
    /// accepted, whatever the message quotes. Addresses are compared ignoring case, each counted once. With no recipient at all (a copy whose
    /// headers name none), the message is read as sent to an external address, and the decision says so.
    /// </summary>
    public PolicyDecision Decide(Verdict verdict, IEnumerable<string> recipients, InstitutionDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(directory);
        if (!verdict.IsElectioneering)
        {
            return PolicyDecision.Accept;
        }

        var byRole = new Dictionary<InstitutionRole, List<string>>();
        List<string>? oversight = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in recipients)
        {
            if (!string.IsNullOrWhiteSpace(address) && seen.Add(address))
            {
                if (IsOversightMailbox(address))
                {
                    (oversight ??= []).Add(address);
                    continue;
                }

                var role = directory.RoleOf(address);
                if (!byRole.TryGetValue(role, out var addresses))
                {
                    byRole[role] = addresses = [];
                }

                addresses.Add(address);
            }
        }

        if (byRole.Count == 0 && oversight is null)
        {
            byRole[InstitutionRole.External] = [];
        }

        var groups = new List<(PolicyAction Action, int Order, RecipientGroup Group)>(byRole.Count + 1);
        foreach (var (role, addresses) in byRole)
        {
            var action = ActionFor(role, verdict.Categories, out var rule);
            groups.Add((action, (int)role, new RecipientGroup(role.ToString().ToLowerInvariant(), PolicyDecision.Name(action), rule, addresses)));
        }

        // Reports of campaign mail reach the ethics office and the inspector general whatever they quote: a filter
        // that held them would stop the reporting the rules ask staff to do.
        if (oversight is not null)
        {
            groups.Add((PolicyAction.Accept, int.MaxValue, new RecipientGroup(OversightRole, PolicyDecision.Name(PolicyAction.Accept), "oversight_mailboxes", oversight)));
        }

        // Strictest first; of one action, in the roles' order (external, staff, principal, student, office, oversight).
        groups.Sort(static (a, b) => a.Action != b.Action ? b.Action.CompareTo(a.Action) : a.Order.CompareTo(b.Order));
        return new PolicyDecision(groups[0].Action, [.. groups.Select(g => g.Group)]);
    }

    /// <summary>True when the sender's address, or its domain or a parent domain, is allowlisted.</summary>
    /// <summary>Whether the allowlist names any sender or domain (the shipped policy's names none).</summary>
    public bool HasAllowlist => _allowedSenders.Count > 0 || _allowedDomains.Count > 0;

    public bool IsAllowlisted(string address, out string matched)
    {
        if (_allowedSenders.Contains(address))
        {
            matched = address;
            return true;
        }

        var at = address.LastIndexOf('@');
        var domain = at < 0 ? address : address[(at + 1)..];
        while (domain.Length > 0 && _allowedDomains.Count > 0)
        {
            if (_allowedDomains.Contains(domain))
            {
                matched = domain;
                return true;
            }

            var dot = domain.IndexOf('.', StringComparison.Ordinal);
            domain = dot < 0 ? "" : domain[(dot + 1)..];
        }

        matched = "";
        return false;
    }

    /// <summary>
    /// True when <paramref name="address"/> is one of the oversight mailboxes: named whole, or by its local part
    /// (<c>ethics</c> matches ethics@ at any domain).
    /// </summary>
    public bool IsOversightMailbox(string address)
    {
        if (_oversightMailboxes.Count == 0)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        return (at > 0 && _oversightMailboxes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(address.AsSpan(0, at))) || _oversightMailboxes.Contains(address);
    }

    /// <summary>This policy with a fitted score combination in place of its model weight, model bias and signal weights.</summary>
    internal Policy With(Model.ScoreCombination combination)
    {
        var policy = Copy();
        policy.ModelWeight = combination.ModelWeight;
        policy.ModelBias = combination.ModelBias;
        policy.ModelBiasWithoutRegistry = combination.ModelBiasWithoutRegistry;
        policy.Bias = combination.Bias;
        foreach (var (signal, weight) in combination.SignalWeights)
        {
            policy._signalWeights[signal] = weight;
        }

        foreach (var (category, weights) in combination.Categories)
        {
            policy._categoryWeights[category] = weights;
        }

        return policy;
    }

    private static Policy LoadShipped()
    {
        using var stream = typeof(Policy).Assembly.GetManifestResourceStream("SolidWall.Core.Detection.default-policy.yaml")
            ?? throw new InvalidOperationException("the shipped default-policy.yaml is missing from SolidWall.Core");
        using var reader = new StreamReader(stream);
        var policy = new Policy();
        policy.Apply(YamlDocument.Parse(reader.ReadToEnd(), "default-policy.yaml"));
        return policy;
    }

    private Policy Copy() => new()
    {
        Threshold = Threshold,
        BlastJaccard = BlastJaccard,
        BlastWindowMinutes = BlastWindowMinutes,
        BlastMinCopies = BlastMinCopies,
        RelayJaccard = RelayJaccard,
        Bias = Bias,
        ModelWeight = ModelWeight,
        ModelBias = ModelBias,
        ModelBiasWithoutRegistry = ModelBiasWithoutRegistry,
        ModelCategoryThreshold = ModelCategoryThreshold,
        _signalWeights = new Dictionary<string, double>(_signalWeights, StringComparer.Ordinal),
        _categoryWeights = new Dictionary<string, CategoryWeights>(_categoryWeights, StringComparer.Ordinal),
        _actions = _actions.ToDictionary(kv => kv.Key, kv => new Dictionary<string, PolicyAction>(kv.Value, StringComparer.Ordinal)),
        _allowedSenders = _allowedSenders,
        _allowedDomains = _allowedDomains,
        _oversightMailboxes = _oversightMailboxes,
    };

    private void Apply(YamlDocument doc)
    {
        if (doc.Root is null)
        {
            return;
        }

        foreach (var (key, value) in doc.Entries(doc.Mapping(doc.Root, "the policy"), TopKeys, "the policy"))
        {
            switch (key)
            {
                case "threshold": Threshold = doc.Number(value, "threshold", 0, 1); break;
                case "blast_jaccard": BlastJaccard = doc.Number(value, "blast_jaccard", 0, 1); break;
                case "blast_window_minutes": BlastWindowMinutes = doc.Number(value, "blast_window_minutes", 0, 10080); break;
                case "blast_min_copies": BlastMinCopies = WholeNumber(doc, value, "blast_min_copies"); break;
                case "relay_jaccard": RelayJaccard = doc.Number(value, "relay_jaccard", 0, 1); break;
                case "score": ApplyScore(doc, value); break;
                case "signal_weights": ApplySignalWeights(doc, value); break;
                case "categories": ApplyCategories(doc, value); break;
                case "actions": ApplyActions(doc, value); break;
                case "allowlist": ApplyAllowlist(doc, value); break;
                case "oversight_mailboxes": ApplyOversightMailboxes(doc, value); break;
            }
        }
    }

    private static int WholeNumber(YamlDocument doc, YamlNode node, string what)
    {
        var number = doc.Number(node, what, 1, 1_000_000);
        return number == Math.Floor(number) ? (int)number : throw doc.Error(node, $"{what} must be a whole number, found {number}");
    }

    private void ApplyScore(YamlDocument doc, YamlNode node)
    {
        foreach (var (key, value) in doc.Entries(doc.Mapping(node, "score"), ScoreKeys, "score"))
        {
            switch (key)
            {
                case "bias": Bias = doc.Number(value, "score.bias", -50, 50); break;
                case "model_weight": ModelWeight = doc.Number(value, "score.model_weight", 0, 50); break;
                case "model_bias": ModelBias = doc.Number(value, "score.model_bias", -50, 50); break;
                case "model_bias_without_registry": ModelBiasWithoutRegistry = doc.Number(value, "score.model_bias_without_registry", -50, 50); break;
                case "model_category_threshold": ModelCategoryThreshold = doc.Number(value, "score.model_category_threshold", 0, 1); break;
            }
        }
    }

    private void ApplySignalWeights(YamlDocument doc, YamlNode node)
    {
        foreach (var (key, value) in doc.Entries(doc.Mapping(node, "signal_weights"), SignalCatalog.Names, "signal_weights"))
        {
            _signalWeights[key] = doc.Number(value, $"signal_weights.{key}", -50, 50);
        }
    }

    // Key by key over what the baseline holds: a file that sets categories.event.bias keeps the event's other weights.
    private void ApplyCategories(YamlDocument doc, YamlNode node)
    {
        foreach (var (category, categoryNode) in doc.Entries(doc.Mapping(node, "categories"), Categories.All, "categories"))
        {
            var weights = _categoryWeights.GetValueOrDefault(category) ?? new CategoryWeights(0, 0, 0, 0, new Dictionary<string, double>(StringComparer.Ordinal));
            foreach (var (key, value) in doc.Entries(doc.Mapping(categoryNode, $"categories.{category}"), CategoryKeys, $"categories.{category}"))
            {
                var what = $"categories.{category}.{key}";
                weights = key switch
                {
                    "bias" => weights with { Bias = doc.Number(value, what, -50, 50) },
                    "model" => weights with { Model = doc.Number(value, what, 0, 50) },
                    "signal" => weights with { Signal = doc.Number(value, what, 0, 50) },
                    "rule" => weights with { Rule = doc.Number(value, what, 0, 50) },
                    _ => weights with { Signals = SignalsNamingCategory(doc, value, what, weights.Signals) },
                };
            }

            _categoryWeights[category] = weights;
        }
    }

    private static Dictionary<string, double> SignalsNamingCategory(YamlDocument doc, YamlNode node, string what, IReadOnlyDictionary<string, double> baseline)
    {
        var signals = new Dictionary<string, double>(baseline, StringComparer.Ordinal);
        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            // "signals: []" clears the baseline's.
            signals.Clear();
            return signals;
        }

        foreach (var (signal, value) in doc.Entries(doc.Mapping(node, what), SignalCatalog.Names, what))
        {
            signals[signal] = doc.Number(value, $"{what}.{signal}", 0, 50);
        }

        return signals;
    }

    // The keys of `actions`: every recipient role, spelled as Decide spells them, so that a role added is a key at once.
    private static readonly string[] RoleKeys = [.. Enum.GetValues<InstitutionRole>().Select(r => r.ToString().ToLowerInvariant())];

    private void ApplyActions(YamlDocument doc, YamlNode node)
    {
        string[] categoryKeys = ["default", .. Categories.All];
        foreach (var (roleKey, roleNode) in doc.Entries(doc.Mapping(node, "actions"), RoleKeys, "actions"))
        {
            var role = Enum.Parse<InstitutionRole>(roleKey, ignoreCase: true);
            if (!_actions.TryGetValue(role, out var byCategory))
            {
                _actions[role] = byCategory = new Dictionary<string, PolicyAction>(StringComparer.Ordinal);
            }

            foreach (var (category, actionNode) in doc.Entries(doc.Mapping(roleNode, $"actions.{roleKey}"), categoryKeys, $"actions.{roleKey}"))
            {
                var text = doc.String(actionNode, $"actions.{roleKey}.{category}");
                byCategory[category] = text.ToLowerInvariant() switch
                {
                    "accept" => PolicyAction.Accept,
                    "tag" => PolicyAction.Tag,
                    "quarantine" => PolicyAction.Quarantine,
                    "reject" => PolicyAction.Reject,
                    _ => throw doc.Error(actionNode, $"unknown action '{text}' for actions.{roleKey}.{category}; known actions: {string.Join(", ", ActionNames)}"),
                };
            }
        }
    }

    private void ApplyAllowlist(YamlDocument doc, YamlNode node)
    {
        foreach (var (key, value) in doc.Entries(doc.Mapping(node, "allowlist"), AllowlistKeys, "allowlist"))
        {
            if (value is YamlSequenceNode { Children.Count: 0 })
            {
                if (key == "senders")
                {
                    _allowedSenders = FrozenSet<string>.Empty;
                }
                else
                {
                    _allowedDomains = FrozenSet<string>.Empty;
                }

                continue;
            }

            var items = doc.Strings(value, $"allowlist.{key}").Select(s => s.Trim().ToLowerInvariant()).ToList();
            if (key == "senders")
            {
                var bad = items.FindIndex(s => s.LastIndexOf('@') <= 0);
                if (bad >= 0)
                {
                    throw doc.Error(value is YamlSequenceNode seq ? seq.Children[bad] : value, $"'{items[bad]}' in allowlist.senders is not an email address (domains go under allowlist.domains)");
                }

                _allowedSenders = items.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            }
            else
            {
                _allowedDomains = items.Select(d => d.TrimStart('@', '.')).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    private void ApplyOversightMailboxes(YamlDocument doc, YamlNode node)
    {
        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            _oversightMailboxes = FrozenSet<string>.Empty;
            return;
        }

        var items = doc.Strings(node, "oversight_mailboxes").Select(s => s.Trim().ToLowerInvariant()).ToList();
        var bad = items.FindIndex(s => s.Length == 0 || s.StartsWith('@') || s.EndsWith('@') || s.Contains(' ', StringComparison.Ordinal));
        if (bad >= 0)
        {
            throw doc.Error(node is YamlSequenceNode seq ? seq.Children[bad] : node, $"'{items[bad]}' in oversight_mailboxes is neither a local part (ethics) nor an address (ethics@district.example)");
        }

        _oversightMailboxes = items.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
