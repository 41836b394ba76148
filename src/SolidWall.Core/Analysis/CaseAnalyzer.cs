using SolidWall.Core.Case;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Turns a scanned case into the figures an inspector general publishes (<see cref="CaseReport"/>): campaigns and
/// who sent for them, mail delivered and staff reached, blasts, relays to students, principals' pushes, sign-ups,
/// attestation breaches, coordination, the timeline and the limits of the evidence.
/// </summary>
/// <remarks>
/// Built for a million messages: it works from addresses, ids and fingerprints, never from the texts, and keeps in
/// memory only campaign mail and what passes it on. Messages are read twice: first the electioneering ones, to find
/// the campaigns and their variants, then all of them, to trace relays, sign-ups and coordination against them;
/// <c>items</c> is read once, after both.
/// </remarks>
public sealed class CaseAnalyzer(AnalysisOptions options)
{
    private readonly AnalysisOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Analyses a case whose messages are one sequence, read twice (so it must be one that can be enumerated again,
    /// such as the store's query); findings come in the order of that sequence.
    /// </summary>
    public CaseReport Analyse(IEnumerable<CaseItem> items, IEnumerable<CaseMessage> messages, IReadOnlyList<SkippedItem> skipped) =>
        Analyse(items, messages, messages, skipped, putFindingsInShaOrder: false);

    /// <summary>
    /// Analyses a case from two reads of its messages, what a large case's store serves fastest.
    /// </summary>
    /// <param name="items">Every item, read once.</param>
    /// <param name="electioneering">
    /// Every electioneering message, in SHA-256 order (the order decides which message stands for a campaign variant);
    /// other messages in it are passed over. The store's <c>ElectioneeringMessages()</c>.
    /// </param>
    /// <param name="messages">
    /// Every message, in any order: relays, sign-ups and coordination found in it are put in SHA-256 order
    /// afterwards, so the report is the one a read in SHA-256 order gives. The store's <c>MessagesAsStored()</c>.
    /// </param>
    /// <param name="skipped">The items the scan could not read.</param>
    public CaseReport Analyse(IEnumerable<CaseItem> items, IEnumerable<CaseMessage> electioneering, IEnumerable<CaseMessage> messages, IReadOnlyList<SkippedItem> skipped) =>
        Analyse(items, electioneering, messages, skipped, putFindingsInShaOrder: true);

    private CaseReport Analyse(IEnumerable<CaseItem> items, IEnumerable<CaseMessage> electioneeringMessages, IEnumerable<CaseMessage> messages, IReadOnlyList<SkippedItem> skipped, bool putFindingsInShaOrder)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(electioneeringMessages);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(skipped);
        var directory = _options.Directory;
        var policy = _options.Policy;

        // Pass 1: campaign-originated mail (electioneering from outside the institution), and every electioneering SHA-256.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => strings.TryGetValue(s, out var kept) ? kept : strings[s] = s;
        var electioneering = new HashSet<string>(StringComparer.Ordinal);
        var campaignMail = new List<CampaignMail>();
        foreach (var message in electioneeringMessages)
        {
            if (!message.Electioneering)
            {
                continue;
            }

            electioneering.Add(message.Sha256);
            if (message.From is { } from && directory.RoleOf(from) == InstitutionRole.External)
            {
                campaignMail.Add(CampaignMail.Of(message, Intern(from), Intern));
            }
        }

        GroupVariants(campaignMail, policy.BlastJaccard);
        var campaigns = new CampaignAttribution(_options.Registry, policy.RelayJaccard).Attribute(campaignMail);

        // Pass 2: what staff, principals and offices passed on, what students sent back, what the offices exchanged.
        var tracer = new RelayTracer(campaignMail, directory, policy.RelayJaccard);
        var coordination = new CoordinationFinder(campaigns, directory, _options.OfficialOffices);
        var campaignSenders = new Dictionary<string, Campaign>(StringComparer.Ordinal);
        foreach (var campaign in campaigns)
        {
            foreach (var sender in campaign.Senders.Keys)
            {
                campaignSenders.TryAdd(sender, campaign);
            }
        }

        var relays = new Dictionary<string, RelayFinding>(StringComparer.Ordinal);
        var signups = new Dictionary<string, SignupFinding>(StringComparer.Ordinal);
        var coordinated = new Dictionary<string, CoordinationMessage>(StringComparer.Ordinal);
        var sawText = false;
        var encrypted = new Dictionary<string, CaseMessage>(StringComparer.Ordinal);
        var unreadAttachments = new Dictionary<string, CaseMessage>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            sawText |= message.Text.Length > 0;
            if (message.Encryption is not null)
            {
                encrypted[message.Sha256] = message;
            }

            if (message.UnreadAttachments.Count > 0)
            {
                unreadAttachments[message.Sha256] = message;
            }

            if (message.From is not { } from)
            {
                continue;
            }

            var role = directory.RoleOf(from);
            if (role is InstitutionRole.Staff or InstitutionRole.Principal or InstitutionRole.Office && tracer.Trace(message, role) is { } relay)
            {
                relays[message.Sha256] = relay;
                relay.Campaign.Relays.Add(relay);
            }
            else if (role == InstitutionRole.Student && SignupCampaign(message, tracer, campaignSenders) is { } signedUpWith)
            {
                var signup = new SignupFinding
                {
                    Sha256 = message.Sha256,
                    Campaign = signedUpWith,
                    Student = from,
                    MessageId = message.MessageId,
                    Date = message.Date,
                    Subject = message.Subject,
                };
                signups[message.Sha256] = signup;
                signedUpWith.Signups.Add(signup);
            }

            if (coordination.Consider(message, role) is { } kept)
            {
                coordinated[message.Sha256] = kept;
            }
        }

