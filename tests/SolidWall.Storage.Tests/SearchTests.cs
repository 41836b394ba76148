using SolidWall.Core.Case;

namespace SolidWall.Storage.Tests;

public sealed class SearchTests : IDisposable
{
    private static readonly TimeSpan Chicago = TimeSpan.FromHours(-6);

    private readonly TempCase _temp = new();
    private readonly SqliteCaseStore _store;

    public SearchTests()
    {
        _store = _temp.Open();
        CaseMessage[] messages =
        [
            Sample.Message("rally", "Join the rally for Rivera on Saturday and bring your students for class credit.", "Rally this weekend",
                from: "field@riveraformayor.example", to: ["t1@district.k12.us"], date: Day(1), electioneering: true, score: 0.97),
            Sample.Message("donate", "Chip in five dollars to Rivera before the deadline.", "Deadline tonight",
                from: "news@mail.riveraformayor.example", to: ["t2@district.k12.us"], cc: ["principal@hs.district.k12.us"], date: Day(3), electioneering: true, score: 0.91),
            Sample.Message("closure", "Schools are closed on election day; polling places open at six.", "Election day closure",
                from: "office@district.k12.us", to: ["all-staff@district.k12.us"], date: Day(2), score: 0.05),
            Sample.Message("lookalike", "A rally of robotics clubs in the gym.", "Robotics",
                from: "coach@badriveraformayor.example", to: ["t1@district.k12.us"], bcc: ["secret@hs.district.k12.us"], date: Day(4), score: 0.02),
        ];
        var items = messages.Select((m, i) => Sample.Item(m, "/vault/t1.mbox", i * 1000L)).ToList();
        items.Add(Sample.Item(messages[0], "/vault/t2.mbox", 0)); // the rally message reached a second mailbox
        _store.Add(items, messages, []);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Words_find_messages_best_first_with_the_match_marked_in_the_snippet()
    {
        var hits = _store.Search(new SearchQuery { Text = "rally" });

        // "rally" in the subject and the text ranks above "rally" once in the text.
        Assert.Equal([Sample.Sha("rally"), Sample.Sha("lookalike")], hits.Select(h => h.Sha256));
        var rally = hits.Single(h => h.Sha256 == Sample.Sha("rally"));
        Assert.Contains("[rally]", rally.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("electioneering", rally.Verdict);
        Assert.Equal(0.97, rally.Score);
        Assert.Equal("field@riveraformayor.example", rally.From);
        Assert.Equal("Rally this weekend", rally.Subject);
        Assert.Equal(Day(1), rally.Date);
    }

    [Fact]
    public void A_message_in_two_mailboxes_counts_two_copies_and_points_at_the_first()
    {
        var hit = Assert.Single(_store.Search(new SearchQuery { Text = "\"class credit\"" }));

        Assert.Equal(2, hit.Copies);
        Assert.Equal(("/vault/t1.mbox", 0L), (hit.Source, hit.Offset));
        Assert.Equal(1, Assert.Single(_store.Search(new SearchQuery { Text = "chip" })).Copies);
    }

    [Fact]
    public void Sender_filter_takes_an_address_or_a_domain_with_its_subdomains()
    {
        Assert.Equal(["donate"], Seeds(new SearchQuery { From = "news@mail.riveraformayor.example" }));
        Assert.Equal(["donate", "rally"], Seeds(new SearchQuery { From = "riveraformayor.example" }));
        Assert.Equal(["donate", "rally"], Seeds(new SearchQuery { From = "@RiveraForMayor.example" }));
        Assert.Equal(["rally"], Seeds(new SearchQuery { Text = "rally", From = "riveraformayor.example" }));
    }

    [Fact]
    public void Recipient_filter_looks_in_to_cc_and_bcc()
    {
        Assert.Equal(["lookalike", "rally"], Seeds(new SearchQuery { To = "t1@district.k12.us" }));
        Assert.Equal(["donate", "lookalike"], Seeds(new SearchQuery { To = "hs.district.k12.us" }));
        Assert.Equal(["closure", "donate", "lookalike", "rally"], Seeds(new SearchQuery { To = "district.k12.us" }));
    }

    [Fact]
    public void Date_filter_is_since_inclusive_until_exclusive()
    {
        Assert.Equal(["closure", "donate"], Seeds(new SearchQuery { Since = Day(2), Until = Day(4) }));
        // The same instant in another zone.
        Assert.Equal(["closure", "donate"], Seeds(new SearchQuery { Since = Day(2).ToUniversalTime(), Until = Day(4).ToOffset(TimeSpan.FromHours(9)) }));
    }

    [Fact]
    public void Verdict_filter_keeps_one_verdict()
    {
        Assert.Equal(["donate", "rally"], Seeds(new SearchQuery { Verdict = "electioneering" }));
        Assert.Equal(["closure", "lookalike"], Seeds(new SearchQuery { Verdict = "allowed" }));
        Assert.Equal(["lookalike"], Seeds(new SearchQuery { Text = "rally", Verdict = "allowed" }));
        var error = Assert.Throws<CaseStoreException>(() => _store.Search(new SearchQuery { Verdict = "spam" }));
        Assert.Contains("spam", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_words_the_matching_messages_come_newest_first()
    {
        var hits = _store.Search(new SearchQuery { To = "district.k12.us", Limit = 3 });

        Assert.Equal([Sample.Sha("lookalike"), Sample.Sha("donate"), Sample.Sha("closure")], hits.Select(h => h.Sha256));
        Assert.StartsWith("A rally of robotics", hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Sender_subject_and_recipients_are_searchable_by_column()
    {
        Assert.Equal(["closure"], Seeds(new SearchQuery { Text = "subject:closure" }));
        Assert.Equal(["donate", "rally"], Seeds(new SearchQuery { Text = "sender:riveraformayor" }));
        Assert.Equal(["lookalike"], Seeds(new SearchQuery { Text = "recipients:secret" }));
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("rally AND")]
    [InlineData("nosuchcolumn:rally")]
    public void A_query_that_does_not_parse_says_so(string text)
    {
        var error = Assert.Throws<CaseStoreException>(() => _store.Search(new SearchQuery { Text = text }));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains("not understood", error.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset Day(int day) => new(2024, 3, day, 12, 0, 0, Chicago);

    private string[] Seeds(SearchQuery query)
    {
        string[] seeds = ["rally", "donate", "closure", "lookalike"];
        return [.. _store.Search(query).Select(h => seeds.Single(s => Sample.Sha(s) == h.Sha256)).Order(StringComparer.Ordinal)];
    }
}
