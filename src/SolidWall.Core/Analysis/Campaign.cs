using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>One campaign as the analysis builds it: who sent for it and on what ground, its domains, its mail, and what came of it.</summary>
internal sealed class Campaign(string name, RegistryEntry? entry)
{
    public string Name { get; } = name;

    public RegistryEntry? Entry { get; } = entry;

    /// <summary>The short stem of its blast ids: the registry id, else the name's slug.</summary>
    public string Slug { get; } = entry?.Id ?? Analysis.Slug.Of(name);

    /// <summary>Each sender and the ground it was attributed on, in the order found.</summary>
    public Dictionary<string, string> Senders { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Domains { get; } = new(StringComparer.Ordinal);

    public List<CampaignMail> Mail { get; } = [];

    public List<CampaignBlast> Blasts { get; } = [];

    public List<RelayFinding> Relays { get; } = [];

    public List<SignupFinding> Signups { get; } = [];

    public void Attribute(string sender, string ground)
    {
        Senders.TryAdd(sender, ground);
    }
}

/// <summary>One send of near-duplicate variants by one sender within the policy's window.</summary>
internal sealed class CampaignBlast
{
    public string Id { get; set; } = "";

    public required Campaign Campaign { get; init; }

    public required List<CampaignMail> Mail { get; init; }

    public int Variants => Mail.Select(m => m.Group).Distinct().Count();

    public int Copies => Mail.Sum(m => m.Items.Count);

    public DateTimeOffset First => Mail.Min(m => m.Date!.Value);

    public DateTimeOffset Last => Mail.Max(m => m.Date!.Value);
}
