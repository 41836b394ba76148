using System.Globalization;
using System.Text;
using SolidWall.Core.Analysis;
using SolidWall.Core.Report;

namespace SolidWall.Core.Demo;

/// <summary>What the demo archive should look like; the defaults give tens of thousands of messages.</summary>
public sealed record DemoOptions
{
    public int Seed { get; init; } = 2023;

    public int TeachersPerSchool { get; init; } = 24;

    public int StudentsPerSchool { get; init; } = 120;

    /// <summary>Weeks of ordinary mail around the campaign (January to March 2023).</summary>
    public int Weeks { get; init; } = 10;
}

/// <summary>
/// Writes a realistic, entirely fictional school-district mail archive in the forms investigators receive
/// (a Google Vault mbox per custodian, one Maildir, one EML export), with the ground truth of what it holds:
/// campaign blasts modelled on the 2023 case, staff relaying them to students, principals pushing them,
/// students signing up, and the official, union, course and look-alike mail around them. The ground truth is
/// the generator's own record of what it sent; it is never derived from SolidWall's output.
/// </summary>
public sealed class DistrictArchiveGenerator
{
    private static readonly DateTimeOffset Start = new(2023, 1, 2, 8, 0, 0, TimeSpan.FromHours(-6));
    private const string SentLabel = "Sent";
    private readonly DemoOptions _options;
    private readonly Random _random;
    private readonly List<DemoMail> _mails = new();
    private readonly List<DemoPerson> _teachers = new();
    private readonly List<DemoPerson> _principals = new();
    private readonly List<DemoPerson> _central = new();
    private readonly List<DemoPerson> _students = new();
    private readonly Dictionary<string, List<DemoPerson>> _studentsBySchool = new();
    private readonly HashSet<string> _usedAddresses = new(StringComparer.Ordinal);
    private int _sequence;

    public DistrictArchiveGenerator(DemoOptions? options = null)
    {
        _options = options ?? new DemoOptions();
        _random = new Random(_options.Seed);
    }

    /// <summary>
    /// Generates the archive under <paramref name="outputDirectory"/>/archive and writes beside it ground-truth.json
    /// (the figures it really holds, in the shape of the report's figures.json), ground-truth-items.csv and
    /// ground-truth-missing-mailboxes.txt.
    /// </summary>
    public DemoGroundTruth Generate(string outputDirectory)
    {
        BuildPeople();
        var ortiz = new CampaignTruth(DemoTexts.OrtizCommittee);
        var raman = new CampaignTruth(DemoTexts.RamanCommittee);
        SendBackground();
        SendOrtizCampaign(ortiz);
        SendRamanCampaign(raman);
        SendCoordination();
        SendEncrypted();
        return WriteArchive(outputDirectory, [ortiz, raman]);
    }

    private void BuildPeople()
    {
        foreach (var school in DemoPeople.Schools)
        {
            _principals.Add(NewPerson(DemoRole.Principal, school, DemoPeople.StaffDomain));
            for (var i = 0; i < _options.TeachersPerSchool; i++)
            {
                _teachers.Add(NewPerson(DemoRole.Teacher, school, DemoPeople.StaffDomain));
            }
            var students = new List<DemoPerson>();
            for (var i = 0; i < _options.StudentsPerSchool; i++)
            {
                students.Add(NewPerson(DemoRole.Student, school, DemoPeople.StudentDomain));
            }
            _studentsBySchool[school] = students;
            _students.AddRange(students);
        }
        _central.Add(new DemoPerson("Office of", "Communications", "communications@" + DemoPeople.StaffDomain, DemoRole.CentralOffice, null));
        _central.Add(new DemoPerson("Renee", "Whitaker", "superintendent@" + DemoPeople.StaffDomain, DemoRole.CentralOffice, null));
        _central.Add(new DemoPerson("IT", "Help Desk", "helpdesk@" + DemoPeople.StaffDomain, DemoRole.CentralOffice, null));
    }

