namespace SolidWall.Core.Text;

/// <summary>
/// The pre-check that lets <see cref="HtmlToText"/> skip the DOM: HTML made only of tags whose layout does not
/// depend on the tree (paragraphs, divs, line breaks, inline formatting, simple tables and lists), with nothing
/// hidden, no images and only well-formed entities, reads the same through a tag stripper, several times faster.
/// Anything else (hiding styles, images, pre, forms, namespaced Office tags, odd entities) goes to the DOM.
/// </summary>
internal static class SimpleHtml
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "i", "u", "em", "strong", "span", "font", "div", "p", "br", "html", "body", "center",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "small", "big", "sup", "sub", "tt", "code", "s",
        "strike", "wbr", "cite", "q", "ins", "del", "mark", "nobr", "address", "section", "article", "header",
        "footer", "main", "nav", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "ol", "li",
        "dl", "dt", "dd", "meta", "link", "head", "title", "style", "script",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AllowedLookup = Allowed.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsSimple(ReadOnlySpan<char> html)
    {
        // Text inside an unclosed table is "foster-parented" out of it by the DOM builder; only balanced tables read the same.
        var openTables = 0;
        var i = 0;
        while (i < html.Length)
        {
            var special = html[i..].IndexOfAny('<', '&');
            if (special < 0)
            {
                break;
            }
            i += special;
            var c = html[i];
            if (c == '&')
            {
                if (!IsWellFormedEntity(html[(i + 1)..]))
                {
                    return false;
                }
                i++;
                continue;
            }
            i++;
            if (i >= html.Length)
            {
                return openTables == 0;
            }
            if (html[i] == '!')
            {
                if (html[i..].StartsWith("!--", StringComparison.Ordinal))
                {
                    var close = html[(i + 3)..].IndexOf("-->", StringComparison.Ordinal);
                    if (close < 0)
                    {
                        return false;
                    }
                    i += 3 + close + 3;
                    continue;
                }
                if (!html[i..].StartsWith("!doctype", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
                var gt = html[i..].IndexOf('>');
                if (gt < 0)
                {
                    return false;
                }
                i += gt + 1;
                continue;
            }
            var closing = html[i] == '/';
            var nameStart = closing ? i + 1 : i;
            var n = 0;
            while (nameStart + n < html.Length && char.IsAsciiLetterOrDigit(html[nameStart + n]))
            {
                n++;
            }
            if (n == 0)
            {
                if (closing || html[i] == '?')
                {
                    return false; // "</ x" and "<?" are bogus comments to a browser
                }
                continue; // a bare '<' is text
            }
            var name = html.Slice(nameStart, n);
            var end = nameStart + n;
            if (end < html.Length && html[end] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                return false; // "<o:p>", "<v:shape>": Office namespaces
            }
            if (!AllowedLookup.Contains(name))
            {
                return false;
            }
            if (name.Equals("table", StringComparison.OrdinalIgnoreCase) && (openTables += closing ? -1 : 1) < 0)
            {
                return false;
            }
            var tagEnd = closing ? SkipToTagEnd(html, end) : ReadAttributes(html, end);
            if (tagEnd < 0)
            {
                return false;
            }
            i = tagEnd;
            if (!closing && IsRawText(name))
            {
                // The stripper skips to the matching end tag; so does the DOM (these never nest).
                var endTag = html[i..].IndexOf("</", StringComparison.Ordinal);
                while (endTag >= 0 && !html[(i + endTag + 2)..].StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    var next = html[(i + endTag + 2)..].IndexOf("</", StringComparison.Ordinal);
                    endTag = next < 0 ? -1 : endTag + 2 + next;
                }
                if (endTag < 0)
                {
                    return false;
                }
                i += endTag;
            }
        }
        return openTables == 0;
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("title", StringComparison.OrdinalIgnoreCase) || name.Equals("head", StringComparison.OrdinalIgnoreCase);

    // "&amp;", "&#233;", "&#xE9;": the same to WebUtility.HtmlDecode and to a browser. "&amp" without ';' is not.
    private static bool IsWellFormedEntity(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || !(char.IsAsciiLetterOrDigit(rest[0]) || rest[0] == '#'))
        {
            return true; // a lone '&' is text to both
        }
        var k = 1;
        while (k < rest.Length && k < 32 && char.IsAsciiLetterOrDigit(rest[k]))
        {
            k++;
        }
        if (k >= rest.Length || rest[k] != ';')
        {
            return false;
        }
        if (rest[0] != '#')
        {
            return true;
        }
        // Numeric references: HTML maps 0x80-0x9F to windows-1252 ("&#146;" is a right quote) and replaces 0 and
        // surrogates; WebUtility.HtmlDecode does not. Only plain code points take the fast path.
        var digits = rest[1..k];
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        if (hex)
        {
            digits = digits[1..];
        }
        if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }
        return code is (>= 0x20 and < 0x7F) or (>= 0xA0 and < 0xD800) or (> 0xDFFF and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF) or 9 or 10 or 13;
    }

    private static int SkipToTagEnd(ReadOnlySpan<char> html, int i)
    {
        var gt = html[i..].IndexOf('>');
        return gt < 0 ? -1 : i + gt + 1;
    }

    /// <summary>Reads a start tag's attributes; -1 when the tag is unterminated or hides its content.</summary>
    private static int ReadAttributes(ReadOnlySpan<char> html, int i)
    {
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }
            if (i >= html.Length)
            {
                return -1;
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
            var attr = html[nameStart..i];
            if (attr.Equals("hidden", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
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
                return -1;
            }
            ReadOnlySpan<char> value;
            if (html[i] is '"' or '\'')
            {
                var close = html[(i + 1)..].IndexOf(html[i]);
                if (close < 0)
                {
                    return -1;
                }
                value = html.Slice(i + 1, close);
                i += close + 2;
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
            if (attr.Equals("style", StringComparison.OrdinalIgnoreCase) && HtmlToText.StyleHides(value))
            {
                return -1;
            }
        }
        return -1;
    }
}
