namespace SolidWall.Mime.Sources;

/// <summary>Several sources read one after another, as if they were one: what the command line gets for many paths.</summary>
internal sealed class CompositeSource(IReadOnlyList<IMessageSource> sources) : IMessageSource
{
    public string Path { get; } = string.Join(", ", sources.Select(s => s.Path));

    public IReadOnlyList<IMessageSource> Sources { get; } = sources;

    public IEnumerable<RawMessage> Read(Action<SourceProblem> problems, CancellationToken cancellationToken = default) =>
        Sources.SelectMany(s => s.Read(problems, cancellationToken));
}
