using SolidWall.Storage.Sqlite;

namespace SolidWall.Storage.Tests;

/// <summary>The column codecs' fast paths read exactly what the general ones do, and hand anything else to them.</summary>
public sealed class CodecTests
{
    public static TheoryData<string[]> Lists => new()
    {
        Array.Empty<string>(),
        new[] { "a@example.org" },
        new[] { "a@example.org", "", "b@example.org" },
        new[] { "say \"hi\"", "back\\slash", "tab\there", "ünï 🗳" },
        new[] { "plain", "with \"quote\"" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Lists_read_back_what_was_written(string[] values)
    {
        var written = new JsonLists().Write(values);
        Assert.Equal(values, JsonLists.Read(written));
    }

    [Theory]
    [InlineData("[ \"a\" , \"b\" ]", "a|b")] // typed by hand in the sqlite3 shell
    [InlineData("[\"a\",\"b\"]", "a|b")]
    [InlineData("[\"x\\u0022y\"]", "x\"y")]
    public void Lists_in_other_valid_forms_are_read_too(string json, string expected) => Assert.Equal(expected.Split('|'), JsonLists.Read(json));

    [Theory]
    [InlineData("2024-03-01 14:05:09", 0)]
    [InlineData("2024-03-01 14:05:09.5", 120)]
    [InlineData("2024-02-29 23:59:59.1234567", -300)]
    [InlineData("1999-12-31 00:00:00.0000001", 330)]
    public void Dates_read_as_ParseExact_reads_them(string text, long offset)
    {
        var utc = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var read = DateCodec.FromUtcText(text, offset);
        Assert.Equal(utc.Ticks, read.UtcTicks);
        Assert.Equal(TimeSpan.FromMinutes(offset), read.Offset);
        Assert.Equal(text, DateCodec.ToUtcText(read));
    }

    [Fact]
    public void A_date_that_is_not_in_the_stored_form_is_refused_as_before()
    {
        Assert.Throws<FormatException>(() => DateCodec.FromUtcText("2023-02-30 10:00:00", 0));
        Assert.Throws<FormatException>(() => DateCodec.FromUtcText("yesterday at noon", 0));
    }
}
