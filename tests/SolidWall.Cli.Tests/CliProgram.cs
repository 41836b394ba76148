namespace SolidWall.Cli.Tests;

/// <summary>The real program, for tests that run it in a process of its own.</summary>
internal static class CliProgram
{
    /// <summary>The command-line program built beside this test (same configuration), to run with <c>dotnet</c>.</summary>
    public static string Dll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name; // bin/<Configuration>/net10.0/
        while (!File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory);
        }

        var cli = Path.Combine(dir.FullName, "src", "SolidWall.Cli", "bin", configuration, "net10.0", "solidwall.dll");
        Assert.True(File.Exists(cli), "build the CLI first: " + cli);
        return cli;
    }
}
