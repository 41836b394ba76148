namespace SolidWall.Core.Analysis;

/// <summary>
/// Reads a registry attestation as the campaign's pledge not to mail institutional addresses: campaign mail that
/// reached the institution after the attestation's date is a breach, reported with the attestation's document and
/// SHA-256 beside the first and last offending mailbox copies.
/// </summary>
internal static class AttestationCheck
{
    public static IEnumerable<AttestationBreach> Breaches(Campaign campaign, Func<CampaignMail, bool> deliveredToInstitution)
    {
        foreach (var attestation in campaign.Entry?.Attestations ?? [])
        {
            var after = campaign.Mail
                .Where(m => m.Date > attestation.At && m.Items.Count > 0 && deliveredToInstitution(m))
                .OrderBy(m => m.Date).ThenBy(m => m.Sha256, StringComparer.Ordinal)
                .ToList();
            if (after.Count == 0)
            {
                continue;
            }

            yield return new AttestationBreach(
                campaign.Name,
                attestation.By,
                attestation.At,
                attestation.Document,
                attestation.Sha256,
                after.Select(m => m.Key).Distinct(StringComparer.Ordinal).Count(),
                FirstCopy(after[0]),
                FirstCopy(after[^1]));
        }
    }

    private static EvidenceItem FirstCopy(CampaignMail m) =>
        EvidenceRows.Of(m).OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Offset).First();
}
