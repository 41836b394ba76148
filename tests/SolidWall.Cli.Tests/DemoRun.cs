using SolidWall.Cli.Commands;
using SolidWall.Core.Demo;

namespace SolidWall.Cli.Tests;

/// <summary>One run of <c>solidwall demo</c> on the default (full) archive, in a temporary folder.</summary>
public sealed class DemoRun : IDisposable
{
    public DemoRun()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Exit = DemoCommand.Run(Directory, new DemoOptions(), output, errors);
        Output = output + "\n" + errors;
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sw-demo-").FullName;

    public string Report => Path.Combine(Directory, "report");

    public int Exit { get; }

    public string Output { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
