namespace SolidWall.Mime.Sources;

/// <summary>Something in a source that could not be read: the path, where, and why. Reading goes on after it.</summary>
public sealed record SourceProblem(string Path, long Offset, string Reason)
{
    public override string ToString() => Offset >= 0 ? $"{Path} at byte {Offset}: {Reason}" : $"{Path}: {Reason}";
}
