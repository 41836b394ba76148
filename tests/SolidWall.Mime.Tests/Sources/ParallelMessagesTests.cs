using System.Text;
using SolidWall.Mime.Sources;

namespace SolidWall.Mime.Tests.Sources;

public sealed class ParallelMessagesTests
{
    private static IEnumerable<RawMessage> Messages(int count)
    {
        for (int i = 0; i < count; i++)
            yield return new RawMessage("src", i, Encoding.ASCII.GetBytes($"Subject: {i}\n\n"));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 63)]
    [InlineData(4, 64)]
    [InlineData(8, 20_001)]
    public void ResultsComeBackInInputOrder_AllOfThem(int workers, int count)
    {
        var results = ParallelMessages.Map(Messages(count), m =>
        {
            if (m.Offset % 97 == 0) Thread.SpinWait(20_000); // uneven work, so batches finish out of order
            return m.Offset;
        }, workers, TestContext.Current.CancellationToken).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), results);
    }

    [Fact]
    public void WorkException_NamesTheMessage_AfterEarlierResults()
    {
        var seen = new List<long>();
        var e = Assert.Throws<MessageWorkException>(() =>
        {
            foreach (var r in ParallelMessages.Map(Messages(1000), m => m.Offset == 500 ? throw new FormatException("bad bytes") : m.Offset, 4, TestContext.Current.CancellationToken))
                seen.Add(r);
        });
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Equal(500, e.MessageOffset);
        Assert.Contains("src byte 500", e.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 448).Select(i => (long)i), seen); // every complete batch before the failing one
    }

    [Fact]
    public void InputException_IsRethrownUnchanged()
    {
        static IEnumerable<RawMessage> Failing()
        {
            yield return new RawMessage("src", 0, new byte[1]);
            throw new SourceException("x", "x: no such file or folder");
        }
        Assert.Throws<SourceException>(() => ParallelMessages.Map(Failing(), m => m.Offset, 2, TestContext.Current.CancellationToken).ToList());
    }

    [Fact]
    public void StoppingEarly_StopsReadingSoon()
    {
        int produced = 0;
        IEnumerable<RawMessage> Counting()
        {
            foreach (var m in Messages(1_000_000)) { Interlocked.Increment(ref produced); yield return m; }
        }
        Assert.Equal(10, ParallelMessages.Map(Counting(), m => m.Offset, 2, TestContext.Current.CancellationToken).Take(10).Count());
        Thread.Sleep(100);
        // In flight is bounded: (2 × workers + 2) batches plus one being filled.
        Assert.True(Volatile.Read(ref produced) <= 8 * ParallelMessages.BatchSize, $"{produced} messages were read");
    }
}
