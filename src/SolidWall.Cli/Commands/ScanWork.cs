using SolidWall.Core;
using SolidWall.Core.Analysis;
using SolidWall.Core.Case;
using SolidWall.Core.Detection;
using SolidWall.Mime;
using SolidWall.Mime.Sources;
using SolidWall.Storage;

namespace SolidWall.Cli.Commands;

/// <summary>What a scan does to one message: parse, normalise, classify, fingerprint, and shape it for the store.</summary>
internal sealed class ScanWork(Detector detector, CaseSetup setup)
{
    private readonly CaseBuilder _builder = new(setup.BuildRegistry());
    private int _journalReports;

    /// <summary>
    /// How many of the distinct messages read were Exchange envelope journal reports (an <c>X-MS-Journal-Report</c> header): the
    /// journal's own message with the original attached, which SolidWall reads as it reads any message, not as the
    /// original delivered to the recipients its envelope lists.
    /// </summary>
    public int JournalReports => Volatile.Read(ref _journalReports);

    private int _encrypted;

    /// <summary>How many of the distinct messages read had encrypted content (<see cref="EncryptedContent"/>): classified on their headers and subject alone.</summary>
    public int Encrypted => Volatile.Read(ref _encrypted);

    private int _unreadAttachments;

    /// <summary>How many attached files of a readable format, over the distinct messages read, could not be read, or not all of them (<see cref="MessageNormalizer.AttachmentUnreadable"/>).</summary>
    public int UnreadAttachments => Volatile.Read(ref _unreadAttachments);

    /// <summary>An item whose bytes the scan has read before: where it lies and whose mailbox held it, nothing more.</summary>
    public CaseItem Copy(RawMessage raw) => _builder.Item(raw);

    public ScannedMessage Process(RawMessage raw)
    {
        var mime = MimeParser.Parse(raw.Bytes);
        if (mime.Headers.Get("X-MS-Journal-Report") is not null)
        {
            Interlocked.Increment(ref _journalReports);
        }

        var message = MessageNormalizer.Normalize(mime, raw);
        if (message.Encryption is not null)
        {
            Interlocked.Increment(ref _encrypted);
        }

        var verdict = detector.Classify(message);
        var (item, stored) = _builder.Build(raw, message, verdict);
        if (stored is { UnreadAttachments.Count: > 0 and var unread })
        {
            Interlocked.Add(ref _unreadAttachments, unread);
        }

        return ScannedMessage.Of(item, stored);
    }
}
