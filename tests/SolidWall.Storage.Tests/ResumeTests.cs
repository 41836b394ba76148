using SolidWall.Core.Case;

namespace SolidWall.Storage.Tests;

/// <summary>Replays and restarts neither lose nor double count: items by source and offset, messages by SHA-256.</summary>
public sealed class ResumeTests
{
    [Fact]
    public void Replaying_a_batch_changes_nothing()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var messages = Enumerable.Range(0, 5).Select(i => Sample.Message($"m{i}")).ToArray();
        var items = messages.Select((m, i) => Sample.Item(m, "/a.mbox", i * 10)).ToArray();
        SkippedItem[] skipped = [new("/a.mbox", 55, "no header block")];

        store.Add(items, messages, skipped);
        store.Add(items, messages, skipped);

        Assert.Equal(5, store.ItemCount());
        Assert.Equal(5, store.MessageCount());
        Assert.Single(store.Skipped());
        Assert.Equal(5, store.Search(new SearchQuery { Text = "plain" }).Count);
    }

    [Fact]
    public void A_message_already_stored_keeps_its_first_facts()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var original = Sample.Message("same", subject: "First subject");
        store.Add([Sample.Item(original, "/a.mbox", 0)], [original], []);
        store.Add([Sample.Item(original, "/b.mbox", 0)], [original with { Subject = "Changed" }], []);

        Assert.Equal("First subject", Assert.Single(store.Messages()).Subject);
        Assert.Equal(2, store.ItemCount());
    }

    [Fact]
    public void Stored_offsets_are_per_source_and_include_skipped_items()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var m = Sample.Message("m");
        store.Add([Sample.Item(m, "/a.mbox", 0), Sample.Item(m, "/a.mbox", 2048), Sample.Item(m, "/b.mbox", 7)], [m], [new("/a.mbox", 4096, "truncated")]);

        Assert.Equal(new HashSet<long> { 0, 2048, 4096 }, store.StoredOffsets("/a.mbox"));
        Assert.Equal(new HashSet<long> { 7 }, store.StoredOffsets("/b.mbox"));
        Assert.Empty(store.StoredOffsets("/never-seen.mbox"));
    }

    [Fact]
    public void A_scan_stopped_halfway_and_restarted_with_overlap_counts_every_item_once()
    {
        using var temp = new TempCase();
        // 200 items in two sources; 150 distinct messages (50 are a second mailbox's copy of one in the first).
        var messages = Enumerable.Range(0, 150).Select(i => Sample.Message($"msg{i}", text: $"message number {i}")).ToArray();
        var items = messages.Select((m, i) => Sample.Item(m, "/vault/alice.mbox", i * 4096L))
            .Concat(messages.Take(50).Select((m, i) => Sample.Item(m, "/vault/bob.mbox", i * 4096L)))
            .ToArray();
        var skipped = new[] { new SkippedItem("/vault/alice.mbox", 999_999, "not a message"), new SkippedItem("/vault/bob.mbox", 1, "empty") };

        using (var first = temp.Open())
        {
            foreach (var batch in Batches(items.Take(110), messages))
            {
                first.Add(batch.Items, batch.Messages, []);
            }

            first.Add([], [], [skipped[0]]);
        }

        using (var second = temp.Open())
        {
            // The restart replays the last batch in flight (items 90..109) and goes on to the end.
            var alreadyAlice = second.StoredOffsets("/vault/alice.mbox");
            Assert.Equal(111, alreadyAlice.Count); // 110 items and one skipped
            foreach (var batch in Batches(items.Skip(90), messages))
            {
                second.Add(batch.Items, batch.Messages, []);
            }

            second.Add([], [], skipped);
            second.MarkSourceComplete("/vault/alice.mbox", 150, 1);
            second.MarkSourceComplete("/vault/bob.mbox", 50, 1);
        }

        using var final = temp.Open();
        Assert.Equal(200, final.ItemCount());
        Assert.Equal(150, final.MessageCount());
        Assert.Equal(200, final.Items().Count());
        Assert.Equal(150, final.Messages(withText: false).Count());
        Assert.Equal(skipped, final.Skipped());
        Assert.Equal([("/vault/alice.mbox", 150, 1), ("/vault/bob.mbox", 50, 1)], final.Sources().Select(s => (s.Source, s.Items, s.Skipped)));
        Assert.All(final.Sources(), s => Assert.True(DateTimeOffset.UtcNow - s.CompletedAt < TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Sources_lists_only_sources_read_to_their_end()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var m = Sample.Message("m");
        store.Add([Sample.Item(m, "/a.mbox", 0), Sample.Item(m, "/b.mbox", 0)], [m], []);
        store.MarkSourceComplete("/b.mbox", 1, 0);

        Assert.Equal(["/b.mbox"], store.Sources().Select(s => s.Source));
    }

    /// <summary>Batches of 20 items, each with the messages its items hold, the way a scan sends them.</summary>
    private static IEnumerable<(CaseItem[] Items, CaseMessage[] Messages)> Batches(IEnumerable<CaseItem> items, IEnumerable<CaseMessage> messages)
    {
        var bySha = messages.ToDictionary(m => m.Sha256);
        foreach (var chunk in items.Chunk(20))
        {
            yield return (chunk, [.. chunk.Select(i => bySha[i.Sha256]).DistinctBy(m => m.Sha256)]);
        }
    }
}
