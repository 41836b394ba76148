using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

public sealed class InstitutionDirectoryTests
{
    [Fact]
    public void Domain_rules_cover_subdomains_and_the_longest_rule_wins()
    {
        var directory = new InstitutionDirectory(["lakeshore-schools.example"], ["students.lakeshore-schools.example"]);
        Assert.Equal(InstitutionRole.Staff, directory.RoleOf("l.kim@lakeshore-schools.example"));
        Assert.Equal(InstitutionRole.Staff, directory.RoleOf("l.kim@hs.LAKESHORE-schools.example"));
        Assert.Equal(InstitutionRole.Student, directory.RoleOf("s123@students.lakeshore-schools.example"));
        Assert.Equal(InstitutionRole.External, directory.RoleOf("dana@reelect-dana-ortiz.example"));
        Assert.Equal(InstitutionRole.External, directory.RoleOf("x@notlakeshore-schools.example"));
    }

    [Fact]
    public void Roster_rows_win_over_domain_rules()
    {
        var roster = InstitutionDirectory.ParseRoster(
            "address,role,school\r\npat@lakeshore-schools.example,principal,Harborview\r\n\"l.kim@lakeshore-schools.example\",Teacher,\"Westfield, North\"\r\n",
            "roster.csv");
        var directory = new InstitutionDirectory(["lakeshore-schools.example"], null, roster);
        Assert.Equal(InstitutionRole.Principal, directory.RoleOf("Pat@lakeshore-schools.example"));
        Assert.Equal("Harborview", directory.Find("pat@lakeshore-schools.example")!.School);
        Assert.Equal(InstitutionRole.Staff, directory.RoleOf("l.kim@lakeshore-schools.example"));
        Assert.Equal("Westfield, North", roster[1].School);
        Assert.Equal(2, directory.RosterCount);
    }

    [Theory]
    [InlineData("a@x.example,janitor\n", 1, 13, "unknown role 'janitor'; known roles: staff, principal, student, office, external")]
    [InlineData("address,role\na@x.example,staff\nnobody,staff\n", 3, 1, "'nobody' is not an email address")]
    [InlineData("a@x.example\n", 1, 1, "expected 2 or 3 fields (address,role,school), found 1")]
    [InlineData("a@x.example,staff,s,extra\n", 1, 1, "expected 2 or 3 fields (address,role,school), found 4")]
    [InlineData("a@x.example,staff,\"Harbor\n", 1, 19, "quoted field is not closed; end it with \"")]
    [InlineData("a@x.example,\"staff\"x,s\n", 1, 20, "unexpected text after a closing quote")]
    public void A_bad_roster_is_refused_with_line_and_column(string csv, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => InstitutionDirectory.ParseRoster(csv, "roster.csv"));
        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"roster.csv:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }
}
