using System.Text.Json;
using SolidWall.Core.Analysis;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Report;

public sealed class FiguresJsonTests
{
    [Fact]
    public void Figures_json_has_exactly_the_published_key_names()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(dir.File("figures.json")));
        var root = json.RootElement;

        Assert.Equal(["messages", "electioneering", "skipped", "encrypted", "unreadAttachments", "campaigns"], Keys(root));
        Assert.Equal(1, root.GetProperty("encrypted").GetInt32());
        Assert.Equal(2, root.GetProperty("unreadAttachments").GetInt32());
        var campaign = root.GetProperty("campaigns")[0];
        Assert.Equal(["name", "senders", "domains", "staffReached", "emailsDelivered", "blasts", "relayers", "principals", "signups"], Keys(campaign));
        Assert.Equal(["id", "variants", "copies", "recipients", "first", "last"], Keys(campaign.GetProperty("blasts")[0]));
        Assert.Equal(["address", "studentsReached", "kind"], Keys(campaign.GetProperty("relayers")[0]));
        Assert.Equal(["address", "teachersReached"], Keys(campaign.GetProperty("principals")[0]));
        Assert.Equal(JsonValueKind.String, campaign.GetProperty("signups")[0].ValueKind);
        Assert.Equal("2026-09-29T07:00:00-05:00", campaign.GetProperty("blasts")[0].GetProperty("first").GetString());
        Assert.Equal(674, campaign.GetProperty("emailsDelivered").GetInt32());
        Assert.Equal("copy", campaign.GetProperty("relayers")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Figures_json_round_trips()
    {
        using var dir = new ReportDirectory();
        var figures = ReportFixture.Realistic().Figures;
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);

        var read = FiguresJson.Read(dir.File("figures.json"));

        Assert.Equal(figures.Messages, read.Messages);
        Assert.Equal(figures.Electioneering, read.Electioneering);
        Assert.Equal(figures.Skipped, read.Skipped);
        Assert.Equal(figures.Encrypted, read.Encrypted);
        Assert.Equal(figures.UnreadAttachments, read.UnreadAttachments);
        Assert.Equal(figures.Campaigns.Select(c => c.Name), read.Campaigns.Select(c => c.Name));
        Assert.Equal(figures.Campaigns[0].Blasts, read.Campaigns[0].Blasts);
        Assert.Equal(figures.Campaigns[0].Relayers, read.Campaigns[0].Relayers);
        Assert.Equal(figures.Campaigns[0].Principals, read.Campaigns[0].Principals);
        Assert.Equal(figures.Campaigns[0].Signups, read.Campaigns[0].Signups);
        Assert.Equal(figures.Campaigns[0].Blasts[0].First.Offset, read.Campaigns[0].Blasts[0].First.Offset);
        Assert.Equal(FiguresJson.Serialize(figures), FiguresJson.Serialize(read));
    }

    [Fact]
    public void A_file_that_is_not_figures_json_is_named_with_its_position()
    {
        using var dir = new ReportDirectory();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(dir.File("figures.json"), "{\n  \"messages\": \"many\"\n}");

        var error = Assert.Throws<InvalidDataException>(() => FiguresJson.Read(dir.File("figures.json")));

        Assert.Contains("figures.json: line 2", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
