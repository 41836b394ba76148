namespace SolidWall.Mime.Tests;

/// <summary>
/// Every From/To/Cc/Reply-To/Date/Message-ID value in the shared corpora goes through the parsers without an
/// exception, and nearly every Date in ham-spam (2002-era real mail) is understood.
/// </summary>
public sealed class AddressHeaderCorpusTests
{
    private static readonly string[] AddressFields = ["from", "to", "cc", "reply-to"];

    [Theory]
    [InlineData("ham-spam")]
    [InlineData("mime-torture")]
    public void Every_header_value_parses_without_exception(string subset)
    {
        var files = 0;
        var values = 0;
        foreach (var file in CorpusHeaders.MessageFiles(subset))
        {
            files++;
            foreach (var (name, value) in CorpusHeaders.Read(File.ReadAllBytes(file)))
            {
                var sink = new DefectSink();
                var lower = name.ToLowerInvariant();
                if (AddressFields.Contains(lower))
                {
                    foreach (var m in AddressParser.ParseList(value, sink, 0))
                    {
                        Assert.False(string.IsNullOrEmpty(m.LocalPart), $"{file}: {name}");
                        _ = m.Address;
                        _ = m.AsciiDomain;
                    }
                }
                else if (lower == "date")
                {
                    _ = DateParser.Parse(value, sink, 0);
                }
                else if (lower == "message-id")
                {
                    _ = MessageIds.ParseList(value, sink, 0);
                }
                else
                {
                    continue;
                }
                values++;
            }
        }
        Assert.True(files > 100, $"only {files} files found under {subset}");
        Assert.True(values > files, $"only {values} header values in {files} files");
    }

    [Fact]
    public void Nearly_every_ham_spam_date_parses()
    {
        var dates = 0;
        var parsed = 0;
        var failures = new List<string>();
        foreach (var file in CorpusHeaders.MessageFiles("ham-spam"))
        {
            foreach (var (name, value) in CorpusHeaders.Read(File.ReadAllBytes(file)))
            {
                if (!name.Equals("date", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                dates++;
                var d = DateParser.Parse(value);
                if (d.HasValue && d.Value.Year >= 1900)
                {
                    parsed++;
                }
                else if (failures.Count < 20)
                {
                    failures.Add(System.Text.Encoding.Latin1.GetString(value).Trim());
                }
            }
        }
        Assert.True(dates > 5000, $"only {dates} Date fields found");
        Assert.True(parsed >= dates * 0.99, $"{parsed} of {dates} dates parsed; e.g. {string.Join(" | ", failures)}");
    }

    [Fact]
    public void Nearly_every_ham_spam_from_has_a_mailbox_with_a_domain()
    {
        var froms = 0;
        var good = 0;
        foreach (var file in CorpusHeaders.MessageFiles("ham-spam"))
        {
            foreach (var (name, value) in CorpusHeaders.Read(File.ReadAllBytes(file)))
            {
                if (name.Equals("from", StringComparison.OrdinalIgnoreCase))
                {
                    froms++;
                    if (AddressParser.ParseList(value).Any(m => m.Domain.Contains('.', StringComparison.Ordinal)))
                    {
                        good++;
                    }
                }
            }
        }
        Assert.True(froms > 5000, $"only {froms} From fields found");
        Assert.True(good >= froms * 0.99, $"{good} of {froms} From fields have a mailbox");
    }
}
