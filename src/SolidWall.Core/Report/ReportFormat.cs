using System.Globalization;

namespace SolidWall.Core.Report;

/// <summary>How dates and counts are written everywhere in a report, so that the page, the CSVs and the JSON agree.</summary>
internal static class ReportFormat
{
    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as a reader quotes it: "1 October 2026".</summary>
    public static string Long(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Long(DateTimeOffset value) => Long(DateOnly.FromDateTime(value.DateTime));

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 email", "674 emails".</summary>
    public static string Count(long value, string one, string many) => Count(value) + " " + (value == 1 ? one : many);
}
