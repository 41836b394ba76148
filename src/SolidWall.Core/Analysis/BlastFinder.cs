using System.Globalization;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Finds a campaign's blasts. Its mail is already in near-duplicate groups (variants: one text, whatever the
/// greeting and tracking tokens). A blast is one sender's mail sent in one go: sorted by date, a sender's messages
/// run on while each follows the previous within the policy's window, so variants sent together (A/B texts,
/// translations) are one blast, and the same text sent again a week later is another. A send with fewer mailbox
/// copies than the policy's minimum is not a blast. Mail without a date cannot be placed in time and is left out.
/// </summary>
internal static class BlastFinder
{
    public static void Find(Campaign campaign, TimeSpan window, int minCopies)
    {
        foreach (var bySender in campaign.Mail.Where(m => m.Date is not null).GroupBy(m => m.From, StringComparer.Ordinal))
        {
            var sorted = bySender.OrderBy(m => m.Date!.Value).ThenBy(m => m.Sha256, StringComparer.Ordinal).ToList();
            var run = new List<CampaignMail>();
            foreach (var m in sorted)
            {
                if (run.Count > 0 && m.Date!.Value - run[^1].Date!.Value > window)
                {
                    Close(campaign, run, minCopies);
                    run = [];
                }

                run.Add(m);
            }

            Close(campaign, run, minCopies);
        }

        Name(campaign);
    }

    private static void Close(Campaign campaign, List<CampaignMail> run, int minCopies)
    {
        if (run.Count == 0 || run.Sum(m => m.Items.Count) < minCopies)
        {
            return;
        }

        var blast = new CampaignBlast { Campaign = campaign, Mail = run };
        campaign.Blasts.Add(blast);
        foreach (var m in run)
        {
            m.Blast = blast;
        }
    }

    // <campaign>-<day of the first copy, in the sender's own offset>, then -2, -3 … for later blasts the same day.
    private static void Name(Campaign campaign)
    {
        campaign.Blasts.Sort((a, b) => a.First.CompareTo(b.First) is var c and not 0 ? c : string.CompareOrdinal(a.Mail[0].From, b.Mail[0].From));
        foreach (var sameDay in campaign.Blasts.GroupBy(b => b.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        {
            var n = 0;
            foreach (var blast in sameDay)
            {
                blast.Id = $"{campaign.Slug}-{sameDay.Key}" + (++n > 1 ? "-" + n.ToString(CultureInfo.InvariantCulture) : "");
            }
        }
    }
}
