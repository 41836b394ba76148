using System.Text;
using SolidWall.Mime.Sources;

namespace SolidWall.Mime.Tests.Sources;

public sealed class FromLineTests
{
    [Theory]
    [InlineData("From alice@example.org Mon Jan  1 10:00:00 2024")]
    [InlineData("From MAILER-DAEMON Fri Jul  8 12:08:34 2011\r\n")]
    [InlineData("From - Sat Jan 01 00:00:00 2000")]                        // Thunderbird
    [InlineData("From 1788231823914@xxx Mon Mar 04 17:32:58 +0000 2024")]  // Google Vault / Takeout
    [InlineData("From \"quoted sender\"@example.org Mon Jan 1 10:00 2024")]
    [InlineData("From someone 2024-01-05T10:30:00Z")]
    public void FromLines(string line) => Assert.True(FromLine.LooksLikeFromLine(Encoding.ASCII.GetBytes(line)));

    [Theory]
    [InlineData("From the desk of the principal")]
    [InlineData("From  :<tst1@example.com>")]
    [InlineData("From: alice@example.org")]
    [InlineData(">From alice@example.org Mon Jan  1 10:00:00 2024")]
    [InlineData("From alice at 10:30 in 2024")]
    [InlineData("from alice@example.org Mon Jan  1 10:00:00 2024")]
    public void NotFromLines(string line) => Assert.False(FromLine.LooksLikeFromLine(Encoding.ASCII.GetBytes(line)));
}
