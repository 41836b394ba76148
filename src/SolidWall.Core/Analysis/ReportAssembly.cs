using SolidWall.Core.Case;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Lays the analysed campaigns out as a <see cref="CaseReport"/>: the figures per campaign, and the tables behind
/// them (senders and grounds, timeline, recipients by role and school, relay paths, breaches, coordination, limits
/// and evidence). Counting rules are stated once here and in <see cref="MethodText"/>.
/// </summary>
internal sealed class ReportAssembly(
    AnalysisOptions options,
    IReadOnlyList<Campaign> campaigns,
    ItemTally tally,
    IReadOnlyList<SkippedItem> skipped,
    IReadOnlyList<EncryptedItem> encrypted,
    CoordinationFinder coordination,
    bool sawText)
{
    private readonly InstitutionDirectory _directory = options.Directory;

    /// <summary>The attached files that could not be read, in source and offset order.</summary>
    public IReadOnlyList<UnreadAttachmentItem> UnreadAttachments { get; init; } = [];

    public CaseReport Build()
    {
        var ordered = campaigns
            .Select(c => (Campaign: c, Figures: Figures(c)))
            .OrderByDescending(c => c.Figures.EmailsDelivered).ThenBy(c => c.Campaign.Name, StringComparer.Ordinal)
            .ToList();
        return new CaseReport
        {
            Figures = new CaseFigures
            {
                Messages = tally.Items,
                Electioneering = tally.Electioneering,
                Skipped = skipped.Count,
                Encrypted = encrypted.Count,
                UnreadAttachments = UnreadAttachments.Count,
                Campaigns = ordered.Select(c => c.Figures).ToList(),
            },
            GeneratedAt = options.GeneratedAt ?? DateTimeOffset.UtcNow,
            CaseName = options.CaseName,
            Campaigns = ordered.Select(c => Detail(c.Campaign)).ToList(),
            Timeline = Timeline(ordered.Select(c => c.Campaign)),
            Elections = options.Registry.Entries
                .SelectMany(e => e.Elections.Select(d => new ElectionMark(d, $"Election: {e.Candidate ?? e.Name}{(e.Office is null ? "" : $" ({e.Office})")}")))
                .OrderBy(m => m.Day).ThenBy(m => m.Label, StringComparer.Ordinal).ToList(),
            RecipientsByRoleAndSchool = ordered.SelectMany(c => RecipientGroups(c.Campaign)).ToList(),
            Relays = ordered.SelectMany(c => RelayPaths(c.Campaign)).ToList(),
            AttestationBreaches = ordered.SelectMany(c => AttestationCheck.Breaches(c.Campaign, DeliveredToInstitution)).ToList(),
            Coordination = coordination.Threads().Select(Thread).ToList(),
            Limits = Limits(),
            Method = MethodText.Paragraphs(options.Policy, options.Registry, options.RegistryReading, sawText, options.ModelSha256),
            Evidence = ordered.SelectMany(c => Evidence(c.Campaign)).ToList(),
        };
    }

    private CampaignFigures Figures(Campaign c)
    {
        var relayers = RelayersToStudents(c);
        return new CampaignFigures
        {
            Name = c.Name,
            Senders = c.Senders.Keys.Order(StringComparer.Ordinal).ToList(),
            Domains = c.Domains.ToList(),
            StaffReached = c.Mail.SelectMany(Reached).Where(IsStaff).Distinct(StringComparer.Ordinal).Count(),
            EmailsDelivered = c.Mail.Sum(m => m.Items.Count(IsAtInstitution)),
            Blasts = c.Blasts.Select(b => new BlastFigures
            {
                Id = b.Id,
                Variants = b.Variants,
                Copies = b.Copies,
                Recipients = b.Mail.SelectMany(Reached).Distinct(StringComparer.Ordinal).Count(),
                First = b.First,
                Last = b.Last,
            }).ToList(),
            Relayers = relayers,
            Principals = c.Relays.Where(r => r.RelayerRole == InstitutionRole.Principal)
                .GroupBy(r => r.Relayer, StringComparer.Ordinal)
                .Select(g => new PrincipalFigures(g.Key, g.SelectMany(r => r.Reached).Where(IsTeacher).Distinct(StringComparer.Ordinal).Count()))
                .Where(p => p.TeachersReached > 0)
                .OrderBy(p => p.Address, StringComparer.Ordinal).ToList(),
            Signups = c.Signups.Select(s => s.Student).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }

    // A relayer's students are everyone of student role its relays reached; its kind is forward if any of the relays that reached students forwarded or quoted.
    private List<RelayerFigures> RelayersToStudents(Campaign c) =>
        c.Relays.Select(r => (Relay: r, Students: r.Reached.Where(IsStudent).ToList()))
            .Where(r => r.Students.Count > 0)
            .GroupBy(r => r.Relay.Relayer, StringComparer.Ordinal)
            .Select(g => new RelayerFigures(
                g.Key,
                g.SelectMany(r => r.Students).Distinct(StringComparer.Ordinal).Count(),
                g.All(r => r.Relay.Kind == RelayerFigures.Copy) ? RelayerFigures.Copy : RelayerFigures.Forward))
            .OrderBy(r => r.Address, StringComparer.Ordinal).ToList();

    /// <summary>Who a campaign message reached: its header recipients and the owners of the mailboxes holding a copy.</summary>
    private static IEnumerable<string> Reached(CampaignMail m) =>
        m.Recipients.Concat(m.Items.Select(i => i.Mailbox).OfType<string>()).Where(r => r != m.From).Distinct(StringComparer.Ordinal);

    private bool IsStaff(string address) => _directory.RoleOf(address) is InstitutionRole.Staff or InstitutionRole.Principal or InstitutionRole.Office;

    private bool IsTeacher(string address) => _directory.RoleOf(address) == InstitutionRole.Staff;

    private bool IsStudent(string address) => _directory.RoleOf(address) == InstitutionRole.Student;

    /// <summary>A copy found in an institutional mailbox, or in an export that does not say whose mailbox (the export is the institution's).</summary>
    private bool IsAtInstitution(CaseItem item) => item.Mailbox is null || _directory.RoleOf(item.Mailbox) != InstitutionRole.External;

    private bool DeliveredToInstitution(CampaignMail m) => m.Items.Any(IsAtInstitution);

    private static CampaignDetail Detail(Campaign c)
    {
        // Messages per sender counted in one pass over the mail, not one pass per sender (a campaign of a million
        // messages can have thousands of senders).
        var messages = c.Mail.GroupBy(m => m.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        return new CampaignDetail
        {
            Name = c.Name,
            Basis = c.Entry is null ? "inferred" : "registry",
            Candidate = c.Entry?.Candidate,
            Office = c.Entry?.Office,
            Senders = c.Senders.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new SenderAttribution(s.Key, s.Value, messages.GetValueOrDefault(s.Key)))
                .ToList(),
        };
    }

    // Mailbox copies per day (the Date in the sender's own offset) of everything the campaign's figures rest on.
    private static List<DailyCount> Timeline(IEnumerable<Campaign> ordered) =>
        ordered.SelectMany(c =>
                c.Mail.Select(m => (m.Date, m.Items.Count))
                    .Concat(c.Relays.Select(r => (r.Date, r.Items.Count)))
                    .Concat(c.Signups.Select(s => (s.Date, s.Items.Count)))
                    .Where(x => x.Date is not null && x.Count > 0)
                    .GroupBy(x => DateOnly.FromDateTime(x.Date!.Value.DateTime))
                    .Select(g => new DailyCount(g.Key, c.Name, g.Sum(x => x.Count))))
            .OrderBy(d => d.Day).ThenBy(d => d.Campaign, StringComparer.Ordinal).ToList();

    private IEnumerable<RecipientGroup> RecipientGroups(Campaign c)
    {
        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in c.Mail)
        {
            foreach (var r in Reached(m))
            {
                copies.TryAdd(r, 0);
            }

            foreach (var owner in m.Items.Select(i => i.Mailbox).OfType<string>())
            {
                copies[owner] = copies.GetValueOrDefault(owner) + 1;
            }
        }

        return copies
            .Select(kv => (kv.Key, kv.Value, Role: _directory.RoleOf(kv.Key)))
            .Where(r => r.Role != InstitutionRole.External)
            .GroupBy(r => (Role: RoleName(r.Role), School: _directory.Find(r.Key)?.School))
            .Select(g => new RecipientGroup(c.Name, g.Key.Role, g.Key.School, g.Count(), g.Sum(r => r.Value)))
            .OrderBy(g => g.Role, StringComparer.Ordinal).ThenBy(g => g.School ?? "", StringComparer.Ordinal);
    }

    private static string RoleName(InstitutionRole role) => role switch
    {
        InstitutionRole.Principal => "principal",
        InstitutionRole.Student => "student",
        _ => "staff",
    };

    // One path per relayed message (copies with different bytes, such as the Sent and the Inbox copy, are one message).
    private IEnumerable<RelayPath> RelayPaths(Campaign c) =>
        c.Relays.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g =>
        {
            var first = g.OrderByDescending(r => r.Recipients.Length).ThenBy(r => r.Sha256, StringComparer.Ordinal).First();
            var reached = g.SelectMany(r => r.Reached).Distinct(StringComparer.Ordinal).ToList();
            var staff = reached.Where(IsStaff).Order(StringComparer.Ordinal).ToList();
            return new RelayPath
            {
                Campaign = c.Name,
                BlastId = first.Original.Blast?.Id,
                Relayer = first.Relayer,
                RelayerRole = first.RelayerRole == InstitutionRole.Office ? "office" : RoleName(first.RelayerRole),
                Kind = IsPush(first, reached) ? RelayFinding.Push : first.Kind,
                Date = first.Date,
                Subject = first.Subject,
                Students = reached.Where(IsStudent).Order(StringComparer.Ordinal).ToList(),
                Staff = staff,
                Sha256 = first.Sha256,
            };
        }).OrderBy(p => p.Date ?? DateTimeOffset.MaxValue).ThenBy(p => p.Relayer, StringComparer.Ordinal);

    private bool IsPush(RelayFinding r, IEnumerable<string> reached) =>
        r.RelayerRole == InstitutionRole.Principal && r.Kind != RelayFinding.Reply && reached.Any(IsTeacher);

    private IEnumerable<EvidenceItem> Evidence(Campaign c)
    {
        var rows = c.Mail.SelectMany(EvidenceRows.Of)
            .Concat(c.Relays.SelectMany(r => EvidenceRows.Of(r, IsPush(r, r.Reached) ? RelayFinding.Push : r.Kind == RelayFinding.Reply ? RelayFinding.Reply : "relay")))
            .Concat(c.Signups.SelectMany(EvidenceRows.Of));
        return rows.OrderBy(e => e.Date ?? DateTimeOffset.MaxValue).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Offset);
    }

    private static CoordinationThread Thread(List<CoordinationMessage> thread) => new(
        thread[0].Subject,
        thread.SelectMany(m => m.Participants).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        thread.Where(m => m.Items.Count > 0)
            .Select(m => EvidenceRows.Of(m.Items.OrderBy(i => i.Source, StringComparer.Ordinal).ThenBy(i => i.Offset).First(),
                m.MessageId, m.Date, m.From, m.Subject, m.Campaign?.Name, "coordination"))
            .ToList());

    private EvidenceLimits Limits()
    {
        var custodians = options.Custodians.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal);
        var undated = campaigns.Sum(c => c.Mail.Count(m => m.Date is null));
        return new EvidenceLimits
        {
            MissingMailboxes = custodians.Where(c => !tally.Mailboxes.Contains(c)).Order(StringComparer.Ordinal).ToList(),
            Skipped = skipped,
            Encrypted = encrypted,
            UnreadAttachments = UnreadAttachments,
            Sources = tally.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SourceCount(s.Key, s.Value)).ToList(),
            Notes = MethodText.Notes(options.Custodians.Count > 0, tally.WithoutMailbox, undated, sawText, options.FingerprintNormalisation, options.EncryptionUnrecorded, options.AttachmentsUnrecorded, options.Registry.NamesCandidate).ToList(),
        };
    }
}
