using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SolidWall.Core.Text;

/// <summary>
/// Turns an HTML body into the plain text a reader sees: what a browser would show, with hidden text left out
/// (hidden text is a classic way to slip words past filters), blocks and rows on their own lines, list items
/// as "- ", table cells joined by " | ", images as their alt text, and whitespace collapsed.
/// Three roads, cheapest first: no markup at all (entities and whitespace only); simple markup that reads the
/// same without a tree (<see cref="SimpleHtml"/>), through a tag stripper; everything else through AngleSharp's
/// DOM, except pathologically deep documents, which the DOM builder would take minutes over.
/// </summary>
internal static class HtmlToText
{
    // One parser per thread: building a parser (and its browsing context) costs far more than a small message.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private static HtmlParser Parser => t_parser ??= new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        IsNotConsumingCharacterReferences = false,
        SkipComments = true,
    });

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var writer = new Writer(html.Length / 2 + 16);
        if (html.AsSpan().IndexOf('<') < 0)
        {
            // No markup at all: entities and whitespace are the only work, and the DOM would cost more than the text.
            writer.Text(html.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(html) : html);
            return writer.Result();
        }

        // Only a long document can hold enough tags to nest past the threshold; short ones skip that count.
        if (SimpleHtml.IsSimple(html) || (html.Length > MaxUnclosedForDom * 3 && UnclosedElements(html) > MaxUnclosedForDom))
        {
            StripTags(html, writer);
            return writer.Result();
        }
        return ConvertWithDom(html, writer);
    }

    /// <summary>Always through the DOM; the tests compare it with the fast path.</summary>
    internal static string ConvertWithDom(string html) => ConvertWithDom(html, new Writer(html.Length / 2 + 16));

    private static string ConvertWithDom(string html, Writer writer)
    {
        using var document = Parser.ParseDocument(html);
        if (document.DocumentElement is { } root)
        {
            Walk(root, writer);
        }
        return writer.Result();
    }

    // The DOM builder checks element scopes by walking its stack of open elements, so time grows with the square of
    // the nesting depth: 100,000 unclosed <div>s take minutes. Past this many, a tag stripper reads the text instead.
    private const int MaxUnclosedForDom = 2_000;

    private static readonly HashSet<string> NoEndTag = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "meta", "link", "input", "wbr", "area", "col", "base", "source", "embed", "param",
        "track", "keygen", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NoEndTagLookup =
        NoEndTag.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Start tags minus end tags, leaving out elements that need no end tag: a cheap bound on the nesting depth.</summary>
    internal static int UnclosedElements(ReadOnlySpan<char> html)
    {
        var open = 0;
        var i = 0;
        while (true)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0 || i + lt + 1 >= html.Length)
            {
                return open;
            }
            i += lt + 1;
            var closing = html[i] == '/';
            var start = closing ? i + 1 : i;
            var n = 0;
            while (start + n < html.Length && char.IsAsciiLetterOrDigit(html[start + n]))
            {
                n++;
            }
            if (n > 0 && !NoEndTagLookup.Contains(html.Slice(start, n)))
            {
                open += closing ? -1 : 1;
            }
        }
    }

    /// <summary>
    /// The fallback for pathological HTML: tags dropped, block tags as line breaks, script and style skipped,
    /// entities decoded. Hidden-element rules need the tree and are not applied here.
    /// </summary>
    private static void StripTags(string html, Writer writer)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.AsSpan(i).IndexOf('<');
            var textEnd = lt < 0 ? html.Length : i + lt;
            if (textEnd > i)
            {
                var run = html.AsSpan(i, textEnd - i);
                if (run.Contains('&'))
                {
                    writer.Text(WebUtility.HtmlDecode(run.ToString()));
                }
                else
                {
                    writer.Text(run);
                }
            }
            if (lt < 0)
            {
                return;
            }
            i = textEnd + 1;
            if (html.AsSpan(i).StartsWith("!--", StringComparison.Ordinal))
            {
                var close = html.AsSpan(i + 3).IndexOf("-->", StringComparison.Ordinal);
                i = close < 0 ? html.Length : i + 3 + close + 3;
                continue;
            }
            if (i < html.Length && html[i] is '!' or '?')
            {
                // <!DOCTYPE …>, <![CDATA[ … ]>, <?xml …?>: markup declarations, no text.
                var declEnd = html.AsSpan(i).IndexOf('>');
                i = declEnd < 0 ? html.Length : i + declEnd + 1;
                continue;
            }
            var closing = i < html.Length && html[i] == '/';
            var nameStart = closing ? i + 1 : i;
            var n = 0;
            while (nameStart + n < html.Length && char.IsAsciiLetterOrDigit(html[nameStart + n]))
            {
                n++;
            }
            if (n == 0)
            {
                writer.Text("<");
                continue;
            }
            var tagEnd = TagEnd(html, nameStart + n);
            var name = html.AsSpan(nameStart, n);
            i = tagEnd;
            var kind = KindLookup.TryGetValue(name, out var k) ? k : Kind.Inline;
            if (closing && name.Equals("body", StringComparison.OrdinalIgnoreCase))
            {
                continue; // text after </body> still belongs to the body, inline, as the DOM builder puts it
            }
            if (kind == Kind.Skip && !closing)
            {
                var end = html.AsSpan(i).IndexOf(string.Concat("</", name), StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : i + end;
                continue;
            }
            switch (kind)
            {
                case Kind.LineBreak:
                    writer.LineBreak();
                    break;
                case Kind.Rule:
                    writer.RequestBreaks(1);
                    break;
                case Kind.Skip or Kind.Image or Kind.Inline:
                    break;
                default:
                    if (closing)
                    {
                        writer.Close(kind);
                    }
                    else
                    {
                        writer.Open(kind);
                    }
                    break;
            }
        }
    }

    /// <summary>The index after the '&gt;' that ends a tag, skipping quoted attribute values (which may hold '&gt;').</summary>
    private static int TagEnd(string html, int i)
    {
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }
            if (c is '"' or '\'' && i > 0 && html[i - 1] == '=' || c is '"' or '\'' && i > 1 && html[i - 1] == ' ' && html[i - 2] == '=')
            {
                var close = html.AsSpan(i + 1).IndexOf(c);
                if (close < 0)
                {
                    return html.Length;
                }
                i += close + 2;
                continue;
            }
            i++;
        }
        return html.Length;
    }

    private enum Kind : byte
    {
        Inline,
        Skip,
        Block,
        Paragraph,
        LineBreak,
        Rule,
        List,
        ListItem,
        Table,
        Row,
        Cell,
        Image,
        Pre,
        Blockquote,
    }

    private static readonly Dictionary<string, Kind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = Kind.Skip, ["style"] = Kind.Skip, ["head"] = Kind.Skip, ["template"] = Kind.Skip,
        ["noscript"] = Kind.Skip, ["title"] = Kind.Skip, ["iframe"] = Kind.Skip, ["object"] = Kind.Skip,
        ["select"] = Kind.Skip, ["datalist"] = Kind.Skip,
        ["div"] = Kind.Block, ["address"] = Kind.Block, ["article"] = Kind.Block, ["aside"] = Kind.Block,
        ["center"] = Kind.Block, ["dd"] = Kind.Block, ["details"] = Kind.Block, ["dialog"] = Kind.Block,
        ["dt"] = Kind.Block, ["fieldset"] = Kind.Block, ["figcaption"] = Kind.Block, ["figure"] = Kind.Block,
        ["footer"] = Kind.Block, ["form"] = Kind.Block, ["header"] = Kind.Block, ["hgroup"] = Kind.Block,
        ["main"] = Kind.Block, ["nav"] = Kind.Block, ["section"] = Kind.Block, ["summary"] = Kind.Block,
        ["caption"] = Kind.Block, ["legend"] = Kind.Block, ["body"] = Kind.Block, ["tbody"] = Kind.Block,
        ["thead"] = Kind.Block, ["tfoot"] = Kind.Block, ["option"] = Kind.Block,
        ["p"] = Kind.Paragraph, ["h1"] = Kind.Paragraph, ["h2"] = Kind.Paragraph, ["h3"] = Kind.Paragraph,
        ["h4"] = Kind.Paragraph, ["h5"] = Kind.Paragraph, ["h6"] = Kind.Paragraph, ["dl"] = Kind.Paragraph,
        ["br"] = Kind.LineBreak, ["hr"] = Kind.Rule,
        ["ul"] = Kind.List, ["ol"] = Kind.List, ["menu"] = Kind.List, ["dir"] = Kind.List,
        ["li"] = Kind.ListItem,
        ["table"] = Kind.Table, ["tr"] = Kind.Row, ["td"] = Kind.Cell, ["th"] = Kind.Cell,
        ["img"] = Kind.Image, ["area"] = Kind.Skip,
        ["pre"] = Kind.Pre, ["listing"] = Kind.Pre, ["xmp"] = Kind.Pre, ["plaintext"] = Kind.Pre,
        ["blockquote"] = Kind.Blockquote,
    };

    private static readonly Dictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> KindLookup = Kinds.GetAlternateLookup<ReadOnlySpan<char>>();

    private struct Frame
    {
        public INodeList Children;
        public int Next;
        public Kind Kind;
    }

    // Iterative on purpose: hostile mail nests elements tens of thousands deep, and recursion would overflow the stack.
    private static void Walk(IElement root, Writer writer)
    {
        var frames = new Frame[32];
        var depth = 0;
        frames[0] = new Frame { Children = root.ChildNodes, Next = 0, Kind = Kind.Inline };
        while (depth >= 0)
        {
            ref var frame = ref frames[depth];
            if (frame.Next >= frame.Children.Length)
            {
                writer.Close(frame.Kind);
                depth--;
                continue;
            }
            var node = frame.Children[frame.Next++];
            if (node.NodeType == NodeType.Text)
            {
                writer.Text(((IText)node).Data);
                continue;
            }
            if (node is not IElement element)
            {
                continue; // comments, processing instructions, doctypes
            }
            var kind = Kinds.TryGetValue(element.LocalName, out var k) ? k : Kind.Inline;
            if (kind == Kind.Skip || IsHidden(element))
            {
                continue;
            }
            switch (kind)
            {
                case Kind.LineBreak:
                    writer.LineBreak();
                    continue;
                case Kind.Rule:
                    writer.RequestBreaks(1);
                    continue;
                case Kind.Image:
                    if (element.GetAttribute("alt") is { Length: > 0 } alt)
                    {
                        writer.Text(alt);
                    }
                    continue;
            }
            writer.Open(kind);
            if (element.ChildNodes.Length == 0)
            {
                writer.Close(kind);
                continue;
            }
            if (++depth == frames.Length)
            {
                Array.Resize(ref frames, frames.Length * 2);
            }
            frames[depth] = new Frame { Children = element.ChildNodes, Next = 0, Kind = kind };
        }
    }

    /// <summary>True for elements a reader never sees: the <c>hidden</c> attribute or an inline style that hides them.</summary>
    internal static bool IsHidden(IElement element)
    {
        if (element.Attributes.Length == 0)
        {
            return false;
        }
        if (element.HasAttribute("hidden"))
        {
            return true;
        }
        return element.GetAttribute("style") is { } style && StyleHides(style);
    }

    internal static bool StyleHides(ReadOnlySpan<char> style)
    {
        while (!style.IsEmpty)
        {
            var semi = style.IndexOf(';');
            var decl = semi < 0 ? style : style[..semi];
            style = semi < 0 ? default : style[(semi + 1)..];
            var colon = decl.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var name = decl[..colon].Trim();
            var value = decl[(colon + 1)..];
            var bang = value.IndexOf('!');
            if (bang >= 0)
            {
                value = value[..bang];
            }
            value = value.Trim();
            if ((name.Equals("display", StringComparison.OrdinalIgnoreCase) && value.Equals("none", StringComparison.OrdinalIgnoreCase))
                || (name.Equals("visibility", StringComparison.OrdinalIgnoreCase) && value.Equals("hidden", StringComparison.OrdinalIgnoreCase))
                || (name.Equals("mso-hide", StringComparison.OrdinalIgnoreCase) && value.Equals("all", StringComparison.OrdinalIgnoreCase))
                || ((name.Equals("font-size", StringComparison.OrdinalIgnoreCase) || name.Equals("opacity", StringComparison.OrdinalIgnoreCase)) && IsZero(value)))
            {
                return true;
            }
        }
        return false;
    }

    // "0", "0px", "0pt", "0em", "0%" hide; "0.8em" does not.
    private static bool IsZero(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] != '0')
        {
            return false;
        }
        var i = 1;
        while (i < value.Length && value[i] == '0')
        {
            i++;
        }
        return i == value.Length || char.IsAsciiLetter(value[i]) || value[i] == '%';
    }

    /// <summary>
    /// Writes text the way a browser lays it out: whitespace collapsed, line breaks only where a block starts or
    /// ends (written lazily, so empty blocks add nothing), quote markers at the start of lines inside blockquotes
    /// so that the segment splitter can find quoted replies in HTML mail.
    /// </summary>
    private sealed class Writer
    {
        private const int MaxTrailingNewlines = 3;

        // Every line inside a blockquote carries its depth in marks; 10,000 nested blockquotes must not multiply the text.
        private const int MaxQuoteMarks = 16;
        private readonly StringBuilder _sb;
        private int _pendingBreaks;
        private int _pendingQuoteDepth;
        private int _trailingNewlines;
        private bool _pendingSpace;
        private bool _atLineStart = true;
        private bool _rowHasContent;
        private bool _cellSeparator;
        private string? _pendingPrefix;
        private int _quoteDepth;
        private int _preDepth;
        private int _listDepth;

        public Writer(int capacity) => _sb = new StringBuilder(Math.Min(capacity, 1 << 20));

        public void Open(Kind kind)
        {
            switch (kind)
            {
                case Kind.Block or Kind.Table:
                    RequestBreaks(1);
                    break;
                case Kind.Paragraph:
                    RequestBreaks(2);
                    break;
                case Kind.List:
                    RequestBreaks(_listDepth == 0 ? 2 : 1);
                    _listDepth++;
                    break;
                case Kind.ListItem:
                    RequestBreaks(1);
                    _pendingPrefix = _listDepth <= 1 ? "- " : new string(' ', 2 * Math.Min(_listDepth - 1, 8)) + "- ";
                    break;
                case Kind.Row:
                    RequestBreaks(1);
                    _rowHasContent = false;
                    _cellSeparator = false;
                    break;
                case Kind.Cell:
                    _cellSeparator = _rowHasContent;
                    break;
                case Kind.Pre:
                    RequestBreaks(2);
                    _preDepth++;
                    break;
                case Kind.Blockquote:
                    RequestBreaks(1);
                    _quoteDepth++;
                    break;
            }
        }

        public void Close(Kind kind)
        {
            switch (kind)
            {
                case Kind.Block or Kind.Table or Kind.Row or Kind.ListItem:
                    RequestBreaks(1);
                    break;
                case Kind.Paragraph:
                    RequestBreaks(2);
                    break;
                case Kind.List:
                    _listDepth = Math.Max(0, _listDepth - 1);
                    RequestBreaks(_listDepth == 0 ? 2 : 1);
                    break;
                case Kind.Pre:
                    _preDepth = Math.Max(0, _preDepth - 1);
                    RequestBreaks(2);
                    break;
                case Kind.Blockquote:
                    _quoteDepth = Math.Max(0, _quoteDepth - 1);
                    RequestBreaks(1);
                    break;
            }
        }

        public void RequestBreaks(int count)
        {
            if (_pendingBreaks == 0)
            {
                _pendingQuoteDepth = _quoteDepth;
            }
            else if (_quoteDepth < _pendingQuoteDepth)
            {
                _pendingQuoteDepth = _quoteDepth;
            }
            if (count > _pendingBreaks)
            {
                _pendingBreaks = count;
            }
        }

        public void LineBreak()
        {
            FlushBreaks();
            if (_trailingNewlines >= MaxTrailingNewlines)
            {
                return;
            }
            if (_atLineStart && _quoteDepth > 0)
            {
                _sb.Append('>', Math.Min(_quoteDepth, MaxQuoteMarks));
            }
            _sb.Append('\n');
            _trailingNewlines++;
            _atLineStart = true;
            _pendingSpace = false;
            _cellSeparator = false;
        }

        public void Text(ReadOnlySpan<char> span)
        {
            if (_preDepth > 0)
            {
                PreText(span);
                return;
            }
            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (IsCollapsible(c))
                {
                    _pendingSpace = true;
                    i++;
                    continue;
                }
                if (IsInvisible(c))
                {
                    i++;
                    continue;
                }
                var run = i + 1;
                while (run < span.Length && !IsCollapsible(span[run]) && !IsInvisible(span[run]))
                {
                    run++;
                }
                Content(span[i..run]);
                i = run;
            }
        }

        private void PreText(ReadOnlySpan<char> span)
        {
            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (c is '\n' or '\r')
                {
                    if (c == '\r' && i + 1 < span.Length && span[i + 1] == '\n')
                    {
                        i++;
                    }
                    LineBreak();
                    i++;
                    continue;
                }
                if (IsInvisible(c))
                {
                    i++;
                    continue;
                }
                var run = i + 1;
                while (run < span.Length && span[run] is not ('\n' or '\r') && !IsInvisible(span[run]))
                {
                    run++;
                }
                _pendingSpace = false;
                Content(span[i..run]);
                i = run;
            }
        }

        private void Content(ReadOnlySpan<char> text)
        {
            if (_pendingBreaks > 0 && _sb.Length > 0)
            {
                FlushBreaks();
                _pendingSpace = false;
                _cellSeparator = false;
            }
            _pendingBreaks = 0;
            if (_cellSeparator)
            {
                if (!_atLineStart)
                {
                    _sb.Append(" | ");
                }
                _cellSeparator = false;
                _pendingSpace = false;
            }
            else if (_pendingSpace)
            {
                if (!_atLineStart)
                {
                    _sb.Append(' ');
                }
                _pendingSpace = false;
            }
            if (_atLineStart)
            {
                if (_quoteDepth > 0)
                {
                    _sb.Append('>', Math.Min(_quoteDepth, MaxQuoteMarks)).Append(' ');
                }
            }
            if (_pendingPrefix is not null)
            {
                _sb.Append(_pendingPrefix);
                _pendingPrefix = null;
            }
            _sb.Append(text);
            _atLineStart = false;
            _trailingNewlines = 0;
            _rowHasContent = true;
        }

        private void FlushBreaks()
        {
            if (_pendingBreaks == 0)
            {
                return;
            }
            if (_sb.Length == 0)
            {
                _pendingBreaks = 0;
                return;
            }
            var wanted = Math.Min(_pendingBreaks, MaxTrailingNewlines);
            while (_trailingNewlines < wanted)
            {
                if (_trailingNewlines > 0 && _pendingQuoteDepth > 0)
                {
                    _sb.Append('>', Math.Min(_pendingQuoteDepth, MaxQuoteMarks)); // keeps a quoted block contiguous across its blank lines
                }
                _sb.Append('\n');
                _trailingNewlines++;
            }
            _pendingBreaks = 0;
            _atLineStart = true;
        }

        public string Result()
        {
            var start = 0;
            var end = _sb.Length;
            while (start < end && _sb[start] is '\n' or '>')
            {
                // Leading blank lines (bare '>' lines count) say nothing; stop at the first line with words.
                var lineEnd = start;
                while (lineEnd < end && _sb[lineEnd] == '>')
                {
                    lineEnd++;
                }
                if (lineEnd < end && _sb[lineEnd] == '\n')
                {
                    start = lineEnd + 1;
                }
                else
                {
                    break;
                }
            }
            while (true)
            {
                while (end > start && _sb[end - 1] is '\n' or ' ')
                {
                    end--;
                }
                // Drop a last line made only of quote markers, but never a '>' that ends a sentence ("Next >").
                var lineStart = end;
                while (lineStart > start && _sb[lineStart - 1] == '>')
                {
                    lineStart--;
                }
                if (lineStart == end || (lineStart > start && _sb[lineStart - 1] != '\n'))
                {
                    break;
                }
                end = lineStart;
            }
            return _sb.ToString(start, end - start);
        }

        // U+00A0 is collapsed too: spam pads with runs of &nbsp;, and readers and fingerprints want the words.
        private static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0';

        private static bool IsInvisible(char c) => c is '\0' or '\u200B' or '\u2060' or '\uFEFF' or '\u00AD';
    }
}
