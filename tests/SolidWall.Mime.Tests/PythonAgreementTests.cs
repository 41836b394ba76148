using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SolidWall.Mime.Tests;

/// <summary>
/// Proves the MIME reader against an independent one: Python's stdlib <c>email</c> package (policy.default), run by
/// tools/pyemail_dump.py over every corpus message. Both sides reduce a message to the same fields, normalised the
/// same way, and at least 99% of messages must agree on every field. A difference counts as explained, not as a
/// disagreement, only where Python is known to depart from an RFC (the script names the rule) and our value is
/// exactly the RFC reading. Disagreements and explained differences are written to parser-agreement/ under the test
/// output folder; docs/PARSER-AGREEMENT.md explains each group and who is right.
/// </summary>
public sealed class PythonAgreementTests
{
    private const double Required = 0.99;

    private readonly ITestOutputHelper _output;

    public PythonAgreementTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task At_least_99_percent_of_corpus_messages_agree_with_Python_on_every_field()
    {
        var python = FindOnPath("python3");
        if (python is null)
        {
            Assert.Skip("python3 is not on PATH: the agreement check with Python's email package cannot run (CI has python3).");
        }
        var script = Path.Combine(RepoRoot(), "tools", "pyemail_dump.py");

        // Python takes most of the time, so it runs while our side parses.
        var theirsTask = Task.Run(() => RunPython(python, script, Corpus.Root));
        var files = Corpus.MessageFiles();
        var ours = new MessageView[files.Count];
        Parallel.For(0, files.Count, i => ours[i] = Ours(files[i], Corpus.Read(files[i])));
        var theirs = await theirsTask;

        var report = Compare(ours, theirs);
        var folder = Path.Combine(AppContext.BaseDirectory, "parser-agreement");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "disagreements.tsv"), report.DisagreementsTsv(), Encoding.UTF8);
        File.WriteAllText(Path.Combine(folder, "explained.tsv"), report.ExplainedTsv(), Encoding.UTF8);
        File.WriteAllText(Path.Combine(folder, "summary.txt"), report.Summary(), Encoding.UTF8);
        _output.WriteLine(report.Summary());
        _output.WriteLine($"disagreements: {Path.Combine(folder, "disagreements.tsv")}");

        Assert.Equal(files.Count, report.Messages);
        Assert.True(report.AgreeOrExplainedShare >= Required,
            $"only {report.AgreeOrExplainedShare:P2} of messages agree with Python on every field, counting the explained departures (need {Required:P0})\n{report.Summary()}");
    }

    /// <summary>
    /// A leading mbox From_ line is the envelope on both sides, not a header: the same message with and without it
    /// reads the same in Python and in SolidWall (a From_ line read as a header would add a From address).
    /// </summary>
    [Fact]
    public void A_leading_From_line_is_skipped_by_both_sides()
    {
        var python = FindOnPath("python3");
        if (python is null)
        {
            Assert.Skip("python3 is not on PATH");
        }
        var message = "Subject: envelope test\nTo: b@example.org\n\nbody\n";
        var folder = Directory.CreateTempSubdirectory("sw-fromline-");
        try
        {
            var plain = Path.Combine(folder.FullName, "plain.eml");
            var enveloped = Path.Combine(folder.FullName, "enveloped.eml");
            File.WriteAllText(plain, message);
            File.WriteAllText(enveloped, "From a@example.org Mon Jan  1 00:00:00 2024\n" + message);
            var theirs = RunPythonOn(python, Path.Combine(RepoRoot(), "tools", "pyemail_dump.py"), [plain, enveloped]);
            var ours = new[] { Ours(plain, File.ReadAllBytes(plain)), Ours(enveloped, File.ReadAllBytes(enveloped)) };
            foreach (var view in ours.Concat(theirs.Values))
            {
                Assert.Null(view.Error);
                Assert.Empty(view.From);
                Assert.Equal("envelope test", view.Subject);
                Assert.Equal(["body"], view.Texts);
            }
            Assert.Empty(Compare(ours, theirs).Disagreements);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_difference_in_any_field_is_reported()
    {
        var a = new MessageView("m", null, ["a@x.org"], ["b@y.org"], [], "Hello there", "2002-08-22T11:26:25Z", 2, ["one two"]);
        Assert.Empty(Compare([a], [a]).Disagreements);

        var changed = new[]
        {
            a with { From = ["a@x.com"] },
            a with { To = [] },
            a with { Cc = ["c@z.org"] },
            a with { Subject = null },
            a with { Date = "2002-08-22T11:26:26Z" },
            a with { Leaves = 3 },
            a with { Texts = ["one  three"] },
        };
        foreach (var b in changed)
        {
            var report = Compare([a], [b]);
            Assert.Single(report.Disagreements);
            Assert.Equal(0, report.AllFieldsAgreeShare);
        }
        var missing = Compare([a], []);
        Assert.Equal("python", Assert.Single(missing.Disagreements).Field);
    }

    /// <summary>A known Python departure (here RFC 5322 section 4.3's three-digit year) is explained only when ours is exactly the RFC reading.</summary>
    [Fact]
    public void A_difference_is_explained_only_when_ours_is_the_RFC_reading()
    {
        var python = new MessageView("m", null, [], [], [], "s", "0102-08-22T04:07:35Z", 1, [])
        {
            Rfc = new MessageView("m", null, [], [], [], "s", "2002-08-22T04:07:35Z", 1, []),
            Rules = new Dictionary<string, string> { ["date"] = "three-digit-year" },
        };
        var right = Compare([python.Rfc with { Rfc = null }], [python]);
        Assert.Empty(right.Disagreements);
        Assert.Equal(1, right.ExplainedOnly);
        Assert.Equal(1.0, right.AgreeOrExplainedShare);

        var wrong = Compare([python.Rfc with { Date = "2102-08-22T04:07:35Z" }], [python]);
        Assert.Equal("date", Assert.Single(wrong.Disagreements).Field);
        Assert.Equal(0, wrong.AgreeOrExplainedShare);
    }

    [Theory]
    [InlineData("  a \t b\r\n\r\nc\u00a0d  ", "a b c d")]
    [InlineData("\u2003x\u3000y\u0085", "x y")]
    [InlineData("no change", "no change")]
    public void Whitespace_is_normalised_as_the_Python_script_does(string raw, string expected) =>
        Assert.Equal(expected, Normalise(raw));

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character_as_in_the_Python_script() =>
        Assert.Equal("x\ufffdy \ud83d\ude00", Normalise(new string(['x', '\ud800', 'y', ' ', '\ud83d', '\ude00'])));

    /// <summary>One message reduced to the compared fields.</summary>
    internal sealed record MessageView(string Path, string? Error, IReadOnlyList<string> From, IReadOnlyList<string> To,
        IReadOnlyList<string> Cc, string? Subject, string? Date, int Leaves, IReadOnlyList<string> Texts, string Notes = "")
    {
        /// <summary>Python's record with its known departures from the RFCs corrected, or null when there are none.</summary>
        public MessageView? Rfc { get; init; }

        /// <summary>For each corrected field, the name of the rule (see tools/pyemail_dump.py and docs/PARSER-AGREEMENT.md).</summary>
        public IReadOnlyDictionary<string, string> Rules { get; init; } = new Dictionary<string, string>();
    }

    internal sealed record Disagreement(string Path, string Field, string Ours, string Theirs, string Notes);

    internal static readonly string[] Fields = ["from", "to", "cc", "subject", "date", "leaves", "texts"];

    internal static MessageView Ours(string path, byte[] bytes)
    {
        try
        {
            var m = MimeParser.Parse(bytes);
            var texts = new List<string>();
            var leaves = 0;
            foreach (var leaf in m.Leaves())
            {
                leaves++;
                if (leaf.ContentType.Is("text", "plain"))
                {
                    texts.Add(Normalise(leaf.GetText()));
                }
            }
            return new MessageView(path, null, Addresses(m.From), Addresses(m.To), Addresses(m.Cc),
                m.Subject is { } s ? Normalise(s) : null, m.Date is { } d ? Iso(d) : null, leaves, texts);
        }
        catch (Exception e)
        {
            return new MessageView(path, e.GetType().Name + ": " + e.Message, [], [], [], null, null, 0, []);
        }
    }

    private static List<string> Addresses(IReadOnlyList<MailboxAddress> list) =>
        list.Select(a => Normalise(a.Address).ToLowerInvariant()).Where(a => a.Length > 0).ToList();

    private static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Runs of white space become one space, trimmed; lone surrogates become U+FFFD. The same set as the script's.</summary>
    internal static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\ufffd' : c);
            }
        }
        return sb.ToString();
    }

    private static bool IsSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00a0' or '\u1680' => true,
        >= '\u2000' and <= '\u200a' => true,
        '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        _ => false,
    };

    internal static Dictionary<string, MessageView> RunPython(string python, string script, string corporaRoot) =>
        RunPythonOn(python, script, ["--corpora", corporaRoot]);

    internal static Dictionary<string, MessageView> RunPythonOn(string python, string script, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var result = new Dictionary<string, MessageView>(StringComparer.Ordinal);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            var view = FromJson(line);
            result[view.Path] = view;
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pyemail_dump.py did not finish in two minutes");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pyemail_dump.py exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
        }
        return result;
    }

    internal static MessageView FromJson(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        static List<string> List(JsonElement r, string name) =>
            r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
        static string? Str(JsonElement r, string name) =>
            r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var view = new MessageView(
            Str(r, "path") ?? "",
            Str(r, "error"),
            List(r, "from"), List(r, "to"), List(r, "cc"),
            Str(r, "subject"), Str(r, "date"),
            r.TryGetProperty("leaves", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : -1,
            List(r, "texts"),
            string.Join("; ", List(r, "notes")));
        return WithDeviations(view, r);
    }

    private static MessageView WithDeviations(MessageView view, JsonElement r)
    {
        if (!r.TryGetProperty("deviations", out var dev) || dev.ValueKind != JsonValueKind.Object)
        {
            return view;
        }
        var rfc = view;
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in dev.EnumerateObject())
        {
            var value = d.Value.GetProperty("value");
            rules[d.Name] = d.Value.GetProperty("rule").GetString() ?? "";
            List<string> Strings() => value.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            rfc = d.Name switch
            {
                "from" => rfc with { From = Strings() },
                "to" => rfc with { To = Strings() },
                "cc" => rfc with { Cc = Strings() },
                "date" => rfc with { Date = value.GetString() },
                "subject" => rfc with { Subject = value.GetString() },
                "leaves" => rfc with { Leaves = value.GetInt32() },
                "texts" => rfc with { Texts = Strings() },
                _ => rfc,
            };
        }
        return rules.Count == 0 ? view : view with { Rfc = rfc, Rules = rules };
    }

    internal static AgreementReport Compare(IReadOnlyList<MessageView> ours, IReadOnlyCollection<MessageView> theirs)
    {
        var byPath = theirs.ToDictionary(t => t.Path, StringComparer.Ordinal);
        return Compare(ours, byPath);
    }

    /// <summary>
    /// Compares field by field. Where the fields differ but Python is known to depart from the RFCs on this message
    /// (the script's "deviations") and our value is exactly the RFC reading, the difference counts as explained.
    /// </summary>
    internal static AgreementReport Compare(IReadOnlyList<MessageView> ours, IReadOnlyDictionary<string, MessageView> theirs)
    {
        var report = new AgreementReport();
        foreach (var o in ours)
        {
            report.Messages++;
            if (!theirs.TryGetValue(o.Path, out var t))
            {
                report.Add(new Disagreement(o.Path, "python", "parsed", "no record", ""));
                continue;
            }
            if (o.Error is not null || t.Error is not null)
            {
                report.Add(new Disagreement(o.Path, "error", o.Error ?? "", t.Error ?? "", t.Notes));
                continue;
            }
            var real = false;
            var explained = false;
            foreach (var field in Fields)
            {
                var mine = Value(o, field);
                if (string.Equals(mine, Value(t, field), StringComparison.Ordinal))
                {
                    report.Agreed[field]++;
                }
                else if (t.Rfc is { } rfc && t.Rules.TryGetValue(field, out var rule) && string.Equals(mine, Value(rfc, field), StringComparison.Ordinal))
                {
                    report.Explained[field]++;
                    report.ExplainedList.Add(new Disagreement(o.Path, field, Show(o, t, field).Ours, Show(o, t, field).Theirs, rule));
                    explained = true;
                }
                else if (field is "from" or "to" or "cc" && string.Equals(mine.Replace("\"", "", StringComparison.Ordinal), Value(t, field), StringComparison.Ordinal))
                {
                    // RFC 5322 section 3.4.1: a local part such as s..palmer is only valid quoted; Python prints it unquoted.
                    report.Explained[field]++;
                    report.ExplainedList.Add(new Disagreement(o.Path, field, Show(o, t, field).Ours, Show(o, t, field).Theirs, "quoted-local-part"));
                    explained = true;
                }
                else
                {
                    var (a, b) = Show(o, t, field);
                    report.Add(new Disagreement(o.Path, field, a, b, t.Notes));
                    real = true;
                }
            }
            if (!real)
            {
                if (explained)
                {
                    report.ExplainedOnly++;
                }
                else
                {
                    report.AllAgree++;
                }
            }
        }
        return report;
    }

    private static string Value(MessageView v, string field) => field switch
    {
        "from" => Join(v.From),
        "to" => Join(v.To),
        "cc" => Join(v.Cc),
        "subject" => v.Subject ?? "(none)",
        "date" => v.Date ?? "(none)",
        "leaves" => v.Leaves.ToString(CultureInfo.InvariantCulture),
        "texts" => string.Join("\u241E", v.Texts.Select((x, i) => i + ":" + x)),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>How a difference is written down: the values, or for texts the count or the first place they differ.</summary>
    private static (string Ours, string Theirs) Show(MessageView o, MessageView t, string field)
    {
        if (field != "texts")
        {
            return (Value(o, field), Value(t, field));
        }
        if (o.Texts.Count != t.Texts.Count)
        {
            return ($"{o.Texts.Count} text/plain leaves", $"{t.Texts.Count} text/plain leaves");
        }
        for (var i = 0; i < o.Texts.Count; i++)
        {
            if (!string.Equals(o.Texts[i], t.Texts[i], StringComparison.Ordinal))
            {
                var (a, b) = AroundFirstDifference(o.Texts[i], t.Texts[i]);
                return ($"[{i}] {a}", $"[{i}] {b}");
            }
        }
        return ("", "");
    }

    private static string Join(IReadOnlyList<string> list) => string.Join(", ", list);

    /// <summary>The two texts around where they first differ, so a reader sees the cause without the whole body.</summary>
    internal static (string Ours, string Theirs) AroundFirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        var from = Math.Max(0, i - 30);
        static string Cut(string s, int from) =>
            (from > 0 ? "…" : "") + s[from..Math.Min(s.Length, from + 90)] + (s.Length > from + 90 ? "…" : "") + $" (len {s.Length})";
        return (Cut(a, from), Cut(b, from));
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SolidWall.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Counts per field and overall, and every disagreement.</summary>
    internal sealed class AgreementReport
    {
        public int Messages { get; set; }

        public int AllAgree { get; set; }

        public Dictionary<string, int> Agreed { get; } = Fields.ToDictionary(f => f, _ => 0);

        /// <summary>Per field, differences where our value is the RFC reading and Python's is a known departure from it.</summary>
        public Dictionary<string, int> Explained { get; } = Fields.ToDictionary(f => f, _ => 0);

        public List<Disagreement> ExplainedList { get; } = [];

        /// <summary>Messages whose every difference is explained.</summary>
        public int ExplainedOnly { get; set; }

        /// <summary>Messages that agree on every field, or differ only where Python departs from the RFCs.</summary>
        public double AgreeOrExplainedShare => Messages == 0 ? 0 : (double)(AllAgree + ExplainedOnly) / Messages;

        public List<Disagreement> Disagreements { get; } = [];

        public double AllFieldsAgreeShare => Messages == 0 ? 0 : (double)AllAgree / Messages;

        public void Add(Disagreement d) => Disagreements.Add(d);

        public string Summary()
        {
            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Agreement with Python email (policy.default) on {Messages} corpus messages");
            sb.AppendLine("field      agree    share  explained  agree or explained");
            foreach (var f in Fields)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{f,-9} {Agreed[f],6}  {Share(Agreed[f]),7:P2}  {Explained[f],9}  {Share(Agreed[f] + Explained[f]),18:P2}");
            }
            sb.AppendLine(CultureInfo.InvariantCulture, $"{"all",-9} {AllAgree,6}  {Share(AllAgree),7:P2}  {ExplainedOnly,9}  {Share(AllAgree + ExplainedOnly),18:P2}");
            foreach (var g in ExplainedList.GroupBy(d => d.Notes).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"explained by Python's departure '{g.Key}': {g.Count()} field differences in {g.Select(d => d.Path).Distinct().Count()} messages");
            }
            var errors = Disagreements.Count(d => d.Field is "error" or "python");
            if (errors > 0)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"messages where one side failed outright: {errors}");
            }
            return sb.ToString();
        }

        private double Share(int n) => Messages == 0 ? 0 : (double)n / Messages;

        public string DisagreementsTsv() => Tsv(Disagreements, "python notes");

        public string ExplainedTsv() => Tsv(ExplainedList, "rule");

        private static string Tsv(List<Disagreement> list, string last)
        {
            var sb = new StringBuilder($"path\tfield\tours\ttheirs\t{last}\n");
            foreach (var d in list)
            {
                sb.Append(Clean(d.Path)).Append('\t').Append(d.Field).Append('\t').Append(Clean(d.Ours)).Append('\t')
                    .Append(Clean(d.Theirs)).Append('\t').Append(Clean(d.Notes)).Append('\n');
            }
            return sb.ToString();
        }

        private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
    }
}
