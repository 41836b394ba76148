namespace SolidWall.Mime.Tests;

/// <summary>Every message file in the shared corpora is a test case by name: it parses, and every leaf decodes, without an exception.</summary>
public sealed class TortureCorpusTests
{
    public static TheoryData<string> TortureMessages()
    {
        var data = new TheoryData<string>();
        foreach (var path in Corpus.MessageFiles("mime-torture/"))
        {
            data.Add(path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TortureMessages))]
    public void Torture_message_parses_and_decodes(string path)
    {
        var bytes = Corpus.Read(path);
        var m = MimeParser.Parse(bytes);
        foreach (var leaf in m.Leaves())
        {
            Assert.InRange(leaf.BodyOffset, 0, bytes.Length);
            if (leaf.ContentType.MediaType == "text")
            {
                Assert.NotNull(leaf.GetText());
            }
            else
            {
                Assert.NotNull(leaf.GetContent());
            }
        }
        _ = m.Subject;
        _ = m.Date;
        _ = m.From;
        _ = m.To;
    }

    [Fact]
    public void Every_ham_and_spam_message_parses()
    {
        var files = Corpus.MessageFiles("ham-spam/");
        Assert.Equal(6046, files.Count);
        var withLeaves = 0;
        foreach (var path in files)
        {
            var m = MimeParser.Parse(Corpus.Read(path));
            foreach (var leaf in m.Leaves())
            {
                if (leaf.ContentType.MediaType == "text")
                {
                    _ = leaf.GetText();
                }
            }
            _ = m.Subject;
            _ = m.Date;
            _ = m.From;
            withLeaves += m.Leaves().Any() ? 1 : 0;
        }
        Assert.Equal(files.Count, withLeaves);
    }
}
