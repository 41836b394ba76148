using System.Net;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// What mail picks up besides the writer's own words on its way into an archive, as <c>solidwall eval --additions</c>
/// adds it to each district row it holds out: the footer a mailing list puts under every post it passes on (Google
/// Groups, Mailman, LISTSERV, Yahoo! Groups, the last the ham corpus's), a phone's "Sent from my iPhone", and a member
/// of staff's signature block. None of them says anything of what a message asks, so a row's verdict should not move
/// with it; how often it does is how much the detector reads the form of mail rather than its content. A gateway's
/// banner and a confidentiality notice are read in every run already (<see cref="ArchivedView"/>).
/// </summary>
public static class MailAdditions
{
    /// <summary>Every addition, by name, in the order the report lists them.</summary>
    public static IReadOnlyList<MailAddition> All { get; } =
    [
        new("Google Groups footer", FromAnyone, _ =>
            "-- \nYou received this message because you are subscribed to the Google Groups \"Staff\" group.\n"
            + "To unsubscribe from this group and stop receiving emails from it, send an email to staff+unsubscribe@lists.example.\n"),
        new("Mailman footer", FromAnyone, _ =>
            "_______________________________________________\nStaff mailing list\nStaff@lists.example\nhttps://lists.example/mailman/listinfo/staff\n"),
        new("LISTSERV footer", FromAnyone, _ =>
            "---\nYou are currently subscribed to staff as: member@lists.example.\nTo unsubscribe send a blank email to leave-staff-1234K@lists.example\n"),
        new("Yahoo! Groups footer", FromAnyone, _ =>
            "------------------------ Yahoo! Groups Sponsor ---------------------~-->\nSell a Home with Ease!\nhttp://us.click.yahoo.com/SrPZMC/kTmEAA/MVfIAA/7gSolB/TM\n"
            + "---------------------------------------------------------------------~->\n\nTo unsubscribe from this group, send an email to:\nstaff-unsubscribe@yahoogroups.com\n\n\n\n"
            + "Your use of Yahoo! Groups is subject to http://docs.yahoo.com/info/terms/\n"),
        new("phone signature", FromAnyone, _ => "Sent from my iPhone\n"),
        new("staff signature block", FromInside, message =>
            $"{SenderName(message)}\nClassroom Teacher\nLakeshore Public Schools\n555 West Harbor Drive, Lakeshore\n(773) 555-0142\n"),
    ];

    private static bool FromAnyone(Message message) => true;

    private static bool FromInside(Message message) => DetectionContext.WritesFromInside(message, InstitutionDirectory.Empty);

    /// <summary>
    /// The row with <paramref name="addition"/> below its text (and its HTML), as a list or a phone delivers it; null
    /// when the row is not a district row or the addition is not one its sender makes (a staff signature, from outside).
    /// </summary>
    public static Message? Add(TrainingExample example, MailAddition addition)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(addition);
        if (example.Row is not { } row || example.Message is not { } message || !addition.AppliesTo(message))
        {
            return null;
        }

        var text = addition.Text(message);
        var html = ArchivedView.Below(row.Html, "<pre>" + WebUtility.HtmlEncode(text) + "</pre>");
        return TrainingMail.Compose(example.Id, row.From, row.To, row.Subject, row.Body.TrimEnd() + "\n\n" + text, html);
    }

    // The sender's display name as the message's From gives it ("Gail Henshaw"); with none, her address's local part.
    private static string SenderName(Message message) =>
        message.From.Count == 0 ? "Staff Member"
        : string.IsNullOrWhiteSpace(message.From[0].DisplayName) ? message.From[0].LocalPart
        : message.From[0].DisplayName!;
}

/// <summary>One addition: its name, which messages it is made to, and its text under a message.</summary>
public sealed record MailAddition(string Name, Func<Message, bool> AppliesTo, Func<Message, string> Text);
