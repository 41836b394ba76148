using System.Collections.Frozen;
using System.Text;

namespace SolidWall.Core.Text;

/// <summary>
/// Where a rewritten link leads. Mail security gateways rewrite every link of the mail they pass so that a click goes
/// through them first: Microsoft Safe Links, Proofpoint URL Defense, Mimecast, Barracuda, Trellix (FireEye), Cisco
/// Secure Email, Trend Micro, Symantec, and Google's redirect in Gmail and Vault exports. A public institution's mail
/// usually passes one, so in its archive a campaign's ActBlue page reads as
/// <c>https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsecure.actblue.com%2F…&amp;data=…</c>, a link
/// to Microsoft that differs for every recipient. This reads the target back out of each gateway's format, so that
/// signals see the platform, the model its host and the analysis one page for one campaign.
/// </summary>
internal static class LinkTarget
{
    /// <summary>How many gateways deep a link is followed (mail that passed two gateways wraps twice).</summary>
    public const int MaxDepth = 3;

    // The gateways, by the domain their rewritten links are on (the domain or a subdomain of it).
    private static readonly (string Domain, string Name, Format Format, string Parameter)[] Gateways =
    [
        ("safelinks.protection.outlook.com", "Microsoft Safe Links", Format.Query, "url"),
        ("safelinks.protection.office365.us", "Microsoft Safe Links", Format.Query, "url"),
        ("urldefense.com", "Proofpoint URL Defense", Format.Proofpoint, "u"),
        ("urldefense.us", "Proofpoint URL Defense", Format.Proofpoint, "u"),
        ("urldefense.proofpoint.com", "Proofpoint URL Defense", Format.Proofpoint, "u"),
        ("mimecast.com", "Mimecast", Format.Mimecast, "domain"),
        ("linkprotect.cudasvc.com", "Barracuda Link Protection", Format.Query, "a"),
        ("fireeye.com", "Trellix (FireEye)", Format.Query, "u"),
        ("secure-web.cisco.com", "Cisco Secure Email", Format.Path, ""),
        ("trendmicro.com", "Trend Micro", Format.Query, "url"),
        ("clicktime.symantec.com", "Symantec Click-time", Format.Query, "u"),
        ("google.com", "Google redirect", Format.Google, "q"),
    ];

    // The last two labels of every gateway's domain.
    private static readonly FrozenSet<string> GatewayParents = Gateways
        .Select(g => string.Join('.', g.Domain.Split('.')[^2..])).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GatewayParentsLookup = GatewayParents.GetAlternateLookup<ReadOnlySpan<char>>();

    private enum Format
    {
        /// <summary>The target, percent-encoded, in a query parameter.</summary>
        Query,

        /// <summary>URL Defense: v1 a percent-encoded parameter, v2 its own escapes, v3 the target in the path.</summary>
        Proofpoint,

        /// <summary>Only the target's domain, in a query parameter (<c>/s/…?domain=</c>).</summary>
        Mimecast,

        /// <summary>The target, percent-encoded, as the path after a token (<c>/token/https%3A%2F%2F…</c>).</summary>
        Path,

        /// <summary><c>/url?q=</c> or <c>/url?url=</c> on a Google host.</summary>
        Google,
    }

