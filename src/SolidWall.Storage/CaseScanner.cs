using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SolidWall.Core.Case;
using SolidWall.Mime.Sources;

namespace SolidWall.Storage;

/// <summary>
/// What one message became: an item with its message, an item alone (a copy of bytes read earlier in the scan, whose
/// message is that reading's), or a reason it was skipped.
/// </summary>
public readonly record struct ScannedMessage(CaseItem? Item, CaseMessage? Message, SkippedItem? Skipped)
{
    public static ScannedMessage Of(CaseItem item, CaseMessage message) => new(item, message, null);

    public static ScannedMessage Copy(CaseItem item) => new(item, null, null);

    public static ScannedMessage Skip(SkippedItem skipped) => new(null, null, skipped);
}

/// <summary>How far a scan has come: for a progress bar.</summary>
/// <param name="Messages">Items stored or skipped in this run.</param>
/// <param name="Resumed">Items already in the store from an earlier run, passed over.</param>
/// <param name="BytesDone">Bytes of the sources read so far (whole files before the current one, plus the position in it).</param>
/// <param name="BytesTotal">Bytes of all the sources.</param>
public sealed record ScanProgress(long Messages, long Resumed, long Skipped, long Electioneering, long BytesDone, long BytesTotal, TimeSpan Elapsed);

public sealed record ScanResult(long Stored, long Resumed, long Skipped, long Electioneering, TimeSpan Elapsed, bool Cancelled);

/// <summary>
/// The scan pipeline's mechanics: reads every source, skips items the store already holds (by source and byte
/// offset, so a stopped scan resumes where it was), runs the per-message work (parse, classify, fingerprint) on
/// every core in input order, and writes the results in batches, one transaction each. Whatever happens to one
/// message (unreadable, or the work throws) becomes a skipped item with its reason; the scan goes on.
/// </summary>
/// <remarks>
/// An export holds the same bytes many times: a blast to 250 teachers is 250 copies in 250 mailboxes, byte for byte
/// where the export writes no per-mailbox header. Given <c>copy</c>, the scanner reads each SHA-256 once: the reader
/// thread, in input order, marks an item whose bytes an earlier item of this scan already had, and such a copy gets
/// only <c>copy</c> (where it lies and whose mailbox held it), never the parse, the classification or the fingerprints
/// its message already has. A message's facts depend on its bytes alone, so the case is the one reading every copy
/// would write. The first copy is always written in the same batch as its copies or an earlier one; if its work failed,
/// the next copy is read in full instead. What the reader keeps: 16 bytes of SHA-256 per distinct message, and the
/// SHA-256 prefixes of the electioneering ones, for the count of electioneering items.
/// </remarks>
public sealed class CaseScanner
{
    private readonly ICaseStore _store;
    private readonly Func<RawMessage, ScannedMessage> _work;
    private readonly Func<RawMessage, CaseItem>? _copy;
    private readonly int _threads;
    private readonly int _batchSize;

    /// <param name="copy">The item alone, for an item whose bytes this scan has read before; null to read every item in full.</param>
    public CaseScanner(ICaseStore store, Func<RawMessage, ScannedMessage> work, int threads = 0, int batchSize = 1000, Func<RawMessage, CaseItem>? copy = null)
    {
        _store = store;
        _work = work;
        _copy = copy;
        _threads = threads > 0 ? threads : Environment.ProcessorCount;
        _batchSize = batchSize;
    }

    /// <summary>How many items this scanner's runs read in full (parse, classify, fingerprint); the rest were copies.</summary>
    public long ReadInFull => Interlocked.Read(ref _readInFull);

    private long _readInFull;

