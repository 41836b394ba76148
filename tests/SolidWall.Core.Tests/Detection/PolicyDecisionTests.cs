using System.Text.Json;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

/// <summary>What the policy's actions do with a classified message: per recipient by role and category, the strictest for the message.</summary>
public sealed class PolicyDecisionTests
{
    private static readonly InstitutionDirectory Directory = new(
        staffDomains: ["lakeshore-schools.example"],
        studentDomains: ["students.lakeshore-schools.example"],
        roster: [new RosterEntry("news@lakeshore-schools.example", InstitutionRole.Office, null), new RosterEntry("h.ng@lakeshore-schools.example", InstitutionRole.Principal, "Budlong")]);

    private static Verdict Electioneering(params string[] categories) =>
        new("a.mbox", 0, "<m@x>", Verdict.Electioneering, 0.97, categories, []);

    [Fact]
    public void An_allowed_message_is_accepted_for_everyone_and_names_no_recipient()
    {
        var allowed = new Verdict("a.mbox", 0, null, Verdict.Allowed, 0.02, [], []);
        var decision = Policy.Default.Decide(allowed, ["budlong-3a@students.lakeshore-schools.example"], Directory);
        Assert.Equal("accept", decision.Action);
        Assert.Empty(decision.Recipients);
        Assert.Null(allowed.With(decision).Recipients);
        Assert.Equal("accept", allowed.With(decision).Action);
    }

    [Fact]
    public void The_message_takes_its_strictest_recipients_action_and_each_role_says_which_key_decided()
    {
        var decision = Policy.Default.Decide(
            Electioneering(Categories.Event),
            ["t.okonjo@lakeshore-schools.example", "budlong-3a@students.lakeshore-schools.example", "T.Okonjo@Lakeshore-Schools.example", "parent@gmail.example", "h.ng@lakeshore-schools.example", "news@lakeshore-schools.example"],
            Directory);

        Assert.Equal("quarantine", decision.Action);
        Assert.Equal(
            ["student quarantine actions.student.default", "staff tag actions.staff.default", "principal tag actions.principal.default", "office tag actions.office.default", "external accept actions.external.default"],
            decision.Recipients.Select(g => $"{g.Role} {g.Action} {g.Rule}"));
        // An address is counted once whatever its case.
        Assert.Equal(["t.okonjo@lakeshore-schools.example"], decision.Recipients.Single(g => g.Role == "staff").Addresses);
        Assert.Equal("quarantine: 1 student (actions.student.default); tag: 1 staff (actions.staff.default); tag: 1 principal (actions.principal.default); tag: 1 office mailbox (actions.office.default); accept: 1 external address (actions.external.default)", decision.ToString());
    }

    [Fact]
    public void A_categorys_own_action_wins_when_stricter_and_is_named()
    {
        var policy = Policy.Parse(
            """
            actions:
              student:
                coercion: reject
                event: quarantine
              office:
                fundraising: quarantine
            """, "local.yaml");

        var students = policy.Decide(Electioneering(Categories.Event, Categories.Coercion), ["budlong-3a@students.lakeshore-schools.example"], Directory);
        Assert.Equal("reject", students.Action);
        Assert.Equal("actions.student.coercion", students.Recipients[0].Rule);

        // The same action by a category's own key and by the default: the category's key is the one named.
        var sameAction = policy.Decide(Electioneering(Categories.Fundraising, Categories.Event), ["budlong-3a@students.lakeshore-schools.example"], Directory);
        Assert.Equal("quarantine", sameAction.Action);
        Assert.Equal("actions.student.event", sameAction.Recipients[0].Rule);

        var office = policy.Decide(Electioneering(Categories.Fundraising), ["news@lakeshore-schools.example"], Directory);
        Assert.Equal(("quarantine", "actions.office.fundraising"), (office.Action, office.Recipients[0].Rule));
    }

    [Fact]
    public void A_report_to_the_ethics_office_is_never_held_whatever_it_quotes()
    {
        var decision = Policy.Default.Decide(Electioneering(Categories.Fundraising), ["ethics@lakeshore-schools.example", "budlong-3a@students.lakeshore-schools.example"], Directory);
        Assert.Equal("quarantine", decision.Action);
        var oversight = decision.Recipients.Single(g => g.Role == Policy.OversightRole);
        Assert.Equal(("accept", "oversight_mailboxes"), (oversight.Action, oversight.Rule));
        Assert.Equal(["ethics@lakeshore-schools.example"], oversight.Addresses);

        var alone = Policy.Default.Decide(Electioneering(Categories.Fundraising), ["ethics@lakeshore-schools.example"], Directory);
        Assert.Equal("accept", alone.Action);
        Assert.Equal("accept: 1 oversight mailbox (oversight_mailboxes)", alone.ToString());
    }

    [Fact]
    public void A_message_whose_headers_name_no_recipient_is_read_as_external_and_says_so()
    {
        var decision = Policy.Default.Decide(Electioneering(Categories.Fundraising), [], Directory);
        Assert.Equal("accept", decision.Action);
        var group = Assert.Single(decision.Recipients);
        Assert.Equal("external", group.Role);
        Assert.Empty(group.Addresses);
        Assert.Contains("no recipient in the headers", decision.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_verdicts_json_carries_the_action_and_the_recipients_only_when_decided()
    {
        var verdict = Electioneering(Categories.Petition);
        Assert.DoesNotContain("\"action\"", verdict.ToJson(), StringComparison.Ordinal);

        var decided = verdict.With(Policy.Default.Decide(verdict, ["budlong-3a@students.lakeshore-schools.example"], Directory));
        using var json = JsonDocument.Parse(decided.ToJson());
        Assert.Equal("quarantine", json.RootElement.GetProperty("action").GetString());
        var group = json.RootElement.GetProperty("recipients")[0];
        Assert.Equal("student", group.GetProperty("role").GetString());
        Assert.Equal("quarantine", group.GetProperty("action").GetString());
        Assert.Equal("actions.student.default", group.GetProperty("rule").GetString());
        Assert.Equal("budlong-3a@students.lakeshore-schools.example", group.GetProperty("addresses")[0].GetString());
    }

    [Fact]
    public void An_unknown_role_or_action_in_the_policy_is_refused_with_its_place()
    {
        var role = Assert.Throws<ConfigurationException>(() => Policy.Parse("actions:\n  teacher:\n    default: tag\n", "local.yaml"));
        Assert.Contains("local.yaml:2:3", role.Message, StringComparison.Ordinal);
        var action = Assert.Throws<ConfigurationException>(() => Policy.Parse("actions:\n  office:\n    default: bounce\n", "local.yaml"));
        Assert.Contains("local.yaml:3:14: unknown action 'bounce' for actions.office.default", action.Message, StringComparison.Ordinal);
    }
}
