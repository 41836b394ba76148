using System.Text;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Tests.Analysis;

public sealed class MailboxOwnerTests
{
    [Theory]
    [InlineData("/case/vault/Maria.Lopez@District.example.mbox", "maria.lopez@district.example")]
    [InlineData("/case/archive/maildir/communications@lakeshore-schools.example/cur/1673.M1P1.demo:2,S", "communications@lakeshore-schools.example")]
    [InlineData("/case/pst/a.b@district.example.pst", "a.b@district.example")]
    [InlineData(@"C:\case\exports\t.kim@district.example\Inbox\1.eml", "t.kim@district.example")]
    public void The_nearest_address_in_the_path_is_the_custodian(string path, string owner) => Assert.Equal(owner, MailboxOwner.FromPath(path));

    [Theory]
    [InlineData("/case/eml/<abc@mail.example>.eml")] // a file named after its Message-ID is not a mailbox
    [InlineData("/case/vault/export-001.mbox")]
    public void A_path_without_a_custodian_gives_none(string path) => Assert.Null(MailboxOwner.FromPath(path));

    [Fact]
    public void Delivered_to_names_the_mailbox_when_the_path_does_not()
    {
        var raw = Encoding.ASCII.GetBytes("Received: by mx\r\nDelivered-To: <Pat@District.example>\r\nSubject: x\r\n\r\nDelivered-To: body@nowhere.example\r\n");
        Assert.Equal("pat@district.example", new MailboxOwner().Of("/case/loose/1.eml", raw));
        Assert.Null(MailboxOwner.FromHeaders(Encoding.ASCII.GetBytes("Subject: x\r\n\r\nDelivered-To: body@nowhere.example\r\n")));
        Assert.Equal("x@d.example", MailboxOwner.FromHeaders(Encoding.ASCII.GetBytes("X-Original-To: x@d.example\nSubject: x\n\nbody")));
    }
}
