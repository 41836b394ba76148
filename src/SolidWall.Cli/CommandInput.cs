using SolidWall.Mime.Sources;

namespace SolidWall.Cli;

/// <summary>
/// The message sources a command was given: opened all at once (so a mistyped path fails before any work), and
/// read with every skipped item printed to standard error and counted for the exit code.
/// </summary>
internal sealed class CommandInput
{
    private readonly IMessageSource _source;
    private readonly string _command;
    private readonly TextWriter _errors;
    private int _problems;

    private CommandInput(IMessageSource source, string command, TextWriter errors)
    {
        _source = source;
        _command = command;
        _errors = errors;
    }

    /// <summary>Items skipped so far (files that are not mail, unreadable files).</summary>
    public int Problems => Volatile.Read(ref _problems);

    /// <summary>Opens every path, or prints why one cannot be opened and returns null (a usage error).</summary>
    public static CommandInput? Open(IReadOnlyList<string> paths, string command, TextWriter errors)
    {
        try
        {
            return new CommandInput(MessageSources.OpenAll(paths), command, errors);
        }
        catch (SourceException ex)
        {
            errors.WriteLine($"solidwall {command}: {ex.Message}");
            return null;
        }
    }

    public IEnumerable<RawMessage> Read() => _source.Read(Report);

    private void Report(SourceProblem problem)
    {
        Interlocked.Increment(ref _problems);
        lock (_errors)
        {
            _errors.WriteLine($"solidwall {_command}: skipped {problem}");
        }
    }
}
