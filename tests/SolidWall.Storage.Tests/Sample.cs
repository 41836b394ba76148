using System.Security.Cryptography;
using System.Text;
using SolidWall.Core;
using SolidWall.Core.Case;

namespace SolidWall.Storage.Tests;

/// <summary>Messages and items for tests, with every field given a value that a wrong column mapping would show.</summary>
internal static class Sample
{
    public static string Sha(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    public static CaseMessage Message(
        string seed,
        string text = "Plain text of the message.",
        string subject = "A subject",
        string? from = "sender@example.org",
        IReadOnlyList<string>? to = null,
        IReadOnlyList<string>? cc = null,
        IReadOnlyList<string>? bcc = null,
        DateTimeOffset? date = null,
        bool electioneering = false,
        double score = 0.1) => new()
        {
            Sha256 = Sha(seed),
            MessageId = $"<{seed}@example.org>",
            Date = date ?? new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(-6)),
            From = from,
            FromName = "Sender Name",
            To = to ?? ["teacher@district.k12.us"],
            Cc = cc ?? [],
            Bcc = bcc ?? [],
            Subject = subject,
            Text = text,
            Segments = [new Segment(SegmentKind.Body, text)],
            Electioneering = electioneering,
            Score = score,
            VerdictJson = $$"""{"verdict":"{{(electioneering ? "electioneering" : "allowed")}}"}""",
        };

    public static CaseItem Item(CaseMessage message, string source, long offset, string? mailbox = null) =>
        new(message.Sha256, source, offset, 1000 + offset, mailbox, []);
}