    /// <param name="sources">The sources, opened by the caller (which reports a bad path before any store is touched), read in order.</param>
    public ScanResult Run(IReadOnlyList<IMessageSource> sources, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var sizes = SourceSizes(sources.Select(s => s.Path));
        var total = sizes.Values.Sum();
        var problems = new ConcurrentQueue<SkippedItem>();
        var state = new State(_store);

        var items = new List<CaseItem>(_batchSize);
        var messages = new List<CaseMessage>(_batchSize);
        var skipped = new List<SkippedItem>();
        var seenInBatch = new HashSet<string>(StringComparer.Ordinal);
        long stored = 0, skippedCount = 0, electioneering = 0, bytesBefore = 0;
        var lastReport = TimeSpan.Zero;
        string? currentSource = null;
        // The full path of the source being read: computed once per source, not once per message.
        var currentFull = "";

        void Flush()
        {
            while (problems.TryDequeue(out var p))
            {
                skipped.Add(p);
                skippedCount++;
                state.CountSkipped(p.Source);
            }

            if (items.Count > 0 || skipped.Count > 0)
            {
                state.Add(items, messages, skipped);
            }

            items.Clear();
            messages.Clear();
            skipped.Clear();
            seenInBatch.Clear();
        }

        void Report(long position)
        {
            if (progress is null || clock.Elapsed - lastReport < TimeSpan.FromMilliseconds(200))
            {
                return;
            }

            lastReport = clock.Elapsed;
            progress.Report(new ScanProgress(stored + skippedCount, state.Resumed, skippedCount, electioneering, Math.Min(total, bytesBefore + position), total, clock.Elapsed));
        }

        var raws = sources.SelectMany(s => s.Read(p => problems.Enqueue(new SkippedItem(Path.GetFullPath(p.Path), p.Offset, p.Reason))));
        var toDo = state.Unstored(raws);
        // Copies are marked by the reader thread before a worker sees them, and unmarked when a worker takes them.
        var copies = _copy is null ? null : new ConcurrentDictionary<RawMessage, byte>(ReferenceEqualityComparer.Instance);
        if (copies is not null)
        {
            toDo = MarkCopies(toDo, copies);
        }

        var electioneeringKeys = new HashSet<UInt128>();
        var failedFirsts = new HashSet<UInt128>();
        var cancelled = false;
        try
        {
            foreach (var result in ParallelMessages.Map(toDo, raw => Work(raw, copies), _threads, cancellationToken))
            {
                var (raw, scanned) = result;
                // Only a scan that reads copies once looks its items up by SHA-256.
                var key = copies is null ? null : Key(raw.Sha256);
                if (scanned.Message is null && scanned.Item is not null && key is { } copied && failedFirsts.Remove(copied))
                {
                    // The earlier reading of these bytes failed and stored no message: this copy is read in full.
                    scanned = Work(raw, null).Result;
                }

                if (scanned.Skipped is not null && key is { } failed)
                {
                    failedFirsts.Add(failed);
                }

                if (!string.Equals(currentSource, raw.Source, StringComparison.Ordinal))
                {
                    if (currentSource is not null)
                    {
                        Flush();
                        state.Complete(currentFull);
                        bytesBefore += sizes.GetValueOrDefault(currentFull);
                    }

                    currentSource = raw.Source;
                    currentFull = Path.GetFullPath(raw.Source);
                }

                if (scanned.Skipped is { } skip)
                {
                    skipped.Add(skip);
                    skippedCount++;
                    state.CountSkipped(currentFull);
                }
                else if (scanned.Message is null)
                {
                    // A copy: its message was read from an earlier item of this scan, in this batch or one written before.
                    items.Add(scanned.Item!);
                    stored++;
                    electioneering += key is { } k && electioneeringKeys.Contains(k) ? 1 : 0;
                    state.CountItem(currentFull);
                }
                else
                {
                    items.Add(scanned.Item!);
                    if (seenInBatch.Add(scanned.Message!.Sha256))
                    {
                        messages.Add(scanned.Message);
                    }

                    stored++;
                    electioneering += scanned.Message.Electioneering ? 1 : 0;
                    if (scanned.Message.Electioneering && key is { } e)
                    {
                        electioneeringKeys.Add(e);
                    }

                    state.CountItem(currentFull);
                }

                if (items.Count + skipped.Count >= _batchSize)
                {
                    Flush();
                }

                Report(raw.Offset + raw.StoredLength);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        // What was read is kept; a cancelled scan resumes from here.
        Flush();
        if (!cancelled)
        {
            if (currentSource is not null)
            {
                state.Complete(currentFull);
            }

            state.CompleteRest();
        }

        progress?.Report(new ScanProgress(stored + skippedCount, state.Resumed, skippedCount, electioneering, cancelled ? bytesBefore : total, total, clock.Elapsed));
        return new ScanResult(stored, state.Resumed, skippedCount, electioneering, clock.Elapsed, cancelled);
    }

    private (RawMessage Raw, ScannedMessage Result) Work(RawMessage raw, ConcurrentDictionary<RawMessage, byte>? copies)
    {
        try
        {
            if (copies is not null && copies.TryRemove(raw, out _))
            {
                return (raw, ScannedMessage.Copy(_copy!(raw)));
            }

            Interlocked.Increment(ref _readInFull);
            return (raw, _work(raw));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One message that breaks a stage must not stop the scan: it is kept as a skipped item with the reason.
            return (raw, ScannedMessage.Skip(new SkippedItem(Path.GetFullPath(raw.Source), raw.Offset, $"could not be processed: {ex.GetType().Name}: {ex.Message}")));
        }
    }

    // On the reader thread, in input order: an item whose SHA-256 an earlier item of this run had is a copy.
    private static IEnumerable<RawMessage> MarkCopies(IEnumerable<RawMessage> raws, ConcurrentDictionary<RawMessage, byte> copies)
    {
        var seen = new HashSet<UInt128>();
        foreach (var raw in raws)
        {
            if (Key(raw.Sha256) is { } key && !seen.Add(key))
            {
                copies[raw] = 0;
            }

            yield return raw;
        }
    }

    /// <summary>The first 128 bits of a hex SHA-256: a collision among distinct messages would take some 2^64 of them.</summary>
    private static UInt128? Key(string sha256) =>
        sha256.Length == 64 && UInt128.TryParse(sha256.AsSpan(0, 32), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var key) ? key : null;

    private static Dictionary<string, long> SourceSizes(IEnumerable<string> paths)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                sizes[full] = new FileInfo(full).Length;
            }
            else if (System.IO.Directory.Exists(full))
            {
                foreach (var file in System.IO.Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    sizes[file] = new FileInfo(file).Length;
                }
            }
        }

