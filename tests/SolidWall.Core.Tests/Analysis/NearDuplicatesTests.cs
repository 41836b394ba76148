using SolidWall.Core.Analysis;

namespace SolidWall.Core.Tests.Analysis;

public sealed class NearDuplicatesTests
{
    [Fact]
    public void A_planted_set_is_grouped_exactly()
    {
        // Three blasts of near-copies (every copy at similarity ≥ 0.9 to its template, so ≥ 0.8 to each other
        // through the template) among unrelated signatures, shuffled.
        var random = new Random(11);
        var items = new List<(uint[] Signature, int Truth)>();
        int[] sizes = [300, 40, 2];
        for (var blast = 0; blast < sizes.Length; blast++)
        {
            var template = LshTests.RandomSignature(random);
            items.Add((template, blast));
            for (var i = 1; i < sizes[blast]; i++)
            {
                items.Add((i % 3 == 0 ? template : LshTests.Perturb(template, 0.95, random), blast));
            }
        }

        for (var i = 0; i < 1_000; i++)
        {
            items.Add((LshTests.RandomSignature(random), -1 - i));
        }

        var shuffled = items.OrderBy(_ => random.Next()).ToList();
        var groups = NearDuplicates.Group(shuffled.Select(x => x.Signature).ToList(), 0.8);

        Assert.Equal(shuffled.Count, groups.Length);
        Assert.Equal(sizes.Length + 1_000, groups.Distinct().Count());
        for (var i = 0; i < shuffled.Count; i++)
        {
            for (var j = i + 1; j < shuffled.Count; j++)
            {
                Assert.Equal(shuffled[i].Truth == shuffled[j].Truth, groups[i] == groups[j]);
            }
        }
    }

    [Fact]
    public void Groups_are_numbered_in_order_of_first_appearance_and_the_result_is_deterministic()
    {
        var random = new Random(3);
        var a = LshTests.RandomSignature(random);
        var b = LshTests.RandomSignature(random);
        var c = LshTests.RandomSignature(random);
        uint[][] input = [b, a, LshTests.Perturb(b, 0.9, random), c, a, LshTests.Perturb(a, 0.85, random)];
        var groups = NearDuplicates.Group(input, 0.8);
        Assert.Equal([0, 1, 0, 2, 1, 1], groups);
        Assert.Equal(groups, NearDuplicates.Group(input, 0.8));
    }

    [Fact]
    public void Pairs_below_the_threshold_stay_apart()
    {
        var random = new Random(5);
        var a = LshTests.RandomSignature(random);
        uint[][] input = [a, LshTests.Perturb(a, 0.7, random)];
        Assert.Equal([0, 1], NearDuplicates.Group(input, 0.8));
        Assert.Equal([0, 0], NearDuplicates.Group(input, 0.6));
    }

    [Fact]
    public void Personalised_copies_of_real_text_form_one_group_and_empty_texts_none()
    {
        var fingerprinter = new Fingerprinter();
        const string body = "Join us Saturday at 10 am at Lincoln Park for a canvass kickoff with Jane Ortiz. We will knock on doors "
            + "in the neighbourhoods around the school and talk with voters about the board election. Bring a friend! RSVP at "
            + "https://www.mobilize.example/janeortiz/event/55123?ref=em_{0}";
        string[] texts =
        [
            "Hi Maria,\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, body, "a1b2c3"),
            "The cafeteria will be closed on Friday for maintenance; lunch will be served in the gym.",
            "",
            "Dear Mr. Lopez,\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, body, "ff0912"),
            "   ",
            "Hola Ana:\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, body, "9x8y7z"),
        ];
        var groups = NearDuplicates.Group(texts.Select(t => fingerprinter.Fingerprint(SegmentKind.Body, t).MinHash).ToList(), 0.8);
        Assert.Equal([0, 1, 2, 0, 3, 0], groups);
    }

    [Fact]
    public void Empty_input_and_mismatched_lengths()
    {
        Assert.Empty(NearDuplicates.Group([], 0.8));
        Assert.Equal([0], NearDuplicates.Group([new uint[64]], 0.8));
        var error = Assert.Throws<ArgumentException>(() => NearDuplicates.Group([new uint[64], new uint[32]], 0.8));
        Assert.Contains("signature 1", error.Message, StringComparison.Ordinal);
    }
}
