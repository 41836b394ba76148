using System.Globalization;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Groups campaign-originated mail into campaigns, sender by sender, strongest ground first:
/// <list type="number">
/// <item>a registered sender (address or domain) belongs to its registry entry;</item>
/// <item>mail whose disclaimer names a committee belongs to that committee's campaign (a registry entry when one
/// has that name or alias), and the sender's organisational domain joins it unless it is public webmail or its
/// mail names more than one committee;</item>
/// <item>a sender from a campaign's domain, or one already attributed by other mail, belongs to that campaign;</item>
/// <item>any other sender is attributed by content: its body matches the campaign's mail, its links share the
/// campaign's organising or donation pages or site, it writes in a campaign thread, or its signature names the
/// campaign or one of its people. Its domain does not join the campaign;</item>
/// <item>what is left forms a campaign of its own, named after its organisational domain (after its address for
/// webmail).</item>
/// </list>
/// </summary>
internal sealed class CampaignAttribution(Registry registry, double relayJaccard)
{
    private readonly Dictionary<string, Campaign> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Campaign> _campaigns = [];

    public IReadOnlyList<Campaign> Attribute(IReadOnlyList<CampaignMail> mail)
    {
        var pending = new List<CampaignMail>();
        foreach (var m in mail)
        {
            if (m.Registered is not null && registry.Entries.FirstOrDefault(e => e.Name == m.Registered) is { } entry)
            {
                var ground = entry.Addresses.Contains(m.From, StringComparer.OrdinalIgnoreCase)
                    ? "registered address"
                    : $"registered domain {MailDomains.DomainOf(m.From)}";
                Assign(m, CampaignFor(entry.Name, entry), ground);
            }
            else if (m.Committee is not null)
            {
                var campaign = CampaignFor(m.Committee, EntryNamed(m.Committee));
                Assign(m, campaign, $"disclaimer names {m.Committee}");
            }
            else
            {
                pending.Add(m);
            }
        }

        JoinDisclaimerDomains(mail);
        pending = AttributeBySenderOrDomain(pending);
        pending = AttributeByContent(pending);
        foreach (var m in pending)
        {
            var domain = MailDomains.DomainOf(m.From);
            var org = MailDomains.Organisational(domain);
            var webmail = MailDomains.IsWebmail(domain);
            var campaign = CampaignFor(webmail ? m.From : org, null);
            if (!webmail)
            {
                campaign.Domains.Add(org);
            }

            Assign(m, campaign, webmail
                ? "no registry entry, disclaimer or content ties it to another campaign: a campaign of its own (public webmail)"
                : $"no registry entry, disclaimer or content ties it to another campaign: a campaign of its own (domain {org})");
        }

        return _campaigns;
    }

    private Campaign CampaignFor(string name, RegistryEntry? entry)
    {
        var key = entry?.Name ?? Normalise(name);
        if (!_byName.TryGetValue(key, out var campaign))
        {
            campaign = new Campaign(entry?.Name ?? name, entry);
            foreach (var domain in entry?.Domains ?? [])
            {
                campaign.Domains.Add(domain.TrimStart('.').ToLowerInvariant());
            }

            _byName[key] = campaign;
            _campaigns.Add(campaign);
        }

        return campaign;
    }

    private RegistryEntry? EntryNamed(string committee)
    {
        var wanted = Normalise(committee);
        return registry.Entries.FirstOrDefault(e => e.Names.Any(n => Normalise(n) == wanted));
    }