    private DemoPerson NewPerson(DemoRole role, string? school, string domain)
    {
        while (true)
        {
            var first = Pick(DemoPeople.FirstNames);
            var last = Pick(DemoPeople.LastNames);
            var local = role == DemoRole.Student
                ? $"{first[0]}{last}{_random.Next(10, 99)}".ToLowerInvariant()
                : $"{first}.{last}".ToLowerInvariant();
            var address = local + "@" + domain;
            if (_usedAddresses.Add(address))
            {
                return new DemoPerson(first, last, address, role, school);
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.Take(Math.Min(count, copy.Count)).ToList();
    }

    private string NextId(string domain) => $"{++_sequence:D6}.{_random.Next(100000, 999999)}@{domain}";

    private DateTimeOffset At(int day, int hour, int minute = 0) => Start.AddDays(day).AddHours(hour - 8).AddMinutes(minute);

    /// <summary><paramref name="link"/> as Proofpoint URL Defense (v3) rewrites it for the district: nothing in it to replace.</summary>
    private static string UrlDefense(string link) =>
        $"https://urldefense.com/v3/__{link}__;!!LkShr7Sd!{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(link)))[..16]}$";

    private string Token() => _random.Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture);

    private DemoMail Add(DemoMail mail)
    {
        _mails.Add(mail);
        return mail;
    }

    private void SendBackground()
    {
        var allStaff = _teachers.Concat(_principals).ToList();
        var comms = _central[0];
        var superintendent = _central[1];
        for (var week = 0; week < _options.Weeks; week++)
        {
            // The superintendent's weekly bulletin: an official blast, which the blast finder must not confuse with campaign mail.
            var topics = Sample(DemoTexts.NewsletterTopics, 3);
            Add(new DemoMail
            {
                MessageId = NextId(DemoPeople.StaffDomain),
                Date = At(week * 7, 7, 30),
                From = superintendent.Mailbox,
                FromAddress = superintendent.Address,
                ToHeaderOverride = "All Staff <allstaff@" + DemoPeople.StaffDomain + ">",
                Bcc = allStaff,
                Subject = string.Create(CultureInfo.InvariantCulture, $"Weekly bulletin: week of {At(week * 7, 8):MMMM d}"),
                Text = "Dear colleagues,\n\n" + string.Join("\n\n", topics) + "\n\nDr. Renee Whitaker\nSuperintendent, " + DemoPeople.DistrictName,
                Html = "<html><body><p>Dear colleagues,</p>" + string.Concat(topics.Select(t => $"<p>{t}</p>")) + "<p>Dr. Renee Whitaker<br>Superintendent</p></body></html>",
                Truth = new DemoTruth(false, "official-bulletin"),
            });

            // A look-alike to everyone each week: election information, civics, PTA, union, ethics training.
            var lookAlike = DemoTexts.LookAlikes[week % DemoTexts.LookAlikes.Length];
            Add(new DemoMail
            {
                MessageId = NextId(DemoPeople.StaffDomain),
                Date = At(week * 7 + 2, 10),
                From = comms.Mailbox,
                FromAddress = comms.Address,
                ToHeaderOverride = "All Staff <allstaff@" + DemoPeople.StaffDomain + ">",
                Bcc = allStaff,
                Subject = LookAlikeSubject(week % DemoTexts.LookAlikes.Length),
                Text = Dedent(lookAlike),
                Truth = new DemoTruth(false, "look-alike"),
            });

            // A union newsletter from outside the district.
            Add(new DemoMail
            {
                MessageId = NextId(DemoPeople.UnionDomain),
                Date = At(week * 7 + 3, 17),
                From = "Lakeshore Teachers Union <news@" + DemoPeople.UnionDomain + ">",
                FromAddress = "news@" + DemoPeople.UnionDomain,
                ToHeaderOverride = "Members <members@" + DemoPeople.UnionDomain + ">",
                Bcc = Sample(_teachers, _teachers.Count * 3 / 4),
                Subject = "Union news: delegate elections and contract update",
                Text = "Members,\n\n" + Dedent(DemoTexts.LookAlikes[6]) + "\n\nIn solidarity,\nLTU Executive Board",
                Truth = new DemoTruth(false, "union"),
            });

            foreach (var teacher in _teachers)
            {
                // Coursework to a class, and a few replies between colleagues.
                var klass = Sample(_studentsBySchool[teacher.School!], 18);
                Add(new DemoMail
                {
                    MessageId = NextId(DemoPeople.StaffDomain),
                    Date = At(week * 7 + _random.Next(0, 5), 9 + _random.Next(0, 7), _random.Next(0, 60)),
                    From = teacher.Mailbox,
                    FromAddress = teacher.Address,
                    To = klass,
                    Subject = $"{Pick(DemoPeople.Subjects)}: this week",
                    Text = Pick(DemoTexts.Coursework) + "\n\n" + teacher.Name,
                    Truth = new DemoTruth(false, "coursework"),
                });
                if (_random.Next(3) == 0)
                {
                    var colleague = Pick(_teachers);
                    var question = Add(new DemoMail
                    {
                        MessageId = NextId(DemoPeople.StaffDomain),
                        Date = At(week * 7 + _random.Next(0, 5), 12, _random.Next(0, 60)),
                        From = teacher.Mailbox,
                        FromAddress = teacher.Address,
                        To = [colleague],
                        Subject = "Coverage for Thursday?",
                        Text = $"Hi {colleague.First}, could you cover my 6th period on Thursday? I have a PD session.\n\nThanks,\n{teacher.First}",
                        Truth = new DemoTruth(false, "colleague"),
                    });
                    Add(new DemoMail
                    {
                        MessageId = NextId(DemoPeople.StaffDomain),
                        Date = question.Date.AddHours(2),
                        From = colleague.Mailbox,
                        FromAddress = colleague.Address,
                        To = [teacher],
                        Subject = "Re: Coverage for Thursday?",
                        InReplyTo = question.MessageId,
                        Text = string.Create(CultureInfo.InvariantCulture, $"Sure, happy to.\n\nOn {question.Date:ddd, MMM d, yyyy} at {question.Date:h:mm tt}, {teacher.Name} <{teacher.Address}> wrote:\n> ") +
                               question.Text.Replace("\n", "\n> ", StringComparison.Ordinal),
                        Truth = new DemoTruth(false, "colleague"),
                    });
                }
            }
        }
    }

    private static string LookAlikeSubject(int index) => index switch
    {
        0 => "Election Day building procedures",
        1 => "Senior voter registration drive Thursday",
        2 => "Civics: campaign finance lesson plan",
        3 => "Ethics reminder: campaign activity and district email",
        4 => "PTA bake sale results",
        5 => "Local School Council elections",
        6 => "Union building delegate election",
        7 => "Spring enrollment campaign",
        8 => "One Summer youth jobs programme",
        _ => "Current events: the mayoral race",
    };

    private void SendOrtizCampaign(CampaignTruth truth)
    {
        var staffer = $"Jamie Chen <jamie.chen@{DemoTexts.OrtizDomain}>";
        var volunteer = $"Team Ortiz <volunteer@{DemoTexts.OrtizDomain}>";
        truth.Senders.UnionWith([$"jamie.chen@{DemoTexts.OrtizDomain}", $"volunteer@{DemoTexts.OrtizDomain}", "jchen.organizer@webmail.example"]);
        truth.Domains.Add(DemoTexts.OrtizDomain);

        // Blast 1: the externship offer, personalised per teacher, in three variants (two English, one Spanish).
        var targets = Sample(_teachers.Concat(_principals).ToList(), 200);
        var externship = new List<DemoMail>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var variant = t.School is "Bethune Middle" or "Kenwood Elementary" ? 2 : i % 2;
            var greeting = variant == 2 ? $"Estimado/a {t.First}:" : $"Hi {t.First},";
            externship.Add(Add(new DemoMail
            {
                MessageId = NextId(DemoTexts.OrtizDomain),
                Date = At(8, 9, i % 50),
                From = staffer,
                FromAddress = $"jamie.chen@{DemoTexts.OrtizDomain}",
                To = [t],
                Subject = variant switch
                {
                    0 => "Externship opportunity for your students",
                    1 => "An externship your students will love",
                    _ => "Pasantía para sus estudiantes",
                },
                Text = Dedent(DemoTexts.ExternshipBlast(greeting, Token(), variant)),
                Truth = new DemoTruth(true, "campaign", truth.Name, "ortiz-externship", variant.ToString(CultureInfo.InvariantCulture)),
            }));
        }

        // Blast 2: the reminder, to the same teachers a week later.
        var reminders = Sample(targets, 160);
        for (var i = 0; i < reminders.Count; i++)
        {
            Add(new DemoMail
            {
                MessageId = NextId(DemoTexts.OrtizDomain),
                Date = At(15, 10, i % 50),
                From = staffer,
                FromAddress = $"jamie.chen@{DemoTexts.OrtizDomain}",
                To = [reminders[i]],
                Subject = "Reminder: student externship (class credit)",
                Text = Dedent(DemoTexts.ExternshipReminder($"Hi {reminders[i].First},", Token())),
                Truth = new DemoTruth(true, "campaign", truth.Name, "ortiz-reminder", "0"),
            });
        }

        // Blast 3: a fundraising ask, HTML and text, to a new list. The district's mail gateway (Proofpoint, in front of
        // its Google mailboxes) rewrote its link in both parts, as every link from outside reaches a teacher.
        var donors = Sample(_teachers, 140);
        for (var i = 0; i < donors.Count; i++)
        {
            var token = Token();
            var link = $"https://secure.actblue.com/donate/ortiz-deadline?refcode=edu&t={token}";
            var text = Dedent(DemoTexts.FundraisingBlast($"Friend,", token)).Replace(link, UrlDefense(link), StringComparison.Ordinal);
            Add(new DemoMail
            {
                MessageId = NextId(DemoTexts.OrtizDomain),
                Date = At(24, 20, i % 50),
                From = volunteer,
                FromAddress = $"volunteer@{DemoTexts.OrtizDomain}",
                To = [donors[i]],
                Subject = "Midnight deadline",
                Text = text,
                Html = "<html><body>" + string.Concat(text.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))
                       .Replace(System.Net.WebUtility.HtmlEncode(UrlDefense(link)), $"<a href=\"{System.Net.WebUtility.HtmlEncode(UrlDefense(link))}\">Chip in $25</a>", StringComparison.Ordinal)
                       + "</body></html>",
                Truth = new DemoTruth(true, "campaign", truth.Name, "ortiz-fundraising", "0"),
            });
        }

