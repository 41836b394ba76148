using System.Diagnostics;
using System.Text.Json;
using SolidWall.Cli.Commands;
using SolidWall.Core.Analysis;
using SolidWall.Core.Demo;
using SolidWall.Storage;

namespace SolidWall.Cli.Tests;

/// <summary>scan, report and search end to end on a generated district archive, through the real SQLite store.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private static readonly DemoOptions Small = new() { TeachersPerSchool = 6, StudentsPerSchool = 30, Weeks = 3 };
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-scan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CaseFigures Generate(string dir, DemoOptions options) => new DistrictArchiveGenerator(options).Generate(dir).Figures;

    private ScanCommand.Settings Settings(string dir, string db) => new(
        [Path.Combine(dir, "archive")],
        db,
        Registry: Path.Combine(dir, "registry.yaml"),
        Directory: Path.Combine(dir, "directory.csv"),
        StaffDomains: [DemoDistrict.StaffDomain],
        StudentDomains: [DemoDistrict.StudentDomain],
        Custodians: Path.Combine(dir, "custodians.txt"));

    private static (int Exit, string Out, string Err) Scan(ScanCommand.Settings settings)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = ScanCommand.Run(settings, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void A_scan_stores_every_item_once_and_a_second_scan_adds_nothing()
    {
        var truth = Generate(_dir, Small);
        var db = Path.Combine(_dir, "case.db");
        var (exit, _, err) = Scan(Settings(_dir, db));
        Assert.True(exit == ExitCodes.Findings, err); // the archive holds two files that are not mail
        using (var store = SqliteCaseStore.Open(db))
        {
            Assert.Equal(truth.Messages, store.ItemCount());
            Assert.Equal(truth.Skipped, store.Skipped().Count);
            Assert.Contains(store.Skipped(), s => s.Source.EndsWith("scan-0001.eml", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("no registry names a candidate", err, StringComparison.Ordinal);

        // A resumed scan reads with the case's own registry, which names the demo's candidates: no note either.
        var (_, again, againErr) = Scan(Settings(_dir, db) with { Registry = null, Directory = null, Custodians = null, StaffDomains = [], StudentDomains = [] });
        Assert.DoesNotContain("no registry names a candidate", againErr, StringComparison.Ordinal);
        Assert.Contains("Scanned: 0 new item(s)", again, StringComparison.Ordinal);
        Assert.Contains($"{truth.Messages:N0} already in the case", again, StringComparison.Ordinal);
        using var reopened = SqliteCaseStore.Open(db);
        Assert.Equal(truth.Messages, reopened.ItemCount());
        Assert.Equal(truth.Skipped, reopened.Skipped().Count);
    }

    [Fact]
    public void A_scan_with_no_registry_says_what_that_misses_and_how_to_suggest_one()
    {
        Generate(_dir, Small);
        var archive = Path.Combine(_dir, "archive");
        var (exit, _, err) = Scan(Settings(_dir, Path.Combine(_dir, "unregistered.db")) with { Registry = null });
        Assert.True(exit == ExitCodes.Findings, err);
        Assert.Contains("solidwall scan: note: no registry names a candidate, so campaign mail that names its campaign only by the candidate's name", err, StringComparison.Ordinal);
        var suggest = $"`solidwall registry suggest {archive} --staff-domain {DemoDistrict.StaffDomain} --directory {Path.Combine(_dir, "directory.csv")} --out registry.yaml`";
        Assert.Contains(suggest, err, StringComparison.Ordinal);

        // Resumed with no options, the scan reads the case's own staff domains and roster, and suggests with them.
        (exit, _, err) = Scan(new ScanCommand.Settings([archive], Path.Combine(_dir, "unregistered.db")));
        Assert.True(exit == ExitCodes.Findings, err);
        Assert.Contains(suggest, err, StringComparison.Ordinal);

        // A path a shell would split is quoted, so that the command can be pasted as it stands.
        var spaced = Path.Combine(_dir, "Vault export");
        Directory.Move(archive, spaced);
        (_, _, err) = Scan(Settings(_dir, Path.Combine(_dir, "spaced.db")) with { Paths = [spaced], Registry = null, Directory = null, StaffDomains = [] });
        Assert.Contains($"`solidwall registry suggest '{spaced}' --out registry.yaml`", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_writes_its_figures_the_same_on_a_machine_set_to_german()
    {
        var truth = Generate(_dir, Small);
        Assert.True(truth.Messages >= 1000, "too few messages to show a thousands separator: " + truth.Messages);
        var start = new ProcessStartInfo("dotnet", [CliProgram.Dll(), "scan", "--db", Path.Combine(_dir, "case.db"), "--quiet", Path.Combine(_dir, "archive")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LANG"] = "de_DE.UTF-8";
        start.Environment["LC_ALL"] = "de_DE.UTF-8";
        using var program = Process.Start(start)!;
        var output = program.StandardOutput.ReadToEnd();
        _ = program.StandardError.ReadToEnd();
        Assert.True(program.WaitForExit(TimeSpan.FromMinutes(2)));

        // German would write "1.234" and "0,4 s".
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Scanned: {truth.Messages:N0} new item(s) in "), output, StringComparison.Ordinal);
        Assert.Matches(@"new item\(s\) in \d+\.\d s \([\d,]+/s\)", output);
    }

    [Fact]
    public void A_resumed_scan_with_a_different_registry_is_refused()
    {
        Generate(_dir, Small);
        var db = Path.Combine(_dir, "case.db");
        Scan(Settings(_dir, db));
        File.WriteAllText(Path.Combine(_dir, "other.yaml"), "campaigns: []\n");
        var (exit, _, err) = Scan(Settings(_dir, db) with { Registry = Path.Combine(_dir, "other.yaml") });
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("was scanned with a different registry", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_scanned_with_a_model_of_its_own_keeps_it_names_it_and_refuses_another()
    {
        Generate(_dir, Small);
        // A model `train --out` wrote: here the shipped model's bytes, with the shipped policy as its fitted weights.
        var root = Core.Detection.Model.TrainingData.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var model = Path.Combine(_dir, "district-model.bin");
        File.Copy(Path.Combine(root, Core.Detection.Model.TrainingData.ModelPath), model);
        File.Copy(Path.Combine(root, Core.Detection.Model.TrainingData.PolicyPath), model + ".policy.yaml");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model)));

        var db = Path.Combine(_dir, "case.db");
        var (exit, _, err) = Scan(Settings(_dir, db) with { Model = model });
        Assert.True(exit is ExitCodes.Ok or ExitCodes.Findings, err);
        var report = ReportCommand.Write(db, Path.Combine(_dir, "report"), TextWriter.Null, TextWriter.Null)!;
        Assert.Contains(report.Method, p => p.Contains($"model file SHA-256 {sha}", StringComparison.Ordinal));

        // Resumed with no options, the case reads its own model; a changed model file is refused, as is a scan with another.
        Assert.True(Scan(new ScanCommand.Settings(Settings(_dir, db).Paths, db)).Exit is ExitCodes.Ok or ExitCodes.Findings);
        var (other, _, otherErr) = Scan(Settings(_dir, db));
        Assert.Equal(ExitCodes.Usage, other);
        Assert.Contains("a different registry, directory, policy, model or custodian list", otherErr, StringComparison.Ordinal);
        File.AppendAllText(model, "x");
        var (changed, _, changedErr) = Scan(new ScanCommand.Settings(Settings(_dir, db).Paths, db));
        Assert.Equal(ExitCodes.Usage, changed);
        Assert.Contains($"not the model this case was scanned with (SHA-256 {sha})", changedErr, StringComparison.Ordinal);

        // A file that is no model is refused before a case is made.
        var junk = Path.Combine(_dir, "junk.bin");
        File.WriteAllText(junk, "not a model");
        File.WriteAllText(junk + ".policy.yaml", "threshold: 0.5\n");
        var (refused, _, junkErr) = Scan(Settings(_dir, Path.Combine(_dir, "junk.db")) with { Model = junk });
        Assert.Equal(ExitCodes.Usage, refused);
        Assert.Contains("junk.bin: not a SolidWall text model", junkErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "junk.db")));

        // A shipped-model case says nothing of a model.
        var plain = Path.Combine(_dir, "plain.db");
        Scan(Settings(_dir, plain));
        Assert.DoesNotContain(ReportCommand.Write(plain, Path.Combine(_dir, "plain-report"), TextWriter.Null, TextWriter.Null)!.Method, p => p.Contains("model file SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resumed_scan_of_a_case_whose_fingerprints_an_earlier_solidwall_wrote_is_refused()
    {
        Generate(_dir, Small);
        var db = Path.Combine(_dir, "case.db");
        Scan(Settings(_dir, db));
        var err = ResumeAsAnEarlierSolidWallLeftIt(db, CaseFingerprints.Key, Fingerprinter.NormalisationVersion);
        Assert.Contains("holds fingerprints of normalisation 1", err, StringComparison.Ordinal);
        Assert.Contains("Scan into a new --db", err, StringComparison.Ordinal);

        // Its report still runs, on its own fingerprints, and says what they were.
        var report = ReportCommand.Write(db, Path.Combine(_dir, "report"), TextWriter.Null, TextWriter.Null);
        Assert.NotNull(report);
        Assert.Contains(report.Limits.Notes, n => n.StartsWith("This case was scanned by a SolidWall whose fingerprints read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resumed_scan_of_a_case_whose_registry_an_earlier_solidwall_read_as_complete_is_refused_and_its_report_says_so()
    {
        // The demo's registry names a candidate and is not complete: read differently since reading 2.
        Generate(_dir, Small);
        var db = Path.Combine(_dir, "case.db");
        Scan(Settings(_dir, db));
        var report = ReportCommand.Write(db, Path.Combine(_dir, "report"), TextWriter.Null, TextWriter.Null);
        Assert.NotNull(report);
        Assert.Contains(report.Method, p => p.Contains("The registry was not marked complete", StringComparison.Ordinal));
        var err = ResumeAsAnEarlierSolidWallLeftIt(db, CaseRegistryReading.Key, SolidWall.Core.Detection.Detector.RegistryReading);
        Assert.Contains("read every registry as complete", err, StringComparison.Ordinal);

        report = ReportCommand.Write(db, Path.Combine(_dir, "report"), TextWriter.Null, TextWriter.Null);
        Assert.NotNull(report);
        Assert.Contains(report.Method, p => p.Contains("The registry was read as complete", StringComparison.Ordinal));

        // With no registry the two readings agree: the case is scanned on, and records this SolidWall's reading.
        var plain = Path.Combine(_dir, "plain.db");
        Scan(Settings(_dir, plain) with { Registry = null });
        using (var store = SqliteCaseStore.Open(plain))
        {
            store.SetSetting(CaseRegistryReading.Key, "1");
        }

        File.WriteAllText(Path.Combine(_dir, "archive", "later.eml"), "From: b@example.org\r\nSubject: later\r\n\r\nAnd one more.\r\n");
        Assert.NotEqual(ExitCodes.Usage, Scan(Settings(_dir, plain) with { Registry = null }).Exit);
        using (var store = SqliteCaseStore.Open(plain))
        {
            Assert.Equal("2", store.GetSetting(CaseRegistryReading.Key));
        }
    }

    /// <summary>
    /// Sets the case's <paramref name="key"/> to 1, as a case an earlier SolidWall scanned reads (messages, and no
    /// version), after checking this one recorded <paramref name="current"/>; then scans one more message into it, which
    /// must be refused with nothing stored. Returns what the refusal said.
    /// </summary>
    private string ResumeAsAnEarlierSolidWallLeftIt(string db, string key, int current)
    {
        int items;
        using (var store = SqliteCaseStore.Open(db))
        {
            Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), store.GetSetting(key));
            items = store.ItemCount();
            store.SetSetting(key, "1");
        }

        File.WriteAllText(Path.Combine(_dir, "archive", "late.eml"), "From: a@example.org\r\nSubject: late\r\n\r\nOne more.\r\n");
        var (exit, _, err) = Scan(Settings(_dir, db));
        Assert.Equal(ExitCodes.Usage, exit);
        using (var reopened = SqliteCaseStore.Open(db))
        {
            Assert.Equal(items, reopened.ItemCount());
        }

        return err;
    }

    [Fact]
    public void A_damaged_fingerprint_version_is_an_error_naming_the_case_and_the_setting()
    {
        Generate(_dir, Small);
        var db = Path.Combine(_dir, "case.db");
        Scan(Settings(_dir, db));
        using (var store = SqliteCaseStore.Open(db))
        {
            store.SetSetting(CaseFingerprints.Key, "two");
        }

        var (exit, _, err) = Scan(Settings(_dir, db));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{db}: the case's setting case.fingerprints is 'two', not a version number", err, StringComparison.Ordinal);
        var errors = new StringWriter();
        Assert.Null(ReportCommand.Write(db, Path.Combine(_dir, "report"), TextWriter.Null, errors));
        Assert.Contains("case.fingerprints is 'two'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_attached_flyer_is_read_and_an_attachment_that_cannot_be_read_is_warned_of_and_listed_in_the_report()
    {
        var archive = Directory.CreateDirectory(Path.Combine(_dir, "attached")).FullName;
        static string WithPdf(string name, string subject, byte[] pdf) =>
            "From: Gail Henshaw <g.henshaw@district.example>\r\nTo: advisory@students.district.example\r\nSubject: " + subject + "\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
            + "Please share this with your advisory students this week.\r\n--b\r\nContent-Type: application/pdf; name=\"" + name + "\"\r\n"
            + "Content-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(pdf, Base64FormattingOptions.InsertLineBreaks) + "\r\n--b--\r\n";
        var flyer = SolidWall.Core.Demo.DemoPdf.Of([
            "Friends of Dana Ortiz - Spring Externship Program",
            "Students earn class credit for 12 hours a week on the campaign:",
            "knocking doors, phone banking and canvassing for Dana Ortiz for Mayor.",
            "Sign up today and vote for Dana Ortiz on February 28!",
            "Paid for by Friends of Dana Ortiz"]);
        File.WriteAllText(Path.Combine(archive, "flyer.eml"), WithPdf("externship.pdf", "for advisory", flyer));
        File.WriteAllText(Path.Combine(archive, "damaged.eml"), WithPdf("minutes.pdf", "minutes", flyer[..(flyer.Length / 3)]));
        var db = Path.Combine(_dir, "attached.db");
        var (exit, output, err) = Scan(new ScanCommand.Settings([archive], db));
        Assert.Equal(ExitCodes.Ok, exit); // every item was read as mail
        Assert.Contains("1 electioneering", output, StringComparison.Ordinal);
        Assert.Contains("warning: 1 attached file(s) of a format SolidWall reads (PDF, Word, PowerPoint, Excel, OpenDocument) could not be read", err, StringComparison.Ordinal);

        using (var store = SqliteCaseStore.Open(db))
        {
            var read = store.Messages(withText: true).Single(m => m.Subject == "for advisory");
            Assert.True(read.Electioneering);
            Assert.Equal("Friends of Dana Ortiz", read.Committee);
            Assert.Contains(read.Segments, s => s.Kind == SolidWall.Core.SegmentKind.Attachment && s.Text.Contains("Spring Externship Program", StringComparison.Ordinal));
            Assert.Contains("\"where\":\"attachment\"", read.VerdictJson, StringComparison.Ordinal);
        }

        var reportDir = Path.Combine(_dir, "attached-report");
        var report = ReportCommand.Write(db, reportDir, TextWriter.Null, TextWriter.Null);
        Assert.NotNull(report);
        var unread = Assert.Single(report.Limits.UnreadAttachments);
        Assert.Equal(1, report.Figures.UnreadAttachments);
        Assert.Contains("\"unreadAttachments\": 1", File.ReadAllText(Path.Combine(reportDir, "figures.json")), StringComparison.Ordinal);
        Assert.Equal((Path.Combine(archive, "damaged.eml"), "minutes"), (unread.Source, unread.Subject));
        Assert.StartsWith("minutes.pdf (PDF): ", unread.Attachment, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(reportDir, "unread-attachments.csv"));
        Assert.Equal("source,offset,mailbox,subject,attachment,verdict,sha256", csv[0]);
        Assert.Contains("damaged.eml,0,", csv[1], StringComparison.Ordinal);
        Assert.Contains("1 attached file of a format SolidWall reads", File.ReadAllText(Path.Combine(reportDir, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Exchange_journal_reports_and_encrypted_messages_are_counted_and_the_scan_warns_of_what_it_cannot_read()
    {
        var archive = Directory.CreateDirectory(Path.Combine(_dir, "journal")).FullName;
        const string original = "From: Kelsey <kelsey@reelect-ortiz.example>\r\nTo: all-staff@district.example\r\nSubject: Externship\r\n"
            + "Message-ID: <x1@reelect-ortiz.example>\r\n\r\nPlease share with your students.\r\n";
        File.WriteAllText(Path.Combine(archive, "report.eml"),
            "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@district.example>\r\nTo: journal@district.example\r\n"
            + "Subject: Externship\r\nX-MS-Journal-Report: \r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"j\"\r\n\r\n"
            + "--j\r\nContent-Type: text/plain\r\n\r\nSender: kelsey@reelect-ortiz.example\r\nSubject: Externship\r\nMessage-Id: <x1@reelect-ortiz.example>\r\n"
            + "To: t1@district.example, Expanded: all-staff@district.example\r\nBcc: t2@district.example\r\n\r\n"
            + "--j\r\nContent-Type: message/rfc822\r\n\r\n" + original + "\r\n--j--\r\n");
        File.WriteAllText(Path.Combine(archive, "plain.eml"), original);
        File.WriteAllText(Path.Combine(archive, "sealed.eml"), "From: t1@district.example\r\nTo: t2@district.example\r\nSubject: Grades\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n");
        var (exit, _, err) = Scan(new ScanCommand.Settings([archive], Path.Combine(_dir, "journal.db")));
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("warning: 1 distinct message(s) are Exchange journal reports (an X-MS-Journal-Report header)", err, StringComparison.Ordinal);
        Assert.Contains("warning: 1 distinct message(s) have encrypted content (S/MIME, PGP/MIME or Microsoft Purview Message Encryption)", err, StringComparison.Ordinal);

        // The report lists the encrypted item: where it lies, what its headers say, and that its verdict rests on them alone.
        var reportDir = Path.Combine(_dir, "journal-report");
        var report = ReportCommand.Write(Path.Combine(_dir, "journal.db"), reportDir, TextWriter.Null, TextWriter.Null);
        Assert.NotNull(report);
        var item = Assert.Single(report.Limits.Encrypted);
        Assert.Equal((Path.Combine(archive, "sealed.eml"), 0L, "t1@district.example", "Grades", "S/MIME", false),
            (item.Source, item.Offset, item.From, item.Subject, item.Encryption, item.Electioneering));
        Assert.Equal(1, report.Figures.Encrypted);
        Assert.DoesNotContain(report.Limits.Notes, n => n.Contains("did not record whether", StringComparison.Ordinal));
        var csv = File.ReadAllLines(Path.Combine(reportDir, "encrypted.csv"));
        Assert.Equal("source,offset,mailbox,date,from,subject,encryption,verdict,sha256", csv[0]);
        Assert.Contains("sealed.eml,0,", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",t1@district.example,Grades,S/MIME,allowed," + item.Sha256, csv[1], StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(reportDir, "index.html"));
        Assert.Contains("<dt>encrypted, not read</dt><dd>1</dd>", page, StringComparison.Ordinal);
        Assert.Contains("1 item holds a message whose content is encrypted", page, StringComparison.Ordinal);
        Assert.Contains("could not be read as mail, and 1 item holds encrypted mail whose content could not be read. Both are listed under", page, StringComparison.Ordinal);

        File.Delete(Path.Combine(archive, "report.eml"));
        File.Delete(Path.Combine(archive, "sealed.eml"));
        var (_, _, clean) = Scan(new ScanCommand.Settings([archive], Path.Combine(_dir, "plain.db")));
        Assert.DoesNotContain("warning", clean, StringComparison.Ordinal);
        var plain = ReportCommand.Write(Path.Combine(_dir, "plain.db"), Path.Combine(_dir, "plain-report"), TextWriter.Null, TextWriter.Null);
        Assert.NotNull(plain);
        Assert.Empty(plain.Limits.Encrypted);
        Assert.Equal(0, plain.Figures.Encrypted);
        var plainPage = File.ReadAllText(Path.Combine(_dir, "plain-report", "index.html"));
        Assert.DoesNotContain("encrypted, not read", plainPage, StringComparison.Ordinal);
        Assert.Contains("0 items could not be read as mail and are listed under", plainPage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error_naming_it()
    {
        var (exit, _, err) = Scan(new ScanCommand.Settings([Path.Combine(_dir, "nope.mbox")], Path.Combine(_dir, "case.db")));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("nope.mbox", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_refused_before_a_case_is_made()
    {
        var db = Path.Combine(_dir, "case.db");
        var (exit, _, err) = Scan(new ScanCommand.Settings(["-"], db));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("'-' (standard input) cannot be scanned into a case", err, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_scan_killed_halfway_and_restarted_gives_the_figures_of_an_uninterrupted_scan()
    {
        var truth = Generate(_dir, Small with { TeachersPerSchool = 10, Weeks = 10 });
        var whole = Path.Combine(_dir, "whole.db");
        Assert.NotEqual(ExitCodes.Usage, Scan(Settings(_dir, whole)).Exit);

        // The real command in its own process, killed (SIGKILL: no chance to tidy up) once part of the archive is stored.
        var killed = Path.Combine(_dir, "killed.db");
        var settings = Settings(_dir, killed);
        var arguments = new List<string> { CliProgram.Dll(), "scan", "--db", killed, "--threads", "1", "--quiet", "--registry", settings.Registry!, "--directory", settings.Directory!,
            "--staff-domain", DemoDistrict.StaffDomain, "--student-domain", DemoDistrict.StudentDomain, "--custodians", settings.Custodians!, settings.Paths[0] };
        // Started by a shell that records the program's process id, so that the test kills exactly that process.
        var pidFile = Path.Combine(_dir, "scan.pid");
        var command = "dotnet " + string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("bash", ["-c", $"{command} >/dev/null 2>&1 & echo $! > '{pidFile}'; wait"]);
        using (var shell = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (!shell.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && StoredItems(killed) < truth.Messages / 5)
            {
                Thread.Sleep(50);
            }

            Assert.False(shell.HasExited, "the scan finished before it could be killed");
            using (var kill = Process.Start("kill", ["-9", File.ReadAllText(pidFile).Trim()]))
            {
                kill.WaitForExit();
                Assert.Equal(0, kill.ExitCode);
            }

            shell.WaitForExit();
            Assert.InRange(StoredItems(killed), 1, truth.Messages - 1);
        }

        var (exit, output, err) = Scan(Settings(_dir, killed));
        Assert.True(exit != ExitCodes.Usage, err);
        Assert.DoesNotContain("Scanned: 0 new", output, StringComparison.Ordinal);

        var a = ReportFigures(whole, "report-whole");
        var b = ReportFigures(killed, "report-killed");
        Assert.Equal(a, b);
        using var store = SqliteCaseStore.Open(killed);
        Assert.Equal(truth.Messages, store.ItemCount());
        Assert.Equal(truth.Skipped, store.Skipped().Count);
    }

    [Fact]
    public void Search_finds_campaign_mail_by_words_and_filters()
    {
        Generate(_dir, Small);
        var db = Path.Combine(_dir, "case.db");
        Scan(Settings(_dir, db));

        var output = new StringWriter();
        var exit = SearchCommand.Run(db, "externship", "reelect-ortiz.example", null, "2023-01-01", "2023-12-31", "electioneering", 500, json: true, output, new StringWriter());
        Assert.Equal(ExitCodes.Ok, exit);
        var hits = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.EndsWith("@reelect-ortiz.example", h.GetProperty("from").GetString(), StringComparison.Ordinal));

        var errors = new StringWriter();
        Assert.Equal(ExitCodes.Usage, SearchCommand.Run(db, "\"unbalanced", null, null, null, null, null, 10, false, new StringWriter(), errors));
        Assert.NotEmpty(errors.ToString());
        Assert.Equal(ExitCodes.Usage, SearchCommand.Run(db, "x", null, null, "last tuesday", null, null, 10, false, new StringWriter(), new StringWriter()));
    }

    private string ReportFigures(string db, string name)
    {
        var dir = Path.Combine(_dir, name);
        var report = ReportCommand.Write(db, dir, new StringWriter(), new StringWriter());
        Assert.NotNull(report);
        return File.ReadAllText(Path.Combine(dir, "figures.json"));
    }

    // A plain read-only count, cheap enough to poll while the scan writes (WAL lets a reader in beside the writer).
    private static int StoredItems(string db)
    {
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM items";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not yet created by the scan's first transaction
        }
    }
}
