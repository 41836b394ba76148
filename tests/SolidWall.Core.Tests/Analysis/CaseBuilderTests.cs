using System.Text;
using SolidWall.Core.Analysis;
using SolidWall.Core.Detection;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Tests.Analysis;

public sealed class CaseBuilderTests
{
    private const string Mail = """
        From: Jamie Chen <Jamie.Chen@Reelect-Ortiz.example>
        To: "Lopez, Maria" <Maria.Lopez@District.example>, undisclosed-recipients:;
        Cc: B@District.example
        Subject: Externship
        Message-ID: <1@reelect-ortiz.example>
        Date: Tue, 10 Jan 2023 09:00:00 -0600

        Hi Maria,

        Students can earn class credit with our campaign this spring. Sign up at https://www.mobilize.us/reelectortiz/event/1/

        Paid for by the Committee to Re-elect Dana Ortiz

        """;

    [Fact]
    public void Builds_the_item_and_the_message_a_scan_stores()
    {
        var registry = Registry.Parse("committees:\n  - name: Committee to Re-elect Dana Ortiz\n    domains: [reelect-ortiz.example]\n", "r.yaml");
        var bytes = Encoding.UTF8.GetBytes(Mail.Replace("\n", "\r\n", StringComparison.Ordinal));
        var raw = new RawMessage("vault/maria.lopez@district.example.mbox", 4096, bytes, ["Inbox"]);
        var message = MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);
        var verdict = new Detector(Policy.Default, registry).Classify(message);

        var (item, stored) = new CaseBuilder(registry).Build(raw, message, verdict);

        Assert.Equal((raw.Sha256, 4096L, "maria.lopez@district.example"), (item.Sha256, item.Offset, item.Mailbox));
        Assert.True(Path.IsPathRooted(item.Source));
        Assert.Equal(["Inbox"], item.Labels);
        Assert.Equal(("jamie.chen@reelect-ortiz.example", "Jamie Chen"), (stored.From, stored.FromName));
        Assert.Equal(["maria.lopez@district.example"], stored.To);
        Assert.Equal(["b@district.example"], stored.Cc);
        Assert.Equal("Committee to Re-elect Dana Ortiz", stored.Committee);
        Assert.Equal("Committee to Re-elect Dana Ortiz", stored.RegisteredCampaign);
        Assert.Equal(verdict.IsElectioneering, stored.Electioneering);
        Assert.Equal(verdict.ToJson(), stored.VerdictJson);
        var fingerprint = Assert.Single(stored.Fingerprints);
        Assert.Equal((SegmentKind.Body, 64), (fingerprint.Kind, fingerprint.MinHash.Length));
    }
}
