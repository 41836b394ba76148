using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Signals;

namespace SolidWall.Core.Tests.Detection.Signals;

public sealed class ReportToOversightTests
{
    private const string Report = "Third one this week to my school address. Please add it to your list.\n\n---------- Forwarded message ---------\nChip in $27: https://secure.actblue.com/donate/x";

    private const string Outside = "ReportToOversightFromOutside";

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

    [Fact]
    public void A_report_copied_to_the_ethics_office_with_no_one_in_to_points_at_its_cc()
    {
        var message = Mail.Of(Report, "Fw: a personal note", from: "j.haverford@lakeshore-schools.example", to: [], cc: ["ethics@lakeshore-schools.example"]);
        Assert.Empty(message.To);
        var hit = Mail.Run<ReportToOversight>(message);
        Assert.NotNull(hit);
        Assert.Equal(("cc", 0, "ethics@lakeshore-schools.example"), (hit.Evidence[0].Where, hit.Evidence[0].Offset, hit.Evidence[0].Text));
    }

    [Theory]
    [InlineData("grace@grace2027.example", "ethics@lakeshore-schools.example")] // a campaign writing from outside
    [InlineData("j.haverford@lakeshore-schools.example", "ethics@lakeshore-schools.example", "all-staff@lakeshore-schools.example")]
    [InlineData("j.haverford@lakeshore-schools.example", "helpdesk@lakeshore-schools.example")]
    [InlineData("j.haverford@lakeshore-schools.example", "ethics@elsewhere.example")]
    [InlineData("j.haverford@lakeshore-schools.example.evil.example", "ethics@lakeshore-schools.example")]
    public void Stays_quiet_for_outsiders_other_recipients_and_other_institutions(string from, params string[] to) =>
        Assert.Null(Mail.Run<ReportToOversight>(To(from, to)));

    [Theory]
    [InlineData("ximena.ruelas04@gmail.example", "ethics@lakeshore-schools.example")] // a parent reports from home
    [InlineData("tania.rosales17@gmail.example", "oig@lakeshore-schools.example")] // a student, from her own mailbox
    [InlineData("j.haverford@lakeshore-schools.example.evil.example", "ethics@lakeshore-schools.example")] // a look-alike of inside
    public void Someone_outside_who_writes_only_to_oversight_mailboxes_reports(string from, string to)
    {
        var hit = Mail.Run(Outside, To(from, to));
        Assert.NotNull(hit);
        Assert.Contains("not from inside", hit.Evidence[0].Note, StringComparison.Ordinal);
        Assert.Null(Mail.Run<ReportToOversight>(To(from, to)));
    }

    [Fact]
    public void The_outside_reading_leaves_inside_senders_and_other_recipients_to_the_inside_one()
    {
        Assert.Null(Mail.Run(Outside, To("j.haverford@lakeshore-schools.example", "ethics@lakeshore-schools.example")));
        Assert.Null(Mail.Run(Outside, To("parent.home@gmail.example", "ethics@lakeshore-schools.example", "all-staff@lakeshore-schools.example")));
        Assert.Null(Mail.Run(Outside, To("parent.home@gmail.example", "helpdesk@lakeshore-schools.example")));
    }

    [Fact]
    public void A_campaigns_own_copy_from_outside_is_no_report()
    {
        // A registered campaign's sender, or a message whose own words carry a "paid for by" line, is a campaign's copy
        // of its mail that reached the ethics mailbox, not someone reporting it.
        var registered = Mail.Of(Report, "A personal note", from: "dana@campaign-mail.example", to: ["ethics@lakeshore-schools.example"]);
        Assert.NotNull(Mail.Run(Outside, registered));
        Assert.Null(Mail.Run(Outside, registered, registry: Mail.SampleRegistry()));

        var blast = Mail.Of("Chip in $27 before midnight: https://secure.actblue.com/donate/x\n\nPaid for by Grace for Lakeshore.", "Midnight",
            from: "grace@grace2027.example", to: ["ethics@lakeshore-schools.example"]);
        Assert.Null(Mail.Run(Outside, blast));

        // Forwarded under a parent's report, the same disclaimer is the campaign's, and the report is one.
        const string Own = "My son got this at school. Is this allowed?\n\n";
        const string Forwarded = "Chip in $27 before midnight.\nPaid for by Grace for Lakeshore.";
        var report = Mail.Of(Own + "---------- Forwarded message ---------\n" + Forwarded, "Is this allowed?", from: "parent.home@gmail.example",
            segments: [new Segment(SegmentKind.Body, Own), new Segment(SegmentKind.Forward, Forwarded)], to: ["ethics@lakeshore-schools.example"]);
        Assert.NotNull(Mail.Run(Outside, report));
    }

    [Fact]
    public void The_outside_reading_is_designed_not_fitted()
    {
        // Fitted, its rows moved every other weight of the combination; it keeps its shipped weight in the policy.
        var outside = SignalCatalog.All.Single(s => s.Name == Outside);
        Assert.False(outside.Fitted);
        Assert.Equal(-3.0, Policy.Default.WeightOf(Outside, outside.Weight));
        Assert.True(SignalCatalog.All.Single(s => s.Name == "ReportToOversight").Fitted);

        // A policy weighs it, or turns it off, by its name.
        var off = Policy.Parse("signal_weights:\n  ReportToOversightFromOutside: 0\n", "policy.yaml");
        var report = Mail.Of(Report, "Fw: a personal note", from: "parent.home@gmail.example", to: ["ethics@lakeshore-schools.example"]);
        Assert.Contains(new Detector(model: new FixedModel(0.9)).Classify(report).Reasons, r => r.Signal == Outside && r.Weight == -3.0);
        Assert.DoesNotContain(new Detector(policy: off, model: new FixedModel(0.9)).Classify(report).Reasons, r => r.Signal == Outside);
    }

    private sealed class FixedModel(double probability) : ITextModel
    {
        public ModelScore Score(Message message) => new(probability, [], new Dictionary<string, double>());
    }

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
