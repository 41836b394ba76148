using SolidWall.Core.Analysis;
using SolidWall.Core.Case;

namespace SolidWall.Core.Tests.Report;

/// <summary>
/// A realistic case for the report tests: two campaigns with blasts, relays to students, a principal, sign-ups, an
/// attestation breach, a coordination thread, skipped items, and hostile text (a script subject, a formula subject,
/// a right-to-left override) where mail puts it. Fictional names and domains only.
/// </summary>
internal static class ReportFixture
{
    public const string Ortiz = "Committee to Re-elect Alderman Ortiz";
    public const string Whitfield = "Friends of Dana Whitfield";
    public const string ScriptSubject = "<script>alert(1)</script>";
    public const string FormulaSubject = "=HYPERLINK(\"http://evil.example/?x\",\"Click\")";

    private static readonly TimeSpan Central = TimeSpan.FromHours(-5);

    public static DateTimeOffset At(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, Central);

    public static CaseReport Realistic()
    {
        var ortizBlasts = new[]
        {
            new BlastFigures { Id = "ortiz-externship", Variants = 3, Copies = 412, Recipients = 198, First = At(9, 29, 7), Last = At(9, 29, 8) },
            new BlastFigures { Id = "ortiz-reminder", Variants = 1, Copies = 188, Recipients = 176, First = At(10, 13), Last = At(10, 13, 10) },
            new BlastFigures { Id = "ortiz-fundraising", Variants = 2, Copies = 74, Recipients = 61, First = At(10, 27), Last = At(10, 28) },
        };
        var ortiz = new CampaignFigures
        {
            Name = Ortiz,
            Senders = ["maria.lopez@gmail.example", "team@reelect-ortiz.example", "volunteer@reelect-ortiz.example"],
            Domains = ["reelect-ortiz.example"],
            StaffReached = 213,
            EmailsDelivered = 674,
            Blasts = ortizBlasts,
            Relayers =
            [
                new RelayerFigures("j.harper@lakeshore-schools.example", 28, RelayerFigures.Forward),
                new RelayerFigures("m.okafor@lakeshore-schools.example", 31, RelayerFigures.Copy),
                new RelayerFigures("t.nguyen@lakeshore-schools.example", 17, RelayerFigures.Forward),
            ],
            Principals = [new PrincipalFigures("principal.baker@lakeshore-schools.example", 44)],
            Signups = ["a.student@students.lakeshore-schools.example", "b.student@students.lakeshore-schools.example", "c.student@students.lakeshore-schools.example"],
        };
        var whitfield = new CampaignFigures
        {
            Name = Whitfield,
            Senders = ["dana@whitfield4council.example"],
            Domains = ["whitfield4council.example"],
            StaffReached = 57,
            EmailsDelivered = 61,
            Blasts = [new BlastFigures { Id = "whitfield-rally", Variants = 1, Copies = 61, Recipients = 57, First = At(10, 20, 18), Last = At(10, 20, 18) }],
            Relayers = [new RelayerFigures("r.castillo@lakeshore-schools.example", 12, RelayerFigures.Forward)],
        };

        var evidence = new List<EvidenceItem>();
        for (var i = 0; i < 40; i++)
        {
            evidence.Add(new EvidenceItem($"/cases/lakeshore/vault/staff-{i % 7}.mbox", 1_024L * i, Hex(i), $"<m{i}@reelect-ortiz.example>", At(9, 29 + (i % 2), 7),
                "team@reelect-ortiz.example", i == 3 ? ScriptSubject : i == 5 ? FormulaSubject : "Earn class credit this fall: join the Ortiz externship", Ortiz, "campaign"));
        }

        evidence.Add(new EvidenceItem("/cases/lakeshore/vault/j.harper.mbox", 88_000, Hex(100), "<fwd1@lakeshore-schools.example>", At(9, 30, 11),
            "j.harper@lakeshore-schools.example", "Fwd: " + ScriptSubject, Ortiz, "relay"));

        var students = Enumerable.Range(1, 28).Select(i => $"s{i:D3}@students.lakeshore-schools.example").ToList();
        var timeline = new List<DailyCount>();
        foreach (var blast in ortizBlasts)
        {
            timeline.Add(new DailyCount(DateOnly.FromDateTime(blast.First.DateTime), Ortiz, blast.Copies - 10));
        }

        for (var d = 1; d <= 30; d++)
        {
            timeline.Add(new DailyCount(new DateOnly(2026, 10, d), Ortiz, 2 + (d % 5)));
            if (d is >= 18 and <= 24)
            {
                timeline.Add(new DailyCount(new DateOnly(2026, 10, d), Whitfield, d == 20 ? 61 : 3));
            }
        }

        timeline = timeline.GroupBy(t => (t.Day, t.Campaign)).Select(g => new DailyCount(g.Key.Day, g.Key.Campaign, g.Sum(x => x.Copies))).ToList();

        return new CaseReport
        {
            CaseName = "Lakeshore School District — campaign mail, autumn 2026",
            GeneratedAt = new DateTimeOffset(2026, 11, 27, 14, 5, 0, TimeSpan.Zero),
            Figures = new CaseFigures { Messages = 48_213, Electioneering = 901, Skipped = 3, Encrypted = 1, UnreadAttachments = 2, Campaigns = [ortiz, whitfield] },
            Campaigns =
            [
                new CampaignDetail
                {
                    Name = Ortiz, Basis = "registry", Candidate = "Alderman Rafael Ortiz", Office = "City Council, Ward 12",
                    Senders =
                    [
                        new SenderAttribution("team@reelect-ortiz.example", "registered address", 5),
                        new SenderAttribution("volunteer@reelect-ortiz.example", "domain reelect-ortiz.example", 2),
                        new SenderAttribution("maria.lopez@gmail.example", "text matches blast ortiz-externship; links to mobilize.example/reelectortiz", 1),
                    ],
                },
                new CampaignDetail
                {
                    Name = Whitfield, Basis = "inferred",
                    Senders = [new SenderAttribution("dana@whitfield4council.example", "disclaimer names the committee", 1)],
                },
            ],
            Timeline = timeline,
            Elections = [new ElectionMark(new DateOnly(2026, 11, 3), "General election"), new ElectionMark(new DateOnly(2026, 10, 6), "Voter registration deadline")],
            RecipientsByRoleAndSchool =
            [
                new RecipientGroup(Ortiz, "staff", "Lakeshore High School", 96, 301),
                new RecipientGroup(Ortiz, "staff", "Marsh Middle School", 61, 190),
                new RecipientGroup(Ortiz, "principal", "Lakeshore High School", 1, 3),
                new RecipientGroup(Ortiz, "staff", null, 55, 180),
                new RecipientGroup(Ortiz, "student", "Lakeshore High School", 88, 88),
                new RecipientGroup(Whitfield, "staff", "Lakeshore High School", 30, 31),
                new RecipientGroup(Whitfield, "staff", "Marsh Middle School", 27, 30),
            ],
            Relays =
            [
                new RelayPath
                {
                    Campaign = Ortiz, BlastId = "ortiz-externship", Relayer = "j.harper@lakeshore-schools.example", Kind = "forward",
                    Date = At(9, 30, 11), Subject = "Fwd: " + ScriptSubject, Students = students, Sha256 = Hex(100),
                },
                new RelayPath
                {
                    Campaign = Ortiz, BlastId = "ortiz-externship", Relayer = "m.okafor@lakeshore-schools.example", Kind = "copy",
                    Date = At(10, 1, 8), Subject = "Opportunity for class credit", Students = students.Take(31 - 3).ToList(), Sha256 = Hex(101),
                },
                new RelayPath
                {
                    Campaign = Ortiz, BlastId = "ortiz-reminder", Relayer = "principal.baker@lakeshore-schools.example", RelayerRole = "principal", Kind = "push",
                    Date = At(10, 14, 7), Subject = "Please share with your classes", Staff = Enumerable.Range(1, 44).Select(i => $"teacher{i}@lakeshore-schools.example").ToList(), Sha256 = Hex(102),
                },
                new RelayPath
                {
                    Campaign = Whitfield, BlastId = "whitfield-rally", Relayer = "r.castillo@lakeshore-schools.example", Kind = "forward",
                    Date = At(10, 21, 9), Subject = "Fwd: Rally for Dana \u202Egnp.exe", Students = students.Take(12).ToList(), Sha256 = Hex(103),
                },
            ],
            AttestationBreaches =
            [
                new AttestationBreach(Ortiz, "Alderman Rafael Ortiz", At(10, 2, 12), "ortiz-attestation-2026-10-02.pdf", Hex(200), 212,
                    evidence[10], evidence[39]),
            ],
            Coordination =
            [
                new CoordinationThread("Re: Ward 12 back-to-school event", ["communications@lakeshore-schools.example", "scheduler@ortiz-ward12.example"],
                    [evidence[20], evidence[21]]),
            ],
            Limits = new EvidenceLimits
            {
                MissingMailboxes = ["e.wright@lakeshore-schools.example", "k.adams@lakeshore-schools.example"],
                Skipped =
                [
                    new SkippedItem("/cases/lakeshore/vault/staff-2.mbox", 7_340_032, "truncated message: the file ends inside the headers"),
                    new SkippedItem("/cases/lakeshore/vault/staff-5.mbox", 1_200, "=cmd|' /C calc'!A0"),
                    new SkippedItem("/cases/lakeshore/pst/board.pst", 0, "readpst failed: unsupported PST version"),
                ],
                Encrypted =
                [
                    new EncryptedItem("/cases/lakeshore/vault/staff-0.mbox", 88_114_688, "m.lopez@lakeshore-schools.example", new string('e', 64),
                        "<enc-1@ortiz-ward12.example>", new DateTimeOffset(2026, 9, 30, 7, 5, 0, TimeSpan.FromHours(-5)), "volunteer@ortiz-ward12.example",
                        "For your students", "S/MIME", Electioneering: false),
                ],
                UnreadAttachments =
                [
                    new UnreadAttachmentItem("/cases/lakeshore/vault/staff-2.mbox", 4_096, "j.reyes@lakeshore-schools.example", new string('a', 64),
                        "Fwd: the flyer", "flyer.pdf (PDF): encrypted PDF: its text cannot be read", Electioneering: true),
                ],
                Sources = [new SourceCount("/cases/lakeshore/vault/staff-0.mbox", 31_000), new SourceCount("/cases/lakeshore/communications-maildir", 17_216)],
                Notes = ["Bcc recipients are known only from the sender's own copy."],
            },
            Method =
            [
                "Each message was classified by the SolidWall detector (signals and text model, policy threshold 0.5).",
                "Blasts group near-duplicate bodies: MinHash over 5-word shingles, LSH with 32 bands, Jaccard threshold 0.8.",
            ],
            Evidence = evidence,
        };
    }

    /// <summary>An empty case: no campaigns, no evidence.</summary>
    public static CaseReport Empty() => new() { Figures = new CaseFigures { Messages = 120 }, GeneratedAt = At(11, 1) };

    public static string Hex(int seed) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(seed)));
}