    private static string Normalise(string name)
    {
        var words = name.ToLowerInvariant().Split((char[])[' ', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] is "the" or "el" or "la")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static void Assign(CampaignMail m, Campaign campaign, string ground)
    {
        m.Campaign = campaign;
        campaign.Mail.Add(m);
        campaign.Attribute(m.From, ground);
    }

    // A sender's domain joins the campaign its disclaimers name, when they name only one and it is not public webmail.
    private void JoinDisclaimerDomains(IReadOnlyList<CampaignMail> mail)
    {
        foreach (var byDomain in mail.Where(m => m.Committee is not null && m.Registered is null && m.Campaign is not null)
                     .GroupBy(m => MailDomains.OrganisationalOf(m.From), StringComparer.Ordinal))
        {
            var campaigns = byDomain.Select(m => m.Campaign!).Distinct().ToList();
            if (campaigns.Count == 1 && byDomain.Key.Length > 0 && !MailDomains.IsWebmail(byDomain.Key))
            {
                campaigns[0].Domains.Add(byDomain.Key);
            }
        }
    }

    private List<CampaignMail> AttributeBySenderOrDomain(List<CampaignMail> pending)
    {
        var bySender = new Dictionary<string, Campaign>(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, Campaign>(StringComparer.Ordinal);
        foreach (var campaign in _campaigns)
        {
            foreach (var sender in campaign.Senders.Keys)
            {
                bySender.TryAdd(sender, campaign);
            }

            foreach (var domain in campaign.Domains)
            {
                byDomain.TryAdd(domain, campaign);
            }
        }

        var left = new List<CampaignMail>();
        foreach (var m in pending)
        {
            if (bySender.TryGetValue(m.From, out var campaign))
            {
                Assign(m, campaign, campaign.Senders[m.From]);
            }
            else if (DomainCampaign(byDomain, MailDomains.DomainOf(m.From)) is { } byItsDomain)
            {
                Assign(m, byItsDomain.Campaign, $"domain {byItsDomain.Domain} carries the campaign's mail");
            }
            else
            {
                left.Add(m);
            }
        }

        return left;
    }

    private static (Campaign Campaign, string Domain)? DomainCampaign(Dictionary<string, Campaign> byDomain, string domain)
    {
        if (MailDomains.IsWebmail(domain))
        {
            return null;
        }

        for (var d = domain; d.Length > 0; d = d.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? d[(dot + 1)..] : "")
        {
            if (byDomain.TryGetValue(d, out var campaign))
            {
                return (campaign, d);
            }
        }

        return null;
    }

    // Senders with neither registry entry, disclaimer nor campaign domain: each is given to the campaign its content points to most.
    private List<CampaignMail> AttributeByContent(List<CampaignMail> pending)
    {
        if (pending.Count == 0 || _campaigns.Count == 0)
        {
            return pending;
        }

        var evidence = new ContentEvidence(_campaigns, relayJaccard);
        var left = new List<CampaignMail>();
        foreach (var bySender in pending.GroupBy(m => m.From, StringComparer.Ordinal))
        {
            var grounds = new Dictionary<Campaign, SortedSet<string>>();
            foreach (var m in bySender)
            {
                foreach (var (campaign, ground) in evidence.For(m))
                {
                    if (!grounds.TryGetValue(campaign, out var set))
                    {
                        grounds[campaign] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(ground);
                }
            }

            if (grounds.Count == 0)
            {
                left.AddRange(bySender);
                continue;
            }

            var best = grounds.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key.Name, StringComparer.Ordinal).First();
            var text = string.Join("; ", best.Value);
            foreach (var m in bySender)
            {
                Assign(m, best.Key, text);
            }
        }

        return left;
    }

    /// <summary>The content grounds a message gives for each campaign: text, links, thread, signature.</summary>
    private sealed class ContentEvidence
    {
        private readonly double _threshold;
        private readonly List<CampaignMail> _representatives = [];
        private readonly LshIndex? _index;
        private readonly Dictionary<int, Campaign> _groups = [];
        private readonly Dictionary<string, Campaign?> _linkKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Campaign> _domains = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CampaignMail> _messageIds = new(StringComparer.Ordinal);
        private readonly List<(string Name, Campaign Campaign)> _names = [];

        public ContentEvidence(IReadOnlyList<Campaign> campaigns, double threshold)
        {
            _threshold = threshold;
            var hashes = campaigns.SelectMany(c => c.Mail).FirstOrDefault(m => m.Body is not null)?.Body!.Length ?? 0;
            _index = hashes > 0 ? new LshIndex(hashes, threshold) : null;
            foreach (var campaign in campaigns)
            {
                foreach (var m in campaign.Mail)
                {
                    if (m.Body is not null && _groups.TryAdd(m.Group, campaign))
                    {
                        _index!.Add(_representatives.Count, m.Body);
                        _representatives.Add(m);
                    }

                    foreach (var key in m.Links.Select(LinkKeys.Of).OfType<string>())
                    {
                        // A page two campaigns both link to names neither.
                        _linkKeys[key] = _linkKeys.TryGetValue(key, out var owner) && owner != campaign ? null : campaign;
                    }

                    if (m.MessageId is not null)
                    {
                        _messageIds.TryAdd(m.MessageId, m);
                    }
                }

                foreach (var domain in campaign.Domains)
                {
                    _domains.TryAdd(domain, campaign);
                }

                var names = new List<string> { campaign.Name };
                names.AddRange(campaign.Entry?.Names ?? []);
                names.AddRange(campaign.Mail.Select(m => m.FromName).OfType<string>().Where(n => n.Length >= 6 && n.Contains(' ', StringComparison.Ordinal)));
                foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    _names.Add((name, campaign));
                }
            }
        }

        public IEnumerable<(Campaign, string)> For(CampaignMail m)
        {
            if (m.Body is not null && _index is not null)
            {
                foreach (var id in _index.Candidates(m.Body))
                {
                    var other = _representatives[id];
                    if (other.Group == m.Group || Fingerprinter.Similarity(m.Body, other.Body!) >= _threshold)
                    {
                        yield return (_groups[other.Group], $"text matches the campaign's mail \"{other.Subject}\" of {Day(other)}");
                    }
                }
            }

            foreach (var link in m.Links)
            {
                if (LinkKeys.Of(link) is { } key && _linkKeys.GetValueOrDefault(key) is { } byKey)
                {
                    yield return (byKey, $"links to {key}");
                }

                if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && _domains.GetValueOrDefault(MailDomains.Organisational(uri.Host)) is { } bySite)
                {
                    yield return (bySite, $"links to the campaign's site {MailDomains.Organisational(uri.Host)}");
                }
            }

            foreach (var id in m.ThreadIds)
            {
                if (_messageIds.TryGetValue(id, out var parent) && parent.Campaign is { } byThread)
                {
                    yield return (byThread, $"writes in the thread of the campaign's mail \"{parent.Subject}\"");
                }
            }

            if (m.SignatureText is { } signature)
            {
                foreach (var (name, campaign) in _names)
                {
                    if (signature.Contains(name, StringComparison.OrdinalIgnoreCase))
                    {
                        yield return (campaign, $"signature names {name}");
                    }
                }
            }
        }

        private static string Day(CampaignMail m) =>
            m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown date";
    }
}