    // Proofpoint v3 writes a run of replaced characters as "**" and one of these, the first meaning a run of 2.
    private const string RunLengths = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>
    /// True when the host at the start of <paramref name="afterScheme"/> (the link after "://") is a gateway's: a cheap
    /// test that turns away every other link before anything is parsed.
    /// </summary>
    public static bool MayBeGateway(ReadOnlySpan<char> afterScheme)
    {
        var end = afterScheme.IndexOfAny('/', '?', '#');
        var host = end < 0 ? afterScheme : afterScheme[..end];
        var colon = host.IndexOf(':');
        host = (colon < 0 ? host : host[..colon]).TrimEnd('.');

        // One lookup of the host's last two labels turns away nearly every link; only the gateways' own domains go on.
        var last = host.LastIndexOf('.');
        var second = last <= 0 ? -1 : host[..last].LastIndexOf('.');
        if (last <= 0 || !GatewayParentsLookup.Contains(host[(second + 1)..]))
        {
            return false;
        }

        foreach (var gateway in Gateways)
        {
            if (host.EndsWith(gateway.Domain, StringComparison.OrdinalIgnoreCase)
                && (host.Length == gateway.Domain.Length || host[host.Length - gateway.Domain.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The link a gateway's link stands for, followed through up to <see cref="MaxDepth"/> gateways, and the gateway
    /// that rewrote it first; null when <paramref name="link"/> is no gateway's link or its target cannot be read.
    /// </summary>
    public static (string Target, string Gateway)? Resolve(string link)
    {
        (string Target, string Gateway)? found = null;
        var current = link;
        for (var depth = 0; depth < MaxDepth && UnwrapOnce(current) is { } next; depth++)
        {
            found = (next.Target, found?.Gateway ?? next.Gateway);
            current = next.Target;
        }

        return found;
    }

    /// <summary><paramref name="link"/>'s target when a gateway rewrote it (<see cref="Resolve"/>), else the link itself.</summary>
    public static string Of(string link) => Resolve(link)?.Target ?? link;

    /// <summary>One gateway's rewriting undone; null when the link is not a gateway's or says nowhere.</summary>
    public static (string Target, string Gateway)? UnwrapOnce(string link)
    {
        link = link.Trim();
        var scheme = link.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !MayBeGateway(link.AsSpan(scheme + 3)) || !Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.IdnHost.TrimEnd('.');
        foreach (var (domain, name, format, parameter) in Gateways)
        {
            if (!host.Equals(domain, StringComparison.OrdinalIgnoreCase) && !host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var target = format switch
            {
                Format.Query => AbsoluteLink(QueryValue(link, parameter)),
                Format.Proofpoint => Proofpoint(link, uri),
                Format.Mimecast => uri.AbsolutePath.StartsWith("/s/", StringComparison.Ordinal) && QueryValue(link, parameter) is { Length: > 0 } d
                    && Uri.CheckHostName(d) == UriHostNameType.Dns ? "https://" + d + "/" : null,
                Format.Path => PathTarget(link),
                Format.Google => uri.AbsolutePath == "/url" ? AbsoluteLink(QueryValue(link, "q")) ?? AbsoluteLink(QueryValue(link, "url")) : null,
                _ => null,
            };
            return target is null ? null : (target, name);
        }

        return null;
    }

    /// <summary>The value of query parameter <paramref name="name"/>, percent-decoded ('+' a blank); null when absent.</summary>
    private static string? QueryValue(string link, string name)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var fragment = link.IndexOf('#', query);
        var rest = link.AsSpan(query + 1, (fragment < 0 ? link.Length : fragment) - query - 1);
        foreach (var range in rest.Split('&'))
        {
            var pair = rest[range];
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..].ToString().Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary><paramref name="value"/> when it is an absolute http(s) link, else null.</summary>
    private static string? AbsoluteLink(string? value)
    {
        value = value?.Trim();
        return value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? value : null;
    }

    /// <summary>Cisco: the path after its first segment, percent-decoded (read from the link as written: <see cref="Uri"/> may unescape it).</summary>
    private static string? PathTarget(string link)
    {
        var path = link.IndexOf('/', link.IndexOf("://", StringComparison.Ordinal) + 3);
        var second = path < 0 ? -1 : link.IndexOf('/', path + 1);
        return second < 0 ? null : AbsoluteLink(Uri.UnescapeDataString(link[(second + 1)..]));
    }

    /// <summary>
    /// URL Defense. v1: <c>/v1/url?u=</c> percent-encoded. v2: <c>/v2/url?u=</c> with '-' for '%' and '_' for '/'
    /// ("https-3A__example.com_page"). v3: <c>/v3/__https://example.com/page__;Iw!!…</c>, the target in the path with
    /// characters a link cannot carry replaced by '*' and given, in order, base64url-encoded after "__;".
    /// </summary>
    private static string? Proofpoint(string link, Uri uri)
    {
        var v3 = link.IndexOf("/v3/__", StringComparison.Ordinal);
        if (v3 >= 0)
        {
            var start = v3 + "/v3/__".Length;
            var close = link.IndexOf("__;", start, StringComparison.Ordinal);
            var end = close >= 0 ? close : link.EndsWith("__", StringComparison.Ordinal) ? link.Length - 2 : link.Length;
            var encoded = link[start..Math.Max(start, end)];
            if (close >= 0 && encoded.Contains('*', StringComparison.Ordinal))
            {
                var bang = link.IndexOf('!', close + 3);
                encoded = ReplaceStars(encoded, link[(close + 3)..(bang < 0 ? link.Length : bang)]);
            }

            return AbsoluteLink(encoded);
        }

        if (uri.AbsolutePath.Equals("/v2/url", StringComparison.OrdinalIgnoreCase))
        {
            var query = link.IndexOf('?', StringComparison.Ordinal);
            foreach (var pair in query < 0 ? [] : link[(query + 1)..].Split('&'))
            {
                if (pair.StartsWith("u=", StringComparison.Ordinal))
                {
                    return AbsoluteLink(Uri.UnescapeDataString(pair[2..].Replace('-', '%').Replace('_', '/')));
                }
            }

            return null;
        }

        return uri.AbsolutePath.Equals("/v1/url", StringComparison.OrdinalIgnoreCase) ? AbsoluteLink(QueryValue(link, "u")) : null;
    }

    /// <summary>
    /// Puts back the characters URL Defense v3 replaced: each '*' takes the next one of <paramref name="replacements"/>
    /// (base64url, UTF-8), "**" and a letter of <see cref="RunLengths"/> the next run of 2, 3, … of them. A '*' with
    /// nothing left to take stays as it is.
    /// </summary>
    private static string ReplaceStars(string encoded, string replacements)
    {
        string decoded;
        try
        {
            var base64 = replacements.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return encoded;
        }

        var runes = decoded.EnumerateRunes().ToArray();
        var next = 0;
        var sb = new StringBuilder(encoded.Length + runes.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != '*')
            {
                sb.Append(encoded[i]);
                continue;
            }

            var count = 1;
            if (i + 2 < encoded.Length && encoded[i + 1] == '*' && RunLengths.IndexOf(encoded[i + 2], StringComparison.Ordinal) is var run and >= 0)
            {
                count = run + 2;
                i += 2;
            }

            for (var k = 0; k < count; k++)
            {
                if (next < runes.Length)
                {
                    sb.Append(runes[next++].ToString());
                }
                else
                {
                    sb.Append('*');
                }
            }
        }

        return sb.ToString();
    }
}
