using System.Net;

namespace SolidWall.Core.Text;

/// <summary>
/// Finds every link a reader could follow: hrefs of <c>&lt;a&gt;</c> and <c>&lt;area&gt;</c> in HTML, read
/// with a character scanner rather than a DOM (links are needed even when the text/plain alternative is the one
/// kept, and building a DOM just for them would cost more than the rest of the message), and bare URLs in text.
/// </summary>
internal static class LinkExtractor
{
    public static IReadOnlyList<string> FromHtml(string html)
    {
        var links = new LinkSet();
        AddFromHtml(html, links);
        return links.Items;
    }

    public static IReadOnlyList<string> FromText(string text)
    {
        var links = new LinkSet();
        AddFromText(text, links);
        return links.Items;
    }

    /// <summary>Adds the href of every &lt;a&gt; and &lt;area&gt;, skipping comments, scripts and styles.</summary>
    public static void AddFromHtml(ReadOnlySpan<char> html, LinkSet links)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                return;
            }
            i += lt + 1;
            var rest = html[i..];
            if (rest.StartsWith("!--", StringComparison.Ordinal))
            {
                var close = rest[3..].IndexOf("-->", StringComparison.Ordinal);
                i = close < 0 ? html.Length : i + 3 + close + 3;
                continue;
            }
            var nameLength = 0;
            while (nameLength < rest.Length && char.IsAsciiLetterOrDigit(rest[nameLength]))
            {
                nameLength++;
            }
            if (nameLength == 0 || (nameLength < rest.Length && !IsTagNameEnd(rest[nameLength])))
            {
                continue;
            }
            var name = rest[..nameLength];
            if (name.Equals("a", StringComparison.OrdinalIgnoreCase) || name.Equals("area", StringComparison.OrdinalIgnoreCase))
            {
                i += nameLength;
                i = ReadAttributes(html, i, links);
            }
            else if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                // Raw text elements: a "<a href" inside a script is a string, not a link.
                var endTag = rest.IndexOf(name.Equals("script", StringComparison.OrdinalIgnoreCase) ? "</script" : "</style", StringComparison.OrdinalIgnoreCase);
                i = endTag < 0 ? html.Length : i + endTag + 2;
            }
            else
            {
                i += nameLength;
            }
        }
    }

    private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

    /// <summary>Reads attributes from <paramref name="i"/> to the tag's '&gt;', adding an href; returns the index after the tag.</summary>
    private static int ReadAttributes(ReadOnlySpan<char> html, int i, LinkSet links)
    {
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }
            if (i >= html.Length)
            {
                return i;
            }
            if (html[i] == '>')
            {
                return i + 1;
            }
            var nameStart = i;
            while (i < html.Length && html[i] is not ('=' or '>' or '/') && !char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            var attrName = html[nameStart..i];
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            if (i >= html.Length || html[i] != '=')
            {
                continue;
            }
            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            if (i >= html.Length)
            {
                return i;
            }
            ReadOnlySpan<char> value;
            if (html[i] is '"' or '\'')
            {
                var quote = html[i];
                var close = html[(i + 1)..].IndexOf(quote);
                var end = close < 0 ? html.Length : i + 1 + close;
                value = html[(i + 1)..end];
                i = Math.Min(end + 1, html.Length);
            }
            else
            {
                var start = i;
                while (i < html.Length && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                {
                    i++;
                }
                value = html[start..i];
            }
            if (attrName.Equals("href", StringComparison.OrdinalIgnoreCase))
            {
                AddHref(value, links);
            }
        }
        return i;
    }

    private static void AddHref(ReadOnlySpan<char> value, LinkSet links)
    {
        value = value.Trim();
        if (value.IsEmpty || value[0] == '#' || value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || value.Length > MaxLinkLength)
        {
            return;
        }
        var href = value.ToString();
        if (value.ContainsAny('\n', '\r', '\t'))
        {
            // Browsers drop tabs and line breaks from URLs; mailers wrap long hrefs and indent the continuation.
            href = Unwrap(value);
        }
        if (href.Contains('&', StringComparison.Ordinal))
        {
            href = WebUtility.HtmlDecode(href);
        }
        links.Add(href);
    }

    private const int MaxLinkLength = 8192;

    private static string Unwrap(ReadOnlySpan<char> value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\r' or '\n' or '\t')
            {
                while (sb.Length > 0 && sb[^1] == ' ')
                {
                    sb.Length--;
                }
                while (i + 1 < value.Length && value[i + 1] is ' ' or '\r' or '\n' or '\t')
                {
                    i++;
                }
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Adds bare http://, https://, www. and mailto: links in plain text, and the &lt;URL:...&gt; forms of RFC 3986 appendix C.</summary>
    public static void AddFromText(ReadOnlySpan<char> text, LinkSet links)
    {
        // The next candidate of each kind, found once and searched again only after the scan has passed it,
        // so that a long text with many links is still read a few times at most.
        var nextHttp = NextHttp(text, 0);
        var nextWww = IndexOfBoundary(text, "www.", 0);
        var nextMailto = IndexOfBoundary(text, "mailto:", 0);
        var i = 0;
        while (true)
        {
            if (nextHttp >= 0 && nextHttp < i)
            {
                nextHttp = NextHttp(text, i);
            }
            if (nextWww >= 0 && nextWww < i)
            {
                nextWww = IndexOfBoundary(text, "www.", i);
            }
            if (nextMailto >= 0 && nextMailto < i)
            {
                nextMailto = IndexOfBoundary(text, "mailto:", i);
            }
            var start = Min(Min(nextHttp, nextWww), nextMailto);
            if (start < 0)
            {
                return;
            }
            var end = ReadUrl(text, start, out var url);
            if (url is not null)
            {
                links.Add(url);
            }
            i = Math.Max(end, start + 1);
        }
    }

    /// <summary>Start of the next "http://" or "https://" at or after <paramref name="from"/> whose scheme starts a word, or -1.</summary>
    private static int NextHttp(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var sep = text[from..].IndexOf("://", StringComparison.Ordinal);
            if (sep < 0)
            {
                return -1;
            }
            sep += from;
            var s = sep;
            while (s > 0 && sep - s < 5 && char.IsAsciiLetter(text[s - 1]))
            {
                s--;
            }
            var scheme = text[s..sep];
            if ((scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
                && (s == 0 || !char.IsAsciiLetterOrDigit(text[s - 1])) && s >= from)
            {
                return s;
            }
            from = sep + 3;
        }
        return -1;
    }

    private static int Min(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);

    /// <summary>First case-insensitive occurrence of <paramref name="token"/> at or after <paramref name="from"/> that starts a word, or -1.</summary>
    private static int IndexOfBoundary(ReadOnlySpan<char> text, string token, int from)
    {
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(token, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return -1;
            }
            found += from;
            // Only an ASCII word character joins: CJK text runs straight into a URL with no space before it.
            if (found == 0 || !(char.IsAsciiLetterOrDigit(text[found - 1]) || text[found - 1] is '.' or '/' or '@' or '-' or '_'))
            {
                return found;
            }
            from = found + 1;
        }
        return -1;
    }

    /// <summary>Reads the link at <paramref name="start"/>; returns the index after it and the link, or null when it is not one.</summary>
    private static int ReadUrl(ReadOnlySpan<char> text, int start, out string? url)
    {
        url = null;
        var bracketed = start > 0 && text[start - 1] == '<'
            || start >= 5 && text.Slice(start - 5, 5).Equals("<URL:", StringComparison.OrdinalIgnoreCase);
        if (bracketed)
        {
            // RFC 3986 appendix C: a URL in angle brackets may be broken across lines; the whitespace is not part of it.
            var window = text[start..Math.Min(text.Length, start + MaxLinkLength)];
            var close = window.IndexOf('>');
            if (close > 0 && window[..close].IndexOf("\n\n", StringComparison.Ordinal) < 0 && window[..close].IndexOf('<') < 0)
            {
                var inner = window[..close];
                Span<char> buffer = inner.Length <= 1024 ? stackalloc char[inner.Length] : new char[inner.Length];
                var n = 0;
                foreach (var c in inner)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        buffer[n++] = c;
                    }
                }
                url = Validate(buffer[..n]);
                return start + close + 1;
            }
        }
        var end = start;
        while (end < text.Length && end - start < MaxLinkLength && IsUrlChar(text[end]))
        {
            end++;
        }
        var candidate = TrimTrailing(text[start..end]);
        url = Validate(candidate);
        return end;
    }

    // Full-width CJK punctuation ends a URL: Chinese and Japanese text puts no space before "，" or "。".
    private static bool IsUrlChar(char c) =>
        c > ' ' && c is not ('<' or '>' or '"' or '`' or '\u007F' or '，' or '。' or '、' or '）' or '「' or '」' or '【' or '】' or '“' or '”')
        && !char.IsWhiteSpace(c) && !char.IsControl(c);

    private static ReadOnlySpan<char> TrimTrailing(ReadOnlySpan<char> url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or '"')
            {
                url = url[..^1];
                continue;
            }
            // A closing bracket belongs to the URL only when it closes one opened inside it (Wikipedia's "Foo_(bar)").
            var open = last switch { ')' => '(', ']' => '[', '}' => '{', _ => '\0' };
            if (open != '\0' && url.Count(open) < url.Count(last))
            {
                url = url[..^1];
                continue;
            }
            break;
        }
        return url;
    }

    private static string? Validate(ReadOnlySpan<char> url)
    {
        url = TrimTrailing(url);
        var body = url;
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            body = url[7..];
            return body.Length >= 3 && body.IndexOf('@') > 0 ? url.ToString() : null;
        }
        var sep = url.IndexOf("://", StringComparison.Ordinal);
        if (sep >= 0)
        {
            body = url[(sep + 3)..];
        }
        else if (url.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            body = url[4..];
            if (body.IndexOf('.') < 0 && body.Length < 2)
            {
                return null;
            }
        }
        else
        {
            return null;
        }
        return body.Length > 0 && char.IsLetterOrDigit(body[0]) ? url.ToString() : null;
    }
}

/// <summary>Links in order of first appearance, each once.</summary>
internal sealed class LinkSet
{
    private readonly List<string> _items = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Items => _items;

    public void Add(string link)
    {
        if (_seen.Add(link))
        {
            _items.Add(link);
        }
    }
}
