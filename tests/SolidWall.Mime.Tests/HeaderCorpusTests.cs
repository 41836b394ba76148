namespace SolidWall.Mime.Tests;

/// <summary>
/// Every header of every message in the shared corpora decodes without an exception. The header block is
/// found by reading to the first empty line, so this does not depend on the MIME parser.
/// </summary>
public sealed class HeaderCorpusTests
{
    [Theory]
    [InlineData("mime-torture")]
    [InlineData("ham-spam")]
    public void Every_header_value_decodes(string subset)
    {
        var root = TestData.CorporaRoot();
        Assert.SkipWhen(root is null, "shared corpora not found next to the repo");
        var files = Directory.EnumerateFiles(Path.Combine(root!, subset), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(files);

        int fields = 0, encodedBefore = 0, encodedAfter = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (name, value) in HeaderFields(bytes))
            {
                fields++;
                var defects = new DefectSink();
                string decoded;
                try
                {
                    decoded = HeaderText.Decode(value, defects);
                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        _ = ContentType.Parse(value, defects);
                    }
                    else if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                    {
                        _ = ContentDisposition.Parse(value, defects);
                    }
                    else if (name is "From" or "To" or "Cc" or "Reply-To")
                    {
                        _ = HeaderText.DecodePhrase(value, defects);
                    }
                    else if (name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                    {
                        _ = TransferEncodings.Decode("SGVsbG8="u8, HeaderText.Decode(value), defects);
                    }
                }
                catch (Exception e)
                {
                    Assert.Fail($"{file}: {name}: {e}");
                    return;
                }
                if (name.Equals("Subject", StringComparison.OrdinalIgnoreCase) && value.AsSpan().IndexOf("?="u8) > 0)
                {
                    encodedBefore++;
                    encodedAfter += decoded.Contains("?=", StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }
        Assert.True(fields > 1000, $"only {fields} header fields found");
        // Nearly every Subject that carries encoded words decodes them (the rest are malformed in the corpus).
        Assert.True(encodedAfter * 10 <= encodedBefore, $"{encodedAfter} of {encodedBefore} encoded subjects left undecoded");
    }

    private static IEnumerable<(string Name, byte[] Value)> HeaderFields(byte[] message)
    {
        var pos = 0;
        string? name = null;
        var valueStart = 0;
        var valueEnd = 0;
        while (pos < message.Length)
        {
            var nl = Array.IndexOf(message, (byte)'\n', pos);
            var lineEnd = nl < 0 ? message.Length : nl;
            var next = nl < 0 ? message.Length : nl + 1;
            var contentEnd = lineEnd > pos && message[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == pos)
            {
                break;
            }
            if (message[pos] is (byte)' ' or (byte)'\t')
            {
                valueEnd = contentEnd;
            }
            else
            {
                if (name is not null)
                {
                    yield return (name, message[valueStart..valueEnd]);
                    name = null;
                }
                var colon = Array.IndexOf(message, (byte)':', pos, contentEnd - pos);
                if (colon > pos && !(pos == 0 && message.AsSpan(0, contentEnd).StartsWith("From "u8)))
                {
                    name = System.Text.Encoding.Latin1.GetString(message, pos, colon - pos).Trim();
                    valueStart = colon + 1;
                    valueEnd = contentEnd;
                }
            }
            pos = next;
        }
        if (name is not null)
        {
            yield return (name, message[valueStart..valueEnd]);
        }
    }
}
