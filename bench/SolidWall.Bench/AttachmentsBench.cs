using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SolidWall.Core;
using SolidWall.Core.Text;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Bench;

/// <summary>
/// <c>attachments [SECONDS]</c>: what reading attached files costs (<see cref="AttachmentText"/>): a one-page flyer PDF,
/// a 20-page PDF and a 200-page one (Flate-compressed content, WinAnsi fonts), a Word file of the same flyer, a 1 MB
/// PDF stream that inflates past the limit; then parsing a message with the flyer attached, with attachments read and
/// without. Files per CPU-second and MB of file per CPU-second, one thread, the median of rounds of about a second.
/// </summary>
internal static class AttachmentsBench
{
    private static readonly string[] FlyerLines =
    [
        "Friends of Dana Ortiz - Spring Externship Program",
        "Students earn class credit for 12 hours a week on the campaign:",
        "knocking doors, phone banking and canvassing for Dana Ortiz for Mayor.",
        "Sign up today at reelect-dana-ortiz.example/externs and vote on February 28!",
        "Paid for by Friends of Dana Ortiz",
    ];

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var files = new (string Name, byte[] Bytes, string Type)[]
        {
            ("flyer PDF, 1 page", Pdf(1), "application/pdf"),
            ("PDF, 20 pages", Pdf(20), "application/pdf"),
            ("PDF, 200 pages", Pdf(200), "application/pdf"),
            ("flyer DOCX", Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("PDF bomb (1 MB inflating past 64 MB)", Bomb(), "application/pdf"),
        };
        foreach (var (name, bytes, type) in files)
        {
            var reading = AttachmentText.Read(bytes, type, null, null);
            var (median, best) = Rounds(seconds, () => AttachmentText.Read(bytes, type, null, null));
            Console.WriteLine($"{name,-40} {bytes.Length / 1024.0,8:F1} KB  {reading?.Text.Length,9:N0} chars  {median,9:N0} files per CPU-second (best {best:N0}), {median * bytes.Length / 1e6:F1} MB/s{(reading?.Problem is { } p ? $"  [{p}]" : "")}");
        }

        var message = Encoding.UTF8.GetBytes(WithFlyer());
        foreach (var read in new[] { true, false })
        {
            var options = NormalizeOptions.Default with { ReadAttachments = read };
            var (median, best) = Rounds(seconds, () => MessageNormalizer.Normalize(MimeParser.Parse(message), new RawMessage("bench.eml", 0, message), options));
            Console.WriteLine($"parse a message with the flyer PDF attached, attachments {(read ? "read" : "not read"),-8}: {median,9:N0} messages per CPU-second (best {best:N0})");
        }

        return 0;
    }

    private static (double Median, double Best) Rounds(double seconds, Action action)
    {
        action();
        var rounds = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var round = Stopwatch.StartNew();
            var n = 0;
            while (round.Elapsed.TotalSeconds < 1)
            {
                action();
                n++;
            }

            rounds.Add(n / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        rounds.Sort();
        return (rounds[rounds.Count / 2], rounds[^1]);
    }

    /// <summary>A PDF of <paramref name="pages"/> pages, each the flyer's lines eight times, content Flate-compressed, with an xref table.</summary>
    private static byte[] Pdf(int pages)
    {
        var objects = new List<byte[]>();
        var kids = string.Join(" ", Enumerable.Range(0, pages).Select(p => $"{4 + (2 * p)} 0 R"));
        objects.Add(Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Add(Encoding.ASCII.GetBytes($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"));
        objects.Add(Encoding.ASCII.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        for (var p = 0; p < pages; p++)
        {
            objects.Add(Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * p)} 0 R >>"));
            var content = new StringBuilder("BT /F1 11 Tf 72 740 Td 14 TL\n");
            for (var r = 0; r < 8; r++)
            {
                foreach (var line in FlyerLines)
                {
                    content.Append('(').Append(line).Append(") Tj T*\n");
                }
            }

            content.Append("ET\n");
            var raw = new MemoryStream();
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(Encoding.ASCII.GetBytes(content.ToString()));
            }

            objects.Add([.. Encoding.ASCII.GetBytes($"<< /Length {raw.Length} /Filter /FlateDecode >>\nstream\n"), .. raw.ToArray(), .. "\nendstream"u8]);
        }

        return Assemble(objects);
    }

    private static byte[] Bomb()
    {
        var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 100; i++)
            {
                z.Write(zeros);
            }
        }

        return Assemble(
        [
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"),
            [.. Encoding.ASCII.GetBytes($"<< /Length {raw.Length} /Filter /FlateDecode >>\nstream\n"), .. raw.ToArray(), .. "\nendstream"u8],
        ]);
    }

    private static byte[] Assemble(List<byte[]> objects)
    {
        var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Docx()
    {
        var body = string.Concat(Enumerable.Repeat(string.Concat(FlyerLines.Select(l => $"<w:p><w:r><w:t>{l}</w:t></w:r></w:p>")), 8));
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""");
        }

        return stream.ToArray();

        static void Add(ZipArchive zip, string name, string text)
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    private static string WithFlyer() => $"""
        From: Gail Henshaw <g.henshaw@lakeshore-schools.example>
        To: harborview-advisory@students.lakeshore-schools.example
        Subject: for advisory
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Please share this with your advisory students this week.
        --b1
        Content-Type: application/pdf; name="externship.pdf"
        Content-Disposition: attachment; filename="externship.pdf"
        Content-Transfer-Encoding: base64

        {Convert.ToBase64String(Pdf(1), Base64FormattingOptions.InsertLineBreaks)}
        --b1--

        """.Replace("\n", "\r\n", StringComparison.Ordinal);
}
