using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SolidWall.Core.Detection;

/// <summary>
/// Reads the registry and policy YAML through YamlDotNet's node model, so that every value keeps its line and
/// column and every mistake becomes a <see cref="ConfigurationException"/> that points at it.
/// </summary>
internal sealed class YamlDocument
{
    private YamlDocument(string file, YamlNode? root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }

    /// <summary>The top node; null for an empty file.</summary>
    public YamlNode? Root { get; }

    public static YamlDocument Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(file, e.Start.Line, e.Start.Column, "not valid YAML: " + e.Message);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new ConfigurationException(file, second.Start.Line, second.Start.Column, "expected one YAML document, found more");
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            root = null;
        }

        return new YamlDocument(file, root);
    }

    public ConfigurationException Error(YamlNode node, string problem) =>
        new(File, node.Start.Line, node.Start.Column, problem);

    public YamlMappingNode Mapping(YamlNode node, string what)
    {
        return node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value lines), found {Describe(node)}");
    }

    public YamlSequenceNode Sequence(YamlNode node, string what)
    {
        return node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list, found {Describe(node)}");
    }

    /// <summary>Each key of a mapping with its value; an unknown key is refused with the list of known keys.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, IReadOnlyCollection<string> knownKeys, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw Error(keyNode, $"keys in {what} must be plain words");
            if (knownKeys.Count > 0 && !knownKeys.Contains(key))
            {
                throw Error(keyNode, $"unknown key '{key}' in {what}; known keys: {string.Join(", ", knownKeys)}");
            }

            if (!seen.Add(key))
            {
                throw Error(keyNode, $"key '{key}' appears twice in {what}");
            }

            yield return (key, value);
        }
    }

    public string String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        throw Error(node, $"{what} must be a non-empty text value, found {Describe(node)}");
    }

    public double Number(YamlNode node, string what, double min = double.MinValue, double max = double.MaxValue)
    {
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            if (value < min || value > max)
            {
                throw Error(node, $"{what} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found {text}");
            }

            return value;
        }

        throw Error(node, $"{what} must be a number, found {Describe(node)}");
    }

    /// <summary>A yes-or-no value, written true or false.</summary>
    public bool Boolean(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        throw Error(node, $"{what} must be true or false, found {Describe(node)}");
    }

    public DateOnly Date(YamlNode node, string what)
    {
        var text = String(node, what);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw Error(node, $"{what} '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2027-02-23");
    }

    public DateTimeOffset Timestamp(YamlNode node, string what)
    {
        var text = String(node, what);
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        throw Error(node, $"{what} '{text}' is not a date and time; write it as yyyy-MM-ddTHH:mm:ssZ, e.g. 2026-01-05T10:00:00Z");
    }

    /// <summary>A list of texts; a single text is taken as a list of one.</summary>
    public List<string> Strings(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
        {
            return [String(node, what)];
        }

        return Sequence(node, what).Children.Select(child => String(child, what + " item")).ToList();
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };
}
