using System.Text;
using SolidWall.Core.Report;

namespace SolidWall.Core.Tests.Report;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("", "")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Text_cells_are_quoted_and_guarded(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(text));

    [Fact]
    public void Number_cells_are_never_prefixed() =>
        Assert.Equal("-5", CsvWriter.Field(new Cell("-5", CellKind.Number)));

    [Fact]
    public void Written_table_parses_back_to_its_cells()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);
        var bytes = File.ReadAllBytes(dir.File("skipped.csv"));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        var rows = Rfc4180.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(["source", "offset", "reason"], rows[0]);
        Assert.Equal(["/cases/lakeshore/vault/staff-2.mbox", "7340032", "truncated message: the file ends inside the headers"], rows[1]);
        Assert.Equal("'=cmd|' /C calc'!A0", rows[2][2]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Hostile_subjects_survive_the_evidence_csv_as_text()
    {
        using var dir = new ReportDirectory();
        var report = ReportFixture.Realistic();
        ReportWriter.Write(report, dir.Path);

        var rows = Rfc4180.Parse(File.ReadAllText(dir.File("evidence.csv")));

        Assert.Equal(report.Evidence.Count + 1, rows.Count);
        Assert.Equal(ReportFixture.ScriptSubject, rows[4][6]);
        Assert.Equal("'" + ReportFixture.FormulaSubject, rows[6][6]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public void Every_table_has_its_csv_with_a_header_row()
    {
        using var dir = new ReportDirectory();
        ReportWriter.Write(ReportFixture.Realistic(), dir.Path);

        string[] expected =
        [
            "campaigns.csv", "blasts.csv", "relayers.csv", "principals.csv", "signups.csv", "timeline.csv", "recipients.csv", "relays.csv",
            "skipped.csv", "evidence.csv", "attestation-breaches.csv", "coordination.csv", "senders.csv", "sources.csv", "missing-mailboxes.csv",
            "encrypted.csv", "unread-attachments.csv",
        ];
        foreach (var name in expected)
        {
            var rows = Rfc4180.Parse(File.ReadAllText(dir.File(name)));
            Assert.True(rows.Count >= 2, $"{name} has a header and rows");
            Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        }

        var blasts = Rfc4180.Parse(File.ReadAllText(dir.File("blasts.csv")));
        Assert.Equal(["campaign", "id", "variants", "copies", "recipients", "first", "last"], blasts[0]);
        Assert.Equal([ReportFixture.Ortiz, "ortiz-externship", "3", "412", "198", "2026-09-29T07:00:00-05:00", "2026-09-29T08:00:00-05:00"], blasts[1]);
    }

    /// <summary>An RFC 4180 reader written for the tests, independent of the writer.</summary>
    private static class Rfc4180
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    Assert.Equal(0, field.Length);
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r')
                {
                    Assert.Equal('\n', text[i + 1]);
                    i++;
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                }
                else
                {
                    Assert.NotEqual('\n', c);
                    field.Append(c);
                }
            }

            Assert.Empty(row);
            Assert.Equal(0, field.Length);
            return rows;
        }
    }
}
