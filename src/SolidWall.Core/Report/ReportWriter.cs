using System.Text;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Writes the report of a case into a directory: index.html (one self-contained page), figures.json, one CSV per
/// table, and manifest.json (every evidence item, the SHA-256 of every other file, and its own). Each file is
/// written atomically; long lists are streamed. See docs/FORMATS.md, "Report".
/// </summary>
public static class ReportWriter
{
    public const string PageFileName = "index.html";

    public const string FiguresFileName = "figures.json";

    public const string ManifestFileName = ManifestRules.ManifestFileName;

    /// <returns>The SHA-256 of manifest.json, as the page's footer names it.</returns>
    public static string Write(CaseReport report, string outDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(outDir);
        var sections = ReportSections.For(report);
        var files = new List<ManifestFile>();

        // The page is laid out first: a fault in it then leaves the directory as it was.
        var page = ReportPage.Render(report, sections);
        var position = ManifestRules.HashPosition(page, ManifestRules.PageMarker);
        var pageSha256 = ManifestRules.HashWithout(page, position, 0);

        files.Add(Written(outDir, FiguresFileName, stream => FiguresJson.Write(stream, report.Figures)));
        foreach (var table in sections.SelectMany(s => s.Tables))
        {
            files.Add(Written(outDir, table.FileName, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
                CsvWriter.Write(writer, table);
            }));
        }

        files.Insert(0, new ManifestFile(PageFileName, pageSha256, page.Length + ManifestRules.HexLength, ManifestRules.PageMarker));
        var manifestSha256 = ManifestWriter.Write(Path.Combine(outDir, ManifestFileName), report, files);

        AtomicFile.Write(Path.Combine(outDir, PageFileName), stream =>
        {
            stream.Write(page.AsSpan(0, position));
            stream.Write(Encoding.ASCII.GetBytes(manifestSha256));
            stream.Write(page.AsSpan(position));
        });

        return manifestSha256;
    }

    private static ManifestFile Written(string outDir, string name, Action<Stream> write)
    {
        var path = Path.Combine(outDir, name);
        var sha256 = AtomicFile.Write(path, write);
        return new ManifestFile(name, sha256, new FileInfo(path).Length);
    }
}