        if (putFindingsInShaOrder)
        {
            // Each message's findings depend on it alone, so sorting them gives exactly what a read in SHA-256 order finds.
            foreach (var campaign in campaigns)
            {
                campaign.Relays.Sort((a, b) => string.CompareOrdinal(a.Sha256, b.Sha256));
                campaign.Signups.Sort((a, b) => string.CompareOrdinal(a.Sha256, b.Sha256));
            }

            coordination.PutInShaOrder();
        }

        // Items, once: every copy of every message the figures rest on.
        var bySha = campaignMail.ToDictionary(m => m.Sha256, StringComparer.Ordinal);
        var tally = new ItemTally();
        var encryptedItems = new List<EncryptedItem>();
        var unreadAttachmentItems = new List<UnreadAttachmentItem>();
        foreach (var item in items)
        {
            tally.Count(item);
            var sha = item.Sha256;
            if (encrypted.TryGetValue(sha, out var unread))
            {
                encryptedItems.Add(EncryptedItem.Of(item, unread));
            }

            if (unreadAttachments.TryGetValue(sha, out var withUnread))
            {
                foreach (var attachment in withUnread.UnreadAttachments)
                {
                    unreadAttachmentItems.Add(new UnreadAttachmentItem(item.Source, item.Offset, item.Mailbox, sha, withUnread.Subject, attachment, withUnread.Electioneering));
                }
            }

            if (electioneering.Contains(sha) || relays.ContainsKey(sha) || signups.ContainsKey(sha))
            {
                tally.Electioneering++;
            }

            bySha.GetValueOrDefault(sha)?.Items.Add(item);
            relays.GetValueOrDefault(sha)?.Items.Add(item);
            signups.GetValueOrDefault(sha)?.Items.Add(item);
            coordinated.GetValueOrDefault(sha)?.Items.Add(item);
        }

        var window = TimeSpan.FromMinutes(policy.BlastWindowMinutes);
        foreach (var campaign in campaigns)
        {
            BlastFinder.Find(campaign, window, policy.BlastMinCopies);
        }

        encryptedItems.Sort(static (a, b) => string.CompareOrdinal(a.Source, b.Source) is var bySource and not 0 ? bySource : a.Offset.CompareTo(b.Offset));
        unreadAttachmentItems.Sort(static (a, b) => string.CompareOrdinal(a.Source, b.Source) is var bySource and not 0 ? bySource : a.Offset.CompareTo(b.Offset));
        return new ReportAssembly(_options, campaigns, tally, skipped, encryptedItems, coordination, sawText) { UnreadAttachments = unreadAttachmentItems }.Build();
    }

    // Near-duplicate groups over all campaign mail: each group is one variant (one text, whatever the greeting and tokens).
    private static void GroupVariants(List<CampaignMail> mail, double threshold)
    {
        var hashes = mail.FirstOrDefault(m => m.Body is not null)?.Body!.Length ?? 0;
        if (hashes == 0)
        {
            for (var i = 0; i < mail.Count; i++)
            {
                mail[i].Group = i;
            }

            return;
        }

        var empty = Enumerable.Repeat(uint.MaxValue, hashes).ToArray();
        var groups = NearDuplicates.Group(mail.Select(m => m.Body is { } b && b.Length == hashes ? b : empty).ToList(), threshold);
        for (var i = 0; i < mail.Count; i++)
        {
            mail[i].Group = groups[i];
        }
    }

    // A student's reply into a campaign thread, or mail addressed to one of a campaign's senders.
    private static Campaign? SignupCampaign(CaseMessage message, RelayTracer tracer, Dictionary<string, Campaign> campaignSenders)
    {
        if (tracer.ThreadParent(message)?.Campaign is { } byThread)
        {
            return byThread;
        }

        foreach (var recipient in message.Recipients)
        {
            if (campaignSenders.TryGetValue(recipient, out var byAddress))
            {
                return byAddress;
            }
        }

        return null;
    }
}
