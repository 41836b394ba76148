using System.Globalization;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// Dates as UTC text in SQLite's own form (<c>2024-03-01 14:05:09</c>, with a fraction only when there is one) so
/// that they sort as text, read well in the sqlite3 shell and work with its date functions; the sender's UTC offset
/// is kept in a second column so the <see cref="DateTimeOffset"/> comes back exactly.
/// </summary>
internal static class DateCodec
{
    // No "Z": a shorter string must sort first ("...:00" before "...:00.5"), which a trailing letter would break.
    private const string Format = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static string ToUtcText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromUtcText(string text, long offsetMinutes)
    {
        var utc = DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utc.Ticks + offset.Ticks, offset);
    }
}
