using SolidWall.Core;
using SolidWall.Core.Case;

namespace SolidWall.Storage.Tests;

public sealed class RoundTripTests
{
    private static CaseMessage Full()
    {
        const string text = "Hello team,\nPlease join us on Saturday. Ünïcödé 🗳 text.\n\nOn Friday, Ann wrote:\n> first quoted line\n> second line";
        return new CaseMessage
        {
            Sha256 = Sample.Sha("full"),
            MessageId = "<abc@campaign.example>",
            InReplyTo = ["<parent@example.org>"],
            References = ["<root@example.org>", "<parent@example.org>"],
            Date = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromMinutes(330)).AddTicks(1234567),
            From = "organiser@campaign.example",
            FromName = "Organiser \"Quoted\" Name",
            To = ["a@district.k12.us", "b@district.k12.us"],
            Cc = ["c@district.k12.us"],
            Bcc = ["d@district.k12.us"],
            Subject = "Volunteer — this weekend",
            Text = text,
            Segments =
            [
                new Segment(SegmentKind.Body, "Hello team,\nPlease join us on Saturday. Ünïcödé 🗳 text."),
                new Segment(SegmentKind.Quote, "first quoted line\nsecond line", "On Friday, Ann wrote:"),
                new Segment(SegmentKind.Forward, ""),
            ],
            Links = ["https://secure.actblue.com/donate/x", "https://www.mobilize.us/e/1"],
            Electioneering = true,
            Score = 0.9375,
            Categories = ["fundraising", "event"],
            RegisteredCampaign = "Friends of Example",
            Committee = "Example for Mayor",
            VerdictJson = """{"verdict":"electioneering","reasons":[{"signal":"DonationPlatformLink","weight":2.5}]}""",
            Fingerprints =
            [
                new SegmentFingerprint(SegmentKind.Body, [0u, 1u, uint.MaxValue, 123456789u], 42),
                new SegmentFingerprint(SegmentKind.Quote, [7u, 8u, 9u, 10u], 3),
            ],
        };
    }

    [Fact]
    public void Every_field_of_a_message_and_an_item_comes_back()
    {
        using var temp = new TempCase();
        var message = Full();
        var item = new CaseItem(message.Sha256, "/archive/ann.mbox", 123_456_789_012, 4321, "ann@district.k12.us", ["Inbox", "Important"]);
        using (var store = temp.Open())
        {
            store.Add([item], [message], []);
        }

        using var reopened = temp.Open();
        var back = Assert.Single(reopened.Messages());
        AssertSame(message, back);
        Assert.Equal(message.Date!.Value.Offset, back.Date!.Value.Offset);
        Assert.Equal(item, Assert.Single(reopened.Items()), ItemComparer.Instance);
        AssertSame(message, Assert.Single(reopened.MessagesBySha([message.Sha256, Sample.Sha("absent")])));
    }

    [Fact]
    public void Messages_without_text_leave_text_and_segments_empty_and_keep_the_rest()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var message = Full();
        store.Add([Sample.Item(message, "/a.mbox", 0)], [message], []);

        var back = Assert.Single(store.Messages(withText: false));
        Assert.Equal("", back.Text);
        Assert.Empty(back.Segments);
        Assert.Equal(message.Subject, back.Subject);
        Assert.Equal(message.Fingerprints.Select(f => f.MinHash), back.Fingerprints.Select(f => f.MinHash));
    }

    [Fact]
    public void Absent_optional_fields_stay_absent()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var message = new CaseMessage { Sha256 = Sample.Sha("bare") };
        store.Add([new CaseItem(message.Sha256, "/b.eml", 0, 10, null, [])], [message], []);

        var back = Assert.Single(store.Messages());
        AssertSame(message, back);
        Assert.Null(back.Date);
        Assert.Null(back.From);
        Assert.Null(Assert.Single(store.Items()).Mailbox);
    }

    [Fact]
    public void Items_stream_in_source_then_offset_order_and_messages_in_sha256_order()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var messages = Enumerable.Range(0, 30).Select(i => Sample.Message($"m{i}")).ToArray();
        // Sources first seen in reverse path order, offsets out of order.
        var items = messages.Select((m, i) => Sample.Item(m, i % 2 == 0 ? "/z.mbox" : "/a.mbox", (30 - i) * 100)).ToArray();
        store.Add(items, messages, []);

        var streamed = store.Items().ToArray();
        Assert.Equal(items.OrderBy(i => i.Source, StringComparer.Ordinal).ThenBy(i => i.Offset).Select(i => (i.Source, i.Offset)), streamed.Select(i => (i.Source, i.Offset)));
        Assert.Equal(messages.Select(m => m.Sha256).Order(StringComparer.Ordinal), store.Messages().Select(m => m.Sha256));
    }

    [Fact]
    public void A_stream_open_while_the_writer_adds_reads_its_snapshot_and_does_not_block_the_writer()
    {
        using var temp = new TempCase();
        using var store = temp.Open();
        var first = Enumerable.Range(0, 10).Select(i => Sample.Message($"first{i}")).ToArray();
        store.Add([.. first.Select((m, i) => Sample.Item(m, "/a.mbox", i))], first, []);

        var seen = 0;
        foreach (var _ in store.Messages())
        {
            if (seen++ == 0)
            {
                var more = Sample.Message("added while reading");
                store.Add([Sample.Item(more, "/a.mbox", 99)], [more], []);
            }
        }

        Assert.Equal(10, seen);
        Assert.Equal(11, store.MessageCount());
    }

    private static void AssertSame(CaseMessage expected, CaseMessage actual)
    {
        Assert.Equal(expected.Sha256, actual.Sha256);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.InReplyTo, actual.InReplyTo);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.From, actual.From);
        Assert.Equal(expected.FromName, actual.FromName);
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.Cc, actual.Cc);
        Assert.Equal(expected.Bcc, actual.Bcc);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.Electioneering, actual.Electioneering);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.RegisteredCampaign, actual.RegisteredCampaign);
        Assert.Equal(expected.Committee, actual.Committee);
        Assert.Equal(expected.VerdictJson, actual.VerdictJson);
        Assert.Equal(expected.Fingerprints.Count, actual.Fingerprints.Count);
        foreach (var (e, a) in expected.Fingerprints.Zip(actual.Fingerprints))
        {
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Shingles, a.Shingles);
            Assert.Equal(e.MinHash, a.MinHash);
        }
    }

    private sealed class ItemComparer : IEqualityComparer<CaseItem>
    {
        public static readonly ItemComparer Instance = new();

        public bool Equals(CaseItem? x, CaseItem? y) =>
            x is not null && y is not null && x.Sha256 == y.Sha256 && x.Source == y.Source && x.Offset == y.Offset
            && x.Length == y.Length && x.Mailbox == y.Mailbox && x.Labels.SequenceEqual(y.Labels);

        public int GetHashCode(CaseItem obj) => obj.Offset.GetHashCode();
    }
}
