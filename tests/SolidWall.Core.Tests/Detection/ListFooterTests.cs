using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// A staff list run on Mailman, LISTSERV, a Yahoo! group or a Google group puts its footer under every post it passes
/// on, and a phone its "Sent from my iPhone" under what its owner types (<see cref="MailAdditions"/>). A campaign's ask
/// relayed through such a list, or typed on a phone, is the same ask: every district row, with each of them under it,
/// must get the verdict and the score it gets without, with the district's registry and with none. Read as text until
/// 30 November 2026, they hid asks held out (`solidwall eval`): a Mailman footer 135 with the registry and 268 with
/// none, a LISTSERV footer 165 and 397, a phone's line 20 and 45; the ham corpus ends 2,564 of its 4,150 messages in a
/// list's footer, and the model had learned them as the mark of allowed mail.
/// </summary>
public sealed class ListFooterTests
{
    public static TheoryData<string, string> Additions()
    {
        var data = new TheoryData<string, string>();
        foreach (var reading in new[] { TrainingReadings.DistrictRegistry, TrainingReadings.NoRegistry })
        {
            foreach (var addition in MailAdditions.All.Where(a => a.Name != "staff signature block"))
            {
                data.Add(reading, addition.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Additions))]
    public void What_a_list_or_a_phone_adds_changes_no_district_rows_verdict(string reading, string name)
    {
        var detector = TrainingReadings.Detector(reading);
        var addition = MailAdditions.All.Single(a => a.Name == name);
        var changed = new List<string>();
        var rows = TrainingData.LoadDistrict(Model.TestPaths.District());
        foreach (var row in rows)
        {
            var alone = detector.Classify(row.AsMessage());
            var added = detector.Classify(MailAdditions.Add(row, addition)!);
            if (alone.IsElectioneering != added.IsElectioneering || Math.Abs(alone.Score - added.Score) > 0.001)
            {
                changed.Add($"{row.Id} {alone.Score:0.000} → {added.Score:0.000}");
            }
        }

        Assert.True(changed.Count == 0, $"the {name} changed {changed.Count} of {rows.Count} verdicts ({reading}): {string.Join("; ", changed.Take(8))}");
    }
}
