using SolidWall.Core.Analysis;
using SolidWall.Core.Case;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Analysis;

/// <summary>Hand-built case messages and their mailbox items for the analysis tests: fingerprints are real, everything else is given.</summary>
internal sealed class CaseMail
{
    public static readonly Fingerprinter Fingerprinter = new();
    public static readonly DateTimeOffset Day0 = new(2023, 1, 10, 9, 0, 0, TimeSpan.FromHours(-6));

    public const string Staff = "district.example";
    public const string Students = "students.district.example";

    public static readonly InstitutionDirectory Directory = new(
        [Staff],
        [Students],
        [
            new RosterEntry("pat.principal@" + Staff, InstitutionRole.Principal, "Harbor High"),
            new RosterEntry("comms@" + Staff, InstitutionRole.Office, null),
        ]);

    private int _n;

    public List<CaseItem> Items { get; } = [];

    public List<CaseMessage> Messages { get; } = [];

    /// <summary>
    /// Adds a message and one item per recipient mailbox in <paramref name="mailboxes"/> (default: every
    /// institutional To/Cc/Bcc recipient), plus the sender's own copy when <paramref name="senderCopy"/>.
    /// </summary>
    public CaseMessage Add(
        string from,
        string[] to,
        string text,
        DateTimeOffset? date = null,
        string subject = "Subject",
        bool electioneering = false,
        string[]? bcc = null,
        string? committee = null,
        string? registered = null,
        string[]? links = null,
        string[]? inReplyTo = null,
        Segment[]? segments = null,
        string[]? mailboxes = null,
        bool senderCopy = false,
        string? fromName = null)
    {
        segments ??= [new Segment(SegmentKind.Body, text)];
        var id = $"m{++_n}@test.example";
        var message = new CaseMessage
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))),
            MessageId = id,
            InReplyTo = inReplyTo ?? [],
            Date = date ?? Day0,
            From = from,
            FromName = fromName,
            To = to,
            Bcc = bcc ?? [],
            Subject = subject,
            Text = string.Join("\n\n", segments.Select(s => s.Text)),
            Segments = segments,
            Links = links ?? [],
            Electioneering = electioneering,
            Committee = committee,
            RegisteredCampaign = registered,
            Fingerprints = segments.Select(s => Fingerprinter.Fingerprint(s.Kind, s.Text)).Where(f => f.Shingles > 0).ToList(),
        };
        Messages.Add(message);
        foreach (var box in mailboxes ?? message.Recipients.Where(r => Directory.RoleOf(r) != InstitutionRole.External).ToArray())
        {
            Items.Add(new CaseItem(message.Sha256, $"/export/{box}.mbox", Items.Count * 1000, 900, box, []));
        }

        if (senderCopy)
        {
            Items.Add(new CaseItem(message.Sha256, $"/export/{from}.mbox", Items.Count * 1000, 900, from, []));
        }

        return message;
    }

    public CaseReport Analyse(Registry? registry = null, IReadOnlyList<string>? custodians = null, IReadOnlyList<string>? offices = null, Policy? policy = null,
        int fingerprintNormalisation = Fingerprinter.NormalisationVersion) =>
        new CaseAnalyzer(new AnalysisOptions
        {
            Registry = registry ?? Registry.Empty,
            Directory = Directory,
            Custodians = custodians ?? [],
            OfficialOffices = offices ?? [],
            Policy = policy ?? Policy.Default,
            FingerprintNormalisation = fingerprintNormalisation,
        }).Analyse(Items, Messages, []);

    public static string Teacher(int i) => $"teacher{i}@{Staff}";

    public static string Student(int i) => $"student{i}@{Students}";

    /// <summary>A campaign text long enough for stable fingerprints; <paramref name="topic"/> makes distinct texts.</summary>
    public static string CampaignText(string topic, string greeting = "Hi there,") => $"""
        {greeting}

        Our campaign is offering a {topic} for high school students who want to see how a city campaign really
        works. Students commit twelve hours a week and can earn class credit or service hours for their work with
        the re-election team, helping with phone banking, voter outreach and events before the election.

        Please share this with your students, especially juniors and seniors interested in government and
        public policy. Students can sign up on our page today and start right after school next week.

        Thank you for everything you do for our kids.
        """;
}
