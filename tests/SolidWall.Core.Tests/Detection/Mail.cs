using SolidWall.Core.Detection;
using SolidWall.Mime;

namespace SolidWall.Core.Tests.Detection;

/// <summary>Hand-built messages and one-signal runs for the detection tests.</summary>
internal static class Mail
{
    public static Message Of(string text, string? subject = null, string from = "someone@example.org", IReadOnlyList<string>? links = null, IReadOnlyList<Segment>? segments = null, IReadOnlyList<string>? to = null, string? fromName = null, IReadOnlyList<string>? cc = null)
    {
        var at = from.LastIndexOf('@');
        return new Message
        {
            Source = "test.mbox",
            Offset = 0,
            Sha256 = new string('0', 64),
            MessageId = "t@test",
            Subject = subject,
            Text = text,
            From = [new MailboxAddress(fromName, from[..at], from[(at + 1)..])],
            To = to is null ? [new MailboxAddress(null, "teacher", "district.example")] : to.Select(Address).ToList(),
            Cc = cc is null ? [] : cc.Select(Address).ToList(),
            Links = links ?? [],
            Segments = segments ?? [new Segment(SegmentKind.Body, text)],
        };
    }

    public static MailboxAddress Address(string address)
    {
        var at = address.LastIndexOf('@');
        return new MailboxAddress(null, address[..at], address[(at + 1)..]);
    }

    public static SignalHit? Run<TSignal>(Message message, Registry? registry = null, InstitutionDirectory? directory = null, Policy? policy = null)
        where TSignal : ISignal
    {
        // The first of its class: a class that serves two signals (RegisteredCandidateNamed) lists its main one first.
        var signal = SignalCatalog.All.OfType<TSignal>().First();
        return signal.Evaluate(new DetectionContext(message, registry ?? Registry.Empty, directory ?? InstitutionDirectory.Empty, policy ?? Policy.Default));
    }

    /// <summary>Runs the signal of that name (for a class that serves two).</summary>
    public static SignalHit? Run(string name, Message message, Registry? registry = null)
    {
        var signal = SignalCatalog.All.Single(s => s.Name == name);
        return signal.Evaluate(new DetectionContext(message, registry ?? Registry.Empty, InstitutionDirectory.Empty, Policy.Default));
    }

    public static SignalHit? Run<TSignal>(string text, string? subject = null)
        where TSignal : ISignal => Run<TSignal>(Of(text, subject));

    /// <summary>Asserts the hit's first evidence quotes <paramref name="phrase"/> where it is in the text.</summary>
    public static void AssertEvidenceAt(SignalHit? hit, string text, string phrase)
    {
        Assert.NotNull(hit);
        var expected = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        Assert.True(expected >= 0, $"test bug: '{phrase}' is not in the text");
        var evidence = hit.Evidence[0];
        Assert.Equal("text", evidence.Where);
        Assert.Equal(expected, evidence.Offset);
        Assert.StartsWith(phrase, text.Substring(evidence.Offset, evidence.Length), StringComparison.OrdinalIgnoreCase);
    }

    public static Registry SampleRegistry() => Registry.Parse(
        """
        campaigns:
          - id: ortiz
            name: Friends of Dana Ortiz
            candidate: Dana Ortiz
            office: Mayor
            aliases: [Ortiz for Mayor]
            elections: [2027-02-28]
            domains: [reelect-dana-ortiz.example]
            addresses: [dana@campaign-mail.example]
        committees:
          - id: better-schools-pac
            name: Better Schools PAC
            domains: bettersc.example
        """,
        "registry.yaml");
}
