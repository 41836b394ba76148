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

        return ReadPlain(json) ?? ReadEscaped(json);
    }

    // What Write gives for strings without quotes, backslashes or control characters (addresses, ids, most links):
    // ["a","b"], each element cut straight out of the column's text. A report reads several lists from each of a
    // million rows; a JSON reader costs a UTF-8 copy of the column first. Null for anything else.
    private static string[]? ReadPlain(string json)
    {
        if (json[0] != '[' || json[^1] != ']' || json.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var count = 0;
        foreach (var c in json)
        {
            count += c == '"' ? 1 : 0;
        }

        if (count % 2 != 0)
        {
            return null;
        }

        var values = new string[count / 2];
        var at = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                if (json[at] != ',')
                {
                    return null;
                }

                at++;
            }

            if (json[at] != '"')
            {
                return null;
            }

            var end = json.IndexOf('"', at + 1);
            values[i] = json[(at + 1)..end];
            at = end + 1;
        }

        return at == json.Length - 1 ? values : null;
    }

    private static string[] ReadEscaped(string json)
    {
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
