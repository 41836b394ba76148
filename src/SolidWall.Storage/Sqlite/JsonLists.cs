using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// Lists of strings (addresses, labels, links, categories) as JSON arrays in TEXT columns, so that an investigator
/// can unnest them in the sqlite3 shell with <c>json_each</c>. Writing reuses one buffer: it runs for every field of
/// every stored message.
/// </summary>
internal sealed class JsonLists
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonLists()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public string Write(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return "[]";
        }

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; a column an investigator left NULL reads as empty.</summary>
    public static string[] Read(string? json)
    {
        if (json is null || json.Length <= 2)
        {
            return [];
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        var list = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                list.Add(reader.GetString()!);
            }
        }

        return [.. list];
    }
}