        // The staffer's personal webmail: no disclaimer, no campaign domain; the content shows the campaign.
        foreach (var t in Sample(_teachers, 12))
        {
            Add(new DemoMail
            {
                MessageId = NextId("webmail.example"),
                Date = At(10, 19, _random.Next(0, 60)),
                From = "Jamie C <jchen.organizer@webmail.example>",
                FromAddress = "jchen.organizer@webmail.example",
                To = [t],
                Subject = "externship for your students",
                Text = Dedent(DemoTexts.PersonalWebmailAsk(t.First)),
                // One template to a dozen teachers in an hour: a small blast, sent from outside the campaign's domain.
                Truth = new DemoTruth(true, "campaign-webmail", truth.Name, "ortiz-webmail", "0"),
            });
        }

        // Relays: some teachers forward the offer to students, or paste it without forward headers.
        var relayers = externship.Where(m => m.To[0].Role == DemoRole.Teacher).Take(40).ToList();
        var relayCount = 0;
        foreach (var original in relayers.Where((_, i) => i % 5 == 0))
        {
            var teacher = original.To[0];
            var students = Sample(_studentsBySchool[teacher.School!], 6 + _random.Next(0, 20));
            var style = relayCount++ % 4;
            var forwarded = style != 1;
            var text = forwarded
                ? DemoTexts.RelayNote(style, teacher.First) + "\n\n---------- Forwarded message ---------\nFrom: " + original.From +
                  string.Create(CultureInfo.InvariantCulture, $"\nDate: {original.Date:ddd, MMM d, yyyy} at {original.Date:h:mm tt}\nSubject: ") + original.Subject + "\nTo: " + teacher.Mailbox + "\n\n" + original.Text
                : DemoTexts.RelayNote(style, teacher.First) + "\n\n" + original.Text;
            var relay = Add(new DemoMail
            {
                MessageId = NextId(DemoPeople.StaffDomain),
                Date = original.Date.AddHours(5 + _random.Next(0, 40)),
                From = teacher.Mailbox,
                FromAddress = teacher.Address,
                To = [teacher],
                Bcc = students,
                Subject = (forwarded ? "Fwd: " : "") + original.Subject,
                Text = text,
                Truth = new DemoTruth(true, forwarded ? "relay-forward" : "relay-copy", truth.Name),
            });
            truth.Relayers.Add(new RelayerFigures(teacher.Address, students.Count, forwarded ? RelayerFigures.Forward : RelayerFigures.Copy));

            // A few students sign up by replying to the campaign.
            foreach (var student in students.Take(relayCount % 3 == 0 ? 2 : 1))
            {
                Add(new DemoMail
                {
                    MessageId = NextId(DemoPeople.StudentDomain),
                    Date = relay.Date.AddHours(3 + _random.Next(0, 30)),
                    From = student.Mailbox,
                    FromAddress = student.Address,
                    ToHeaderOverride = $"jamie.chen@{DemoTexts.OrtizDomain}",
                    Subject = "Re: " + original.Subject,
                    InReplyTo = original.MessageId,
                    Text = DemoTexts.SignupReply(student.First, _random.Next(3)),
                    Truth = new DemoTruth(true, "signup", truth.Name),
                });
                truth.Signups.Add(student.Address);
            }
        }

