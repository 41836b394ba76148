using System.CommandLine;
using System.Diagnostics;
using SolidWall.Core.Analysis;
using SolidWall.Core.Demo;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall demo</c>: the README's first command. Generates the fictional district archive with its ground
/// truth, scans it into a case database, writes the report, and prints the headline figures beside the truth.
/// Exit 0 when every figure equals the truth, 1 when one differs.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder for the generated archive, the case database and the report",
            DefaultValueFactory = _ => "demo-out",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the generator; the same seed writes the same archive byte for byte",
            DefaultValueFactory = _ => 2023,
        };
        var command = new Command("demo", "Generate a sample district archive with a known ground truth, scan it, write the report, and print the figures beside the truth");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(output), new DemoOptions { Seed = parseResult.GetValue(seed) }, Console.Out, Console.Error, progressBar: !Console.IsErrorRedirected));
        return command;
    }

    internal static int Run(string outputDirectory, DemoOptions options, TextWriter output, TextWriter errors, bool progressBar = false)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outputDirectory);
        var truth = new DistrictArchiveGenerator(options).Generate(outputDirectory);
        var archive = Path.Combine(outputDirectory, "archive");
        output.WriteLine($"Generated {truth.Figures.Messages:N0} messages in {truth.Mailboxes} mailboxes under {archive} ({clock.Elapsed.TotalSeconds:F1} s).");

        var db = Path.Combine(outputDirectory, "case.db");
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        var scan = ScanCommand.Run(
            new ScanCommand.Settings(
                [archive],
                db,
                Registry: Path.Combine(outputDirectory, "registry.yaml"),
                Directory: Path.Combine(outputDirectory, "directory.csv"),
                StaffDomains: [DemoDistrict.StaffDomain],
                StudentDomains: [DemoDistrict.StudentDomain],
                Custodians: Path.Combine(outputDirectory, "custodians.txt"),
                Name: "Demo: " + DemoDistrict.Name,
                OfficialOffices: [DemoDistrict.MayorsOfficeDomain],
                ProgressBar: progressBar),
            output,
            errors);
        if (scan == ExitCodes.Usage)
        {
            return scan;
        }

        var reportDirectory = Path.Combine(outputDirectory, "report");
        var report = ReportCommand.Write(db, reportDirectory, output, errors);
        if (report is null)
        {
            return ExitCodes.Usage;
        }

        var differences = Compare(report.Figures, truth.Figures);
        output.WriteLine();
        output.WriteLine(Table(report.Figures, truth.Figures));
        output.WriteLine(differences.Count == 0
            ? "Every figure equals the generator's ground truth."
            : "Figures that differ from the ground truth:\n  " + string.Join("\n  ", differences));
        output.WriteLine($"Report: {Path.GetFullPath(Path.Combine(reportDirectory, "index.html"))}");
        output.WriteLine($"Ground truth: {Path.GetFullPath(Path.Combine(outputDirectory, "ground-truth.json"))}  ({clock.Elapsed.TotalSeconds:F0} s in all)");
        return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>
    /// Every figure of the report's figures.json against the same figure of the ground truth, one line per
    /// difference; blasts are matched by campaign and first message (their ids are SolidWall's own).
    /// </summary>
    internal static List<string> Compare(CaseFigures found, CaseFigures truth)
    {
        var differences = new List<string>();
        void Check<T>(string what, T got, T expected)
        {
            if (!EqualityComparer<T>.Default.Equals(got, expected))
            {
                differences.Add($"{what}: found {got}, truth {expected}");
            }
        }

        void CheckList(string what, IEnumerable<string> got, IEnumerable<string> expected)
        {
            var g = got.Order(StringComparer.Ordinal).ToList();
            var e = expected.Order(StringComparer.Ordinal).ToList();
            if (!g.SequenceEqual(e))
            {
                differences.Add($"{what}: found [{string.Join(", ", g)}], truth [{string.Join(", ", e)}]");
            }
        }

        Check("messages", found.Messages, truth.Messages);
        Check("electioneering", found.Electioneering, truth.Electioneering);
        Check("skipped", found.Skipped, truth.Skipped);
        Check("encrypted", found.Encrypted, truth.Encrypted);
        CheckList("campaigns", found.Campaigns.Select(c => c.Name), truth.Campaigns.Select(c => c.Name));
        foreach (var t in truth.Campaigns)
        {
            var f = found.Campaigns.FirstOrDefault(c => c.Name == t.Name);
            if (f is null)
            {
                continue;
            }

            var n = t.Name;
            CheckList($"{n}: senders", f.Senders, t.Senders);
            CheckList($"{n}: domains", f.Domains, t.Domains);
            Check($"{n}: staffReached", f.StaffReached, t.StaffReached);
            Check($"{n}: emailsDelivered", f.EmailsDelivered, t.EmailsDelivered);
            CheckList($"{n}: blasts (first, variants, copies, recipients, last)",
                f.Blasts.Select(b => $"{b.First:O} {b.Variants} {b.Copies} {b.Recipients} {b.Last:O}"),
                t.Blasts.Select(b => $"{b.First:O} {b.Variants} {b.Copies} {b.Recipients} {b.Last:O}"));
            CheckList($"{n}: relayers", f.Relayers.Select(r => $"{r.Address} {r.StudentsReached} {r.Kind}"), t.Relayers.Select(r => $"{r.Address} {r.StudentsReached} {r.Kind}"));
            CheckList($"{n}: principals", f.Principals.Select(p => $"{p.Address} {p.TeachersReached}"), t.Principals.Select(p => $"{p.Address} {p.TeachersReached}"));
            CheckList($"{n}: signups", f.Signups, t.Signups);
        }

        return differences;
    }

    private static string Table(CaseFigures found, CaseFigures truth)
    {
        var lines = new List<string>
        {
            $"{"",-44} {"found",9} {"truth",9}",
            $"{"mailbox items",-44} {found.Messages,9:N0} {truth.Messages,9:N0}",
            $"{"electioneering (mailbox copies)",-44} {found.Electioneering,9:N0} {truth.Electioneering,9:N0}",
            $"{"skipped (not mail)",-44} {found.Skipped,9:N0} {truth.Skipped,9:N0}",
            $"{"encrypted (content not read)",-44} {found.Encrypted,9:N0} {truth.Encrypted,9:N0}",
        };
        foreach (var t in truth.Campaigns)
        {
            var f = found.Campaigns.FirstOrDefault(c => c.Name == t.Name);
            lines.Add(t.Name);
            lines.Add($"{"  emails delivered",-44} {f?.EmailsDelivered,9:N0} {t.EmailsDelivered,9:N0}");
            lines.Add($"{"  staff reached",-44} {f?.StaffReached,9:N0} {t.StaffReached,9:N0}");
            lines.Add($"{"  blasts",-44} {f?.Blasts.Count,9:N0} {t.Blasts.Count,9:N0}");
            lines.Add($"{"  staff who relayed to students",-44} {f?.Relayers.Count,9:N0} {t.Relayers.Count,9:N0}");
            lines.Add($"{"  students reached by relays",-44} {f?.Relayers.Sum(r => r.StudentsReached),9:N0} {t.Relayers.Sum(r => r.StudentsReached),9:N0}");
            lines.Add($"{"  principals who pushed it to teachers",-44} {f?.Principals.Count,9:N0} {t.Principals.Count,9:N0}");
            lines.Add($"{"  students who signed up",-44} {f?.Signups.Count,9:N0} {t.Signups.Count,9:N0}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
