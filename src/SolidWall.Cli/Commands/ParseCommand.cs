using System.CommandLine;
using System.Text.Json;
using SolidWall.Core;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Cli.Commands;

/// <summary><c>solidwall parse</c>: reads messages from any source and prints the normalised view of each.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per message, one per line" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Message files, mbox files, folders of .eml files, Maildirs or .pst files",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("parse", "Read messages and print what SolidWall sees in each: addresses, date, text, links, reply and forward segments, parts and defects");
        command.Options.Add(json);
        command.Arguments.Add(paths);
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(paths), parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, bool json, TextWriter output, TextWriter errors)
    {
        var input = CommandInput.Open(paths, "parse", errors);
        if (input is null)
        {
            return ExitCodes.Usage;
        }

        using var stdout = json ? new MessageJsonWriter(output) : null;
        var count = 0;
        var raws = input.Read();
        foreach (var message in ParallelMessages.Map(raws, Normalize, Environment.ProcessorCount, CancellationToken.None))
        {
            count++;
            if (stdout is not null)
            {
                stdout.Write(message);
            }
            else
            {
                WriteSummary(output, message);
            }
        }
        if (!json)
        {
            output.WriteLine($"{count} message(s), {input.Problems} item(s) skipped.");
        }
        return input.Problems > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static Message Normalize(RawMessage raw) => MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);

    private static void WriteSummary(TextWriter output, Message m)
    {
        var from = m.From.Count > 0 ? m.From[0].Address : "(no sender)";
        var to = m.To.Count + m.Cc.Count;
        var date = m.Date?.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) ?? "(no date)";
        output.WriteLine($"{m.Source}@{m.Offset}  {m.Sha256[..12]}  {date}  {from} -> {to} recipient(s)");
        var attached = m.Segments.Count(s => s.Kind == SegmentKind.Attachment);
        output.WriteLine($"    \"{m.Subject}\"  {m.Parts.Count} part(s), {m.Links.Count} link(s), {m.Segments.Count - attached} segment(s), {attached} attached file(s) read, {m.Defects.Count} defect(s)");
    }
}
