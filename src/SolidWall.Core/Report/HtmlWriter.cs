using System.Globalization;

namespace SolidWall.Core.Report;

/// <summary>
/// Writes the report page. Markup the report itself makes goes through <see cref="Raw"/>; every value from the case
/// (subjects, names, addresses, paths — all from hostile mail) goes through <see cref="Text"/>, which encodes it,
/// so that a subject such as <c>&lt;script&gt;</c> is shown as text and never parsed as markup.
/// </summary>
internal sealed class HtmlWriter(TextWriter writer)
{
    public HtmlWriter Raw(string markup)
    {
        writer.Write(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        Encode(writer, text);
        return this;
    }

    public HtmlWriter Number(long value)
    {
        writer.Write(ReportFormat.Count(value));
        return this;
    }

    /// <summary>Writes <c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c>; the class is the report's own, the text is encoded.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        writer.Write('<');
        writer.Write(tag);
        if (cssClass is not null)
        {
            writer.Write(" class=\"");
            writer.Write(cssClass);
            writer.Write('"');
        }

        writer.Write('>');
        Encode(writer, text);
        writer.Write("</");
        writer.Write(tag);
        writer.Write('>');
        return this;
    }

    public HtmlWriter Format(FormattableString markup)
    {
        writer.Write(markup.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>
    /// HTML-encodes text for element content and quoted attribute values alike. Characters HTML forbids (C0 controls
    /// other than tab, LF and CR; U+FFFE and U+FFFF; lone surrogates) become U+FFFD so the page stays well formed.
    /// Bidirectional embedding, override and isolate controls are shown as "[U+202E]": in a subject they exist to
    /// make text read other than it is ("gnp.exe" shown as "exe.png"), and evidence must read as it is.
    /// </summary>
    public static void Encode(TextWriter writer, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a valid pair is kept as it is
                continue;
            }

            var replacement = c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                < ' ' or '\u007f' or '\uFFFE' or '\uFFFF' => "\uFFFD",
                >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => $"[U+{(int)c:X4}]",
                _ when char.IsSurrogate(c) => "\uFFFD",
                _ => null,
            };

            if (replacement is null)
            {
                continue;
            }

            writer.Write(text.AsSpan(start, i - start));
            writer.Write(replacement);
            start = i + 1;
        }

        writer.Write(text.AsSpan(start));
    }

    public static string Encode(string? text)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Encode(writer, text);
        return writer.ToString();
    }
}
