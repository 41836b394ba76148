using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

public sealed class DomainsTests
{
    [Theory]
    [InlineData("district.example", "district.example", true)]
    [InlineData("District.Example", "district.EXAMPLE", true)]
    [InlineData("students.district.example", "district.example", true)]
    [InlineData("district.example", "students.district.example", true)]
    [InlineData("a.b.district.example", "district.example", true)]
    [InlineData("baddistrict.example", "district.example", false)] // a suffix, not a subdomain
    [InlineData("district.example", "baddistrict.example", false)]
    [InlineData("district.example.org", "district.example", false)]
    [InlineData(".district.example", "district.example", true)]
    [InlineData("", "district.example", false)]
    [InlineData("district.example", "", false)]
    [InlineData("", "", false)]
    public void SameOrNested(string a, string b, bool expected) => Assert.Equal(expected, Domains.SameOrNested(a, b));
}
