using System.Text.Json;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// A field's lower-cased copy lives in an array rented from the shared pool and the places of its words in a list kept
/// per thread; <see cref="Detector.Classify"/> gives both back when its verdict is made. Reused, they must carry
/// nothing from one message to the next, and a field given back must not be read.
/// </summary>
public sealed class PooledBuffersTests
{
    private static readonly string[] Texts =
    [
        "Vote for Dana Ortiz on February 28! Chip in $5: https://secure.actblue.com/donate/ortiz",
        "Hi all, the fire drill is Thursday. Grab the red folder.",
        "VOTEN POR TOMÁS REYES el 28 de febrero. ¡Cada voto cuenta!",
        "",
        "Прошу всіх проголосувати за Марка Вітфілда 28 лютого.",
        "Paid for by Friends of Dana Ortiz. Not authorized by any candidate.\n\n> Sign the petition for Question 1 today",
        "Reminder: the science fair boards go home by Friday; the gym floor gets waxed this weekend.",
        "請大家在選舉日投票給 Ortiz 候選人,並把傳單發給學生。",
        "We need canvassers this Saturday, 9 to noon. Every staff member is expected to attend. I'll remember who shows up.",
        "𝐕𝐨𝐭𝐞 for Reyes (a surrogate pair in the text keeps the runtime's lower-casing)",
    ];

    [Fact]
    public void VerdictsAreTheSameWhateverWasClassifiedBefore()
    {
        var model = TextModel.LoadEmbedded();
        var messages = Texts.Select((t, i) => Mail.Of(t, subject: i % 3 == 0 ? null : $"Subject {i} ÉLECTION")).ToArray();

        // Each message alone, on a detector that classified nothing before.
        var alone = messages.Select(m => Json(new Detector(model: model).Classify(m))).ToArray();

        // Then all of them, long after short and short after long, many times on one detector and one thread.
        var detector = new Detector(model: model);
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var i = random.Next(messages.Length);
            Assert.Equal(alone[i], Json(detector.Classify(messages[i])));
        }
    }

    [Fact]
    public void ALowerCasedCopyReadsAsToLowerInvariantOnAnyRentedArray()
    {
        string[] pieces = ["ABC", "déjà", "İ", "ß", "Ω", "\u00a0", "’", "Straße", "ǅ", "x", " ", "VOTE", "𐐀"];
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var field = new TextField("text", text);
            Assert.Equal(text.ToLowerInvariant(), field.Lower.ToString());
            field.Release();
        }
    }

    [Fact]
    public void AFieldGivenBackCannotBeRead()
    {
        var field = new TextField("text", "Vote for Ortiz");
        _ = field.Hits;
        field.Release();
        Assert.Throws<ObjectDisposedException>(() => field.Lower.Length);
    }

    [Fact]
    public void AScanOnAListGivenBackFindsOnlyItsOwnWords()
    {
        var lexicon = SignalCatalog.Lexicon;
        var first = lexicon.Scan("please donate and vote, volunteer, canvass, petition, rally".ToLowerInvariant());
        Assert.NotEmpty(first.Starts);
        Lexicon.Return(first);

        var quiet = "the gym floor gets waxed this weekend";
        var fresh = new List<(int Start, int End, ulong Sets)>();
        var expected = lexicon.ScanOneLane(quiet, fresh);
        var second = lexicon.Scan(quiet);
        Assert.Equal(expected, second.Present);
        Assert.Equal(fresh.OrderBy(h => h.Start).ToList(), second.Starts);
    }

    private static string Json(Verdict verdict) => JsonSerializer.Serialize(verdict);
}
