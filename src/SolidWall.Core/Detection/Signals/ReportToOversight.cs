namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// Someone inside the institution writes to nothing but its oversight mailboxes (the policy's
/// <c>oversight_mailboxes</c>: the ethics office, the inspector general): a report or a question about campaign
/// mail, which usually forwards or quotes it, and never campaign work itself. A negative weight, so that the
/// forwarded donation link does not make the report electioneering. Inside means the directory knows the sender,
/// or the sender's domain is the mailbox's domain or one above or below it; a campaign writing to ethics@ from
/// outside gets no such weight.
/// </summary>
internal sealed class ReportToOversight : ISignal
{
    public string Name => "ReportToOversight";

    public double Weight => -3.0;

    public IReadOnlyList<string> Categories { get; } = [];

    public SignalHit? Evaluate(DetectionContext context)
    {
        if (context.IsSegment || context.Sender is not { } sender)
        {
            return null;
        }

        // Recipients first: most mail is not to an oversight mailbox, and that is known from the first address.
        var first = context.Message.To.Count > 0 ? context.Message.To[0] : context.Message.Cc.Count > 0 ? context.Message.Cc[0] : null;
        if (first is null || !AllOversight(context, context.Message.To) || !AllOversight(context, context.Message.Cc) || !context.SenderIsInside)
        {
            return null;
        }

        return new SignalHit(Categories, [new Evidence("to", 0, first.Address.Length, first.Address, $"written from inside ({sender.Address}) to the oversight mailbox only")]);
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
