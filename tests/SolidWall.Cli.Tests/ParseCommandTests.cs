using System.Text;
using System.Text.Json;
using SolidWall.Cli.Commands;

namespace SolidWall.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sw-parse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(bool json, params string[] paths)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = ParseCommand.Run(paths, json, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Json_has_one_object_per_message_with_every_field()
    {
        var mbox = Path.Combine(_dir, "inbox.mbox");
        File.WriteAllText(mbox,
            "From a@x Mon Jan  9 09:00:00 2023\n" +
            "From: Jamie Chen <jamie@camp.example>\nTo: t1@district.example, Group: t2@district.example;\n" +
            "Cc: t3@district.example\nSubject: =?UTF-8?Q?Pasant=C3=ADa?=\nDate: Mon, 9 Jan 2023 09:00:00 -0600\n" +
            "Message-ID: <m1@camp.example>\n\nJoin us: https://www.mobilize.us/x\n\n" +
            "From b@x Mon Jan  9 10:00:00 2023\nSubject: second\n\nhello\n");
        var (exit, output, _) = Run(true, mbox);
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var r = first.RootElement;
        Assert.Equal(mbox, r.GetProperty("source").GetString());
        Assert.Equal(0, r.GetProperty("offset").GetInt64());
        Assert.Equal(64, r.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("m1@camp.example", r.GetProperty("messageId").GetString());
        Assert.Equal(["jamie@camp.example"], r.GetProperty("from").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["t1@district.example", "t2@district.example"], r.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["t3@district.example"], r.GetProperty("cc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Pasantía", r.GetProperty("subject").GetString());
        Assert.Equal("2023-01-09T09:00:00-06:00", r.GetProperty("date").GetString());
        Assert.Contains("Join us", r.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("https://www.mobilize.us/x", r.GetProperty("links").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("body", r.GetProperty("segments")[0].GetProperty("kind").GetString());
        Assert.Equal("text/plain", r.GetProperty("parts")[0].GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Array, r.GetProperty("defects").ValueKind);

        using var second = JsonDocument.Parse(lines[1]);
        var secondOffset = Encoding.UTF8.GetBytes(File.ReadAllText(mbox)).AsSpan().IndexOf("From b@x"u8);
        Assert.Equal(secondOffset, second.RootElement.GetProperty("offset").GetInt64());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("date").ValueKind);
    }

    [Fact]
    public void A_file_that_is_not_mail_is_reported_and_the_rest_goes_on()
    {
        File.WriteAllText(Path.Combine(_dir, "a.eml"), "Subject: one\n\nbody\n");
        File.WriteAllBytes(Path.Combine(_dir, "junk.bin"), [0, 1, 2, 3, 255, 254]);
        File.WriteAllText(Path.Combine(_dir, "b.eml"), "Subject: two\n\nbody\n");
        var (exit, output, errors) = Run(false, _dir);
        Assert.Equal(1, exit);
        Assert.Contains("2 message(s), 1 item(s) skipped.", output, StringComparison.Ordinal);
        Assert.Contains("junk.bin", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error_naming_the_path()
    {
        var missing = Path.Combine(_dir, "nope.mbox");
        var (exit, _, errors) = Run(true, missing);
        Assert.Equal(2, exit);
        Assert.Contains(missing, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_errors_exit_with_2()
    {
        Assert.Equal(2, Program.Main(["parse"]));
        Assert.Equal(2, Program.Main(["no-such-command"]));
    }
}
