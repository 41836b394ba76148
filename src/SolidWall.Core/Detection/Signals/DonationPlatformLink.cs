using System.Buffers;
using System.Collections.Frozen;

namespace SolidWall.Core.Detection.Signals;

/// <summary>
/// A link to a platform campaigns raise money and organise on (ActBlue, WinRed, Anedot, NGP VAN / EveryAction,
/// Mobilize, Democracy Engine, Action Network; Donorbox only with political words in the text). Matched by host
/// and its parent domains, never by substring ("notactblue.com", "actblue.com.example.org" do not match), and
/// followed through a mail security gateway's rewriting (Safe Links, URL Defense, Mimecast, …: <see cref="Text.LinkTarget"/>)
/// and tracking redirects that carry the target in a query parameter. Traps: look-alike hosts, a PTA's Donorbox page.
/// </summary>
internal sealed class DonationPlatformLink : ISignal
{
    private const int MaxRedirectDepth = 3;

    private static readonly FrozenDictionary<string, string[]> Platforms = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["actblue.com"] = [Detection.Categories.Fundraising],
        ["winred.com"] = [Detection.Categories.Fundraising],
        ["anedot.com"] = [Detection.Categories.Fundraising],
        ["ngpvan.com"] = [Detection.Categories.Fundraising],
        ["everyaction.com"] = [Detection.Categories.Fundraising],
        ["votebuilder.com"] = [Detection.Categories.VolunteerRecruitment],
        ["democracyengine.com"] = [Detection.Categories.Fundraising],
        ["mobilize.us"] = [Detection.Categories.Event, Detection.Categories.VolunteerRecruitment],
        ["actionnetwork.org"] = [Detection.Categories.VolunteerRecruitment],
        ["donorbox.org"] = [Detection.Categories.Fundraising],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Hosts that also serve charities and schools: they count only when the text speaks of a campaign.
    private static readonly FrozenSet<string> NeedPoliticalContext = new[] { "donorbox.org" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // A link reaches a platform only when it names the platform's domain: as it stands when it is printable ASCII
    // without an escape ('%'), for a host is lower-cased and a redirect's parameter is a part of the link then.
    private static readonly SearchValues<string> PlatformNames = SearchValues.Create(Platforms.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);

    public string Name => "DonationPlatformLink";

    public double Weight => 3.5;

    public IReadOnlyList<string> Categories { get; } =
        [Detection.Categories.Fundraising, Detection.Categories.VolunteerRecruitment, Detection.Categories.Event, Detection.Categories.Petition];

    public SignalHit? Evaluate(DetectionContext context)
    {
        List<Evidence>? evidence = null;
        // Made on the first link that leads to a platform: most mail has none.
        SortedSet<string>? categories = null;
        bool? political = null;
        // Indexed: a foreach over the list's interface would allocate an enumerator for every message.
        var links = context.Links;
        for (var k = 0; k < links.Count; k++)
        {
            var link = links[k];
            if (CannotReachPlatform(link) || Find(link, 0) is not { } found)
            {
                continue;
            }

            if (NeedPoliticalContext.Contains(found.Platform) && !(political ??= CampaignTerms.IsAnywhere(context)))
            {
                continue;
            }

            categories ??= new SortedSet<string>(StringComparer.Ordinal);
            foreach (var category in CategoriesOf(found.Platform, found.Uri))
            {
                categories.Add(category);
            }

            var index = IndexOf(context.Message.Links, link);
            var note = found.Via is { } via ? $"{via} to {found.Uri.Host}" : $"host {found.Uri.Host}";
            evidence ??= [];
            evidence.Add(new Evidence("link", index, link.Length, link.Length > 200 ? link[..200] : link, note));
            if (evidence.Count == PhraseScan.MaxEvidence)
            {
                break;
            }
        }

        return evidence is null ? null : new SignalHit(Detection.Categories.All.Where(categories!.Contains).ToArray(), evidence);
    }

    /// <summary>True when one of the message's links leads to a platform that serves campaigns only (not a charity's Donorbox page).</summary>
    internal static bool AnyPoliticalLink(DetectionContext context)
    {
        var links = context.Links;
        for (var k = 0; k < links.Count; k++)
        {
            var link = links[k];
            if (!CannotReachPlatform(link) && Find(link, 0) is { } found && !NeedPoliticalContext.Contains(found.Platform))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <see cref="Find"/> surely finds nothing: the link is printable ASCII, unescaped, and names no platform.</summary>
    internal static bool CannotReachPlatform(string link) =>
        !link.AsSpan().ContainsAnyExceptInRange('!', '~') && !link.Contains('%', StringComparison.Ordinal) && !link.AsSpan().ContainsAny(PlatformNames);

    /// <summary>
    /// The platform a link leads to, directly, through a gateway's rewriting or through a redirect's query parameter;
    /// <c>Via</c> names the first gateway ("Microsoft Safe Links link") or "tracking redirect", null for a direct link.
    /// </summary>
    internal static (string Platform, Uri Uri, string? Via)? Find(string link, int depth)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.IdnHost.TrimEnd('.');
        while (host.Length > 0)
        {
            if (Platforms.ContainsKey(host))
            {
                return (host, uri, null);
            }

            var dot = host.IndexOf('.', StringComparison.Ordinal);
            host = dot < 0 ? "" : host[(dot + 1)..];
        }

        if (depth >= MaxRedirectDepth)
        {
            return null;
        }

        if (Text.LinkTarget.UnwrapOnce(link) is { } unwrapped)
        {
            return Find(unwrapped.Target, depth + 1) is { } behind ? (behind.Platform, behind.Uri, unwrapped.Gateway + " link") : null;
        }

        if (uri.Query.Length < 2)
        {
            return null;
        }

        foreach (var pair in uri.Query[1..].Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var value = pair[(eq + 1)..];
            for (var unescape = 0; unescape < 2 && !value.Contains("://", StringComparison.Ordinal); unescape++)
            {
                value = Uri.UnescapeDataString(value.Replace('+', ' '));
            }

            if (!value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || !value.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            if (Find(value, depth + 1) is { } inner)
            {
                return (inner.Platform, inner.Uri, inner.Via ?? "tracking redirect");
            }
        }

        return null;
    }

    private static string[] CategoriesOf(string platform, Uri uri)
    {
        if (!platform.Equals("actionnetwork.org", StringComparison.OrdinalIgnoreCase))
        {
            return Platforms[platform];
        }

        // Action Network's path says what the page is.
        var path = uri.AbsolutePath;
        return path.StartsWith("/petitions", StringComparison.OrdinalIgnoreCase) ? [Detection.Categories.Petition]
            : path.StartsWith("/events", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/ticketed_events", StringComparison.OrdinalIgnoreCase) ? [Detection.Categories.Event]
            : path.StartsWith("/fundraising", StringComparison.OrdinalIgnoreCase) ? [Detection.Categories.Fundraising]
            : [Detection.Categories.VolunteerRecruitment];
    }

    private static int IndexOf(IReadOnlyList<string> links, string link)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (ReferenceEquals(links[i], link) || links[i] == link)
            {
                return i;
            }
        }

        return -1;
    }
}
