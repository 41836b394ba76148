using SolidWall.Mime;

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
        if (context.IsSegment || context.Sender is not { } sender || context.Message.To.Count + context.Message.Cc.Count == 0)
        {
            return null;
        }

        // Recipients first: most mail is not to an oversight mailbox, and that is known from the first address.
        MailboxAddress? first = null;
        var inside = false;
        if (!AllOversight(context, context.Message.To, sender, ref first, ref inside) || !AllOversight(context, context.Message.Cc, sender, ref first, ref inside) || first is null)
        {
            return null;
        }

        inside = inside || context.Directory.RoleOf(sender.Address) != InstitutionRole.External;
        return inside
            ? new SignalHit(Categories, [new Evidence("to", 0, first.Address.Length, first.Address, $"written from inside ({sender.Address}) to the oversight mailbox only")])
            : null;
    }

    private static bool AllOversight(DetectionContext context, IReadOnlyList<MailboxAddress> recipients, MailboxAddress sender, ref MailboxAddress? first, ref bool inside)
    {
        foreach (var recipient in recipients)
        {
            if (!context.Policy.IsOversightMailbox(recipient.Address))
            {
                return false;
            }

            first ??= recipient;
            inside = inside || Domains.SameOrNested(sender.AsciiDomain, recipient.AsciiDomain);
        }

        return true;
    }
}
