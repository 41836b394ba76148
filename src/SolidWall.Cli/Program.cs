using System.CommandLine;
using System.Globalization;
using SolidWall.Cli.Commands;

namespace SolidWall.Cli;

/// <summary>
/// The <c>solidwall</c> command. Exit codes mean the same everywhere: 0 all is well, 1 findings or failures a
/// script should notice (electioneering found, messages that could not be read), 2 a usage error.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        // Every word the program writes is English, and what it writes is evidence and input to scripts: numbers, dates
        // and decimals read the same on every machine ("32,557", "0.94"), not "32.557" and "0,94" on one set to German.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var root = BuildRoot();
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine("solidwall: " + error.Message);
            }
            Console.Error.WriteLine("Run 'solidwall --help' for usage.");
            return ExitCodes.Usage;
        }
        return result.Invoke();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "SolidWall keeps political-campaign work out of a public institution's email, and shows what happened when it got in.\n" +
            "It reads mailbox exports (mbox, Google Vault, EML folders, Maildir, PST), finds electioneering mail and reports it.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(RegistryCommand.Create());
        return root;
    }
}
