using System.Globalization;
using System.Text;
using SolidWall.Mime;

// Writes one TSV row per From/To/Cc/Reply-To/Date/Message-ID field in the message files under the given folders:
// path, field name (lower case), raw value in base64, and what SolidWall's parsers made of it (Unix seconds for a
// date, "null" when none; space-separated addresses or ids). compare_with_python.py reads these rows and checks
// them against Python's email.utils. The header block is read here without the MIME parser, up to the first
// empty line.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: HeaderAgreement <folder>... > rows.tsv");
    return 2;
}
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
foreach (var folder in args)
{
    foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var name = Path.GetFileName(file);
        if (name.StartsWith("LICENSE", StringComparison.Ordinal) || name == "PROVENANCE.md")
        {
            continue;
        }
        foreach (var (field, value) in HeaderBlock.Read(File.ReadAllBytes(file)))
        {
            var result = field switch
            {
                "date" => DateParser.Parse(value) is { } d ? d.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "null",
                "from" or "to" or "cc" or "reply-to" => string.Join(' ', AddressParser.ParseList(value).Select(m => m.Address)),
                "message-id" => string.Join(' ', MessageIds.ParseList(value)),
                _ => null,
            };
            if (result != null)
            {
                output.WriteLine($"{file}\t{field}\t{Convert.ToBase64String(value)}\t{result}");
            }
        }
    }
}
return 0;

/// <summary>Reads (lower-case name, raw folded value) pairs from a message's header block.</summary>
internal static class HeaderBlock
{
    public static List<(string Name, byte[] Value)> Read(byte[] message)
    {
        var fields = new List<(string, byte[])>();
        var i = message.AsSpan().StartsWith("From "u8) ? message.AsSpan().IndexOf((byte)'\n') + 1 : 0;
        string? name = null;
        var value = new List<byte>();
        while (i < message.Length)
        {
            var nl = message.AsSpan(i).IndexOf((byte)'\n');
            var end = nl < 0 ? message.Length : i + nl + 1;
            var line = message.AsSpan(i, end - i);
            var content = line.TrimEnd("\r\n"u8);
            if (content.IsEmpty)
            {
                break;
            }
            if (content[0] is (byte)' ' or (byte)'\t')
            {
                if (name != null)
                {
                    value.AddRange(line);
                }
            }
            else
            {
                if (name != null)
                {
                    fields.Add((name, value.ToArray()));
                }
                var colon = content.IndexOf((byte)':');
                name = colon > 0 ? Encoding.Latin1.GetString(content[..colon]).Trim().ToLowerInvariant() : null;
                value = colon > 0 ? [.. line[(colon + 1)..]] : [];
            }
            i = end;
        }
        if (name != null)
        {
            fields.Add((name, value.ToArray()));
        }
        return fields;
    }
}
