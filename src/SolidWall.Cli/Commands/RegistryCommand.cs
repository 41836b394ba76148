using System.CommandLine;
using System.Globalization;
using SolidWall.Core;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime.Sources;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall registry suggest</c>: classifies an archive, reads the campaigns its surest electioneering mail names
/// (<see cref="RegistrySuggester"/>) and writes them as a registry for the investigator to review and scan with. Exit 0,
/// 1 when an item could not be read, 2 when the command line or a registry, directory or policy file is wrong.
/// </summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var options = new DetectorOptions(
            "A registry you already keep: the detector reads with it, and what it lists is not suggested again",
            DetectorOptions.StaffDescription + "; its mail suggests no sending domain");
        var minScore = new Option<double>("--min-score")
        {
            Description = "Read only messages flagged at this score or more",
            DefaultValueFactory = _ => RegistrySuggester.DefaultMinScore,
        };
        var minMessages = new Option<int>("--min-messages")
        {
            Description = "Suggest a name, alias or domain only when this many different messages say it (copies of one blast count once)",
            DefaultValueFactory = _ => RegistrySuggester.DefaultMinMessages,
        };
        var output = new Option<string?>("--out") { Description = "Write the suggested registry to this file (default: standard output)" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Message files, mbox files, folders of .eml files, Maildirs or .pst files",
            Arity = ArgumentArity.OneOrMore,
        };
        var suggest = new Command(
            "suggest",
            "Suggest a registry from an archive: the candidates, committees and sending domains its surest electioneering mail names, to review and then scan with (--registry)");
        foreach (var option in options.All)
        {
            suggest.Options.Add(option);
        }

        suggest.Options.Add(options.Model);
        suggest.Options.Add(minScore);
        suggest.Options.Add(minMessages);
        suggest.Options.Add(output);
        suggest.Arguments.Add(paths);
        suggest.SetAction(parseResult => Suggest(
            new Settings(
                parseResult.GetRequiredValue(paths),
                parseResult.GetValue(options.Registry),
                parseResult.GetValue(options.Directory),
                parseResult.GetValue(options.StaffDomains) ?? [],
                parseResult.GetValue(options.StudentDomains) ?? [],
                parseResult.GetValue(options.Policy),
                parseResult.GetValue(minScore),
                parseResult.GetValue(minMessages),
                parseResult.GetValue(output),
                parseResult.GetValue(options.Model)),
            Console.Out,
            Console.Error));
        var command = new Command("registry", "Work with registries of campaigns and committees");
        command.Subcommands.Add(suggest);
        return command;
    }

    internal sealed record Settings(
        IReadOnlyList<string> Paths,
        string? Registry = null,
        string? Directory = null,
        IReadOnlyList<string>? StaffDomains = null,
        IReadOnlyList<string>? StudentDomains = null,
        string? Policy = null,
        double MinScore = RegistrySuggester.DefaultMinScore,
        int MinMessages = RegistrySuggester.DefaultMinMessages,
        string? Out = null,
        string? Model = null);

    internal static int Suggest(Settings settings, TextWriter output, TextWriter errors, ITextModel? model = null)
    {
        const string Name = "registry suggest";
        if (settings.MinScore is < 0 or > 1 || double.IsNaN(settings.MinScore))
        {
            errors.WriteLine($"solidwall {Name}: --min-score must be between 0 and 1, found {settings.MinScore.ToString(CultureInfo.InvariantCulture)}");
            return ExitCodes.Usage;
        }

        if (settings.MinMessages < 1)
        {
            errors.WriteLine($"solidwall {Name}: --min-messages must be 1 or more, found {settings.MinMessages.ToString(CultureInfo.InvariantCulture)}");
            return ExitCodes.Usage;
        }

        Detector detector;
        Registry known;
        InstitutionDirectory institution;
        try
        {
            (detector, known, institution) = DetectorOptions.Load(settings.Registry, settings.Directory, settings.StaffDomains, settings.StudentDomains, settings.Policy, model, settings.Model);
        }
        catch (Exception ex) when (ex is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"solidwall {Name}: {ex.Message}");
            return ExitCodes.Usage;
        }

        var input = CommandInput.Open(settings.Paths, Name, errors);
        if (input is null)
        {
            return ExitCodes.Usage;
        }

        var suggester = new RegistrySuggester(institution, known, settings.MinScore, settings.MinMessages);
        var read = 0;
        var flagged = 0;
        foreach (var (message, verdict) in ParallelMessages.Map(input.Read(), raw => Classify(detector, raw, suggester), Environment.ProcessorCount, CancellationToken.None))
        {
            read++;
            flagged += verdict.IsElectioneering ? 1 : 0;
        }

        var suggested = suggester.Suggest();
        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"Read {read} message(s) from {string.Join(", ", settings.Paths)}; {flagged} flagged; {input.Problems} item(s) skipped.{(settings.Registry is null ? "" : $" Not repeated: what {settings.Registry} lists.")}");
        var yaml = suggester.ToYaml(header);
        try
        {
            if (settings.Out is null)
            {
                output.Write(yaml);
            }
            else
            {
                File.WriteAllText(settings.Out, yaml);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"solidwall {Name}: cannot write {settings.Out}: {ex.Message}");
            return ExitCodes.Usage;
        }

        errors.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"solidwall {Name}: {read} message(s), {flagged} flagged, {suggester.MessagesRead} different one(s) at {settings.MinScore:0.##} or more read; suggested {suggested.Count(s => !s.Registered && s.Candidate is not null)} campaign(s) and {suggested.Count(s => !s.Registered && s.Candidate is null)} committee(s){(suggested.Any(s => s.Registered) ? $", and more for {suggested.Count(s => s.Registered)} already registered" : "")}{(settings.Out is null ? "" : " in " + settings.Out)}. Review them, then scan with --registry."));
        return input.Problems > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static (Message, Verdict) Classify(Detector detector, RawMessage raw, RegistrySuggester suggester)
    {
        var (message, verdict) = ClassifyCommand.Classify(detector, raw);
        suggester.Observe(message, verdict);
        return (message, verdict);
    }
}
