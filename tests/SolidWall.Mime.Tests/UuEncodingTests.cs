using System.Text;

namespace SolidWall.Mime.Tests;

public sealed class UuEncodingTests
{
    // A plain uuencoder for the tests: 45 bytes a line, length character first, zero as '`' or ' '.
    private static string Encode(byte[] data, string name, bool backquote = true, string nl = "\n")
    {
        var sb = new StringBuilder($"begin 644 {name}{nl}");
        char C(int v) => v == 0 && backquote ? '`' : (char)(v + 32);
        for (var i = 0; i < data.Length; i += 45)
        {
            var n = Math.Min(45, data.Length - i);
            sb.Append(C(n));
            for (var j = 0; j < n; j += 3)
            {
                int a = data[i + j], b = j + 1 < n ? data[i + j + 1] : 0, c = j + 2 < n ? data[i + j + 2] : 0;
                sb.Append(C(a >> 2)).Append(C(((a << 4) | (b >> 4)) & 63)).Append(C(((b << 2) | (c >> 6)) & 63)).Append(C(c & 63));
            }
            sb.Append(nl);
        }
        sb.Append(C(0)).Append(nl).Append("end").Append(nl);
        return sb.ToString();
    }

    [Theory]
    [InlineData(true, "\n")]
    [InlineData(false, "\r\n")]
    public void Finds_and_decodes_a_block_in_text(bool backquote, string nl)
    {
        var data = new byte[1000];
        new Random(3).NextBytes(data);
        var before = "Hi Bob," + nl + "here is the file:" + nl + nl;
        var block = Encode(data, "report.zip", backquote, nl);
        var after = nl + "Cheers" + nl;
        var text = TestData.Ascii(before + block + after);

        var found = Assert.Single(UuEncoding.FindBlocks(text));
        Assert.Equal("report.zip", found.FileName);
        Assert.Equal(Convert.ToInt32("644", 8), found.Mode);
        Assert.Equal(data, found.Content);
        Assert.Equal(before.Length, found.Start);
        Assert.Equal(before.Length + block.Length, found.End);
    }

    [Fact]
    public void Finds_two_blocks()
    {
        var text = TestData.Ascii("a\n" + Encode("one"u8.ToArray(), "1.txt") + "b\n" + Encode("two!"u8.ToArray(), "my file.txt") + "c\n");
        var blocks = UuEncoding.FindBlocks(text);
        Assert.Equal(2, blocks.Count);
        Assert.Equal("one", Encoding.ASCII.GetString(blocks[0].Content));
        Assert.Equal("my file.txt", blocks[1].FileName);
        Assert.Equal("two!", Encoding.ASCII.GetString(blocks[1].Content));
    }

    [Fact]
    public void Trailing_blanks_stripped_by_transport_still_decode()
    {
        // Two zero bytes at the end of a line encode as two spaces, which mail servers like to strip.
        var encoded = Encode([65, 0, 0, 0], "z.bin", backquote: false);
        var stripped = string.Join("\n", encoded.Split('\n').Select(l => l.TrimEnd(' ')));
        Assert.Equal(new byte[] { 65, 0, 0, 0 }, Assert.Single(UuEncoding.FindBlocks(TestData.Ascii(stripped))).Content);
    }

    [Theory]
    [InlineData("Let us begin 644 things now\nok\nend\n")]
    [InlineData("begin 644 notes.txt\nThis is just a sentence that starts like uuencode.\nend\n")]
    [InlineData("begin here please\n#0V%T\nend\n")]
    [InlineData("No blocks at all.")]
    public void Ordinary_text_is_not_a_block(string text) => Assert.Empty(UuEncoding.FindBlocks(TestData.Ascii(text)));

    [Fact]
    public void Missing_end_line_keeps_the_data()
    {
        var found = Assert.Single(UuEncoding.FindBlocks(TestData.Ascii("begin 600 cat.txt\n#0V%T\n")));
        Assert.Equal("Cat", Encoding.ASCII.GetString(found.Content));
        Assert.Equal(Convert.ToInt32("600", 8), found.Mode);
    }
}
