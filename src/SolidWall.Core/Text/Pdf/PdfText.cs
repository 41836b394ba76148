using System.Text;

namespace SolidWall.Core.Text;

/// <summary>
/// The readable text of a PDF. A campaign's flyer, one-pager or sign-up sheet reaches staff as an attachment ("I've
/// attached a one-pager") and says what it asks for only there, so the detector must read its words as a person copying
/// them out would: page by page, line by line, in the order the page's text operators draw them. Written for the PDFs
/// that Word, Google Docs, Canva, Acrobat, Quartz, Skia and LibreOffice produce, and for damaged or hostile ones: objects
/// are found by scanning the file, never through its xref table; a stream's /Length is checked before it is believed;
/// decompression, pages and nesting have limits. Never throws: what could not be read is named in a problem sentence
/// with the byte offset where it went wrong, and the text read up to there is returned.
/// </summary>
public static partial class PdfText
{
    /// <summary>At most this many pages are read; a longer document's rest is left out and named as the problem.</summary>
    public const int MaxPages = 1000;

    /// <summary>At most this much data is decompressed from one PDF in total: a file of a few kilobytes can inflate to gigabytes.</summary>
    public const long MaxDecodedBytes = 64L * 1024 * 1024;

    /// <summary>Arrays and dictionaries, the page tree, chains of references and forms drawn inside forms nest at most this deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Content is interpreted up to this many bytes in total, a form counted each time it is drawn: forms that draw a form
    /// twice, thirty levels deep, multiply the work without decompressing a byte more.
    /// </summary>
    internal const long MaxInterpretedBytes = 256L * 1024 * 1024;

    /// <summary>The text stops at this many characters, far above any flyer and above what any caller keeps.</summary>
    internal const int MaxChars = 16_000_000;

    /// <summary>
    /// The readable text of <paramref name="pdf"/>, page by page (pages separated by "\n\n"), lines as the text operators
    /// place them. <paramref name="problem"/> is null when the whole file was read, else a short sentence naming what was
    /// wrong and where (a byte offset), e.g. "encrypted PDF: its text cannot be read" or "stream at byte 1234:
    /// FlateDecode data is corrupt"; the text read before it is returned all the same.
    /// </summary>
    public static string Extract(ReadOnlySpan<byte> pdf, out string? problem) => Extract(pdf, MaxDecodedBytes, out problem);

    /// <summary>As <see cref="Extract(ReadOnlySpan{byte}, out string?)"/> with the decompression limit given, so that a test reaches it with a small file.</summary>
    internal static string Extract(ReadOnlySpan<byte> pdf, long maxDecodedBytes, out string? problem)
    {
        // A PDF's header may follow up to 1,024 bytes of junk (ISO 32000-1, annex H.3).
        if (pdf[..Math.Min(pdf.Length, 1024)].IndexOf("%PDF-"u8) < 0)
        {
            problem = "not a PDF (no %PDF- header)";
            return "";
        }

        var reading = new Reading(maxDecodedBytes);
        var output = new StringBuilder();
        var pageNumber = 0;
        try
        {
            // The parser keeps offsets into the file from one lookup to the next, which a span cannot be kept for.
            var document = new Document(pdf.ToArray(), reading);
            if (document.Locked)
            {
                problem = "encrypted PDF: its text cannot be read";
                return "";
            }

            var pages = document.Pages();
            if (pages.Count == 0)
            {
                reading.Report("no pages: the PDF's page tree is missing or empty");
            }

            var content = new ContentReader(document, reading);
            foreach (var (page, resources) in pages)
            {
                pageNumber++;
                if (reading.Stopped)
                {
                    break;
                }

                string text;
                try
                {
                    text = Clean(content.Page(page, resources, pageNumber));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug in this reader costs the page it met, not the document, nor the scan of an archive; the
                    // sentence names the page to reproduce it with.
                    reading.Report($"internal error on page {pageNumber}: {e.GetType().Name}: {e.Message}");
                    continue;
                }

                if (text.Length > 0)
                {
                    if (output.Length > 0)
                    {
                        output.Append("\n\n");
                    }

                    output.Append(text);
                }
            }

            if (output.Length == 0 && pages.Count > 0 && reading.Problem is null)
            {
                reading.Report(pages.Count == 1 ? "no text on its one page (a scanned image?)" : $"no text on its {pages.Count} pages (scanned images?)");
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reading.Report($"internal error reading the file's objects: {e.GetType().Name}: {e.Message}");
        }

        problem = reading.Problem;
        return output.ToString();
    }
}
