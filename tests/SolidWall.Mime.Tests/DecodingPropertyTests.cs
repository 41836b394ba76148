using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SolidWall.Mime.Tests;

/// <summary>Hostile bytes into every decoder: nothing may throw. Inputs mix random bytes with the fragments parsers branch on.</summary>
public sealed class DecodingPropertyTests
{
    private static readonly string[] Fragments =
    [
        "=?", "?=", "?Q?", "?b?", "?B?", "utf-8", "iso-2022-jp", "koi8-r", "x-unknown", "utf-16", "*en", "=C3", "=A9", "=", "_", "?",
        " ", "\t", "\r\n", "\n", "\r", "\"", "\\", ";", "'", "%E2", "%", "*0*", "*1", "name", "filename*=", "(", ")", "/",
        "begin 644 a.b\n", "`\n", "end\n", "M", "#0V%T\n", "SGVsbG8", "==", "\u00e9", "\u4e2d",
    ];

    private static Arbitrary<byte[]> Inputs()
    {
        var fragment = Gen.OneOf(
            Gen.Elements(Fragments).Select(f => Encoding.UTF8.GetBytes(f)),
            ArbMap.Default.GeneratorFor<byte[]>());
        return Gen.ListOf(fragment).Select(parts => parts.SelectMany(p => p).ToArray()).ToArbitrary();
    }

    private static void Never(Func<byte[], bool> body) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Inputs(), body));

    [Fact]
    public void HeaderText_never_throws() => Never(b =>
    {
        var d = new DefectSink();
        return HeaderText.Decode(b, d) is not null && HeaderText.DecodePhrase(b, d) is not null && HeaderText.Unfold(b) is not null;
    });

    [Fact]
    public void MimeParameters_never_throw() => Never(b =>
    {
        var d = new DefectSink();
        MimeParameters.Parse(b, out var p, d);
        return p is not null && ContentType.Parse(b, d) is not null && ContentDisposition.Parse(b, d) is not null;
    });

    [Theory]
    [InlineData("base64")]
    [InlineData("quoted-printable")]
    [InlineData("7bit")]
    [InlineData("8bit")]
    [InlineData("binary")]
    [InlineData("x-uuencode")]
    [InlineData("x-made-up")]
    public void TransferEncodings_never_throw(string encoding) => Never(b =>
        TransferEncodings.Decode(b, encoding, new DefectSink()).Length <= Math.Max(b.Length, 0) || encoding == "x-uuencode");

    [Fact]
    public void UuEncoding_never_throws() => Never(b => UuEncoding.FindBlocks(b).All(x => x.Start < x.End && x.End <= b.Length));

    [Theory]
    [InlineData("utf-8")]
    [InlineData("us-ascii")]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    [InlineData("utf-7")]
    [InlineData("iso-2022-jp")]
    [InlineData("shift_jis")]
    [InlineData("gb2312")]
    [InlineData("big5")]
    [InlineData("euc-kr")]
    [InlineData("iso-8859-16")]
    [InlineData("DEFAULT")]
    [InlineData(null)]
    public void Charsets_never_throw(string? label) => Never(b => Charsets.Decode(b, label, new DefectSink()) is not null);

    [Fact]
    public void Charset_labels_never_throw() => Never(b =>
    {
        var label = Encoding.Latin1.GetString(b);
        _ = Charsets.GetEncoding(label);
        return Charsets.Decode("x"u8, label) is not null;
    });
}
