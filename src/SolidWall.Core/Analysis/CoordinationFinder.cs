using SolidWall.Core.Case;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Collects mail between the institution's official channels (roster role <c>office</c>) and a campaign (its
/// senders or domains) or an elected official's office (<see cref="AnalysisOptions.OfficialOffices"/>), and lists
/// it thread by thread for the investigator to judge. A thread of nothing but a campaign's own mail arriving at the
/// office is a delivery, already counted, not coordination: a campaign thread is listed only when the office wrote in it.
/// </summary>
internal sealed class CoordinationFinder
{
    private readonly InstitutionDirectory _directory;
    private readonly Dictionary<string, Campaign> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Campaign> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _offices = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CoordinationMessage> _found = [];

    public CoordinationFinder(IEnumerable<Campaign> campaigns, InstitutionDirectory directory, IEnumerable<string> officialOffices)
    {
        _directory = directory;
        foreach (var campaign in campaigns)
        {
            foreach (var sender in campaign.Senders.Keys)
            {
                _senders.TryAdd(sender, campaign);
            }

            foreach (var domain in campaign.Domains)
            {
                _domains.TryAdd(domain, campaign);
            }
        }

        foreach (var office in officialOffices)
        {
            _offices.Add(office.Trim().TrimStart('@').ToLowerInvariant());
        }
    }

    public IReadOnlyList<CoordinationMessage> Found => _found;

    /// <summary>Orders what was kept by SHA-256, as if the messages had been considered in that order.</summary>
    public void PutInShaOrder() => _found.Sort((a, b) => string.CompareOrdinal(a.Sha256, b.Sha256));

    /// <summary>Looks at one message; returns what it kept, or null.</summary>
    public CoordinationMessage? Consider(CaseMessage message, InstitutionRole senderRole)
    {
        if (message.From is null)
        {
            return null;
        }

        var recipients = message.Recipients.ToArray();
        var fromOffice = senderRole == InstitutionRole.Office;
        Campaign? campaign = null;
        var official = false;
        if (fromOffice)
        {
            foreach (var r in recipients)
            {
                var (c, o) = Counterpart(r);
                campaign ??= c;
                official |= o;
            }
        }
        else if (recipients.Any(r => _directory.RoleOf(r) == InstitutionRole.Office))
        {
            (campaign, official) = Counterpart(message.From);
        }

        if (campaign is null && !official)
        {
            return null;
        }

        var found = new CoordinationMessage
        {
            Sha256 = message.Sha256,
            MessageId = message.MessageId,
            ThreadIds = [.. message.References, .. message.InReplyTo],
            ThreadKey = message.References.FirstOrDefault() ?? message.InReplyTo.FirstOrDefault() ?? message.MessageId ?? message.Sha256,
            Date = message.Date,
            From = message.From,
            Participants = [message.From, .. recipients],
            Subject = message.Subject,
            FromOffice = fromOffice,
            WithOfficialOffice = official,
            OnlyToOffices = !fromOffice && recipients.Length > 0 && recipients.All(r => _directory.RoleOf(r) == InstitutionRole.Office),
            Campaign = campaign,
        };
        _found.Add(found);
        return found;
    }

    /// <summary>
    /// The threads worth listing, each in date order, the threads by their first message: those the office wrote in,
    /// those with an elected official's office, and a campaign's mail to the office alone (a blast copy that merely
    /// reached the office is not coordination).
    /// </summary>
    public IEnumerable<List<CoordinationMessage>> Threads() =>
        _found.GroupBy(m => m.ThreadKey, StringComparer.Ordinal)
            .Where(t => t.Any(m => m.FromOffice || m.WithOfficialOffice || m.OnlyToOffices))
            .Select(t => t.OrderBy(m => m.Date ?? DateTimeOffset.MaxValue).ThenBy(m => m.Sha256, StringComparer.Ordinal).ToList())
            .OrderBy(t => t[0].Date ?? DateTimeOffset.MaxValue).ThenBy(t => t[0].Sha256, StringComparer.Ordinal);

    private (Campaign? Campaign, bool Official) Counterpart(string address)
    {
        if (_senders.TryGetValue(address, out var bySender))
        {
            return (bySender, false);
        }

        var domain = MailDomains.DomainOf(address);
        if (_offices.Contains(address))
        {
            return (null, true);
        }

        for (var d = domain; d.Length > 0; d = d.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? d[(dot + 1)..] : "")
        {
            if (_offices.Contains(d))
            {
                return (null, true);
            }

            if (_domains.TryGetValue(d, out var byDomain))
            {
                return (byDomain, false);
            }
        }

        return (null, false);
    }
}
