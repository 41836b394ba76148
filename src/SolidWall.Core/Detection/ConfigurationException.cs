namespace SolidWall.Core.Detection;

/// <summary>
/// A registry, directory or policy file the user wrote is wrong: the message names the file, the line and column
/// (1-based) and what to fix, e.g. <c>policy.yaml:3:1: unknown key 'treshold'; known keys: threshold, ...</c>.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string file, long line, long column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public ConfigurationException()
        : this("", 0, 0, "invalid configuration")
    {
    }

    public ConfigurationException(string message)
        : this("", 0, 0, message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    public string File { get; }

    public long Line { get; }

    public long Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
