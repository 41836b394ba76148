using System.Globalization;

namespace SolidWall.Core.Report;

/// <summary>What a cell holds, which decides how the page sets it; only <see cref="Number"/> changes the CSV (no formula guard).</summary>
internal enum CellKind
{
    Text,
    Number,
    Date,
    Hash,
    Path,
    Keyword,
}

/// <summary>
/// One value of a report table, as both the HTML page and the CSV file show it. Numbers are kept apart from text so
/// that the page can right-align them and the CSV writer never mistakes a negative number for a formula; dates,
/// hashes and paths are marked so the page can keep them legible in narrow columns.
/// </summary>
internal readonly record struct Cell(string Text, CellKind Kind = CellKind.Text)
{
    public bool Numeric => Kind == CellKind.Number;

    public static implicit operator Cell(string? text) => new(text ?? "");

    public static implicit operator Cell(int value) => new(value.ToString(CultureInfo.InvariantCulture), CellKind.Number);

    public static implicit operator Cell(long value) => new(value.ToString(CultureInfo.InvariantCulture), CellKind.Number);

    /// <summary>ISO 8601 with the offset the mail carried, the same form figures.json uses.</summary>
    public static Cell Date(DateTimeOffset? value) => new(value is { } d ? ReportFormat.Iso(d) : "", CellKind.Date);

    public static Cell Day(DateOnly day) => new(ReportFormat.Iso(day), CellKind.Date);

    public static Cell Hash(string? sha256) => new(sha256 ?? "", CellKind.Hash);

    /// <summary>A file path, address or identifier: long, without spaces, broken anywhere on the page.</summary>
    public static Cell Path(string? value) => new(value ?? "", CellKind.Path);

    /// <summary>A short fixed word (role, kind, basis) that should not wrap.</summary>
    public static Cell Keyword(string? value) => new(value ?? "", CellKind.Keyword);

    /// <summary>Several addresses in one cell, separated by spaces (addresses here are bare local@domain).</summary>
    public static Cell List(IEnumerable<string> values) => new(string.Join(' ', values), CellKind.Path);
}
