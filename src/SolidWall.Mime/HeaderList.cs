namespace SolidWall.Mime;

/// <summary>The header fields of one entity in the order they appear; lookups ignore case.</summary>
public sealed class HeaderList : IReadOnlyList<HeaderField>
{
    private readonly List<HeaderField> _fields;

    public HeaderList() => _fields = new List<HeaderField>();

    internal HeaderList(List<HeaderField> fields) => _fields = fields;

    public static HeaderList Empty { get; } = new();

    public int Count => _fields.Count;

    public HeaderField this[int index] => _fields[index];

    /// <summary>The first field with this name, or null.</summary>
    public HeaderField? Get(string name)
    {
        foreach (var f in _fields)
        {
            if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return f;
            }
        }
        return null;
    }

    /// <summary>The decoded value of the first field with this name, or null.</summary>
    public string? GetValue(string name) => Get(name)?.Value;

    public IEnumerable<HeaderField> GetAll(string name)
    {
        foreach (var f in _fields)
        {
            if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return f;
            }
        }
    }

    public bool Contains(string name) => Get(name) is not null;

    internal void Add(HeaderField field) => _fields.Add(field);

    public IEnumerator<HeaderField> GetEnumerator() => _fields.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
