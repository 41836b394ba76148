using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>RFC 4180 section 2 rules, as the political corpus uses them (CRLF rows, quoted multi-line fields).</summary>
public sealed class CsvReaderTests
{
    [Fact]
    public void Rfc4180Examples()
    {
        // RFC 4180 2.1 (CRLF rows), 2.5 (optional quotes), 2.6 (line breaks in quoted fields), 2.7 (doubled quotes).
        var rows = CsvReader.Parse("aaa,\"bbb\",ccc\r\n\"b\r\nbb\",\"b\"\"bb\",\r\nzzz,yyy,xxx");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["aaa", "bbb", "ccc"], rows[0]);
        Assert.Equal(["b\r\nbb", "b\"bb", ""], rows[1]);
        Assert.Equal(["zzz", "yyy", "xxx"], rows[2]);
    }

    [Fact]
    public void TrailingLineBreakMakesNoEmptyRow() => Assert.Single(CsvReader.Parse("a,b\r\n"));

    [Fact]
    public void PoliticalCorpusHasItsThousandRows()
    {
        var corpora = TestPaths.Corpora();
        var examples = TrainingData.LoadPolitical(Path.Combine(corpora, TrainingData.PoliticalFile));
        Assert.Equal(1000, examples.Count);
        Assert.All(examples, e => Assert.True(e.Electioneering && e.Categories.Contains("fundraising") && e.Text.Length > 0));
    }
}
