using SolidWall.Mime;

namespace SolidWall.Core.Text;

/// <summary>
/// The readable text of an attached file: a PDF (<see cref="PdfText"/>), a Word, PowerPoint, Excel or OpenDocument file
/// (<see cref="OfficeText"/>), a text, HTML or iCalendar file. A campaign's flyer, sign-up sheet or letter reaches staff
/// as an attachment ("I've attached a one-pager"), and a message whose own words are "FYI" says what it carries only
/// there. What the bytes are decides, not the declared type or the name, which are hints: a PDF is often sent as
/// application/octet-stream, and a file named .pdf may be anything. Images, archives, audio and video give no text
/// (SolidWall does no OCR); <see cref="Read"/> returns null for them, and the message's parts still list them with
/// their hashes.
/// </summary>
public static class AttachmentText
{
    /// <summary>An attachment larger than this (decoded) is not read, only hashed: a 100 MB file is a video or a scan, not a flyer.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>
    /// An attachment's text is cut at this many characters: a flyer or a letter is a few thousand, and the detector
    /// reads every character of what it is given.
    /// </summary>
    public const int MaxChars = 200_000;

    /// <summary>
    /// The text of <paramref name="content"/>, or null when it is no format SolidWall reads. A file of a readable format
    /// that could not be read (encrypted, damaged, too large) gives a reading with the problem named and whatever text
    /// was read before it.
    /// </summary>
    /// <param name="fallbackCharset">
    /// The charset to read a text file in when it names none and is not UTF-8: the message's own text's, since a file
    /// written on the sender's machine is most often in the charset the sender's mail program writes (a Russian text
    /// file beside a windows-1251 message). Without one, the usual guess (windows-1252).
    /// </param>
    public static AttachmentReading? Read(ReadOnlySpan<byte> content, string? mediaType, string? fileName, string? charset, string? fallbackCharset = null)
    {
        if (content.Length <= MaxBytes && IsZip(content))
        {
            // A zip is opened once, for what it is and for its text.
            var officeText = OfficeText.Extract(content, OfficeLimits.Default, out var office, out var officeProblem);
            return OfficeFormatName(office) is { } officeFormat ? Finish(officeFormat, officeText, officeProblem) : null;
        }

        var format = Sniff(content, mediaType, fileName);
        if (format is null)
        {
            return null;
        }

        if (content.Length > MaxBytes)
        {
            return new AttachmentReading(format, "", $"larger than {MaxBytes / (1024 * 1024)} MB: not read");
        }

        if (charset is null && format is "text" or "HTML" or "iCalendar")
        {
            charset = format == "HTML" ? HtmlCharset.Sniff(content) : null;
            charset ??= System.Text.Unicode.Utf8.IsValid(content) ? "utf-8" : fallbackCharset;
        }

        string? problem = null;
        var text = format switch
        {
            "PDF" => PdfText.Extract(content, out problem),
            "text" => Charsets.Decode(content, charset),
            "HTML" => HtmlToText.Convert(Charsets.Decode(content, charset)),
            "iCalendar" => CalendarText.Convert(Charsets.Decode(content, charset)),
            _ => OfficeText.Extract(content, out problem),
        };
        return Finish(format, text, problem);
    }

    // The reading of a file's extracted text: normalised, and cut at MaxChars.
    private static AttachmentReading Finish(string format, string text, string? problem)
    {
        text = TextCleanup.Normalize(text);
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
            problem ??= $"text longer than {MaxChars:N0} characters: the rest not read";
        }

        return new AttachmentReading(format, text, problem);
    }

    // A zip, which Sniff reads as an Office file or as nothing, unless a PDF's header comes first (Sniff's order).
    private static bool IsZip(ReadOnlySpan<byte> content) =>
        content.StartsWith("PK\u0003\u0004"u8) && content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) < 0;

    private static string? OfficeFormatName(OfficeFormat format) => format switch
    {
        OfficeFormat.Docx => "Word document",
        OfficeFormat.Pptx => "PowerPoint presentation",
        OfficeFormat.Xlsx => "Excel workbook",
        OfficeFormat.Odt => "OpenDocument text",
        OfficeFormat.Odp => "OpenDocument presentation",
        OfficeFormat.Ods => "OpenDocument spreadsheet",
        _ => null,
    };

    /// <summary>The format the bytes are, or null: the magic bytes first, then the declared type and the name's extension for text formats, which have none.</summary>
    internal static string? Sniff(ReadOnlySpan<byte> content, string? mediaType, string? fileName)
    {
        var extension = Extension(fileName);
        // A PDF's header may follow up to 1,024 bytes of junk (ISO 32000-1, annex H.3).
        if (content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return "PDF";
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeFormatName(OfficeText.Detect(content)); // null for a zip of something else
        }

        // An OLE compound file: a legacy .doc/.xls/.ppt, or an encrypted Office file, which OfficeText names as such.
        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            && (extension is "doc" or "docx" or "xls" or "xlsx" or "ppt" or "pptx" || mediaType is "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint"
                || (mediaType?.StartsWith("application/vnd.openxmlformats", StringComparison.Ordinal) ?? false)))
        {
            return "Office file";
        }

        return (mediaType, extension) switch
        {
            ("text/html", _) or (_, "html" or "htm") => "HTML",
            ("text/calendar", _) or (_, "ics") => "iCalendar",
            ("text/plain" or "text/csv" or "text/markdown", _) or (_, "txt" or "csv" or "md") => "text",
            _ => null,
        };
    }

    private static string? Extension(string? fileName)
    {
        var dot = fileName?.LastIndexOf('.') ?? -1;
        return dot < 0 || dot == fileName!.Length - 1 ? null : fileName[(dot + 1)..].Trim().ToLowerInvariant();
    }
}

/// <summary>What <see cref="AttachmentText.Read"/> made of an attachment: its format ("PDF", "Word document"), its text, and what kept some of it unread.</summary>
public readonly record struct AttachmentReading(string Format, string Text, string? Problem);
