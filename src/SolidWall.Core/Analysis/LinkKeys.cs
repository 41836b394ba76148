namespace SolidWall.Core.Analysis;

/// <summary>
/// Reduces a link to the part that names an organisation's page on a platform: the host without <c>www.</c> and
/// the first path segment (<c>mobilize.us/reelectortiz</c>), or the first two when the first is a platform's
/// generic word (<c>secure.actblue.com/donate/ortiz-deadline</c>). Query strings and fragments (per-recipient
/// tracking) are dropped. Two campaigns' mail sharing a key is evidence they are one organisation.
/// </summary>
internal static class LinkKeys
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "donate", "contribute", "give", "event", "events", "e", "page", "pages", "p", "form", "forms", "f", "c", "a", "s", "r",
        "l", "go", "signup", "sign-up", "join", "petition", "petitions", "groups", "group", "o", "u", "en", "es", "action",
    };

    /// <summary>The key of a link, or null when it has no path to name anyone by (a bare host, a mailto:).</summary>
    public static string? Of(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        var first = Uri.UnescapeDataString(segments[0]).ToLowerInvariant();
        if (Generic.Contains(first))
        {
            return segments.Length > 1 ? host + "/" + first + "/" + Uri.UnescapeDataString(segments[1]).ToLowerInvariant() : null;
        }

        return host + "/" + first;
    }
}
