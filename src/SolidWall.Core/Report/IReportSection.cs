namespace SolidWall.Core.Report;

/// <summary>
/// One section of the report page, with the tables it shows. Each table is also written as a CSV file of the same
/// rows. Sections are listed once, in page order, in <see cref="ReportSections"/>.
/// </summary>
internal interface IReportSection
{
    /// <summary>The fragment the table of contents links to.</summary>
    string Id { get; }

    string Title { get; }

    IReadOnlyList<ReportTable> Tables { get; }

    /// <summary>Writes the section's content below its heading.</summary>
    void Write(HtmlWriter html);
}
