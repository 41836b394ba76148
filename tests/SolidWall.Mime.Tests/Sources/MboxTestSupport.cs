using System.Security.Cryptography;
using System.Text;
using SolidWall.Mime.Sources;

namespace SolidWall.Mime.Tests.Sources;

/// <summary>Runs the mbox splitter over byte arrays and checks each message's evidence against the stored bytes.</summary>
internal static class MboxTestSupport
{
    /// <summary>The smallest message the sources' tests read.</summary>
    public const string Eml = "From: a@example.org\nSubject: hi\n\nbody\n";

    /// <summary>The smallest mbox of two messages the sources' tests read.</summary>
    public const string Mbox = "From a@example.org Mon Jan  1 10:00:00 2024\nSubject: 1\n\nx\n\nFrom b@example.org Mon Jan  1 10:00:00 2024\nSubject: 2\n\ny\n";

    /// <summary>Every message a source gives, and every problem it reports.</summary>
    public static (List<RawMessage> Messages, List<SourceProblem> Problems) ReadAll(IMessageSource source)
    {
        var problems = new List<SourceProblem>();
        var messages = source.Read(problems.Add, TestContext.Current.CancellationToken).ToList();
        return (messages, problems);
    }

    public static (List<RawMessage> Messages, List<SourceProblem> Problems) Split(byte[] mbox, MboxFormat format = MboxFormat.Auto,
        int bufferSize = 1 << 20, MimeLimits? limits = null)
    {
        var problems = new List<SourceProblem>();
        using var stream = new MemoryStream(mbox, writable: false);
        var messages = new MboxReader(stream, "test.mbox", limits ?? MimeLimits.Default, format, problems.Add, bufferSize).Read().ToList();
        foreach (var m in messages) AssertStoredEvidence(mbox, m);
        return (messages, problems);
    }

    public static (List<RawMessage> Messages, List<SourceProblem> Problems) Split(string mbox, MboxFormat format = MboxFormat.Auto) =>
        Split(Encoding.UTF8.GetBytes(mbox), format);

    /// <summary>The SHA-256 an investigator gets with dd + sha256sum over StoredOffset/StoredLength.</summary>
    public static void AssertStoredEvidence(byte[] file, RawMessage m)
    {
        Assert.True(m.StoredOffset >= m.Offset && m.StoredOffset + m.StoredLength <= file.Length, $"stored range {m.StoredOffset}+{m.StoredLength} outside file");
        var stored = file.AsSpan((int)m.StoredOffset, (int)m.StoredLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), m.Sha256);
        Assert.True(file.AsSpan((int)m.Offset).StartsWith("From "u8), "Offset must point at a From_ line");
        int fromLineEnd = file.AsSpan((int)m.Offset).IndexOf((byte)'\n');
        Assert.Equal(m.Offset + fromLineEnd + 1, m.StoredOffset);
    }

    public static string Text(RawMessage m) => Encoding.UTF8.GetString(m.Bytes.Span);
}
