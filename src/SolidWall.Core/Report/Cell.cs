using System.Globalization;

namespace SolidWall.Core.Report;

/// <summary>
/// One value of a report table, as both the HTML page and the CSV file show it. Numbers are kept apart from text so
/// that the page can right-align them and the CSV writer never mistakes a negative number for a formula.
/// </summary>
internal readonly record struct Cell(string Text, bool Numeric)
{
    public static implicit operator Cell(string? text) => new(text ?? "", false);

    public static implicit operator Cell(int value) => new(value.ToString(CultureInfo.InvariantCulture), true);

    public static implicit operator Cell(long value) => new(value.ToString(CultureInfo.InvariantCulture), true);

    /// <summary>ISO 8601 with the offset the mail carried, the same form figures.json uses.</summary>
    public static Cell Date(DateTimeOffset? value) => new(value is { } d ? ReportFormat.Iso(d) : "", false);

    public static Cell Day(DateOnly day) => new(ReportFormat.Iso(day), false);

    /// <summary>Several addresses in one cell, separated by spaces (addresses here are bare local@domain).</summary>
    public static Cell List(IEnumerable<string> values) => new(string.Join(' ', values), false);
}
