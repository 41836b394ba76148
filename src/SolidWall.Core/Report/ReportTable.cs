namespace SolidWall.Core.Report;

/// <summary>
/// A table of the report: its CSV file name, its caption and its rows. The same definition writes the CSV file and
/// the HTML table, so the two always agree; rows are produced lazily so that long lists stream.
/// </summary>
internal sealed class ReportTable
{
    private readonly Func<IEnumerable<Cell[]>> _rows;

    private ReportTable(string fileName, string caption, IReadOnlyList<string> headers, int count, Func<IEnumerable<Cell[]>> rows, IReadOnlySet<string>? csvOnly = null)
    {
        CsvOnly = csvOnly ?? new HashSet<string>();
        FileName = fileName;
        Caption = caption;
        Headers = headers;
        Count = count;
        _rows = rows;
    }

    /// <summary>The CSV file's name, e.g. <c>blasts.csv</c>.</summary>
    public string FileName { get; }

    public string Caption { get; }

    /// <summary>Column names, as the CSV header row writes them (snake_case).</summary>
    public IReadOnlyList<string> Headers { get; }

    public int Count { get; }

    /// <summary>Columns the CSV has but the page leaves out, to keep a wide table legible.</summary>
    public IReadOnlySet<string> CsvOnly { get; }

    public IEnumerable<Cell[]> Rows => _rows();

    public static ReportTable Create<T>(string fileName, string caption, IReadOnlyList<T> items, params (string Header, Func<T, Cell> Value)[] columns)
    {
        var headers = columns.Select(c => c.Header).ToArray();
        return new ReportTable(fileName, caption, headers, items.Count, () => Project(items, columns));
    }

    /// <summary>The same table with some columns left off the page (the CSV keeps them).</summary>
    public ReportTable WithCsvOnly(params string[] headers) =>
        new(FileName, Caption, Headers, Count, _rows, headers.ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<Cell[]> Project<T>(IReadOnlyList<T> items, (string Header, Func<T, Cell> Value)[] columns)
    {
        foreach (var item in items)
        {
            var row = new Cell[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                row[i] = columns[i].Value(item);
            }

            yield return row;
        }
    }
}