        // Principals who received the offer push it to their teachers.
        foreach (var original in externship.Where(m => m.To[0].Role == DemoRole.Principal).Take(3))
        {
            var principal = original.To[0];
            var teachers = _teachers.Where(t => t.School == principal.School).Take(10 + _random.Next(0, 10)).ToList();
            Add(new DemoMail
            {
                MessageId = NextId(DemoPeople.StaffDomain),
                Date = original.Date.AddHours(26),
                From = principal.Mailbox,
                FromAddress = principal.Address,
                To = teachers,
                Subject = "Fwd: " + original.Subject,
                Text = DemoTexts.PrincipalPush(principal.First) + "\n\n---------- Forwarded message ---------\nFrom: " + original.From +
                       "\nSubject: " + original.Subject + "\n\n" + original.Text,
                Truth = new DemoTruth(true, "principal-push", truth.Name),
            });
            truth.Principals.Add(new PrincipalFigures(principal.Address, teachers.Count));
        }
    }

    // The communications office's mail with the mayor's official office (allowed, but an investigator must see it
    // beside the campaign's mail) and one ask from the campaign itself to the office.
    private void SendCoordination()
    {
        var comms = _central[0];
        var mayorsOffice = $"Office of the Mayor <press@{DemoPeople.MayorsOfficeDomain}>";
        var announcement = Add(new DemoMail
        {
            MessageId = NextId(DemoPeople.MayorsOfficeDomain),
            Date = At(9, 11, 5),
            From = mayorsOffice,
            FromAddress = "press@" + DemoPeople.MayorsOfficeDomain,
            To = [comms],
            Subject = "Joint announcement: youth summer jobs",
            Text = Dedent(DemoTexts.MayorsOfficeRequest),
            Truth = new DemoTruth(false, "official-coordination"),
        });
        Add(new DemoMail
        {
            MessageId = NextId(DemoPeople.StaffDomain),
            Date = announcement.Date.AddHours(3),
            From = comms.Mailbox,
            FromAddress = comms.Address,
            ToHeaderOverride = mayorsOffice,
            Subject = "Re: Joint announcement: youth summer jobs",
            InReplyTo = announcement.MessageId,
            Text = Dedent(DemoTexts.CommunicationsReply) + "\n\nOn " + announcement.Date.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture) +
                   ", Office of the Mayor wrote:\n> " + Dedent(DemoTexts.MayorsOfficeRequest).TrimEnd().Replace("\n", "\n> ", StringComparison.Ordinal),
            Truth = new DemoTruth(false, "official-coordination"),
        });
        Add(new DemoMail
        {
            MessageId = NextId(DemoTexts.OrtizDomain),
            Date = At(11, 14, 20),
            From = $"Jamie Chen <jamie.chen@{DemoTexts.OrtizDomain}>",
            FromAddress = $"jamie.chen@{DemoTexts.OrtizDomain}",
            To = [comms],
            Subject = "Newsletter item: student externship with the Ortiz campaign",
            Text = Dedent(DemoTexts.CampaignAskToCommunications),
            Truth = new DemoTruth(true, "campaign", DemoTexts.OrtizCommittee),
        });
    }

    /// <summary>
    /// A principal's note on a student's support plan to two of the student's teachers, encrypted with S/MIME as districts
    /// require for such records: allowed, but nothing in it can be read, and the report must list it as unread. The
    /// enveloped bytes stand in for the ciphertext (a digest chain, not the generator's random numbers, so that the rest
    /// of the archive is the one it was before this message was added).
    /// </summary>
    private void SendEncrypted()
    {
        var principal = _principals[0];
        var teachers = _teachers.Where(t => t.School == principal.School).Take(2).ToList();
        // Not NextId: it draws from the generator's random numbers, and the export's missing mailboxes are drawn after this.
        var messageId = $"{++_sequence:D6}.smime@{DemoPeople.StaffDomain}";
        var ciphertext = new byte[1536];
        var block = System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(messageId));
        for (var i = 0; i < ciphertext.Length; i += block.Length)
        {
            block.CopyTo(ciphertext.AsSpan(i));
            block = System.Security.Cryptography.SHA256.HashData(block);
        }

        Add(new DemoMail
        {
            MessageId = messageId,
            Date = At(12, 15, 40),
            From = principal.Mailbox,
            FromAddress = principal.Address,
            To = teachers,
            Subject = "Student support plan (encrypted)",
            Text = "",
            Enveloped = ciphertext,
            Truth = new DemoTruth(false, EncryptedKind),
        });
    }

    /// <summary>The ground truth's kind of an encrypted message (<see cref="SendEncrypted"/>).</summary>
    internal const string EncryptedKind = "encrypted";

    private void SendRamanCampaign(CampaignTruth truth)
    {
        truth.Senders.Add($"priya@{DemoTexts.RamanDomain}");
        truth.Domains.Add(DemoTexts.RamanDomain);
        var targets = Sample(_teachers, 60);
        var flyer = DemoPdf.Of(DemoTexts.RamanFlyer);
        for (var i = 0; i < targets.Count; i++)
        {
            Add(new DemoMail
            {
                MessageId = NextId(DemoTexts.RamanDomain),
                Date = At(30, 8, i % 50),
                From = $"Priya Raman <priya@{DemoTexts.RamanDomain}>",
                FromAddress = $"priya@{DemoTexts.RamanDomain}",
                To = [targets[i]],
                Subject = "Help me get on the ballot",
                Text = Dedent(DemoTexts.RamanBlast($"Dear {targets[i].First},")),
                Attachments = [new DemoAttachment("petition-flyer.pdf", "application/pdf", flyer)],
                Truth = new DemoTruth(true, "campaign", truth.Name, "raman-petition", "0"),
            });
        }
    }

    private static string Dedent(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim())).Trim() + "\n";

    private DemoGroundTruth WriteArchive(string outputDirectory, IReadOnlyList<CampaignTruth> campaigns)
    {
        var archive = Path.Combine(outputDirectory, "archive");
        if (System.IO.Directory.Exists(archive))
        {
            System.IO.Directory.Delete(archive, recursive: true);
        }
        var vault = System.IO.Directory.CreateDirectory(Path.Combine(archive, "vault")).FullName;

        // Custodians: all staff and central office; students whose mailboxes were collected. Some mailboxes are missing.
        var staff = _teachers.Concat(_principals).Concat(_central).ToList();
        // Four teachers' mailboxes were never exported. They hide campaign mail those teachers received; they are
        // chosen among teachers who relayed nothing, so that every relay in the demo is evidenced by its sender's copy.
        var relayers = campaigns.SelectMany(c => c.Relayers.Select(r => r.Address)).ToHashSet(StringComparer.Ordinal);
        var missing = Sample(_teachers.Where(t => !relayers.Contains(t.Address)).ToList(), 4).Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
        var collectedStudents = _students.Where((_, i) => i % 3 == 0).Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
        var mailboxes = new SortedDictionary<string, List<(DemoMail Mail, string Labels)>>(StringComparer.Ordinal);
        bool Collected(string address) =>
            !missing.Contains(address) && (address.EndsWith("@" + DemoPeople.StaffDomain, StringComparison.Ordinal) || collectedStudents.Contains(address));

        foreach (var mail in _mails.OrderBy(m => m.Date).ThenBy(m => m.MessageId, StringComparer.Ordinal))
        {
            if (Collected(mail.FromAddress))
            {
                Box(mailboxes, mail.FromAddress).Add((mail, SentLabel));
                mail.SenderCopyExported = true;
            }
            foreach (var r in mail.AllRecipients.Select(r => r.Address).Distinct(StringComparer.Ordinal))
            {
                if (r != mail.FromAddress && Collected(r))
                {
                    Box(mailboxes, r).Add((mail, mail.Truth.Electioneering && mail.Truth.Kind == "campaign" ? "Inbox,Category Promotions" : "Inbox"));
                    mail.ExportedCopies.Add(r);
                }
            }
        }

        var items = new List<ItemTruth>();
        var emptyMailboxes = 0;
        var comms = _central[0].Address;
        foreach (var (address, box) in mailboxes)
        {
            if (address == comms)
            {
                // The communications office's mailbox comes from the mail server, as a Maildir named after its user.
                WriteMaildir(Path.Combine(archive, "maildir", address), box, items);
            }
            else
            {
                WriteMbox(Path.Combine(vault, address + ".mbox"), box, items);
            }
        }

        // A custodian who had no mail still gets an (empty) mbox, as Vault exports it: present, not missing.
        foreach (var person in staff.Where(p => !missing.Contains(p.Address) && !mailboxes.ContainsKey(p.Address)))
        {
            File.WriteAllBytes(Path.Combine(vault, person.Address + ".mbox"), []);
            emptyMailboxes++;
        }

        // Two files that are not mail at all, as a real export sometimes holds: they must be reported, not counted.
        var broken = System.IO.Directory.CreateDirectory(Path.Combine(archive, "loose-files")).FullName;
        File.WriteAllBytes(Path.Combine(broken, "scan-0001.eml"), Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray());
        File.WriteAllText(Path.Combine(broken, "export-log.txt"), "Export completed with 0 errors\n");

        var truth = new DemoGroundTruth
        {
            Figures = new CaseFigures
            {
                Messages = items.Count,
                Electioneering = items.Count(i => i.Electioneering),
                Skipped = 2,
                Encrypted = items.Count(i => i.Kind == EncryptedKind),
                Campaigns = campaigns.Select(c => Summarise(c)).ToList(),
            },
            Mailboxes = mailboxes.Count + emptyMailboxes,
            MissingMailboxes = missing.Order(StringComparer.Ordinal).ToList(),
        };
        WriteDirectory(outputDirectory, staff.Select(p => p.Address).Concat(collectedStudents));
        WriteRegistry(outputDirectory);
        // Written by the report's own writer, so that the truth reads back with the reader of figures.json.
        using (var json = File.Create(Path.Combine(outputDirectory, "ground-truth.json")))
        {
            FiguresJson.Write(json, truth.Figures);
        }

        File.WriteAllLines(Path.Combine(outputDirectory, "ground-truth-missing-mailboxes.txt"),
            ["# Custodians whose mailbox the export left out, one address per line.", .. truth.MissingMailboxes]);
        using var csv = new StreamWriter(Path.Combine(outputDirectory, "ground-truth-items.csv"));
        csv.WriteLine("path,offset,messageId,label,kind,campaign,blast,variant");
        foreach (var i in items)
        {
            csv.WriteLine($"{i.Path},{i.Offset},{i.MessageId},{(i.Electioneering ? "electioneering" : "allowed")},{i.Kind},{i.Campaign},{i.Blast},{i.Variant}");
        }
        return truth;
    }

    // Every figure counts only what the exported mailboxes show: copies actually exported, and the recipients an
    // investigator can see in them. Mail to the missing mailboxes is real but not in evidence; the report lists those mailboxes as a limit.
    private CampaignFigures Summarise(CampaignTruth c)
    {
        var originated = _mails.Where(m => m.Truth.Campaign == c.Name && m.Truth.Kind is "campaign" or "campaign-webmail" && m.CopiesExported > 0).ToList();
        var reached = originated.SelectMany(m => m.VisibleRecipients.Where(r => r.IsInstitutional)).ToList();
        return new CampaignFigures
        {
            Name = c.Name,
            Senders = c.Senders.Order(StringComparer.Ordinal).ToList(),
            Domains = c.Domains.Order(StringComparer.Ordinal).ToList(),
            StaffReached = reached.Where(r => r.Role is not DemoRole.Student).Select(r => r.Address).Distinct(StringComparer.Ordinal).Count(),
            EmailsDelivered = originated.Sum(m => m.CopiesExported),
            Blasts = originated.Where(m => m.Truth.BlastId is not null).GroupBy(m => m.Truth.BlastId!).Select(g => new BlastFigures
            {
                Id = g.Key,
                Variants = g.Select(m => m.Truth.Variant).Distinct(StringComparer.Ordinal).Count(),
                Copies = g.Sum(m => m.CopiesExported),
                Recipients = g.SelectMany(m => m.VisibleRecipients).Select(r => r.Address).Distinct(StringComparer.Ordinal).Count(),
                First = g.Min(m => m.Date),
                Last = g.Max(m => m.Date),
            }).OrderBy(b => b.First).ToList(),
            Relayers = c.Relayers.OrderBy(r => r.Address, StringComparer.Ordinal).ToList(),
            Principals = c.Principals.OrderBy(p => p.Address, StringComparer.Ordinal).ToList(),
            // A sign-up is in evidence only in the student's own Sent copy: students whose mailbox was not collected are not counted.
            Signups = _mails.Where(m => m.Truth.Campaign == c.Name && m.Truth.Kind == "signup" && m.SenderCopyExported)
                .Select(m => m.FromAddress).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }

    // The directory an investigator gets from the district: everyone's role and school (roster CSV), and the
    // custodians whose mailboxes the export was asked for (a missing one is a limit of the evidence).
    private void WriteDirectory(string outputDirectory, IEnumerable<string> custodians)
    {
        using (var roster = new StreamWriter(Path.Combine(outputDirectory, "directory.csv")))
        {
            roster.WriteLine("address,role,school");
            foreach (var p in _principals.Concat(_teachers).Concat(_central).Concat(_students))
            {
                var role = p.Role switch
                {
                    DemoRole.Principal => "principal",
                    DemoRole.Student => "student",
                    DemoRole.CentralOffice when p.Address.StartsWith("communications@", StringComparison.Ordinal) => "office",
                    _ => "staff",
                };
                roster.WriteLine($"{p.Address},{role},{p.School}");
            }
        }

        File.WriteAllLines(Path.Combine(outputDirectory, "custodians.txt"),
            ["# Mailboxes the export was asked for, one address per line.", .. custodians.Order(StringComparer.Ordinal)]);
    }

    // The registry knows one of the two campaigns (the other must be found from its mail alone). The committee's
    // written pledge not to mail district addresses is its attestation; mail after it is a breach.
    private static void WriteRegistry(string outputDirectory)
    {
        var documents = System.IO.Directory.CreateDirectory(Path.Combine(outputDirectory, "registry-documents")).FullName;
        var pledge = Encoding.UTF8.GetBytes(
            "The Committee to Re-elect Dana Ortiz will maintain the solid wall that must exist between campaign and official activities.\n" +
            "It will not send campaign communications to Lakeshore Public Schools email addresses.\n\nSigned, Dana Ortiz, January 11, 2023\n");
        File.WriteAllBytes(Path.Combine(documents, "ortiz-pledge-2023-01-11.txt"), pledge);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pledge));
        File.WriteAllText(Path.Combine(outputDirectory, "registry.yaml"), $"""
            # Campaigns and committees known to the investigator (docs/FORMATS.md). Fictional.
            committees:
              - id: ortiz-committee
                name: {DemoTexts.OrtizCommittee}
                candidate: Dana Ortiz
                office: Mayor
                elections: [2023-02-28, 2023-04-04]
                domains: [{DemoTexts.OrtizDomain}]
                attestations:
                  - by: Dana Ortiz
                    at: 2023-01-11T12:00:00-06:00
                    document: registry-documents/ortiz-pledge-2023-01-11.txt
                    sha256: {sha}

            """);
    }

    private static List<(DemoMail, string)> Box(SortedDictionary<string, List<(DemoMail, string)>> boxes, string address)
    {
        if (!boxes.TryGetValue(address, out var list))
        {
            boxes[address] = list = new List<(DemoMail, string)>();
        }
        return list;
    }

    private static void WriteMbox(string path, List<(DemoMail Mail, string Labels)> box, List<ItemTruth> items)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var (mail, labels) in box)
        {
            var offset = stream.Position;
            var envelope = $"From {Math.Abs(mail.MessageId.Length * 7919L + offset)}@xxx {mail.Date.UtcDateTime.ToString("ddd MMM dd HH:mm:ss +0000 yyyy", CultureInfo.InvariantCulture)}\r\n";
            stream.Write(Encoding.ASCII.GetBytes(envelope));
            var bytes = mail.Render(labels, senderCopy: labels == SentLabel);
            // mboxrd: quote body lines that look like envelope lines.
            stream.Write(QuoteFromLines(bytes));
            stream.Write("\r\n"u8);
            items.Add(ItemTruth.Of(Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, path), offset, mail));
        }
    }

    private static byte[] QuoteFromLines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (!text.Contains("\nFrom ", StringComparison.Ordinal) && !text.Contains("\n>From ", StringComparison.Ordinal))
        {
            return bytes;
        }
        var quoted = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^(>*From )", ">$1");
        return Encoding.UTF8.GetBytes(quoted);
    }

    private static void WriteMaildir(string root, List<(DemoMail Mail, string Labels)> box, List<ItemTruth> items)
    {
        foreach (var sub in new[] { "cur", "new", "tmp" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(root, sub));
        }
        var n = 0;
        foreach (var (mail, labels) in box)
        {
            var name = $"{mail.Date.ToUnixTimeSeconds()}.M{++n}P1.demo:2,S";
            var folder = labels == SentLabel ? "cur" : (n % 4 == 0 ? "new" : "cur");
            File.WriteAllBytes(Path.Combine(root, folder, name), mail.Render(null, senderCopy: labels == SentLabel));
            items.Add(ItemTruth.Of(Path.Combine("maildir", Path.GetFileName(root), folder, name), 0, mail));
        }
    }

    private sealed class CampaignTruth(string name)
    {
        public string Name { get; } = name;

        public HashSet<string> Senders { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Domains { get; } = new(StringComparer.Ordinal);

        public List<RelayerFigures> Relayers { get; } = new();

        public List<PrincipalFigures> Principals { get; } = new();

        public List<string> Signups { get; } = new();
    }
}

/// <summary>
/// What the generator wrote, by its own record: the figures the archive really holds, and the facts about the
/// export that figures.json has no place for.
/// </summary>
public sealed record DemoGroundTruth
{
    /// <summary>What a correct report's figures.json would say; written as ground-truth.json.</summary>
    public required CaseFigures Figures { get; init; }

    /// <summary>Mailboxes exported (mbox files, empty ones included, and the Maildir).</summary>
    public int Mailboxes { get; init; }

    /// <summary>Custodians whose mailbox the export left out, sorted.</summary>
    public IReadOnlyList<string> MissingMailboxes { get; init; } = [];
}

internal sealed record ItemTruth(string Path, long Offset, string MessageId, bool Electioneering, string Kind, string? Campaign, string? Blast, string? Variant)
{
    public static ItemTruth Of(string path, long offset, DemoMail m) =>
        new(path.Replace('\\', '/'), offset, m.MessageId, m.Truth.Electioneering, m.Truth.Kind, m.Truth.Campaign, m.Truth.BlastId, m.Truth.Variant);
}
