using System.Security.Cryptography;
using System.Text;

namespace SolidWall.Mime.Sources;

/// <summary>
/// Reads one file that holds mail: an mbox (first line a From_ line, or a From_ line after a preamble such as a
/// BSMTP envelope), or a single message (.eml and the like). Files that are clearly not mail are reported and skipped.
/// </summary>
internal static class MessageFile
{
    /// <summary>How far into a file without a header-like first line to look for a From_ line.</summary>
    internal const int SniffBytes = 64 * 1024;

    internal enum Kind { Mbox, Single, NotMail }

    /// <summary>
    /// Decides what a file's first bytes are. A message is a file whose first line is a From_ line, a header field
    /// (<c>Name:</c>), or blank lines before a header field or the end (a message with no header fields); a file with a From_ line in its first 64 KB is an
    /// mbox with a preamble. Anything else (a licence, a README, a CSV) is not mail.
    /// </summary>
    internal static Kind Classify(ReadOnlySpan<byte> head, out string reason)
    {
        reason = "";
        if (head.IsEmpty) { reason = "not a mail message: the file is empty"; return Kind.NotMail; }
        if (FromLine.StartsWithFrom(head)) return Kind.Mbox;
        if (IsHeaderLine(head)) return Kind.Single;
        // Blank lines first: the minimal RFC 5322 message (an empty header section) when nothing else follows, or
        // stray blank lines before a header; a text that merely starts with a blank line (a licence) is not mail.
        int text = head.IndexOfAnyExcept("\r\n"u8);
        if (text != 0 && (text < 0 || IsHeaderLine(head[text..]))) return Kind.Single;
        for (int i = head.IndexOf((byte)'\n'); i >= 0 && i + 1 < head.Length;)
        {
            var line = head[(i + 1)..];
            if (FromLine.LooksLikeFromLine(line)) return Kind.Mbox;
            int next = line.IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        reason = head.StartsWith(CompoundFileSignature)
            ? "not a mail message: an OLE compound file (an Outlook .msg, or a Word or Excel 97-2003 document), which SolidWall does not read; "
              + "export the mailbox as .eml files, an mbox or a PST"
            : head[..Math.Min(head.Length, 1024)].IndexOf((byte)0) is var nul and >= 0
                ? $"not a mail message: binary data (a zero byte at offset {nul})"
                : $"not a mail message: first line is \"{FirstLine(head[Math.Max(text, 0)..])}\"";
        return Kind.NotMail;
    }

    // The first eight bytes of every OLE compound file (MS-CFB 2.2): Outlook's .msg, Office 97-2003 documents.
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// A field name (printable ASCII but ':'), optional blanks (obsolete syntax, RFC 5322 section 4.5), then ':'. The
    /// name must start with a letter, as every field any mail system writes does: RFC 5322 allows <c>{"id"</c> as a
    /// name, and without this a JSON file (an export's metadata, a JSONL file) was read as one message of junk headers.
    /// </summary>
    private static bool IsHeaderLine(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || !char.IsAsciiLetter((char)head[0])) return false;
        int i = 0;
        while (i < head.Length && head[i] is >= 33 and <= 126 and not (byte)':') i++;
        if (i == 0) return false;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t') i++;
        return i < head.Length && head[i] == (byte)':';
    }

    private static string FirstLine(ReadOnlySpan<byte> head)
    {
        int nl = head.IndexOfAny((byte)'\r', (byte)'\n');
        var line = nl < 0 ? head : head[..nl];
        if (line.Length > 60) line = line[..60];
        var sb = new StringBuilder();
        foreach (char c in Encoding.UTF8.GetString(line))
            sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }

    /// <summary>Reads every message in the file at <paramref name="path"/>; problems (unreadable, not mail) are reported, never thrown.</summary>
    internal static IEnumerable<RawMessage> Read(string path, IReadOnlyList<string>? labels, MimeLimits limits, MboxFormat format,
        Action<SourceProblem> problems, CancellationToken ct)
    {
        Kind kind;
        string reason;
        try
        {
            using var stream = OpenRead(path);
            var head = new byte[SniffBytes];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            // An empty .mbox is a mailbox with nothing in it (Vault exports one for a custodian without mail), not a bad item.
            if (n == 0 && IsMboxName(path))
            {
                return [];
            }

            kind = Classify(head.AsSpan(0, n), out reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems(new SourceProblem(path, -1, $"cannot read: {e.Message}"));
            return [];
        }

        if (kind == Kind.NotMail)
        {
            problems(new SourceProblem(path, -1, reason));
            return [];
        }
        return kind == Kind.Mbox ? ReadMbox(path, labels, limits, format, problems, ct) : ReadSingle(path, labels, limits, problems);
    }

    private static bool IsMboxName(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".mbox" or ".mbx" or ".mbs";

    internal static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    private static IEnumerable<RawMessage> ReadMbox(string path, IReadOnlyList<string>? labels, MimeLimits limits, MboxFormat format,
        Action<SourceProblem> problems, CancellationToken ct)
    {
        FileStream stream;
        try { stream = OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems(new SourceProblem(path, -1, $"cannot read: {e.Message}"));
            yield break;
        }
        using (stream)
        {
            var reader = new MboxReader(stream, path, limits, format, problems);
            using var messages = reader.Read(ct).GetEnumerator();
            while (true)
            {
                RawMessage message;
                try
                {
                    if (!messages.MoveNext()) yield break;
                    message = messages.Current;
                }
                catch (IOException e)
                {
                    problems(new SourceProblem(path, -1, $"read failed part way: {e.Message}"));
                    yield break;
                }
                yield return labels is null || message.Labels.Count > 0 ? message : message.Relocate(message.Source, message.Offset, labels, keepStored: true);
            }
        }
    }

    private static IEnumerable<RawMessage> ReadSingle(string path, IReadOnlyList<string>? labels, MimeLimits limits, Action<SourceProblem> problems)
    {
        RawMessage message;
        try
        {
            message = ReadWhole(path, labels, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems(new SourceProblem(path, -1, $"cannot read: {e.Message}"));
            return [];
        }
        return [message];
    }

    /// <summary>One file, one message: the first <see cref="MimeLimits.MaxMessageBytes"/> bytes kept, the whole file hashed.</summary>
    internal static RawMessage ReadWhole(string path, IReadOnlyList<string>? labels, MimeLimits limits)
    {
        using var stream = OpenRead(path);
        long length = stream.Length;
        var bytes = new byte[(int)Math.Min(length, limits.MaxMessageBytes)];
        int n = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (n < bytes.Length) Array.Resize(ref bytes, n);
        if (length <= bytes.Length)
            return new RawMessage(path, 0, bytes, labels);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        long total = bytes.Length;
        var chunk = new byte[1 << 20];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            total += read;
        }
        return new RawMessage(path, 0, bytes, labels, Convert.ToHexStringLower(hash.GetHashAndReset()), total, 0, total);
    }
}
