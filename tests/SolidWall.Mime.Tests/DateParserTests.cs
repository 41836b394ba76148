using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SolidWall.Mime.Tests;

/// <summary>Date fields from RFC 5322 appendix A and section 4.3, and the forms clients and spam write.</summary>
public sealed class DateParserTests
{
    private static DateTimeOffset? Parse(string value, DefectSink? sink = null) => DateParser.Parse(Encoding.UTF8.GetBytes(value), sink);

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi, int s, int zoneMinutes) =>
        new(y, mo, d, h, mi, s, TimeSpan.FromMinutes(zoneMinutes));

    private static void AssertDate(string value, DateTimeOffset expected)
    {
        var actual = Parse(value);
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value);
        Assert.Equal(expected.Offset, actual.Value.Offset);
    }

    // RFC 5322 A.1.1: Date: Fri, 21 Nov 1997 09:55:06 -0600
    [Fact]
    public void A11() => AssertDate(" Fri, 21 Nov 1997 09:55:06 -0600", At(1997, 11, 21, 9, 55, 6, -360));

    // RFC 5322 A.1.2: Date: Tue, 1 Jul 2003 10:52:37 +0200
    [Fact]
    public void A12() => AssertDate(" Tue, 1 Jul 2003 10:52:37 +0200", At(2003, 7, 1, 10, 52, 37, 120));

    // RFC 5322 A.1.3: Date: Thu, 13 Feb 1969 23:32:54 -0330
    [Fact]
    public void A13() => AssertDate(" Thu, 13 Feb 1969 23:32:54 -0330", At(1969, 2, 13, 23, 32, 54, -210));

    // RFC 5322 A.4: Received: ... for <mary@example.net>;  21 Nov 1997 10:05:43 -0600 (the date part)
    [Fact]
    public void A4_received_date_without_day_name() => AssertDate("  21 Nov 1997 10:05:43 -0600", At(1997, 11, 21, 10, 5, 43, -360));

    // RFC 5322 A.5: Date: Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)
    [Fact]
    public void A5_folded_without_seconds_with_comment()
    {
        var sink = new DefectSink();
        var d = Parse(" Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)", sink);
        Assert.Equal(At(1969, 2, 13, 23, 32, 0, -210), d);
        Assert.Equal(0, sink.Count);
    }

    // RFC 5322 A.6.2: Date: 21 Nov 97 09:55:06 GMT
    [Fact]
    public void A62_obsolete_two_digit_year_and_gmt() => AssertDate(" 21 Nov 97 09:55:06 GMT", At(1997, 11, 21, 9, 55, 6, 0));

    // RFC 5322 A.6.3: Date  : Fri, 21 Nov 1997 09(comment):   55  :  06 -0600
    [Fact]
    public void A63_comments_and_spaces_inside_the_time() =>
        AssertDate(" Fri, 21 Nov 1997 09(comment):   55  :  06 -0600", At(1997, 11, 21, 9, 55, 6, -360));

    // RFC 5322 section 4.3 obs-zone.
    [Theory]
    [InlineData("UT", 0)]
    [InlineData("GMT", 0)]
    [InlineData("EST", -300)]
    [InlineData("EDT", -240)]
    [InlineData("CST", -360)]
    [InlineData("CDT", -300)]
    [InlineData("MST", -420)]
    [InlineData("MDT", -360)]
    [InlineData("PST", -480)]
    [InlineData("PDT", -420)]
    [InlineData("A", 0)]
    [InlineData("m", 0)]
    [InlineData("Z", 0)]
    [InlineData("Y", 0)]
    public void Obsolete_zones(string zone, int minutes) =>
        AssertDate($"Sat, 21 Sep 2002 10:00:00 {zone}", At(2002, 9, 21, 10, 0, 0, minutes));

    // RFC 5322 section 4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add 1900.
    [Theory]
    [InlineData("00", 2000)]
    [InlineData("02", 2002)]
    [InlineData("49", 2049)]
    [InlineData("50", 1950)]
    [InlineData("99", 1999)]
    [InlineData("102", 2002)]
    [InlineData("0102", 2002)]
    [InlineData("1987", 1987)]
    public void Years(string year, int expected) =>
        AssertDate($"Sat, 21 Sep {year} 10:00:00 +0000", At(expected, 9, 21, 10, 0, 0, 0));

    [Fact]
    public void Three_digit_year_is_a_defect()
    {
        var sink = new DefectSink();
        Assert.Equal(2002, Parse("Sat, 21 Sep 102 10:00:00 +0000", sink)!.Value.Year);
        Assert.Contains(sink.Items, d => d.Kind == "date-year-three-digits");
    }

    [Theory]
    [InlineData("Sat, 21 Sep 2002 10:00:00 +0000 (UTC)")]
    [InlineData("21 Sep 2002 10:00:00 +0000")]
    [InlineData("sat, 21 sep 2002 10:00:00 +0000")]
    [InlineData("SAT, 21 SEP 2002 10:00:00 +0000")]
    [InlineData("Saturday, 21 September 2002 10:00:00 +0000")]
    [InlineData("Sat 21 Sep 2002 10:00:00 +0000")]
    [InlineData("Sat,, 21 Sep, 2002, 10:00:00 +0000")]
    [InlineData("Sat, 21-Sep-2002 10:00:00 +0000")]
    [InlineData("Sat, 21 Sept 2002 10:00:00 +0000")]
    [InlineData("2002-09-21T10:00:00Z")]
    [InlineData("2002-09-21T10:00:00.123+00:00")]
    [InlineData("2002-09-21 10:00:00 +0000")]
    [InlineData("Sat Sep 21 10:00:00 2002 +0000")]
    [InlineData("Sat, 21 Sep 2002 10.00.00 +0000")]
    [InlineData("10:00:00 +0000 Sat, 21 Sep 2002")]
    [InlineData("Sat, 21 Sep 2002 10:00:00 UTC")]
    [InlineData("Sat, 21 Sep 2002 10:00:00 +0000 GMT")]
    [InlineData("Sat, 21 Sep 2002 10:00:00+0000")]
    [InlineData("Sat, 21 Sep 2002 10:00 AM +0000")]
    [InlineData("2002/09/21 Sat 10:00:00 GMT")]
    [InlineData("21.09.2002 10:00:00 +0000")]
    public void Forms_clients_write(string value) => AssertDate(value, At(2002, 9, 21, 10, 0, 0, 0));

    [Fact]
    public void Asctime_without_zone()
    {
        var sink = new DefectSink();
        Assert.Equal(At(2002, 11, 27, 12, 0, 0, 0), Parse("Wed Nov 27 12:00:00 2002", sink));
        Assert.Contains(sink.Items, d => d.Kind == "date-no-zone");
    }

    [Theory]
    [InlineData("Sat, 21 Sep 2002 10:00 a.m. EST", -300)]
    [InlineData("Sep 21 2002 10:00:00 GMT-0700", -420)]
    [InlineData("Saturday, September 21, 2002 10:00 AM GMT+05:30", 330)]
    [InlineData("Sat, 21 Sep 2002 10:00:00 +05:30", 330)]
    [InlineData("Sat, 21 Sep 2002 10:00:00 -0700 (PDT)", -420)]
    [InlineData("Sat, 21 Sep 2002 10:00:00 -0700 PDT", -420)]
    [InlineData("Sat, 21 Sep 2002 10:00:00 PDT", -420)]
    [InlineData("Sat, 21 Sep 2002 10:00:00 CEST", 120)]
    [InlineData("Sat, 21 Sep 2002 10:00:00 0530", 330)]
    [InlineData("2002-09-21T10:00:00-03", -180)]
    public void Zones(string value, int minutes) => AssertDate(value, At(2002, 9, 21, 10, 0, 0, minutes));

    [Fact]
    public void Pm_is_twelve_hours_later()
    {
        AssertDate("28 Jun 01 10:05:15 PM", At(2001, 6, 28, 22, 5, 15, 0));
        AssertDate("28 Jun 01 12:05:15 a.m. -0100", At(2001, 6, 28, 0, 5, 15, -60));
        AssertDate("28 Jun 01 1:05 p.m. GMT", At(2001, 6, 28, 13, 5, 0, 0));
    }

    [Fact]
    public void Offset_beyond_fourteen_hours_keeps_the_instant()
    {
        var sink = new DefectSink();
        var d = Parse("Wed, 21 Aug 2002 20:31:57 -1600", sink);
        Assert.NotNull(d);
        // Python's email.utils.parsedate_to_datetime gives 1030019517 for this spam date.
        Assert.Equal(1030019517, d.Value.ToUnixTimeSeconds());
        Assert.Contains(sink.Items, x => x.Kind == "date-zone-invalid");
    }

    [Fact]
    public void Leap_second_is_read_as_59() =>
        AssertDate("Sat, 31 Dec 2016 23:59:60 +0000", At(2016, 12, 31, 23, 59, 59, 0));

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("Sat, 32 Sep 2002 10:00:00 +0000")]
    [InlineData("Sat, 0 Sep 2002 10:00:00 +0000")]
    [InlineData("Sat, 30 Feb 2002 10:00:00 +0000")]
    [InlineData("Sat, 21 Foo 2002 10:00:00 +0000")]
    [InlineData("Sat, 21 Sep 2002 25:00:00 +0000")]
    [InlineData("Sat, 21 Sep 2002 10:61:00 +0000")]
    [InlineData("Sat, 21 Sep 2002 10:00:61 +0000")]
    [InlineData("Sat, 21 Sep 2002")]
    [InlineData("Sat, Sep 2002 10:00:00 +0000")]
    [InlineData("10:00:00")]
    [InlineData("2002-13-01T10:00:00Z")]
    [InlineData("1 Jan 0001 00:00:00 +0100")]
    [InlineData("21 Sep 2002 10:07001020700")]
    [InlineData("21 Sep 2002 10:00:99999999999")]
    [InlineData("31 Dec 9999 23:00:00 -0200")]
    [InlineData("1 Jan 0001 00:00:00 -1600")]
    public void Nonsense_is_null_with_a_defect(string value)
    {
        var sink = new DefectSink();
        Assert.Null(Parse(value, sink));
        Assert.Contains(sink.Items, d => d.Kind == "date-invalid");
    }

    [Fact]
    public void Defect_carries_the_offset()
    {
        var sink = new DefectSink();
        Assert.Null(DateParser.Parse("nonsense"u8, sink, 42));
        Assert.Equal(42, Assert.Single(sink.Items).Offset);
    }

    [Fact]
    public void Arbitrary_bytes_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var sink = new DefectSink();
            var d = DateParser.Parse(bytes, sink);
            return d.HasValue || sink.Items.Any(x => x.Kind == "date-invalid");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Arbitrary_date_like_text_never_throws()
    {
        var gen = Gen.Elements("Sat", ",", " ", "21", "Sep", "2002", "102", "0", "99999999999", "10", ":", ".", "-", "+",
                "0700", "(", ")", "GMT", "T", "Z", "PM", "/", "9999", "00", "60", "24")
            .ArrayOf().Select(parts => string.Concat(parts));
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var d = Parse(text, new DefectSink());
            return !d.HasValue || (d.Value.Year >= 1 && d.Value.Offset.Duration() <= TimeSpan.FromHours(14));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rfc_dates_round_trip()
    {
        var gen = from y in Gen.Choose(1950, 2049)
                  from mo in Gen.Choose(1, 12)
                  from d in Gen.Choose(1, 28)
                  from h in Gen.Choose(0, 23)
                  from mi in Gen.Choose(0, 59)
                  from s in Gen.Choose(0, 59)
                  from z in Gen.Choose(-12 * 4, 14 * 4)
                  select new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(z * 15));
        Prop.ForAll(gen.ToArbitrary(), date =>
        {
            var text = date.ToString("ddd, d MMM yyyy HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture)
                + (date.Offset < TimeSpan.Zero ? "-" : "+") + date.Offset.Duration().ToString("hhmm", System.Globalization.CultureInfo.InvariantCulture);
            var back = Parse(text);
            return back == date && back.Value.Offset == date.Offset;
        }).QuickCheckThrowOnFailure();
    }
}