        return sizes;
    }

    /// <summary>
    /// Per-source bookkeeping: what the store already holds, and what this run added. Sources are named by full path.
    /// Every store call of the scan goes through here, under one lock: <see cref="Unstored"/> runs on the reader
    /// thread while batches are written on the scanning thread, and the store is not thread-safe (a read on the
    /// writer's connection during its transaction fails).
    /// </summary>
    private sealed class State(ICaseStore store)
    {
        private readonly Lock _storeGate = new();
        // Skipped items per source in this run; items are counted from the store (see Complete).
        private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
        private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private string? _offsetsOf;
        private IReadOnlySet<long> _offsets = new HashSet<long>();

        public long Resumed { get; private set; }

        // Runs on the reader thread, before any work is spent on an item the store already has.
        public IEnumerable<RawMessage> Unstored(IEnumerable<RawMessage> raws)
        {
            foreach (var raw in raws)
            {
                if (!string.Equals(_offsetsOf, raw.Source, StringComparison.Ordinal))
                {
                    _offsetsOf = raw.Source;
                    var full = Path.GetFullPath(raw.Source);
                    lock (_storeGate)
                    {
                        _offsets = store.StoredOffsets(full);
                    }
                }

                if (_offsets.Contains(raw.Offset))
                {
                    Resumed++;
                    continue;
                }

                yield return raw;
            }
        }

        public void Add(IReadOnlyList<CaseItem> items, IReadOnlyList<CaseMessage> messages, IReadOnlyList<SkippedItem> skipped)
        {
            lock (_storeGate)
            {
                store.Add(items, messages, skipped);
            }
        }

        public void CountItem(string fullPath) => _seen.Add(fullPath);

        public void CountSkipped(string fullPath)
        {
            _seen.Add(fullPath);
            _skipped[fullPath] = _skipped.GetValueOrDefault(fullPath) + 1;
        }

        public void Complete(string fullPath)
        {
            if (_completed.Add(fullPath))
            {
                // Items are counted from the store, so that a resumed source reports all of its items, not this run's.
                lock (_storeGate)
                {
                    store.MarkSourceComplete(fullPath, store.StoredOffsets(fullPath).Count, _skipped.GetValueOrDefault(fullPath));
                }
            }
        }

        // Files that held nothing readable (only skipped items) are complete too.
        public void CompleteRest()
        {
            foreach (var source in _seen.ToList())
            {
                Complete(source);
            }
        }
    }
}
