using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class ReportToOversightTests
{
    private const string Report = "Third one this week to my school address. Please add it to your list.\n\n---------- Forwarded message ---------\nChip in $27: https://secure.actblue.com/donate/x";

    private static Message To(string from, params string[] to) => Mail.Of(Report, "Fw: a personal note", from: from, to: to);

    [Theory]
    [InlineData("j.haverford@lakeshore-schools.example", "ethics@lakeshore-schools.example")]
    [InlineData("student1@students.lakeshore-schools.example", "oig@lakeshore-schools.example")]
    [InlineData("n.ibarra@lakeshore-schools.example", "etica@lakeshore-schools.example")]
    [InlineData("a.ferris@lakeshore-schools.example", "ethics@lakeshore-schools.example", "inspector.general@lakeshore-schools.example")]
    public void Fires_when_someone_inside_writes_only_to_oversight_mailboxes(string from, params string[] to)
    {
        var hit = Mail.Run<ReportToOversight>(To(from, to));
        Assert.NotNull(hit);
        Assert.Empty(hit.Categories);
        Assert.Equal(("to", to[0]), (hit.Evidence[0].Where, hit.Evidence[0].Text));
    }

    [Theory]
    [InlineData("grace@grace2027.example", "ethics@lakeshore-schools.example")] // a campaign writing from outside
    [InlineData("j.haverford@lakeshore-schools.example", "ethics@lakeshore-schools.example", "all-staff@lakeshore-schools.example")]
    [InlineData("j.haverford@lakeshore-schools.example", "helpdesk@lakeshore-schools.example")]
    [InlineData("j.haverford@lakeshore-schools.example", "ethics@elsewhere.example")]
    [InlineData("j.haverford@lakeshore-schools.example.evil.example", "ethics@lakeshore-schools.example")]
    public void Stays_quiet_for_outsiders_other_recipients_and_other_institutions(string from, params string[] to) =>
        Assert.Null(Mail.Run<ReportToOversight>(To(from, to)));

    [Fact]
    public void The_directory_vouches_for_a_sender_at_another_domain()
    {
        var directory = new InstitutionDirectory(roster: [new RosterEntry("teacher.home@gmail.example", InstitutionRole.Staff, "Northpoint")]);
        Assert.NotNull(Mail.Run<ReportToOversight>(To("teacher.home@gmail.example", "ethics@lakeshore-schools.example"), directory: directory));
        Assert.Null(Mail.Run<ReportToOversight>(To("teacher.home@gmail.example", "ethics@lakeshore-schools.example")));
    }

    [Fact]
    public void The_policy_names_the_mailboxes()
    {
        var own = Policy.Parse("oversight_mailboxes: [integrity-office, audit@lakeshore-schools.example]\n", "policy.yaml");
        Assert.NotNull(Mail.Run<ReportToOversight>(To("a@lakeshore-schools.example", "integrity-office@lakeshore-schools.example"), policy: own));
        Assert.NotNull(Mail.Run<ReportToOversight>(To("a@lakeshore-schools.example", "audit@lakeshore-schools.example"), policy: own));
        Assert.Null(Mail.Run<ReportToOversight>(To("a@lakeshore-schools.example", "ethics@lakeshore-schools.example"), policy: own));
        Assert.Null(Mail.Run<ReportToOversight>(To("a@lakeshore-schools.example", "ethics@lakeshore-schools.example"), policy: Policy.Parse("oversight_mailboxes: []\n", "policy.yaml")));
    }

    [Fact]
    public void A_bad_mailbox_in_the_policy_is_refused_with_its_position()
    {
        var error = Assert.Throws<ConfigurationException>(() => Policy.Parse("threshold: 0.5\noversight_mailboxes: [ethics, \"@district.example\"]\n", "mine.yaml"));
        Assert.Contains("mine.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
        Assert.Contains("@district.example", error.Message, StringComparison.Ordinal);
    }
}
