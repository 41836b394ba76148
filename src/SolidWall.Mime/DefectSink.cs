namespace SolidWall.Mime;

/// <summary>Collects defects with offsets relative to the message start.</summary>
public sealed class DefectSink
{
    private List<MimeDefect>? _items;

    public IReadOnlyList<MimeDefect> Items => (IReadOnlyList<MimeDefect>?)_items ?? Array.Empty<MimeDefect>();

    public int Count => _items?.Count ?? 0;

    public void Add(string kind, string detail, long offset = -1)
    {
        // A hostile message can repeat one defect millions of times; keep the first thousand.
        _items ??= new List<MimeDefect>();
        if (_items.Count < 1000)
        {
            _items.Add(new MimeDefect(kind, detail, offset));
        }
    }
}
