using SolidWall.Core.Case;

namespace SolidWall.Storage;

/// <summary>
/// A case database: the items a scan found, the distinct messages they hold (by SHA-256), the items it could not
/// read, and the case's settings. SQLite is the embedded default (<see cref="SqliteCaseStore"/>); the interface is
/// what a PostgreSQL store implements next. Writes are batched and each batch is one transaction, so a scan that
/// is killed loses at most the batch in flight, and a restart (which skips items already stored, by source and
/// offset) neither loses nor double counts anything.
/// </summary>
public interface ICaseStore : IDisposable
{
    /// <summary>The byte offsets already stored for <paramref name="source"/>: what a resumed scan skips.</summary>
    IReadOnlySet<long> StoredOffsets(string source);

    /// <summary>
    /// Stores one batch in one transaction: every item, every message whose SHA-256 is not yet stored (a message
    /// already stored is kept as it is), and every skipped item. Items already stored (same source and offset) are
    /// ignored, so replaying a batch is harmless.
    /// </summary>
    void Add(IReadOnlyList<CaseItem> items, IReadOnlyList<CaseMessage> messages, IReadOnlyList<SkippedItem> skipped);

    /// <summary>Records that a source was read to its end, with how many items and skipped items it held.</summary>
    void MarkSourceComplete(string source, int items, int skipped);

    /// <summary>Sources read to their end.</summary>
    IReadOnlyList<SourceStatus> Sources();

    /// <summary>Case settings (staff domains, registry path and hash, policy, scan start): a small key-value table.</summary>
    string? GetSetting(string key);

    void SetSetting(string key, string value);

    int ItemCount();

    int MessageCount();

    /// <summary>All items, in source then offset order, streamed.</summary>
    IEnumerable<CaseItem> Items();

    /// <summary>
    /// All messages, in SHA-256 order, streamed. With <paramref name="withText"/> false, Text, Segments and
    /// VerdictJson are left empty ("{}" for the verdict): the whole-case passes of an analysis need none of them, and
    /// reading them would be most of the cost (use <see cref="MessagesBySha"/> for the full messages a report shows).
    /// </summary>
    IEnumerable<CaseMessage> Messages(bool withText = true);

    /// <summary>
    /// The electioneering messages only, in SHA-256 order, streamed, without text (as <c>Messages(withText: false)</c>):
    /// what a report's first pass needs, read through an index instead of the whole table.
    /// </summary>
    IEnumerable<CaseMessage> ElectioneeringMessages();

    /// <summary>
    /// All messages, without text (as <c>Messages(withText: false)</c>), in the order they were stored rather than in
    /// SHA-256 order, streamed: one sequential read of the table. On a case larger than the page cache that is
    /// several times faster, because SHA-256 order visits the table's pages at random, each many times.
    /// </summary>
    IEnumerable<CaseMessage> MessagesAsStored();

    /// <summary>The messages with these SHA-256s (for showing evidence).</summary>
    IReadOnlyList<CaseMessage> MessagesBySha(IReadOnlyCollection<string> sha256s);

    IReadOnlyList<SkippedItem> Skipped();

    /// <summary>Full-text search over subject, sender, recipients and text, with filters; best matches first.</summary>
    IReadOnlyList<SearchHit> Search(SearchQuery query);
}

/// <param name="Source">The source file or folder.</param>
public sealed record SourceStatus(string Source, int Items, int Skipped, DateTimeOffset CompletedAt);

/// <summary>
/// A search: an FTS5 query string (words, "phrases", OR, NOT, prefix*), and filters that all must hold.
/// </summary>
public sealed record SearchQuery
{
    public string Text { get; init; } = "";

    /// <summary>Sender address or domain (a domain matches its subdomains).</summary>
    public string? From { get; init; }

    /// <summary>Recipient address or domain, in To, Cc or Bcc.</summary>
    public string? To { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>"electioneering" or "allowed"; null for both.</summary>
    public string? Verdict { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One search result: the message, where a copy of it lies, and a snippet with the match marked [like this].</summary>
public sealed record SearchHit(string Sha256, string Source, long Offset, DateTimeOffset? Date, string? From, string Subject, string Verdict, double Score, string Snippet, int Copies);
