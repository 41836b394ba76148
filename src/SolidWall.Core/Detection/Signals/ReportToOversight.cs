namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Someone writes to nothing but the oversight mailboxes (the policy's <c>oversight_mailboxes</c>: the ethics office,
/// the inspector general): a report or a question about campaign mail, which usually forwards or quotes it, and never
/// campaign work itself. A negative weight, so that the forwarded donation link does not make the report electioneering.
/// Two signals, weighted apart:
/// <list type="bullet">
/// <item><c>ReportToOversight</c>: the sender is inside (the directory knows the sender, or the sender's domain is the
/// mailbox's domain or one above or below it). Fitted.</item>
/// <item><c>ReportToOversightFromOutside</c>: parents and students report from their own mailboxes too ("my son's Spanish
/// teacher wants us to sign that we voted for Reyes"), except that a registered campaign's sender, or a message whose own
/// words carry a "paid for by" line, is a campaign's copy of its mail that reached the ethics mailbox, and gets no such
/// weight. Designed at −3.0, not fitted: fitted, its 26 rows of the district set moved every other weight, and the demo
/// archive's press note from the Mayor's office, which sits on the threshold, across it (docs/DETECTION.md, "stop 33").
/// Until the last sitting of 29 November 2026 only senders inside were read; held out, two of the district set's three
/// reports from outside that were flagged are no longer.</item>
/// </list>
/// </summary>
/// <param name="fromOutside">Read senders outside instead of inside.</param>
internal sealed class ReportToOversight(bool fromOutside = false) : ISignal
{
    // A campaign's own "paid for by" line: its copy of a blast, not a report that quotes one.
    private static readonly PaidForByDisclaimer OwnDisclaimer = new(PaidForByDisclaimer.Place.OwnWords);

    public string Name => fromOutside ? "ReportToOversightFromOutside" : "ReportToOversight";

    public double Weight => -3.0;

    public bool Fitted => !fromOutside;

    public IReadOnlyList<string> Categories { get; } = [];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (context.IsSegment || context.Sender is not { } sender)
        {
            return null;
        }

        // Recipients first: most mail is not to an oversight mailbox, and that is known from the first address. Then the
        // sender's side: this signal reads senders inside, or (fromOutside) the others.
        var first = context.Message.To.Count > 0 ? context.Message.To[0] : context.Message.Cc.Count > 0 ? context.Message.Cc[0] : null;
        var where = context.Message.To.Count > 0 ? "to" : "cc";
        if (first is null || !AllOversight(context, context.Message.To) || !AllOversight(context, context.Message.Cc) || context.SenderIsInside == fromOutside)
        {
            return null;
        }

        if (!fromOutside)
        {
            return new SignalHit(Categories, [new Evidence(where, 0, first.Address.Length, first.Address, $"written from inside ({sender.Address}) to the oversight mailbox only")]);
        }

        if (context.Registry.FindSender(sender) is not null || OwnDisclaimer.Evaluate(context) is not null)
        {
            return null;
        }

        return new SignalHit(Categories, [new Evidence(where, 0, first.Address.Length, first.Address,
            $"written to the oversight mailbox only, not from inside ({sender.Address}), by no registered campaign and with no disclaimer of its own")]);
    }

    private static bool AllOversight(DetectionContext context, IReadOnlyList<SolidWall.Mime.MailboxAddress> recipients)
    {
        foreach (var recipient in recipients)
        {
            if (!context.Policy.IsOversightMailbox(recipient.Address))
            {
                return false;
            }
        }

        return true;
    }
}
