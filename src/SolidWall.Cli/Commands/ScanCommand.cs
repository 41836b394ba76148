using System.CommandLine;
using SolidWall.Core.Analysis;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime.Sources;
using SolidWall.Storage;
using Spectre.Console;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall scan</c>: reads mailbox exports into a case database, classifying and fingerprinting every
/// message on every core. Stopped (Ctrl+C, or killed) and started again with the same command, it resumes where it
/// was without counting anything twice. Exit 0 when every item was read, 1 when some were skipped, 2 on usage errors.
/// </summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The case database (SQLite file; created if missing)", Required = true };
        var detection = new DetectorOptions();
        var custodians = new Option<string?>("--custodians") { Description = "The mailboxes the export was asked for, one address per line; those with no item are reported missing" };
        var offices = new Option<string[]>("--official-office") { Description = "Address or domain of an elected official's office (repeatable); its mail with the institution's official channels is listed as coordination" };
        var name = new Option<string?>("--name") { Description = "The case's name, shown on the report" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: one per core)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Mbox files (Google Vault exports included), folders of .eml files, Maildirs or .pst files",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("scan", "Read mailbox exports into a case database: classify, fingerprint and store every message (resumable)");
        foreach (var option in (Option[])[db, .. detection.All, detection.Model, custodians, offices, name, threads, quiet])
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(paths);
        command.SetAction(parseResult => Run(
            new Settings(
                parseResult.GetRequiredValue(paths),
                parseResult.GetRequiredValue(db),
                parseResult.GetValue(detection.Registry),
                parseResult.GetValue(detection.Directory),
                parseResult.GetValue(detection.StaffDomains) ?? [],
                parseResult.GetValue(detection.StudentDomains) ?? [],
                parseResult.GetValue(detection.Policy),
                parseResult.GetValue(custodians),
                parseResult.GetValue(name),
                parseResult.GetValue(threads),
                !parseResult.GetValue(quiet) && !Console.IsErrorRedirected,
                parseResult.GetValue(offices) ?? [],
                parseResult.GetValue(detection.Model)),
            Console.Out,
            Console.Error));
        return command;
    }

    internal sealed record Settings(
        IReadOnlyList<string> Paths,
        string Db,
        string? Registry = null,
        string? Directory = null,
        IReadOnlyList<string>? StaffDomains = null,
        IReadOnlyList<string>? StudentDomains = null,
        string? Policy = null,
        string? Custodians = null,
        string? Name = null,
        int Threads = 0,
        bool ProgressBar = false,
        IReadOnlyList<string>? OfficialOffices = null,
        string? Model = null);

    internal static int Run(Settings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        // A case's evidence names each item by its file and offset, and a scan can be resumed and repeated: piped mail is
        // neither, so a scan reads files (classify and parse read standard input).
        if (settings.Paths.Contains(StreamSource.StandardInput))
        {
            errors.WriteLine("solidwall scan: '-' (standard input) cannot be scanned into a case: its evidence must name files; save the mail to a file and scan that");
            return ExitCodes.Usage;
        }

        CaseSetup given;
        try
        {
            given = CaseSetup.FromFiles(settings.Name ?? "", settings.StaffDomains ?? [], settings.StudentDomains ?? [],
                settings.Directory, settings.Registry, settings.Policy, settings.Custodians, settings.OfficialOffices, settings.Model);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ConfigurationException)
        {
            errors.WriteLine("solidwall scan: " + ex.Message);
            return ExitCodes.Usage;
        }

        using var store = CaseStores.Open(settings.Db, "scan", errors);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        // Blasts and relays are found by comparing fingerprints, which only those of one normalisation can be: a case is
        // scanned with one. A case from before the version was kept is version 1; so is its reading of the registry (below).
        int? fingerprints, reading;
        try
        {
            fingerprints = CaseFingerprints.Read(store);
            reading = CaseRegistryReading.Read(store);
        }
        catch (CaseStoreException ex)
        {
            errors.WriteLine($"solidwall scan: {settings.Db}: {ex.Message}");
            return ExitCodes.Usage;
        }

        if (fingerprints is null)
        {
            CaseFingerprints.Record(store);
        }
        else if (fingerprints != Fingerprinter.NormalisationVersion)
        {
            errors.WriteLine($"solidwall scan: {settings.Db} holds fingerprints of normalisation {fingerprints}, written by an earlier SolidWall; " +
                             $"this one writes normalisation {Fingerprinter.NormalisationVersion} (a gateway's warning, a confidentiality notice and a mailing list's footer are not read as text), " +
                             "and the two cannot be compared to find blasts and relays. Scan into a new --db; reports of the case as it is still work.");
            return ExitCodes.Usage;
        }

        var setup = CaseSetup.Load(store);
        if (setup is null)
        {
            setup = given with { Name = given.Name.Length > 0 ? given.Name : Path.GetFileNameWithoutExtension(settings.Db) };
            setup.Save(store);
        }
        else if (!given.IsEmpty && !given.SameAs(setup))
        {
            errors.WriteLine($"solidwall scan: {settings.Db} was scanned with a different registry, directory, policy, model or custodian list; " +
                             "run again with the same options (or none, to use the case's own), or scan into a new --db.");
            return ExitCodes.Usage;
        }

        Detector detector;
        Registry registry;
        try
        {
            registry = setup.BuildRegistry();
            detector = new Detector(setup.BuildPolicy(), registry, setup.BuildDirectory(), setup.LoadModel());
        }
        catch (Exception ex) when (ex is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine("solidwall scan: " + ex.Message);
            return ExitCodes.Usage;
        }

        // A case's verdicts are made with one reading of its registry. A case from before the reading was kept read every
        // registry as complete, which this SolidWall does only for one that says so; for any other the readings agree.
        if (reading != Detector.RegistryReading && reading is not null && registry.MayMissCampaigns)
        {
            errors.WriteLine($"solidwall scan: {settings.Db} holds verdicts of an earlier SolidWall, which read every registry as complete; this one reads a registry " +
                             "that is not marked `complete: true` as no registry where it finds nothing (docs/FORMATS.md), and one case's verdicts need one reading. " +
                             "Scan into a new --db; reports of the case as it is still work.");
            return ExitCodes.Usage;
        }

        if (reading != Detector.RegistryReading)
        {
            CaseRegistryReading.Record(store);
        }

        // Opened once, here, so that a bad path is a usage error; the scanner reads these same sources.
        List<IMessageSource> sources;
        try
        {
            sources = settings.Paths.Select(p => MessageSources.Open(p)).ToList();
        }
        catch (SourceException ex)
        {
            errors.WriteLine("solidwall scan: " + ex.Message);
            return ExitCodes.Usage;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        ScanResult result;
        var work = new ScanWork(detector, setup);
        try
        {
            var scanner = new CaseScanner(store, work.Process, settings.Threads, copy: work.Copy);
            result = settings.ProgressBar
                ? WithProgressBar(errors, progress => scanner.Run(sources, progress, stop.Token))
                : scanner.Run(sources, null, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        var rate = result.Stored / Math.Max(result.Elapsed.TotalSeconds, 1e-3);
        output.WriteLine($"{(result.Cancelled ? "Stopped" : "Scanned")}: {result.Stored:N0} new item(s) in {result.Elapsed.TotalSeconds:F1} s ({rate:N0}/s), " +
                         $"{result.Resumed:N0} already in the case, {result.Skipped:N0} skipped, {result.Electioneering:N0} electioneering.");
        output.WriteLine($"Case {settings.Db}: {store.ItemCount():N0} item(s), {store.MessageCount():N0} distinct message(s), {store.Skipped().Count:N0} skipped.");
        if (result.Cancelled)
        {
            output.WriteLine("Run the same command again to resume; nothing read so far will be read twice.");
        }

        if (work.Encrypted > 0)
        {
            errors.WriteLine($"solidwall scan: warning: {work.Encrypted:N0} distinct message(s) have encrypted content (S/MIME, PGP/MIME or Microsoft Purview " +
                             "Message Encryption): their text could not be read, and their verdicts rest on their subject and headers alone. " +
                             "Search the case for them by subject or sender, and obtain the decrypted messages from the mail system.");
        }

        if (work.UnreadAttachments > 0)
        {
            errors.WriteLine($"solidwall scan: warning: {work.UnreadAttachments:N0} attached file(s) of a format SolidWall reads (PDF, Word, PowerPoint, Excel, " +
                             "OpenDocument) could not be read, or not all of them: encrypted, damaged, legacy binary Office files or too large. " +
                             "The report lists each under its limits (unread-attachments.csv).");
        }

        if (work.JournalReports > 0)
        {
            errors.WriteLine($"solidwall scan: warning: {work.JournalReports:N0} distinct message(s) are Exchange journal reports (an X-MS-Journal-Report header). " +
                             "SolidWall reads each as the journal's own message with the original attached, not as the original delivered to the " +
                             "recipients its envelope lists, so senders, blasts and staff reached are not what the journal recorded; " +
                             "export the mailboxes themselves (docs/FORMATS.md).");
        }

        // Most campaigns an investigator meets are in no list, and their quiet asks name only a candidate: said once a
        // scan has read the archive, with the command that reads their names from its own loud mail.
        if (!registry.NamesCandidate && !result.Cancelled)
        {
            errors.WriteLine("solidwall scan: note: no registry names a candidate, so campaign mail that names its campaign only by the candidate's name " +
                             "(no campaign word, disclaimer, campaign sender or donation link) is found less often. " +
                             $"`solidwall registry suggest {SuggestArguments(settings, setup)} --out registry.yaml` lists the candidates, committees and sending domains " +
                             "the archive's surest campaign mail names; review it, then scan into a new --db with --registry registry.yaml.");
        }

        return result.Cancelled || result.Skipped > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    // The archive as this scan read it, with the staff domains and roster the case was scanned with (given now, or kept
    // in the case when a scan resumes with none): the institution's own domains are never suggested as a campaign's.
    private static string SuggestArguments(Settings settings, CaseSetup setup) => string.Join(' ',
        settings.Paths.Select(ShellWord)
            .Concat(setup.StaffDomains.Select(d => "--staff-domain " + ShellWord(d)))
            .Concat((settings.Directory ?? setup.RosterPath) is { } roster ? ["--directory " + ShellWord(roster)] : []));

    // A path as a shell reads it back: quoted when it holds anything but letters, digits and . _ / @ : + = , -.
    private static string ShellWord(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || "._/@:+=,-".Contains(c)) ? path : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static ScanResult WithProgressBar(TextWriter errors, Func<IProgress<ScanProgress>, ScanResult> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(errors) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("scanning", maxValue: 1);
                var result = run(new Reporter(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    var rate = p.Messages / Math.Max(p.Elapsed.TotalSeconds, 1e-3);
                    task.Description = $"{p.Messages + p.Resumed:N0} messages · {rate:N0}/s · {p.Electioneering:N0} flagged · {p.Skipped:N0} skipped";
                }));
                task.StopTask();
                return result;
            });
    }

    /// <summary>Reports on the scanning thread itself (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class Reporter(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
