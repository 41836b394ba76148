using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Tests.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// Every piece of evidence a verdict gives points into the message it quotes, over every training message: a subject or
/// text excerpt is the field's own characters at its offset (line breaks read as blanks, at most 200 of them), a link
/// or a sender is one the message has, an attached file's excerpt is that file's text. A reviewer finds it where it says,
/// and a lawyer quotes it as it stands.
/// </summary>
public sealed class EvidencePlacesTests
{
    private const int MaxExcerpt = 200;

    [Theory]
    [MemberData(nameof(TrainingReadings.WithTheModel), MemberType = typeof(TrainingReadings))]
    public void Every_evidence_of_every_training_message_points_into_it(string reading)
    {
        var detector = TrainingReadings.Detector(reading);
        var messages = TrainingReadings.Examples().Select(e => e.AsMessage())
            .Concat(TrainingData.LoadDistrict(TestPaths.District()).Select(ArchivedView.Of).OfType<Message>())
            .ToList();
        var wrong = new List<string>();
        var read = 0;
        foreach (var message in messages)
        {
            var verdict = detector.Classify(message);
            foreach (var reason in verdict.Reasons)
            {
                foreach (var evidence in reason.Evidence)
                {
                    read++;
                    if (Misplaced(message, evidence) is { } why)
                    {
                        wrong.Add($"{message.Source}@{message.Offset} {reason.Signal} {evidence}: {why}");
                    }
                }
            }
        }

        Assert.True(read > messages.Count, $"only {read} pieces of evidence over {messages.Count} messages");
        // A text model term found nowhere the message shows is said to be so ("model", offset −1): a registered name the
        // mask cut out of a longer word (Arabic "لديليا", for Delia), a word the model read in a quoted footer that the
        // whole text's boilerplate reading blanks. One in 5,000 at most; every other piece of evidence points into the message.
        var unlocated = wrong.Where(w => w.Contains(" model@-1: ", StringComparison.Ordinal)).ToList();
        var misplaced = wrong.Except(unlocated).ToList();
        Assert.True(misplaced.Count == 0, $"{misplaced.Count} of {read} pieces of evidence do not point into their message:\n" + string.Join("\n", misplaced.Take(30)));
        Assert.True(unlocated.Count * 5_000 <= read, $"{unlocated.Count} of {read} model terms stand nowhere in their message:\n" + string.Join("\n", unlocated.Take(30)));
    }

    [Fact]
    public void A_model_term_that_pairs_a_registered_name_with_a_word_points_at_the_name()
    {
        // "de registeredcandidate", "registeredcandidate's": the pair's place is the name the mask read.
        var registry = Registry.Load(Path.Combine(TestPaths.District(), "registry.yaml"));
        var detector = TrainingReadings.Detector(TrainingReadings.DistrictRegistry);
        var pairs = 0;
        foreach (var message in TrainingData.LoadDistrict(TestPaths.District()).Select(e => e.AsMessage()))
        {
            foreach (var evidence in detector.Classify(message).Reasons.Where(r => r.Signal == Detector.TextModelSignal).SelectMany(r => r.Evidence))
            {
                if (evidence.Note?.StartsWith("model term: a registered candidate named (in \"", StringComparison.Ordinal) != true)
                {
                    continue;
                }

                pairs++;
                Assert.DoesNotContain(WorldNames.Placeholder, evidence.Note, StringComparison.Ordinal);
                var field = evidence.Where == "subject" ? message.Subject! : message.Text;
                Assert.Equal((evidence.Offset, evidence.Length), registry.ModelNames.Find(field)!.First(f => f.Index == evidence.Offset));
            }
        }

        Assert.True(pairs > 0, "no model term paired a registered name with a word");
    }

    private static string? Misplaced(Message message, Evidence evidence)
    {
        switch (evidence.Where)
        {
            case "subject":
            case "text":
                var field = evidence.Where == "subject" ? message.Subject ?? "" : message.Text;
                return Excerpt(field, evidence);
            case "link":
                return evidence.Offset >= 0 && evidence.Offset < message.Links.Count ? null : $"no link {evidence.Offset} of {message.Links.Count}";
            case "from":
            case "to":
            case "cc":
                var addresses = evidence.Where == "from" ? message.From : evidence.Where == "to" ? message.To : message.Cc;
                return evidence.Offset >= 0 && evidence.Offset < addresses.Count && addresses[evidence.Offset].Address == evidence.Text ? null : $"not address {evidence.Offset} of {addresses.Count}";
            case "attachment":
            case "segment":
                // Within the text of one of the message's segments (an attached file's, or one not found in the text).
                var kind = evidence.Where == "attachment" ? SegmentKind.Attachment : (SegmentKind?)null;
                return message.Segments.Any(s => (kind is null || s.Kind == kind) && Excerpt(s.Text, evidence) is null) ? null : "in no segment";
            case "model":
                return evidence.Offset == -1 && evidence.Length == 0 ? "not found" : "a model term with a place";
            default:
                return $"an unknown place '{evidence.Where}'";
        }
    }

    // The field's characters at the offset, as an excerpt reads them: at most 200, each run of line breaks and tabs one
    // blank, trimmed.
    private static string? Excerpt(string field, Evidence evidence)
    {
        if (evidence.Offset < 0 || evidence.Length < 0 || evidence.Offset + evidence.Length > field.Length)
        {
            return $"beyond the field ({field.Length} characters)";
        }

        var raw = field.Substring(evidence.Offset, Math.Min(evidence.Length, MaxExcerpt));
        var expected = string.Join(' ', raw.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return expected == evidence.Text ? null : $"the field there reads \"{expected}\"";
    }
}
