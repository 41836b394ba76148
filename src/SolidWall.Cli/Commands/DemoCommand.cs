using System.CommandLine;
using System.Diagnostics;
using SolidWall.Core;
using SolidWall.Core.Demo;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall demo</c>: the README's first command. Generates the fictional district archive, reads all of it,
/// and prints what SolidWall found beside the generator's ground truth.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder for the generated archive and results",
            DefaultValueFactory = _ => "demo-out",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the generator; the same seed writes the same archive byte for byte",
            DefaultValueFactory = _ => 2023,
        };
        var command = new Command("demo", "Generate a sample district archive with a known ground truth, read it, and print the figures beside the truth");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(output), parseResult.GetValue(seed), Console.Out));
        return command;
    }

    internal static int Run(string outputDirectory, int seed, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outputDirectory);
        var truth = new DistrictArchiveGenerator(new DemoOptions { Seed = seed }).Generate(outputDirectory);
        var archive = Path.Combine(outputDirectory, "archive");
        output.WriteLine($"Generated {truth.Messages:N0} messages in {truth.Mailboxes} mailboxes under {archive} ({clock.Elapsed.TotalSeconds:F1} s).");

        clock.Restart();
        var problems = new List<SourceProblem>();
        var source = MessageSources.Open(archive);
        long messages = 0, bytes = 0, defects = 0, withLinks = 0, flagged = 0;
        var detector = new Detector(model: TextModel.HasEmbedded ? TextModel.LoadEmbedded() : null);
        var raws = source.Read(p =>
        {
            lock (problems)
            {
                problems.Add(p);
            }
        });
        foreach (var m in ParallelMessages.Map(raws, raw => Read(raw, detector), Environment.ProcessorCount, CancellationToken.None))
        {
            messages++;
            bytes += m.Size;
            defects += m.Message.Defects.Count;
            withLinks += m.Message.Links.Count > 0 ? 1 : 0;
            flagged += m.Electioneering ? 1 : 0;
        }
        var seconds = clock.Elapsed.TotalSeconds;

        output.WriteLine();
        output.WriteLine($"Read {messages:N0} messages ({bytes / 1e6:F0} MB) in {seconds:F1} s: {messages / seconds:N0} messages/s on {Environment.ProcessorCount} cores.");
        output.WriteLine();
        output.WriteLine("                          found     truth");
        output.WriteLine($"  messages            {messages,9:N0} {truth.Messages,9:N0}");
        output.WriteLine($"  skipped (not mail)  {problems.Count,9:N0} {truth.Skipped,9:N0}");
        output.WriteLine($"  electioneering      {flagged,9:N0} {truth.Electioneering,9:N0}   (mailbox copies; the classifier is not yet tuned to this archive)");
        output.WriteLine($"  with links          {withLinks,9:N0}");
        output.WriteLine($"  reader defects      {defects,9:N0}");
        output.WriteLine();
        foreach (var p in problems)
        {
            output.WriteLine($"  skipped: {p}");
        }
        output.WriteLine($"Ground truth: {Path.Combine(outputDirectory, "ground-truth.json")}");
        var ok = messages == truth.Messages && problems.Count == truth.Skipped;
        return ok ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static (Message Message, long Size, bool Electioneering) Read(RawMessage raw, Detector detector)
    {
        var message = MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);
        return (message, raw.OriginalLength, detector.Classify(message).IsElectioneering);
    }
}
