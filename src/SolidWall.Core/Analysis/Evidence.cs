using SolidWall.Core.Case;

namespace SolidWall.Core.Analysis;

/// <summary>Builds the <see cref="EvidenceItem"/> rows that point an investigator at each mailbox copy.</summary>
internal static class EvidenceRows
{
    public static EvidenceItem Of(CaseItem item, string? messageId, DateTimeOffset? date, string? from, string subject, string? campaign, string role) =>
        new(item.Source, item.Offset, item.Sha256, messageId, date, from, subject, campaign, role);

    public static IEnumerable<EvidenceItem> Of(CampaignMail m) =>
        m.Items.Select(i => Of(i, m.MessageId, m.Date, m.From, m.Subject, m.Campaign?.Name, "campaign"));

    public static IEnumerable<EvidenceItem> Of(RelayFinding r, string role) =>
        r.Items.Select(i => Of(i, r.Key == r.Sha256 ? null : r.Key, r.Date, r.Relayer, r.Subject, r.Campaign.Name, role));

    public static IEnumerable<EvidenceItem> Of(SignupFinding s) =>
        s.Items.Select(i => Of(i, s.MessageId, s.Date, s.Student, s.Subject, s.Campaign.Name, "signup"));
}
