namespace SolidWall.Core.Report;

/// <summary>
/// Writes a <see cref="ReportTable"/> as RFC 4180 CSV: a header row, comma-separated fields, CRLF line ends, a field
/// quoted when it holds a comma, a quote, CR or LF, and quotes doubled inside it. Text comes from hostile mail, so a
/// text cell that a spreadsheet would run as a formula (one beginning with = + - @, tab or CR) gets a leading
/// apostrophe (OWASP's advice for CSV injection); number cells are written as they are.
/// </summary>
internal static class CsvWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void Write(TextWriter writer, ReportTable table)
    {
        WriteRow(writer, table.Headers.Select(h => new Cell(h)));
        foreach (var row in table.Rows)
        {
            WriteRow(writer, row);
        }
    }

    /// <summary>The text a cell is written as, quoting and injection guard applied.</summary>
    public static string Field(Cell cell)
    {
        var text = cell.Text;
        if (!cell.Numeric && StartsLikeFormula(text))
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedsQuotes) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static bool StartsLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void WriteRow(TextWriter writer, IEnumerable<Cell> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Field(cell));
            first = false;
        }

        writer.Write("\r\n");
    }
}
