using System.Buffers;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Text;

/// <summary>
/// What an institution's mail system writes into every message, besides what the sender wrote: its gateway's warning
/// above mail from outside ("CAUTION: This email originated from outside of the organization. Do not click links or
/// open attachments unless you recognize the sender…", Microsoft 365's "You don't often get email from …", Proofpoint's
/// "This message is from an EXTERNAL SENDER") with a tag in the subject ("[EXTERNAL]"), and the confidentiality notice
/// under its staff's mail ("This e-mail … is for the sole use of the intended recipient(s) and may contain confidential
/// and privileged information, including student records protected by FERPA…"), and the footer its mailing lists add
/// ("You received this message because you are subscribed to the Google Groups…"; Mailman's, Yahoo! Groups',
/// LISTSERV's: <see cref="ListFooterAnchors"/>). The same on every message, they say
/// nothing of what it asks. Read as the sender's words, the banner's IT caution drowned the text model's reading of a
/// campaign's ask (district asks from outside with a banner added: 53 of 1,047 no longer flagged without a registry),
/// and the notice's "unauthorized … disclosure … prohibited" read as a lesson on the rules besides (asks from inside
/// with a notice added: 634 of 1,026 no longer flagged with the registry). <see cref="Blank(string)"/> turns them
/// into blanks, so that the text keeps its length and every offset into it still points where it did.
/// </summary>
internal static class MailBoilerplate
{
    /// <summary>A banner or notice is at most this long; a longer paragraph is somebody's writing.</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// A gateway's warning stands at the top of a message or a forwarded one (a segment of its own), a notice (or a
    /// warning) at the bottom: only this many characters at the bottom are looked at, and <see cref="HeadWindow"/> at
    /// the top, so that a long message costs no more than a short one.
    /// </summary>
    public const int Window = 1000;

    /// <summary>How far from the top a warning may start: it is the first thing in the message.</summary>
    public const int HeadWindow = 600;

    // What nearly every warning holds, a few short words: looked for first, since most mail holds none of them near its ends.
    private static readonly SearchValues<string> HeadHints = SearchValues.Create(["outside", "extern", "fuera de", "often get"], StringComparison.OrdinalIgnoreCase);

    // At the bottom, a notice as well as a banner.
    private static readonly SearchValues<string> TailHints = SearchValues.Create(
        ["outside", "extern", "fuera de", "often get", "intended", "confiden", "sole use", "destinatario", "this group",
         "listinfo", "yahoo!", "sponsored by", "subscribed to", "sent from", "outlook for", "enviado desde"], StringComparison.OrdinalIgnoreCase);

    // What a group or a mailing list appends under every post it passes on: Google Groups' "You received this message
    // because you are subscribed to the Google Groups …", Mailman's "Exmh-users mailing list … /mailman/listinfo/
    // exmh-users" under a line of underscores, Yahoo! Groups' sponsor block and "Your use of Yahoo! Groups is subject to
    // …", SourceForge's "This sf.net email is sponsored by: …", LISTSERV's and Lyris's "You are currently subscribed to …".
    // 2,564 of the ham corpus's 4,150 messages end in one; read as the poster's words, the model learned them as the
    // mark of allowed mail, and a campaign's ask relayed through a list read as less of one (the Yahoo! footer took a
    // district relay's model logit from +5.2 to +0.2). Each is what a list writes and nobody writes in prose, so the
    // footer needs no warning word, but it is looked for only in the tail (<see cref="Window"/>), where lists put it.
    private static readonly string[] ListFooterAnchors =
    [
        // Google Groups, Microsoft 365 Groups.
        "you received this message because you are subscribed", "to unsubscribe from this group", "to view this discussion on the web",
        "receiving this message because you're a member", "receiving this message because you are a member", "to stop receiving messages from this group",
        // Mailman, Yahoo! Groups, SourceForge, LISTSERV and Lyris.
        "/listinfo", "yahoo! groups sponsor", "use of yahoo! groups", "email is sponsored by", "you are currently subscribed to",
    ];

