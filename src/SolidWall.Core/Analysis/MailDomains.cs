using System.Collections.Frozen;

namespace SolidWall.Core.Analysis;

/// <summary>
/// The organisational domain of an address (the registrable name a campaign owns, <c>reelect-ortiz.example</c> for
/// <c>news.reelect-ortiz.example</c>), and whether a domain is a public webmail service, whose users are unrelated
/// people and whose domain therefore never joins a campaign.
/// </summary>
internal static class MailDomains
{
    // Second-level labels under a country code that are registries, not organisations (co.uk, com.au, gob.mx …).
    private static readonly FrozenSet<string> PublicSecondLevels = FrozenSet.ToFrozenSet(
        ["co", "com", "org", "net", "gov", "gob", "edu", "ac", "or", "ne", "go", "mil", "nic", "ltd", "plc", "sch"], StringComparer.Ordinal);

    // Free webmail services: a campaign's staff writing from one of these are attributed one by one, never by domain.
    private static readonly FrozenSet<string> Webmail = FrozenSet.ToFrozenSet(
        [
            "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "rocketmail.com", "hotmail.com", "outlook.com", "live.com",
            "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "protonmail.com", "proton.me", "pm.me", "gmx.com", "gmx.net",
            "gmx.de", "mail.com", "zoho.com", "yandex.com", "yandex.ru", "fastmail.com", "hey.com", "tutanota.com", "comcast.net",
            "att.net", "sbcglobal.net", "verizon.net", "cox.net", "charter.net", "earthlink.net", "juno.com", "web.de",
            "yahoo.co.uk", "hotmail.co.uk", "btinternet.com", "qq.com", "163.com", "naver.com", "mail.ru",
        ],
        StringComparer.Ordinal);

    /// <summary>The domain part of an address, lower-cased; empty when there is none.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].ToLowerInvariant();
    }

    /// <summary>
    /// The last two labels of the domain, or three when the second-to-last is a public registry label under a
    /// two-letter country code (<c>example.co.uk</c>). Without the public suffix list this is a heuristic; it is
    /// right for the domains campaigns register.
    /// </summary>
    public static string Organisational(string domain)
    {
        var labels = domain.Trim('.').ToLowerInvariant().Split('.');
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        var keep = labels[^1].Length == 2 && PublicSecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }

    public static string OrganisationalOf(string address) => Organisational(DomainOf(address));

    /// <summary>True for a public webmail service (its organisational domain is on the list).</summary>
    public static bool IsWebmail(string domain) => domain.Length > 0 && (Webmail.Contains(domain) || Webmail.Contains(Organisational(domain)));
}
