using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SolidWall.Core.Analysis;

namespace SolidWall.Core.Report;

/// <summary>
/// Reads and writes <c>figures.json</c>: exactly the shape of <see cref="CaseFigures"/>, keys in camelCase, dates
/// in ISO 8601 with their offset (<c>2026-10-01T09:00:00-05:00</c>).
/// </summary>
public static class FiguresJson
{
    // Names and addresses stay readable (é, not \u00E9); the file is never embedded in HTML.
    private static readonly FiguresJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write(Stream stream, CaseFigures figures) =>
        JsonSerializer.Serialize(stream, figures, Context.CaseFigures);

    public static string Serialize(CaseFigures figures) =>
        JsonSerializer.Serialize(figures, Context.CaseFigures);

    /// <exception cref="InvalidDataException">The file is not figures.json: the message names the file and the position.</exception>
    public static CaseFigures Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize(stream, Context.CaseFigures)
                ?? throw new InvalidDataException($"{path}: holds null, not the figures object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }
}

[JsonSerializable(typeof(CaseFigures))]
internal sealed partial class FiguresJsonContext : JsonSerializerContext;
