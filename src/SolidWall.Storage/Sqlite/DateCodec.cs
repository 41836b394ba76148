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
        var utc = TryParseFast(text, out var ticks)
            ? ticks
            : DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utc + offset.Ticks, offset);
    }

    // The form ToUtcText writes, read digit by digit: a report reads a million of them, and ParseExact with a
    // custom format costs several times more. Anything else (a date an investigator typed in) goes to ParseExact.
    private static bool TryParseFast(string text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 19 || text.Length == 20 || text.Length > 27 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > 19 && text[19] != '.'))
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var fraction = 0;
        if (text.Length > 19)
        {
            if (!Digits(text, 20, text.Length - 20, out fraction))
            {
                return false;
            }

            for (var i = text.Length - 20; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
