using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>A file of the report as the manifest lists it; <see cref="HashedWithoutHexAfter"/> names the marker whose digits the hash leaves out.</summary>
internal sealed record ManifestFile(string Name, string Sha256, long Bytes, string? HashedWithoutHexAfter = null);

/// <summary>
/// Writes manifest.json: every evidence item the figures rest on, the SHA-256 of every other file of the report, and
/// last the manifest's own SHA-256, taken over the manifest with that value empty (see <see cref="ManifestRules"/>).
/// The evidence is streamed: the manifest is hashed as it is written, the empty value is hashed in place of the
/// real one, and only then are the real digits written.
/// </summary>
internal static class ManifestWriter
{
    public const string Format = "solidwall-manifest/1";

    /// <returns>The manifest's own SHA-256.</returns>
    public static string Write(string path, CaseReport report, IReadOnlyList<ManifestFile> files)
    {
        string? own = null;
        AtomicFile.Write(path, stream =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var tee = new HashingStream(stream, hash);
            using (var json = new Utf8JsonWriter(tee, new JsonWriterOptions { Indented = true, NewLine = "\n", SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteBody(json, report, files);
                json.Flush();
            }

            // The last property, written by hand: the hash covers it with an empty value.
            var head = Encoding.UTF8.GetBytes(",\n  " + ManifestRules.ManifestMarker);
            var tail = "\"\n}\n"u8;
            tee.Write(head);
            hash.AppendData(tail);
            own = Convert.ToHexStringLower(hash.GetCurrentHash());
            stream.Write(Encoding.ASCII.GetBytes(own));
            stream.Write(tail);
        });

        return own!;
    }

    private static void WriteBody(Utf8JsonWriter json, CaseReport report, IReadOnlyList<ManifestFile> files)
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("case", report.CaseName);
        json.WriteString("generatedAt", ReportFormat.Iso(report.GeneratedAt));
        json.WriteString("hashAlgorithm", "SHA-256");
        json.WriteStartArray("files");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("name", file.Name);
            json.WriteString("sha256", file.Sha256);
            json.WriteNumber("bytes", file.Bytes);
            if (file.HashedWithoutHexAfter is { } marker)
            {
                json.WriteString("hashedWithoutHexAfter", marker);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("evidenceCount", report.Evidence.Count);
        json.WriteStartArray("evidence");
        foreach (var item in report.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("source", item.Source);
            json.WriteNumber("offset", item.Offset);
            json.WriteString("sha256", item.Sha256);
            json.WriteString("messageId", item.MessageId);
            json.WriteString("role", item.Role);
            json.WriteString("campaign", item.Campaign);
            json.WriteEndObject();
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();

        // The root object stays open: ManifestWriter closes it after the manifest's own hash.
    }
}
