using System.CommandLine;
using System.Globalization;
using SolidWall.Core;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall classify</c>: reads messages from any source (<c>-</c>: standard input) and prints each one's verdict
/// with its score, categories and reasons, and what the policy's actions do with it by who it went to. Exit 0 when nothing is electioneering, 1 when something is (or an item could not be
/// read), 2 when the command line or a registry, directory or policy file is wrong. Detection lives in Core.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON verdict per message, one per line" };
        var recipients = new Option<string[]>("--recipient")
        {
            Description = "Decide the policy's action as if each message were delivered to this address, as a gateway's envelope names it, instead of to its headers' recipients (repeatable)",
        };
        var options = new DetectorOptions();
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Message files, mbox files, folders of .eml files, Maildirs or .pst files",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("classify", "Decide for each message whether it is electioneering, and say why (signals, weights, evidence)");
        command.Options.Add(json);
        command.Options.Add(recipients);
        command.Options.Add(options.Model);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(paths);
        command.SetAction(parseResult => Run(
            new Settings(
                parseResult.GetRequiredValue(paths),
                parseResult.GetValue(json),
                parseResult.GetValue(options.Registry),
                parseResult.GetValue(options.Directory),
                parseResult.GetValue(options.StaffDomains) ?? [],
                parseResult.GetValue(options.StudentDomains) ?? [],
                parseResult.GetValue(options.Policy),
                parseResult.GetValue(recipients) is { Length: > 0 } envelope ? envelope : null,
                parseResult.GetValue(options.Model)),
            Console.Out,
            Console.Error));
        return command;
    }

    internal sealed record Settings(
        IReadOnlyList<string> Paths,
        bool Json,
        string? Registry = null,
        string? Directory = null,
        IReadOnlyList<string>? StaffDomains = null,
        IReadOnlyList<string>? StudentDomains = null,
        string? Policy = null,
        IReadOnlyList<string>? Recipients = null,
        string? Model = null);

    internal static int Run(Settings settings, TextWriter output, TextWriter errors, ITextModel? model = null)
    {
        Detector detector;
        InstitutionDirectory directory;
        try
        {
            (detector, _, directory) = DetectorOptions.Load(settings.Registry, settings.Directory, settings.StaffDomains, settings.StudentDomains, settings.Policy, model, settings.Model);
        }
        catch (Exception ex) when (ex is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine("solidwall classify: " + ex.Message);
            return ExitCodes.Usage;
        }

        if (settings.Recipients?.FirstOrDefault(r => !IsAddress(r)) is { } wrong)
        {
            errors.WriteLine($"solidwall classify: --recipient '{wrong}' is not an address: give it bare, local-part@domain");
            return ExitCodes.Usage;
        }

        var input = CommandInput.Open(settings.Paths, "classify", errors);
        if (input is null)
        {
            return ExitCodes.Usage;
        }

        var count = 0;
        var electioneering = 0;
        var actions = new int[Enum.GetValues<PolicyAction>().Length];
        var raws = input.Read();
        foreach (var (message, classified) in ParallelMessages.Map(raws, raw => Classify(detector, raw), Environment.ProcessorCount, CancellationToken.None))
        {
            count++;
            // What a gateway with this policy would do with the message, by who it is addressed to.
            var decision = detector.Policy.Decide(classified, settings.Recipients ?? Recipients(message), directory);
            var verdict = classified.With(decision);
            if (verdict.IsElectioneering)
            {
                electioneering++;
                actions[(int)decision.Strictest]++;
            }

            if (settings.Json)
            {
                output.WriteLine(verdict.ToJson());
            }
            else
            {
                WriteVerdict(output, message, verdict);
            }
        }

        if (!settings.Json)
        {
            var decided = electioneering == 0 ? ""
                : $" (the policy would accept {actions[(int)PolicyAction.Accept]}, tag {actions[(int)PolicyAction.Tag]}, quarantine {actions[(int)PolicyAction.Quarantine]}, reject {actions[(int)PolicyAction.Reject]})";
            output.WriteLine($"{count} message(s), {electioneering} electioneering{decided}, {input.Problems} item(s) skipped.");
        }

        return electioneering > 0 || input.Problems > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>A raw message parsed, normalised and classified: what every command that classifies a source does with an item.</summary>
    internal static (Message Message, Verdict Verdict) Classify(Detector detector, RawMessage raw)
    {
        var message = MessageNormalizer.Normalize(MimeParser.Parse(raw.Bytes), raw);
        return (message, detector.Classify(message));
    }

    // A bare address as an envelope names it: one '@' with something on each side, no blank, no angle bracket.
    private static bool IsAddress(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1 && text.IndexOf('@') == at && text.AsSpan().IndexOfAny(" \t<>,;") < 0;
    }

    /// <summary>
    /// Who a message went to, as its headers say: To, Cc and Bcc, and the mailboxes the copy was delivered to
    /// (Delivered-To, X-Original-To), where a Bcc'd recipient's copy names them. A gateway reads the envelope's recipients instead.
    /// </summary>
    private static IEnumerable<string> Recipients(Message message) =>
        message.To.Concat(message.Cc).Concat(message.Bcc).Concat(message.DeliveredTo).Select(a => a.Address);

    internal static void WriteVerdict(TextWriter output, Message message, Verdict verdict)
    {
        var score = verdict.Score.ToString("0.000", CultureInfo.InvariantCulture);
        var categories = verdict.Categories.Count == 0 ? "" : " [" + string.Join(", ", verdict.Categories) + "]";
        output.WriteLine($"{verdict.Source}@{verdict.Offset}  {verdict.Decision} {score}{categories}  \"{message.Subject}\"");

        // The reasons' column is as wide as the longest signal name among them ("ReportToOversightFromOutside"), at least 26.
        var width = 26;
        foreach (var reason in verdict.Reasons)
        {
            width = Math.Max(width, reason.Signal.Length);
        }

        var blank = new string(' ', width);
        if (verdict.Encrypted is { } encryption)
        {
            output.WriteLine($"    {"content not read".PadRight(width)} {"",6}  encrypted ({encryption}): the verdict rests on the subject, the sender and any unencrypted part");
        }

        if (verdict.Held is { } held)
        {
            output.WriteLine($"    {"not flagged".PadRight(width)} {"",6}  {held}");
        }

        if (verdict.CategoryReasons is { Count: > 0 } why)
        {
            output.WriteLine($"    {"categories".PadRight(width)} {"",6}  {string.Join("; ", why)}");
        }

        if (verdict.IsElectioneering && verdict.Recipients is { Count: > 0 } recipients)
        {
            output.WriteLine($"    {("policy: " + verdict.Action).PadRight(width)} {"",6}  {string.Join("; ", recipients)}");
        }

        // A flagged message shows every piece of each reason's evidence; an allowed one, most of what a folder holds, a
        // line per reason with its first (the strongest). `--json` carries them all either way.
        foreach (var reason in verdict.Reasons)
        {
            var weight = reason.Weight.ToString("+0.0;-0.0", CultureInfo.InvariantCulture);
            var first = reason.Evidence.Count > 0 ? reason.Evidence[0].ToString() : "";
            output.WriteLine($"    {reason.Signal.PadRight(width)} {weight,6}  {first}");
            for (var i = 1; verdict.IsElectioneering && i < reason.Evidence.Count; i++)
            {
                output.WriteLine($"    {blank} {"",6}  {reason.Evidence[i]}");
            }
        }

        // Where the sum starts: a flagged message's score is the logistic of this and the weights above.
        if (verdict.IsElectioneering && verdict.Intercept is { } intercept)
        {
            var weight = intercept.Weight.ToString("+0.0;-0.0", CultureInfo.InvariantCulture);
            output.WriteLine($"    {"intercept".PadRight(width)} {weight,6}  {intercept.Reading} ({intercept.Key}): the score is the logistic of this and the weights above");
        }
    }
}
