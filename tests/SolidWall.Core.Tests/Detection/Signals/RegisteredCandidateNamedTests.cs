using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class RegisteredCandidateNamedTests
{
    private static readonly Registry World = Registry.Parse(
        """
        campaigns:
          - id: hanneman
            name: Hanneman for State Rep
            candidate: Kurt Hanneman
            office: State Representative
          - id: reyes
            name: Reyes para Lakeshore
            candidate: Tomás Reyes
            office: Mayor
        """,
        "registry.yaml");

    [Theory]
    [InlineData("I told Kurt's people Sandridge would send ten staff Saturday.", "Kurt")]
    [InlineData("ps dont forget Hanneman in Nov, hes one of us", "Hanneman")]
    [InlineData("¿Le dejamos unas tarjetas de Tomás para los papás?", "Tomás")]
    [InlineData("Las tarjetas de Tomas llegan el lunes.", "Tomas")] // written without the accent
    [InlineData("Reyes needs twenty more names by Friday.", "Reyes")] // at the start of a line
    public void Fires_on_a_candidate_named_by_one_part(string text, string part)
    {
        var hit = Mail.Run<RegisteredCandidateNamed>(Mail.Of(text, "Saturday"), registry: World);
        Assert.NotNull(hit);
        Mail.AssertEvidenceAt(hit, text, part);
        Assert.Contains("named by", hit.Evidence[0].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kurt Hanneman will be at the forum.")] // the full name is RegisteredCampaignMention's
    [InlineData("Mr. Reyes' class has the library on Tuesday.")] // a title: a teacher who shares the surname
    [InlineData("Sra. Reyes manda la tarea mañana.")]
    [InlineData("Coach Hanneman moved practice to 4.")]
    [InlineData("Maribel Reyes is covering third period.")] // another first name: another person
    [InlineData("Tomás Reyes-Whitman has the keys.")] // a compound surname
    [InlineData("Tomás Alvarado lleva las sillas.")] // the first name with another surname
    [InlineData("Write to t.reyes@lakeshore-schools.example about the bus.")] // inside an address
    [InlineData("The kurt answer was fine.")] // not capitalised as a name
    [InlineData("Hannemann's bakery is closed.")] // inside a longer word
    public void Stays_quiet_when_the_part_is_someone_else(string text) =>
        Assert.Null(Mail.Run<RegisteredCandidateNamed>(Mail.Of(text, "Notes"), registry: World));

    [Fact]
    public void Quiet_without_a_registry() =>
        Assert.Null(Mail.Run<RegisteredCandidateNamed>(Mail.Of("ps dont forget Hanneman in Nov", "memo")));

    [Fact]
    public void The_registry_lists_each_candidates_name_parts_with_and_without_accents()
    {
        var parts = World.CandidateNameParts.Select(p => (p.Part, p.IsSurname)).ToHashSet();
        Assert.Contains(("Kurt", false), parts);
        Assert.Contains(("Hanneman", true), parts);
        Assert.Contains(("Tomás", false), parts);
        Assert.Contains(("Tomas", false), parts);
        Assert.Contains(("Reyes", true), parts);
        Assert.Empty(Registry.Empty.CandidateNameParts);
    }
}
