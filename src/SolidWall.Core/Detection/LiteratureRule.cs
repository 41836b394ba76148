using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection;

/// <summary>
/// `literature` is distributing campaign material: someone passing a campaign's message or flyers on, or an ask to
/// hand them out. A campaign writing from its own domain is asking for money, time or votes, which its other
/// categories name; it is not distributing literature unless it asks the reader to hand out, post or pass on its
/// material. Without this rule the category heads and the disclaimer named `literature` on most campaign blasts
/// (district precision 0.33).
/// </summary>
internal static class LiteratureRule
{
    // An ask to distribute material, in the campaign's own words (lower-cased text).
    private static readonly LazyRegex DistributionAsk = PhraseScan.Lazy(
        "\\b(?:flyers?|fliers?|palm\\s*cards?|door\\s*hangers?|yard\\s+signs?|posters?|buttons|stickers|lit(?:erature)?\\s+drops?"
        + "|hand\\s+(?:them\\s+|these\\s+|it\\s+|this\\s+)?out|pass\\s+(?:them\\s+|these\\s+|it\\s+|this\\s+)?(?:out|along|on)"
        + "|forward\\s+(?:this|it)|share\\s+(?:this|it)\\s+with|distribut\\w+"
        + "|volantes?|folletos?|carteles?|letreros?|repart\\w+|compart\\w+\\s+(?:esto|este|con)|reenv[ií]\\w+)\\b");

    // Providers of personal mailboxes: a person writing from one to a district address is passing material on.
    private static readonly FrozenSet<string> PersonalMail = new[]
    {
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "icloud", "me", "mac", "aol", "proton",
        "protonmail", "gmx", "comcast", "att", "sbcglobal", "verizon", "zoho", "mail", "yandex", "qq", "163", "126",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonalMailLookup = PersonalMail.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the address is at a provider of personal mailboxes ("gmail.com", "yahoo.com", "qq.com").</summary>
    internal static bool IsPersonalMailbox(SolidWall.Mime.MailboxAddress address)
    {
        var domain = address.AsciiDomain;
        var dot = domain.IndexOf('.');
        return PersonalMailLookup.Contains(dot < 0 ? domain : domain.AsSpan(0, dot));
    }

    /// <summary>
    /// True when the verdict may keep `literature`: the message relays campaign mail, comes from inside the
    /// institution or a personal mailbox, or asks for material to be handed out.
    /// </summary>
    public static bool Keeps(DetectionContext context, bool relays)
    {
        if (relays || context.Sender is not { } sender)
        {
            return true;
        }

        if (context.SenderIsInside || IsPersonalMailbox(sender))
        {
            return true;
        }

        foreach (var field in context.Fields)
        {
            if (DistributionAsk.IsMatch(field.Lower))
            {
                return true;
            }
        }

        return false;
    }
}
