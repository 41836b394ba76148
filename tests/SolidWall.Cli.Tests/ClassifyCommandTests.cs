using SolidWall.Cli.Commands;
using SolidWall.Core;
using SolidWall.Core.Detection;

namespace SolidWall.Cli.Tests;

public sealed class ClassifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-classify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(ClassifyCommand.Settings settings)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = ClassifyCommand.Run(settings, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void A_bad_policy_is_a_usage_error_naming_file_line_and_column()
    {
        var policy = Path.Combine(_dir, "policy.yaml");
        File.WriteAllText(policy, "threshold: 0.5\ntreshold: 0.6\n");
        var (exit, _, err) = Run(new ClassifyCommand.Settings([_dir], false, Policy: policy));
        Assert.Equal(2, exit);
        Assert.Contains($"{policy}:2:1: unknown key 'treshold'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_roster_is_a_usage_error()
    {
        var roster = Path.Combine(_dir, "roster.csv");
        File.WriteAllText(roster, "a@x.example,janitor\n");
        var (exit, _, err) = Run(new ClassifyCommand.Settings([_dir], false, Directory: roster));
        Assert.Equal(2, exit);
        Assert.Contains("roster.csv:1:13: unknown role 'janitor'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_registry_file_is_a_usage_error()
    {
        var (exit, _, err) = Run(new ClassifyCommand.Settings([_dir], false, Registry: Path.Combine(_dir, "nope.yaml")));
        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_output_lists_reasons_with_weights_and_evidence()
    {
        var message = new Message { Source = "a.mbox", Offset = 7, Sha256 = "0", Subject = "Help", Text = "Paid for by Friends of Dana Ortiz." };
        var verdict = new Detector(Policy.Parse("score:\n  bias: -3\nsignal_weights:\n  PaidForByDisclaimer: 4\n", "p.yaml")).Classify(message);
        var output = new StringWriter();
        ClassifyCommand.WriteVerdict(output, message, verdict);
        var text = output.ToString();
        Assert.StartsWith("a.mbox@7  electioneering ", text, StringComparison.Ordinal);
        Assert.Contains("PaidForByDisclaimer", text, StringComparison.Ordinal);
        Assert.Contains("+4.0  text@0: \"Paid for by Friends of Dana Ortiz\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weights_stand_in_one_column_when_a_signal_name_is_long()
    {
        // A parent's report to the ethics office: ReportToOversightFromOutside is longer than the usual column.
        var message = new Message
        {
            Source = "r.mbox", Offset = 0, Sha256 = "0", Subject = "Is this allowed?",
            Text = "My son got this at school: Chip in $27 at https://secure.actblue.com/donate/x",
            From = [new SolidWall.Mime.MailboxAddress(null, "parent.home", "gmail.example")],
            To = [new SolidWall.Mime.MailboxAddress(null, "ethics", "lakeshore-schools.example")],
            Links = ["https://secure.actblue.com/donate/x"],
        };
        var verdict = new Detector(Policy.Parse("score:\n  bias: 3\n", "p.yaml")).Classify(message);
        var output = new StringWriter();
        ClassifyCommand.WriteVerdict(output, message, verdict);
        // Each reason's line: four blanks, the signal, blanks, the weight; where each weight ends.
        var reasons = output.ToString().Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, "^    (\\S+) +([+-][0-9]+\\.[0-9])  "))
            .Where(m => m.Success).ToList();
        Assert.Contains(reasons, m => m.Groups[1].Value == "ReportToOversightFromOutside");
        Assert.True(reasons.Count >= 2, output.ToString());
        Assert.Single(reasons.Select(m => m.Groups[2].Index + m.Groups[2].Length).Distinct());
    }

    [Fact]
    public void Each_flagged_message_says_what_the_policy_does_with_it_by_who_it_is_addressed_to()
    {
        const string ask = "Subject: Canvass this Saturday\r\nMIME-Version: 1.0\r\n\r\n"
            + "Join Mayor Dana Ortiz's re-election campaign this Saturday: we need volunteers to knock doors for Dana. "
            + "Sign up at https://www.mobilize.us/ortiz/ and chip in at https://secure.actblue.com/donate/ortiz today.\r\n"
            + "Paid for by Friends of Dana Ortiz.\r\n";
        File.WriteAllText(Path.Combine(_dir, "students.eml"), "From: volunteer@reelect-ortiz.example\r\nTo: budlong-3a@students.lakeshore-schools.example\r\n"
            + "Cc: t.okonjo@lakeshore-schools.example\r\nMessage-ID: <s@reelect-ortiz.example>\r\n" + ask);
        File.WriteAllText(Path.Combine(_dir, "staff.eml"), "From: volunteer@reelect-ortiz.example\r\nTo: t.okonjo@lakeshore-schools.example\r\n"
            + "Message-ID: <t@reelect-ortiz.example>\r\n" + ask);
        File.WriteAllText(Path.Combine(_dir, "rooms.eml"), "From: t.okonjo@lakeshore-schools.example\r\nTo: budlong-3a@students.lakeshore-schools.example\r\n"
            + "Subject: Rooms\r\nMessage-ID: <r@lakeshore-schools.example>\r\n\r\nRoom 204 is free on Friday for the review session.\r\n");
        var settings = new ClassifyCommand.Settings([_dir], true, StaffDomains: ["lakeshore-schools.example"], StudentDomains: ["students.lakeshore-schools.example"]);

        var (exit, json, _) = Run(settings);
        Assert.Equal(1, exit);
        var verdicts = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .ToDictionary(v => Path.GetFileName(v.GetProperty("source").GetString()!), v => v);
        Assert.Equal("quarantine", verdicts["students.eml"].GetProperty("action").GetString());
        Assert.Equal(
            ["student quarantine actions.student.default", "staff tag actions.staff.default"],
            verdicts["students.eml"].GetProperty("recipients").EnumerateArray().Select(g => $"{g.GetProperty("role").GetString()} {g.GetProperty("action").GetString()} {g.GetProperty("rule").GetString()}"));
        Assert.Equal("tag", verdicts["staff.eml"].GetProperty("action").GetString());
        Assert.Equal("accept", verdicts["rooms.eml"].GetProperty("action").GetString());
        Assert.False(verdicts["rooms.eml"].TryGetProperty("recipients", out _));

        var (_, text, _) = Run(settings with { Json = false });
        Assert.Contains("policy: quarantine", text, StringComparison.Ordinal);
        Assert.Contains("quarantine: 1 student (actions.student.default); tag: 1 staff (actions.staff.default)", text, StringComparison.Ordinal);
        Assert.Contains("3 message(s), 2 electioneering (the policy would accept 0, tag 1, quarantine 1, reject 0), 0 item(s) skipped.", text, StringComparison.Ordinal);

        // The user's policy decides: staff mail with a fundraising ask rejected.
        var policy = Path.Combine(_dir, "..", Path.GetFileName(_dir) + "-policy.yaml");
        File.WriteAllText(policy, "actions:\n  staff:\n    fundraising: reject\n");
        try
        {
            var (_, strict, _) = Run(settings with { Policy = policy });
            var staff = strict.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
                .Single(v => v.GetProperty("source").GetString()!.EndsWith("staff.eml", StringComparison.Ordinal));
            Assert.Equal("reject", staff.GetProperty("action").GetString());
            Assert.Equal("actions.staff.fundraising", staff.GetProperty("recipients")[0].GetProperty("rule").GetString());
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public void A_bccd_copy_is_decided_for_the_mailbox_it_was_delivered_to()
    {
        File.WriteAllText(Path.Combine(_dir, "bcc.eml"), "Delivered-To: budlong-3a@students.lakeshore-schools.example\r\n"
            + "From: volunteer@reelect-ortiz.example\r\nTo: undisclosed-recipients:;\r\nSubject: Canvass Saturday\r\nMessage-ID: <b@reelect-ortiz.example>\r\n\r\n"
            + "Join Mayor Dana Ortiz's re-election campaign this Saturday: knock doors for Dana and chip in at https://secure.actblue.com/donate/ortiz today.\r\n"
            + "Paid for by Friends of Dana Ortiz.\r\n");
        var (_, json, _) = Run(new ClassifyCommand.Settings([_dir], true, StudentDomains: ["students.lakeshore-schools.example"]));
        using var verdict = System.Text.Json.JsonDocument.Parse(json.Trim());
        Assert.Equal("quarantine", verdict.RootElement.GetProperty("action").GetString());
        Assert.Equal("budlong-3a@students.lakeshore-schools.example", verdict.RootElement.GetProperty("recipients")[0].GetProperty("addresses")[0].GetString());

        // As a gateway would see it, delivered to whom the envelope names: a teacher instead.
        var (_, envelope, _) = Run(new ClassifyCommand.Settings([_dir], true, StaffDomains: ["lakeshore-schools.example"], StudentDomains: ["students.lakeshore-schools.example"],
            Recipients: ["t.okonjo@lakeshore-schools.example"]));
        using var asDelivered = System.Text.Json.JsonDocument.Parse(envelope.Trim());
        Assert.Equal("tag", asDelivered.RootElement.GetProperty("action").GetString());
        Assert.Equal(["t.okonjo@lakeshore-schools.example"], asDelivered.RootElement.GetProperty("recipients").EnumerateArray().SelectMany(g => g.GetProperty("addresses").EnumerateArray()).Select(a => a.GetString()));

        var (exit, _, err) = Run(new ClassifyCommand.Settings([_dir], true, Recipients: ["Tunde Okonjo <t.okonjo@lakeshore-schools.example>"]));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--recipient 'Tunde Okonjo <t.okonjo@lakeshore-schools.example>' is not an address", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readable_output_shows_an_allowed_message_a_line_a_reason_and_a_flagged_one_in_full()
    {
        File.WriteAllText(Path.Combine(_dir, "drill.eml"), "From: office@lakeshore-schools.example\r\nTo: staff@lakeshore-schools.example\r\n"
            + "Subject: Fire drill Thursday\r\n\r\nThe fire drill is Thursday at 10. Take attendance outside by the flagpole and bring the red folder.\r\n");
        File.WriteAllText(Path.Combine(_dir, "ask.eml"), "From: volunteer@reelect-ortiz.example\r\nTo: staff@lakeshore-schools.example\r\n"
            + "Subject: Canvass Saturday\r\n\r\nJoin Mayor Dana Ortiz's re-election campaign this Saturday: knock doors for Dana and chip in "
            + "at https://secure.actblue.com/donate/ortiz today. Vote Ortiz on February 28.\r\nPaid for by Friends of Dana Ortiz.\r\n");
        var (_, text, _) = Run(new ClassifyCommand.Settings([_dir], false));
        var (_, json, _) = Run(new ClassifyCommand.Settings([_dir], true));
        var verdicts = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        foreach (var (file, flagged) in new[] { ("drill.eml", false), ("ask.eml", true) })
        {
            var verdict = verdicts.Single(v => v.GetProperty("source").GetString()!.EndsWith(file, StringComparison.Ordinal));
            Assert.Equal(flagged ? "electioneering" : "allowed", verdict.GetProperty("verdict").GetString());
            var reasons = verdict.GetProperty("reasons").EnumerateArray().ToList();
            var evidence = reasons.Sum(r => r.GetProperty("evidence").GetArrayLength());
            Assert.True(evidence > reasons.Count, $"{file}: a reason with more than one piece of evidence is needed to tell the two apart");
            // The message's own lines: from its header line to the next message's or the summary.
            var start = Array.FindIndex(lines, l => l.Contains(file + "@0", StringComparison.Ordinal));
            var own = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).ToList();
            var shown = own.Count(l => !l.StartsWith("    categories", StringComparison.Ordinal) && !l.StartsWith("    policy:", StringComparison.Ordinal)
                && !l.StartsWith("    intercept", StringComparison.Ordinal));
            Assert.Equal(flagged ? evidence : reasons.Count, shown);
            // A flagged message ends with where its sum starts.
            var intercept = verdict.GetProperty("intercept");
            Assert.Equal(flagged, own.LastOrDefault()?.StartsWith("    intercept", StringComparison.Ordinal) == true);
            if (flagged)
            {
                Assert.Contains($"{intercept.GetProperty("reading").GetString()} ({intercept.GetProperty("key").GetString()})", own[^1], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_message_piped_to_the_program_is_classified_as_the_dash()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [CliProgram.Dll(), "classify", "--json", "--student-domain", "students.lakeshore-schools.example", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var program = System.Diagnostics.Process.Start(start)!;
        program.StandardInput.Write("From: volunteer@reelect-ortiz.example\nTo: budlong-3a@students.lakeshore-schools.example\nSubject: Canvass Saturday\n\n"
            + "Join Mayor Dana Ortiz's re-election campaign this Saturday: knock doors for Dana and chip in at https://secure.actblue.com/donate/ortiz today.\n"
            + "Paid for by Friends of Dana Ortiz.\n");
        program.StandardInput.Close();
        var output = program.StandardOutput.ReadToEnd();
        var errors = program.StandardError.ReadToEnd();
        Assert.True(program.WaitForExit(TimeSpan.FromMinutes(1)));

        Assert.Equal(1, program.ExitCode);
        using var verdict = System.Text.Json.JsonDocument.Parse(output.Trim());
        Assert.Equal(("-", 0), (verdict.RootElement.GetProperty("source").GetString(), verdict.RootElement.GetProperty("offset").GetInt32()));
        Assert.Equal("electioneering", verdict.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("quarantine", verdict.RootElement.GetProperty("action").GetString());
        Assert.Equal("", errors);
    }

    [Fact]
    public void An_encrypted_message_says_in_both_outputs_that_its_content_was_not_read()
    {
        File.WriteAllText(Path.Combine(_dir, "sealed.eml"), "From: volunteer@reelect-ortiz.example\r\nTo: t1@district.example\r\nSubject: For your students\r\n"
            + "Message-ID: <s1@reelect-ortiz.example>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n");
        File.WriteAllText(Path.Combine(_dir, "plain.eml"), "From: t1@district.example\r\nTo: t2@district.example\r\nSubject: Rooms\r\n"
            + "Message-ID: <p1@district.example>\r\n\r\nRoom 204 is free on Friday.\r\n");

        var (_, json, _) = Run(new ClassifyCommand.Settings([_dir], true));
        var lines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("s1@reelect-ortiz.example", lines.Single(l => l.Contains("sealed.eml", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("\"encrypted\":\"S/MIME\"", lines.Single(l => l.Contains("sealed.eml", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("encrypted", lines.Single(l => l.Contains("plain.eml", StringComparison.Ordinal)), StringComparison.Ordinal);

        var (_, text, _) = Run(new ClassifyCommand.Settings([Path.Combine(_dir, "sealed.eml")], false));
        Assert.Contains("content not read", text, StringComparison.Ordinal);
        Assert.Contains("encrypted (S/MIME): the verdict rests on the subject, the sender and any unencrypted part", text, StringComparison.Ordinal);
        var (_, plain, _) = Run(new ClassifyCommand.Settings([Path.Combine(_dir, "plain.eml")], false));
        Assert.DoesNotContain("content not read", plain, StringComparison.Ordinal);
    }
}
