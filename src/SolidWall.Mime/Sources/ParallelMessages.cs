using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SolidWall.Mime.Sources;

/// <summary>
/// Runs a function over a stream of messages on several threads and hands the results back in input order, with a
/// bounded number of messages in flight so memory stays flat however long the stream is.
/// </summary>
/// <remarks>
/// One reader thread enumerates the input (so a source's problem callback runs on that thread) and cuts it into
/// batches of up to <see cref="BatchSize"/> messages or <see cref="BatchBytes"/> bytes; N worker threads each take a
/// whole batch, so threads synchronise once per batch rather than once per message. At most
/// <c>2 × degreeOfParallelism + 2</c> batches exist at a time.
/// </remarks>
public static class ParallelMessages
{
    public const int BatchSize = 64;

    public const long BatchBytes = 4L << 20;

    /// <summary>
    /// Applies <paramref name="work"/> to every message and yields the results in input order. An exception thrown by
    /// <paramref name="work"/> surfaces as a <see cref="MessageWorkException"/> naming the message, after the results
    /// of all earlier messages; an exception from the input itself is rethrown unchanged.
    /// </summary>
    public static IEnumerable<T> Map<T>(IEnumerable<RawMessage> input, Func<RawMessage, T> work, int degreeOfParallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(degreeOfParallelism, 1);
        return Run(input, work, degreeOfParallelism, cancellationToken);
    }

    private static IEnumerable<T> Run<T>(IEnumerable<RawMessage> input, Func<RawMessage, T> work, int workers, CancellationToken cancellationToken)
    {
        // Not disposed here: the reader thread may still be finishing a hand-over when the caller stops early.
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        var inOrder = new BlockingCollection<Batch<T>>(boundedCapacity: workers * 2 + 2);
        var toDo = new BlockingCollection<Batch<T>>();
        ExceptionDispatchInfo? readerError = null;

        var reader = new Thread(() =>
        {
            try
            {
                var batch = new Batch<T>();
                long bytes = 0;
                foreach (var message in input)
                {
                    batch.Items.Add(message);
                    bytes += message.Bytes.Length;
                    if (batch.Items.Count >= BatchSize || bytes >= BatchBytes)
                    {
                        inOrder.Add(batch, token);
                        toDo.Add(batch, token);
                        batch = new Batch<T>();
                        bytes = 0;
                    }
                }
                if (batch.Items.Count > 0)
                {
                    inOrder.Add(batch, token);
                    toDo.Add(batch, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            catch (Exception e) { readerError = ExceptionDispatchInfo.Capture(e); }
            finally
            {
                inOrder.CompleteAdding();
                toDo.CompleteAdding();
            }
        }) { IsBackground = true, Name = "SolidWall message reader" };

        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            threads[i] = new Thread(() =>
            {
                try
                {
                    foreach (var batch in toDo.GetConsumingEnumerable(token))
                        batch.Run(work);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested) { }
            }) { IsBackground = true, Name = "SolidWall worker " + i };
        }

        reader.Start();
        foreach (var t in threads) t.Start();
        try
        {
            foreach (var batch in inOrder.GetConsumingEnumerable(cancellationToken))
            {
                batch.Done.Wait(cancellationToken);
                if (batch.Error is { } error)
                    throw new MessageWorkException(error.Message.Source, error.Message.Offset, error.Exception);
                var results = batch.Results!;
                batch.Dispose();
                foreach (var result in results)
                    yield return result;
            }
            readerError?.Throw();
        }
        finally
        {
            cts.Cancel();
            // Workers stop after their current batch; the reader stops at its next hand-over (it may be inside a
            // slow source, so it is not waited for: it is a background thread and owns nothing shared).
            foreach (var t in threads) t.Join();
        }
    }

    private sealed class Batch<T> : IDisposable
    {
        public List<RawMessage> Items { get; } = new(BatchSize);

        public T[]? Results { get; private set; }

        public (RawMessage Message, Exception Exception)? Error { get; private set; }

        public ManualResetEventSlim Done { get; } = new();

        public void Run(Func<RawMessage, T> work)
        {
            var results = new T[Items.Count];
            for (int i = 0; i < results.Length; i++)
            {
                try
                {
                    results[i] = work(Items[i]);
                }
                catch (Exception e)
                {
                    Error = (Items[i], e);
                    break;
                }
            }
            Results = results;
            Items.Clear();
            Done.Set();
        }

        public void Dispose() => Done.Dispose();
    }
}
