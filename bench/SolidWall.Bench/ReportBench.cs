using System.Diagnostics;
using SolidWall.Core.Analysis;
using SolidWall.Core.Case;
using SolidWall.Core.Report;

namespace SolidWall.Bench;

/// <summary>
/// Times <see cref="ReportWriter.Write"/> on a synthetic case the size of a million-message scan: 100,000 evidence
/// items, 1,000 relay paths, 3 campaigns, a year of daily counts, 5,000 skipped items. Usage: <c>report [EVIDENCE]</c>.
/// </summary>
internal static class ReportBench
{
    public static int Run(string[] args)
    {
        var evidence = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var report = Build(evidence, relays: 1_000);
        var dir = Path.Combine(Path.GetTempPath(), "sw-report-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            ReportWriter.Write(report, dir); // warm-up: JIT, file cache
            var best = double.MaxValue;
            for (var pass = 0; pass < 3; pass++)
            {
                var stopwatch = Stopwatch.StartNew();
                ReportWriter.Write(report, dir);
                best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
            }

            var bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
            var stopwatchVerify = Stopwatch.StartNew();
            var problems = ManifestVerifier.Verify(dir);
            var verify = stopwatchVerify.Elapsed.TotalSeconds;
            Console.WriteLine($"report: {evidence:N0} evidence items, {report.Relays.Count:N0} relays, {report.Limits.Skipped.Count:N0} skipped: write {best:F2} s (best of 3), {Directory.GetFiles(dir).Length} files, {bytes / 1e6:F1} MB; index.html {new FileInfo(Path.Combine(dir, "index.html")).Length / 1e6:F1} MB, manifest.json {new FileInfo(Path.Combine(dir, "manifest.json")).Length / 1e6:F1} MB");
            Console.WriteLine($"verify: {verify:F2} s, {problems.Count} problems; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static CaseReport Build(int evidenceCount, int relays)
    {
        var random = new Random(7);
        var zone = TimeSpan.FromHours(-5);
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, zone);
        string[] names = ["Committee to Re-elect Alderman Ortiz", "Friends of Dana Whitfield", "Citizens for Okoro"];
        string Hex(int i) => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

        var campaigns = names.Select((name, c) => new CampaignFigures
        {
            Name = name,
            Senders = Enumerable.Range(0, 20).Select(i => $"sender{i}@campaign{c}.example").ToList(),
            Domains = [$"campaign{c}.example"],
            StaffReached = 4_000 + c,
            EmailsDelivered = 30_000 + c,
            Blasts = Enumerable.Range(0, 40).Select(b => new BlastFigures { Id = $"c{c}-blast{b}", Variants = 1 + (b % 3), Copies = 700, Recipients = 650, First = start.AddDays(b * 8), Last = start.AddDays((b * 8) + 1) }).ToList(),
            Relayers = Enumerable.Range(0, relays / 3).Select(r => new RelayerFigures($"staff{r}@district.example", 20 + (r % 30), r % 2 == 0 ? RelayerFigures.Forward : RelayerFigures.Copy)).ToList(),
            Principals = Enumerable.Range(0, 30).Select(p => new PrincipalFigures($"principal{p}@district.example", 40 + p)).ToList(),
            Signups = Enumerable.Range(0, 300).Select(s => $"student{s}@students.district.example").ToList(),
        }).ToList();

        var evidence = new List<EvidenceItem>(evidenceCount);
        for (var i = 0; i < evidenceCount; i++)
        {
            evidence.Add(new EvidenceItem($"/cases/district/vault/staff-{i % 900}.mbox", i * 7_919L, Hex(i), $"<m{i}@campaign{i % 3}.example>", start.AddMinutes(i * 3),
                $"sender{i % 20}@campaign{i % 3}.example", i % 1000 == 0 ? "=cmd|' /C calc'!A0" : $"Volunteer with us, message {i}", names[i % 3], i % 10 == 0 ? "relay" : "campaign"));
        }

        var students = Enumerable.Range(0, 2_000).Select(s => $"student{s}@students.district.example").ToArray();
        return new CaseReport
        {
            CaseName = "Synthetic district, one million messages",
            GeneratedAt = start.AddYears(1),
            Figures = new CaseFigures { Messages = 1_000_000, Electioneering = evidenceCount, Skipped = 5_000, Campaigns = campaigns },
            Campaigns = names.Select((n, c) => new CampaignDetail { Name = n, Basis = "registry", Senders = campaigns[c].Senders.Select(s => new SenderAttribution(s, "registered address", 100)).ToList() }).ToList(),
            Timeline = Enumerable.Range(0, 365).SelectMany(d => names.Select((n, c) => new DailyCount(DateOnly.FromDateTime(start.DateTime).AddDays(d), n, random.Next(0, 400)))).ToList(),
            Elections = [new ElectionMark(new DateOnly(2026, 3, 17), "Primary"), new ElectionMark(new DateOnly(2026, 11, 3), "General election")],
            RecipientsByRoleAndSchool = Enumerable.Range(0, 60).SelectMany(s => names.Select(n => new RecipientGroup(n, s % 5 == 0 ? "student" : "staff", $"School {s}", 50 + s, 120 + s))).ToList(),
            Relays = Enumerable.Range(0, relays).Select(r => new RelayPath
            {
                Campaign = names[r % 3],
                BlastId = $"c{r % 3}-blast{r % 40}",
                Relayer = $"staff{r}@district.example",
                Kind = r % 2 == 0 ? "forward" : "copy",
                Date = start.AddHours(r * 5),
                Subject = $"Fwd: Volunteer with us {r}",
                Students = students.Skip(r % 1_900).Take(20 + (r % 60)).ToList(),
                Sha256 = Hex(r),
            }).ToList(),
            AttestationBreaches = [new AttestationBreach(names[0], "Alderman Ortiz", start.AddDays(30), "attestation.pdf", Hex(1), 5_000, evidence[0], evidence[^1])],
            Coordination = Enumerable.Range(0, 50).Select(t => new CoordinationThread($"Re: event {t}", ["communications@district.example", $"office{t}@city.example"], evidence.Skip(t * 4).Take(4).ToList())).ToList(),
            Limits = new EvidenceLimits
            {
                MissingMailboxes = Enumerable.Range(0, 40).Select(m => $"missing{m}@district.example").ToList(),
                Skipped = Enumerable.Range(0, 5_000).Select(s => new SkippedItem($"/cases/district/vault/staff-{s % 900}.mbox", s * 104_729L, "truncated message")).ToList(),
                Sources = Enumerable.Range(0, 900).Select(s => new SourceCount($"/cases/district/vault/staff-{s}.mbox", 1_111)).ToList(),
            },
            Method = ["Synthetic case for the report benchmark."],
            Evidence = evidence,
        };
    }
}