    // The line a phone's or a mail app's default signature adds under what its owner types: "Sent from my iPhone", "Get
    // Outlook for iOS", "Enviado desde mi iPhone". A line of its own near the end of the text, never a sentence inside one.
    // Under every district ask it took 20 asks off the flagged with the registry and 45 without, held out (`eval`).
    private static readonly string[] PhoneAnchors =
    [
        "sent from my ", "sent from mail for windows", "sent from yahoo mail", "sent from outlook", "get outlook for ",
        "enviado desde mi ", "enviado desde outlook", "enviado desde yahoo",
    ];

    /// <summary>What a reply puts before a quoted line ("> ", "| ", ") "): a footer or a phone's line quoted is still one.</summary>
    private const string QuoteMarks = "> |)\t";

    /// <summary>A phone's signature line is at most this long: "Sent from my Verizon, Samsung Galaxy smartphone".</summary>
    private const int PhoneLineLength = 80;

    // What every warning or notice says somewhere, ASCII: where a paragraph is read to see if it is one.
    private static readonly SearchValues<string> Anchors = SearchValues.Create(
        [
            "originated from outside", "originated outside", "sent from outside", "came from outside", "comes from outside",
            "from outside of", "from outside the", "from outside your", "from someone outside", "outside the organization", "outside of the organization",
            "outside the district", "outside of the district",
            "external sender", "external email", "external e-mail", "external message", "from an external",
            "don't often get email from", "do not often get email from", "learn why this is important",
            " se origin", "fuera de la organizaci", "fuera del distrito", "remitente externo", "correo externo",
            // The notices below.
            "intended recipient", "intended only for", "intended solely for", "sole use of the", "confidentiality notice",
            "confidentiality statement", "confidential and privileged", "privileged and confidential", "privileged and/or confidential",
            "aviso de confidencialidad", "destinatario previsto", "destinatario indicado", "uso exclusivo del destinatario",
            // A group's or a mailing list's footer below (ListFooterAnchors), a phone's signature (PhoneAnchors).
            .. ListFooterAnchors,
            .. PhoneAnchors,
        ],
        StringComparison.OrdinalIgnoreCase);

