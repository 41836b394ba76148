using System.CommandLine;
using System.Diagnostics;
using SolidWall.Core.Analysis;
using SolidWall.Core.Detection;
using SolidWall.Core.Report;
using SolidWall.Storage;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall report</c>: analyses a case (campaigns, blasts, relays, sign-ups) and writes the report: index.html,
/// figures.json, a CSV per table and manifest.json. Analysis and layout live in Core; this only connects them to the store.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The case database made by 'solidwall scan'", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the report into", Required = true };
        var command = new Command("report", "Write a case's report: figures per campaign, blasts, relays, timeline, limits of the evidence, and an evidence manifest");
        command.Options.Add(db);
        command.Options.Add(output);
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(db), parseResult.GetRequiredValue(output), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string db, string outputDirectory, TextWriter output, TextWriter errors) =>
        Write(db, outputDirectory, output, errors) is null ? ExitCodes.Usage : ExitCodes.Ok;

    /// <summary>Writes the report and returns it; null (with the reason printed) when the case cannot be read.</summary>
    internal static CaseReport? Write(string db, string outputDirectory, TextWriter output, TextWriter errors)
    {
        var clock = Stopwatch.StartNew();
        using var store = CaseStores.Open(db, "report", errors, mustExist: true);
        if (store is null)
        {
            return null;
        }

        var setup = CaseSetup.Load(store) ?? new CaseSetup { Name = Path.GetFileNameWithoutExtension(db) };
        int fingerprints, encryptionUnrecorded, attachmentsUnrecorded, registryReading;
        try
        {
            fingerprints = CaseFingerprints.Read(store) ?? Fingerprinter.NormalisationVersion;
            encryptionUnrecorded = CaseEncryption.Unrecorded(store);
            attachmentsUnrecorded = CaseAttachments.Unrecorded(store);
            registryReading = CaseRegistryReading.Read(store) ?? Detector.RegistryReading;
        }
        catch (CaseStoreException ex)
        {
            errors.WriteLine($"solidwall report: {db}: {ex.Message}");
            return null;
        }

        CaseAnalyzer analyzer;
        try
        {
            analyzer = new CaseAnalyzer(new AnalysisOptions
            {
                Policy = setup.BuildPolicy(),
                Registry = setup.BuildRegistry(),
                Directory = setup.BuildDirectory(),
                Custodians = setup.Custodians,
                OfficialOffices = setup.OfficialOffices,
                CaseName = setup.Name,
                FingerprintNormalisation = fingerprints,
                EncryptionUnrecorded = encryptionUnrecorded,
                AttachmentsUnrecorded = attachmentsUnrecorded,
                RegistryReading = registryReading,
                ModelSha256 = setup.ModelSha256,
            });
        }
        catch (ConfigurationException ex)
        {
            errors.WriteLine("solidwall report: " + ex.Message);
            return null;
        }

        // The two reads of the messages a large case serves fastest: the electioneering ones through their index,
        // then all of them in one sequential read of the table (docs/BENCHMARKS.md, "report on a million messages").
        var report = analyzer.Analyse(store.Items(), store.ElectioneeringMessages(), store.MessagesAsStored(), store.Skipped());
        var analysed = clock.Elapsed;
        Directory.CreateDirectory(outputDirectory);
        ReportWriter.Write(report, outputDirectory);

        var figures = report.Figures;
        output.WriteLine($"Report written to {Path.GetFullPath(Path.Combine(outputDirectory, "index.html"))} " +
                         $"(analysis {analysed.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s).");
        output.WriteLine($"{figures.Messages:N0} mailbox items, {figures.Electioneering:N0} electioneering, {figures.Skipped:N0} skipped, {figures.Campaigns.Count} campaign(s):");
        foreach (var c in figures.Campaigns)
        {
            output.WriteLine($"  {c.Name}: {c.EmailsDelivered:N0} emails delivered to {c.StaffReached:N0} staff, {c.Blasts.Count} blast(s), " +
                             $"{c.Relayers.Count} relayer(s) to {c.Relayers.Sum(r => r.StudentsReached):N0} students, {c.Principals.Count} principal(s), {c.Signups.Count} sign-up(s)");
        }

        return report;
    }
}
