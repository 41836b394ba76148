using System.Text;

namespace SolidWall.Mime.Tests;

public sealed class EncryptedContentTests
{
    private static MimeMessage Parse(string headersAndBody) =>
        MimeParser.Parse(Encoding.UTF8.GetBytes("From: a@example.org\r\nTo: b@example.org\r\nSubject: s\r\nMIME-Version: 1.0\r\n" + headersAndBody.Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Theory]
    [InlineData("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n", "S/MIME")]
    [InlineData("Content-Type: application/x-pkcs7-mime; name=\"smime.p7m\"\nContent-Disposition: attachment; filename=\"smime.p7m\"\n\nMIAGCSqG\n", "S/MIME")]
    [InlineData("Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data\n\nMIAG\n", "S/MIME")]
    [InlineData("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"e\"\n\n--e\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--e\nContent-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\n--e--\n", "PGP/MIME")]
    [InlineData("Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/html\n\n<p>You've received an encrypted message</p>\n--m\nContent-Type: application/octet-stream; name=\"message.rpmsg\"\nContent-Disposition: attachment; filename=\"message.rpmsg\"\n\nAAAA\n--m--\n", "Microsoft Purview Message Encryption")]
    public void Encrypted_content_is_named_by_its_kind(string content, string kind) => Assert.Equal(kind, EncryptedContent.Of(Parse(content)));

    [Theory]
    // Signed, not encrypted: readable.
    [InlineData("Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\n\nMIAG\n")]
    [InlineData("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=\"s\"\n\n--s\nContent-Type: text/plain\n\nHello\n--s\nContent-Type: application/pkcs7-signature; name=smime.p7s\n\nMIAG\n--s--\n")]
    [InlineData("Content-Type: text/plain\n\nNothing secret.\n")]
    public void Readable_content_is_not_encrypted(string content) => Assert.Null(EncryptedContent.Of(Parse(content)));
}