    // And what it warns of: a paragraph with an anchor and none of these is someone writing about outside mail, or
    // about who a message is meant for.
    private static readonly Detection.LazyRegex Caution = new(
        "\\b(?:caution|warning|attention|notice|be\\s+careful|click|links?|attachments?|phishing|learn\\s+why|trust|safe"
        + "|precauci[oó]n|advertencia|cuidado|enlaces?|v[ií]nculos?|adjuntos?"
        + "|confidential|privileged|prohibited|unauthori[sz]ed|disclos\\w*|notify\\s+the\\s+sender|delete|destroy"
        + "|confidencial|prohibid[ao]|notifique|elimine|destruya)\\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // What every tag holds: most subjects hold none, and the pattern is not run on them.
    private static readonly SearchValues<string> TagHints = SearchValues.Create(["ext", "caution", "outside"], StringComparison.OrdinalIgnoreCase);

    // A tag in the subject: "[EXTERNAL]", "[EXT]", "[External Email]", "*EXTERNAL*", "EXTERNAL:", "[EXTERNO]".
    private static readonly Detection.LazyRegex SubjectTag = new(
        "\\[\\s*(?:external|ext|externo|externa|caution|outside)(?:\\s+(?:email|e-mail|sender|message|mail|correo))?\\s*\\]"
        + "|\\*+\\s*(?:external|ext|externo)\\s*\\*+"
        + "|(?:^|(?<=:\\s*))(?:external|ext|externo)\\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// <paramref name="text"/> with each warning or notice (lines between blank lines, at most <see cref="MaxLength"/>
    /// long, that say the mail came from outside or whom it is meant for, and warn) turned into blanks, line breaks
    /// kept; the same instance when it has none.
    /// </summary>
    public static string Blank(string text)
    {
        // The detector's signals and its text model each read the text and its segments, the signals all of them first
        // and then the model: the last few texts this thread read are remembered, with what they became, so that a
        // message with a quote is blanked once, not once per reader.
        var recent = t_recent ??= new (string?, string?)[RecentTexts];
        for (var i = 0; i < recent.Length; i++)
        {
            if (recent[i].Text is { } seen && (ReferenceEquals(seen, text) || (seen.Length == text.Length && seen.AsSpan().SequenceEqual(text))))
            {
                return recent[i].Blanked ?? text;
            }
        }

        var blanked = BlankUncached(text);
        recent[t_next] = (text, ReferenceEquals(blanked, text) ? null : blanked);
        t_next = (t_next + 1) % RecentTexts;
        return blanked;
    }

    /// <summary>How many texts a thread remembers (<see cref="Blank(string)"/>): a message's text and a few segments.</summary>
    private const int RecentTexts = 4;

    /// <summary>The texts this thread blanked last, each with what it became (null: it held no boilerplate).</summary>
    [ThreadStatic]
    private static (string? Text, string? Blanked)[]? t_recent;

    [ThreadStatic]
    private static int t_next;

    private static string BlankUncached(string text)
    {
        // The head (a warning) and the tail (a notice or a warning), one span when they meet; the rest is never read.
        // An anchor that starts in the head may end past it (the longest is 32 characters).
        var headReach = Math.Min(text.Length, HeadWindow + 32);
        var tailStart = Math.Max(0, text.Length - Window);
        if (text.AsSpan(0, headReach).IndexOfAny(HeadHints) < 0 && text.AsSpan(tailStart).IndexOfAny(TailHints) < 0)
        {
            return text;
        }

        char[]? copy = null;
        var next = 0;
        foreach (var (from, to) in tailStart <= headReach ? [(0, text.Length)] : (ReadOnlySpan<(int, int)>)[(0, headReach), (tailStart, text.Length)])
        {
            next = Math.Max(next, from);
            while (next < to && text.AsSpan(next, to - next).IndexOfAny(Anchors) is var found and >= 0)
            {
                var at = next + found;
                var listFooter = StartsWithAny(text, at, ListFooterAnchors);
                var phone = !listFooter && StartsWithAny(text, at, PhoneAnchors);
                if ((listFooter || phone) && at < tailStart)
                {
                    next = at + 1;
                    continue;
                }

                // The paragraph, or where it runs on into the message (no blank line after the banner), the line alone.
                var (start, end) = listFooter ? ListFooter(text, at) : phone ? PhoneLine(text, at) : Paragraph(text, at);
                if (end - start > MaxLength)
                {
                    (start, end) = Line(text, at);
                }

                if (end > start && end - start <= MaxLength && (listFooter || phone || Caution.IsMatch(text.AsSpan(start, end - start))))
                {
                    if (copy is null)
                    {
                        // A rented copy: the string made from it is the one allocation a blanked text costs.
                        copy = ArrayPool<char>.Shared.Rent(text.Length);
                        text.CopyTo(copy);
                    }

                    for (var i = start; i < end; i++)
                    {
                        if (copy[i] is not ('\n' or '\r'))
                        {
                            copy[i] = ' ';
                        }
                    }
                }

                next = Math.Max(end, at + 1);
            }
        }

        if (copy is null)
        {
            return text;
        }

        var result = new string(copy, 0, text.Length);
        ArrayPool<char>.Shared.Return(copy);
        return result;
    }

    /// <summary><paramref name="subject"/> with a gateway's tag turned into blanks; the same instance when it has none.</summary>
    public static string? BlankSubject(string? subject)
    {
        if (string.IsNullOrEmpty(subject) || subject.AsSpan().IndexOfAny(TagHints) < 0)
        {
            return subject;
        }

        char[]? copy = null;
        foreach (var m in SubjectTag.EnumerateMatches(subject))
        {
            copy ??= subject.ToCharArray();
            copy.AsSpan(m.Index, m.Length).Fill(' ');
        }

        return copy is null ? subject : new string(copy);
    }

    /// <summary>The paragraph around <paramref name="at"/>: its lines up to the blank line before and after it.</summary>
    private static (int Start, int End) Paragraph(string text, int at)
    {
        var start = LineStart(text, at);
        while (start > 0 && LineStart(text, start - 1) is var previous && !IsBlankLine(text, previous, start - 1))
        {
            start = previous;
        }

        var end = LineEnd(text, at);
        while (end < text.Length && LineEnd(text, end + 1) is var next && !IsBlankLine(text, end + 1, next))
        {
            end = next;
        }

        return (start, end);
    }

    private static bool StartsWithAny(string text, int at, string[] anchors)
    {
        foreach (var anchor in anchors)
        {
            if (text.AsSpan(at).StartsWith(anchor, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A phone's signature line at <paramref name="at"/>: the line, when the anchor starts it (after quote marks) and it is
    /// short; else nothing ("…and I sent from my phone a photo of the flyer" is the writer's).
    /// </summary>
    private static (int Start, int End) PhoneLine(string text, int at)
    {
        var (start, end) = Line(text, at);
        return text.AsSpan(start, at - start).TrimStart(QuoteMarks).IsEmpty && end - start <= PhoneLineLength ? (start, end) : (at, at);
    }

    /// <summary>
    /// A list's footer around the anchor at <paramref name="at"/>: to the end of its paragraph, from the list's own
    /// rule above it in the paragraph ("_____", "-- ", "-----"), or else from the line naming the list above the
    /// anchor's ("Exmh-users mailing list"), or else from the anchor's own line: from a rule drawn on it, the link the
    /// anchor is in, or its start. A poster's last lines run on into the footer often enough (no blank line before the
    /// rule, or no line breaks left at all) that the paragraph alone would take them too.
    /// </summary>
    private static (int Start, int End) ListFooter(string text, int at)
    {
        var (start, end) = Paragraph(text, at);
        var line = LineStart(text, at);
        for (var above = line; above > start;)
        {
            above = LineStart(text, above - 1);
            if (IsRule(text.AsSpan(above, LineEnd(text, above) - above)))
            {
                return (above, end);
            }
        }

        if (line > start && LineStart(text, line - 1) is var previous
            && text.AsSpan(previous, line - previous).Contains("mailing list", StringComparison.OrdinalIgnoreCase))
        {
            return (previous, end);
        }

        var before = text.AsSpan(line, at - line);
        var rule = before.LastIndexOf("-----", StringComparison.Ordinal) is var dashes and >= 0 ? dashes : before.LastIndexOf("_____", StringComparison.Ordinal);
        if (rule >= 0)
        {
            return (line + before[..rule].TrimEnd("-_=~").Length, end);
        }

        if (text[at] != '/')
        {
            return (line, end);
        }

        // A list's page on its own: the link alone on its line ("http://xent.com/mailman/listinfo/fork") or ending the
        // text; in a sentence ("see (http://lists.example/…/listinfo/razor-testers) so that…") it is the writer's.
        var link = before.LastIndexOfAny(' ', '\t') + 1;
        var linkEnd = text.AsSpan(at).IndexOfAny(' ', '\t', '\n') is var stop and >= 0 ? at + stop : text.Length;
        var alone = before[..link].TrimStart(QuoteMarks).IsEmpty && text.AsSpan(linkEnd, LineEnd(text, at) - linkEnd).IsWhiteSpace();
        return alone || text.AsSpan(linkEnd).IsWhiteSpace() ? (line + link, end) : (at, at);
    }

    /// <summary>A line drawn to set a footer off: "-- ", "_____", "-----", "=====", "~->", quoted or not.</summary>
    private static bool IsRule(ReadOnlySpan<char> line)
    {
        line = line.TrimStart(QuoteMarks).TrimEnd();
        return line.Length >= 2 && line[0] is '-' or '_' or '=' or '~' or '*' && !line.ContainsAnyExcept("-_=~*>");
    }

    /// <summary>The line around <paramref name="at"/>, without its line break.</summary>
    private static (int Start, int End) Line(string text, int at) => (LineStart(text, at), LineEnd(text, at));

    private static int LineStart(string text, int at) => at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;

    private static int LineEnd(string text, int at) => text.IndexOf('\n', at) is var n and >= 0 ? n : text.Length;

    private static bool IsBlankLine(string text, int start, int end) => start >= end || text.AsSpan(start, end - start).IsWhiteSpace();
}
