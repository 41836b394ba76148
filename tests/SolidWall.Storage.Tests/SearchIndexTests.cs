using Microsoft.Data.Sqlite;

namespace SolidWall.Storage.Tests;

/// <summary>Messages are indexed for search in chunks after they are stored; every search and every clean close sees them all.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void Messages_stored_in_many_batches_are_all_found_and_indexed_once()
    {
        using var temp = new TempCase();
        using (var store = SqliteCaseStore.Open(temp.Path, indexEvery: 25))
        {
            for (var batch = 0; batch < 12; batch++)
            {
                var messages = Enumerable.Range(0, 10).Select(i => Sample.Message($"b{batch}m{i}", text: $"quarterly budget item {batch}-{i}")).ToArray();
                store.Add([.. messages.Select((m, i) => Sample.Item(m, "/a.mbox", (batch * 10) + i))], messages, []);
                Assert.Equal((batch + 1) * 10, store.Search(new SearchQuery { Text = "budget", Limit = 1000 }).Count);
            }
        }

        using var raw = new SqliteConnection($"Data Source={temp.Path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT count(*), (SELECT indexed_through FROM search_index_state), (SELECT max(id) FROM messages) FROM message_search WHERE message_search MATCH 'quarterly'";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(120L, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(2), reader.GetInt64(1));
    }

    [Fact]
    public void A_word_only_an_attached_file_holds_finds_the_message_that_carried_it()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var flyer = new SolidWall.Core.Segment(SolidWall.Core.SegmentKind.Attachment, "Spring externship program: class credit for canvassing", "Attached file: flyer.pdf (PDF)");
        var carried = Sample.Message("carried", text: "Please share with your advisory.") with { Segments = [new SolidWall.Core.Segment(SolidWall.Core.SegmentKind.Body, "Please share with your advisory."), flyer] };
        var plain = Sample.Message("plain", text: "Please share the field trip form.");
        store.Add([Sample.Item(carried, "/a.mbox", 0), Sample.Item(plain, "/a.mbox", 1)], [carried, plain], []);

        var hit = Assert.Single(store.Search(new SearchQuery { Text = "canvassing", Limit = 10 }));
        Assert.Equal(carried.Sha256, hit.Sha256);
        Assert.Contains("[canvassing]", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal(2, store.Search(new SearchQuery { Text = "share", Limit = 10 }).Count);
        // The message's own text is still what the case keeps as its text.
        Assert.Equal("Please share with your advisory.", store.Messages(withText: true).Single(m => m.Sha256 == carried.Sha256).Text);
    }

    [Fact]
    public void A_second_process_searching_a_case_still_being_written_indexes_what_it_needs()
    {
        using var temp = new TempCase();
        using var writer = SqliteCaseStore.Open(temp.Path, indexEvery: 1_000);
        var messages = Enumerable.Range(0, 30).Select(i => Sample.Message($"m{i}", text: $"field trip permission {i}")).ToArray();
        writer.Add([.. messages.Select((m, i) => Sample.Item(m, "/a.mbox", i))], messages, []);

        using (var reader = temp.Open())
        {
            Assert.Equal(30, reader.Search(new SearchQuery { Text = "permission", Limit = 100 }).Count);
        }

        // The writer goes on after the other process indexed part of the case; nothing is indexed twice.
        var more = Enumerable.Range(30, 5).Select(i => Sample.Message($"m{i}", text: $"field trip permission {i}")).ToArray();
        writer.Add([.. more.Select((m, i) => Sample.Item(m, "/a.mbox", 30 + i))], more, []);
        Assert.Equal(35, writer.Search(new SearchQuery { Text = "permission", Limit = 100 }).Count);
        Assert.Single(writer.Search(new SearchQuery { Text = "\"permission 3\"" }));
    }
}
