namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// `scan` classifies with one detector on every core at once, and the detector keeps buffers per thread and rents the
/// rest (the extractor, the lexicon's scan, the boilerplate blanking, the fields' lower-cased copies). Classified on four
/// threads in another order, every training message must get the verdict it gets alone, reason for reason: a buffer
/// shared by mistake would change a verdict without any error.
/// </summary>
public sealed class ConcurrentClassifyTests
{
    [Theory]
    [MemberData(nameof(TrainingReadings.WithTheModel), MemberType = typeof(TrainingReadings))]
    public void One_detector_on_four_threads_gives_every_message_the_verdict_it_gives_it_alone(string reading)
    {
        var detector = TrainingReadings.Detector(reading);
        var messages = TrainingReadings.Examples().Select(e => e.AsMessage()).ToArray();
        var alone = messages.Select(m => detector.Classify(m).ToJson()).ToArray();

        // Each thread takes every fourth message of a shuffled order.
        var order = Enumerable.Range(0, messages.Length).ToArray();
        new Random(36).Shuffle(order);
        var together = new string[messages.Length];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var k = thread; k < order.Length; k += 4)
            {
                var i = order[k];
                together[i] = detector.Classify(messages[i]).ToJson();
            }
        });

        var differ = Enumerable.Range(0, messages.Length).Where(i => together[i] != alone[i]).ToList();
        Assert.True(differ.Count == 0, $"{differ.Count} of {messages.Length} verdicts differ on four threads, the first {messages[differ.FirstOrDefault()].Source}:\n{alone[differ.FirstOrDefault()]}\n{together[differ.FirstOrDefault()]}");
    }
}
