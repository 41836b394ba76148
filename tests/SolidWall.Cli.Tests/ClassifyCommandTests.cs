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
