using System.Text;

namespace SolidWall.Core.Text;

/// <summary>
/// Cuts a message's text into the author's own words, quoted replies and forwarded messages, so that a relay
/// (a campaign message forwarded or quoted by staff) can be matched on the part that came from elsewhere.
/// Reads the markers mail clients write: "&gt;" quoting, "On … wrote:", Gmail, Apple Mail, Thunderbird and
/// Outlook forward and reply separators and header blocks, in English and the common translations.
/// </summary>
internal static class SegmentSplitter
{
    private const int MaxAttributionLength = 500;

    public static IReadOnlyList<Segment> Split(string text) => Split(text, ownWords: null);

    /// <summary>
    /// Where in <paramref name="text"/> the author's own words stand: the ranges [start, end) of the lines
    /// <see cref="Split(string)"/> puts in its <see cref="SegmentKind.Body"/> segments, in order. A reply written under
    /// the lines it quotes ("&gt; …" first, the answer below), or between them, has own words after the first quote.
    /// </summary>
    public static List<(int Start, int End)> OwnWordSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int End)>();
        Split(text, spans);
        return spans;
    }

    private static IReadOnlyList<Segment> Split(string text, List<(int Start, int End)>? ownWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new Lines(text);
        var state = new Builder();
        var markerMode = false; // inside a segment a separator, header block or bare attribution started: it runs to the next marker
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];

            if (Separator(line) is { } separatorKind)
            {
                var next = SkipBlank(lines, i + 1, 2);
                var attribution = HeaderBlock(lines, next, outlookShape: false, out var after) ? lines.Join(next, after, "\n") : null;
                state.Start(separatorKind, attribution);
                markerMode = true;
                i = attribution is null ? i + 1 : after;
                continue;
            }

            var blockStart = IsUnderscoreRule(line) ? i + 1 : i;
            if (HeaderBlock(lines, blockStart, outlookShape: true, out var blockEnd))
            {
                state.Start(SegmentKind.Quote, lines.Join(blockStart, blockEnd, "\n"));
                markerMode = true;
                i = blockEnd;
                continue;
            }

            if (Attribution(lines, i, out var opens) is var attributionLines and > 0)
            {
                var attribution = lines.Join(i, i + attributionLines, " ");
                var quoteStart = SkipBlank(lines, i + attributionLines, 2);
                if (quoteStart < lines.Count && QuoteLevel(lines[quoteStart]) > 0)
                {
                    if (!markerMode)
                    {
                        var quoteEnd = QuoteBlockEnd(lines, quoteStart);
                        state.Start(SegmentKind.Quote, attribution);
                        AppendUnquoted(state, lines, quoteStart, quoteEnd);
                        state.Start(SegmentKind.Body, null);
                        i = quoteEnd;
                        continue;
                    }
                }
                else if (opens)
                {
                    // Top-posting clients quote without '>' marks: everything under the attribution is the quote.
                    state.Start(SegmentKind.Quote, attribution);
                    markerMode = true;
                    i += attributionLines;
                    continue;
                }
            }

            if (!markerMode && QuoteLevel(line) > 0)
            {
                var quoteEnd = QuoteBlockEnd(lines, i);
                state.Start(SegmentKind.Quote, null);
                AppendUnquoted(state, lines, i, quoteEnd);
                state.Start(SegmentKind.Body, null);
                i = quoteEnd;
                continue;
            }

            state.Append(line);
            if (ownWords is not null && state.Kind == SegmentKind.Body && !line.IsWhiteSpace())
            {
                var (start, length) = lines.Range(i);
                ownWords.Add((start, start + length));
            }

            i++;
        }
        return state.Finish();
    }

    private static int SkipBlank(Lines lines, int i, int max)
    {
        var skipped = 0;
        while (i < lines.Count && skipped < max && lines[i].IsWhiteSpace())
        {
            i++;
            skipped++;
        }
        return i;
    }

    private static void AppendUnquoted(Builder state, Lines lines, int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            state.Append(Unquote(lines[j]));
        }
    }

    /// <summary>Where a block of "&gt;" lines ends; blank lines inside it belong to it when more quoted lines follow.</summary>
    private static int QuoteBlockEnd(Lines lines, int start)
    {
        var end = start;
        var j = start;
        while (j < lines.Count)
        {
            if (QuoteLevel(lines[j]) > 0)
            {
                end = ++j;
            }
            else if (lines[j].IsWhiteSpace())
            {
                j++;
            }
            else
            {
                break;
            }
        }
        return end;
    }

    /// <summary>How many "&gt;" marks open the line ("&gt;&gt; x" and "&gt; &gt; x" are both level 2).</summary>
    internal static int QuoteLevel(ReadOnlySpan<char> line)
    {
        var level = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == '>')
            {
                level++;
                i++;
            }
            else if (line[i] == ' ' && level > 0 && i + 1 < line.Length && line[i + 1] == '>')
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return level;
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && (line[i] == '>' || (line[i] == ' ' && i + 1 < line.Length && line[i + 1] == '>')))
        {
            i++;
        }
        if (i < line.Length && line[i] == ' ')
        {
            i++;
        }
        return line[i..];
    }

    private static bool IsUnderscoreRule(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.Length >= 10 && !line.ContainsAnyExcept('_');
    }

    // ---- Separator lines ----------------------------------------------------------------------------------

    private enum Phrase : byte
    {
        Forwarded,
        Original,
        AppleForward,
    }

    private static readonly Dictionary<string, Phrase> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Forwarded message"] = Phrase.Forwarded,
        ["Forwarded Message"] = Phrase.Forwarded,
        ["Mensaje reenviado"] = Phrase.Forwarded,
        ["Message transféré"] = Phrase.Forwarded,
        ["Weitergeleitete Nachricht"] = Phrase.Forwarded,
        ["Mensagem encaminhada"] = Phrase.Forwarded,
        ["Messaggio inoltrato"] = Phrase.Forwarded,
        ["Doorgestuurd bericht"] = Phrase.Forwarded,
        ["转发的邮件"] = Phrase.Forwarded,
        ["轉寄的郵件"] = Phrase.Forwarded,
        ["Original Message"] = Phrase.Original,
        ["Mensaje original"] = Phrase.Original,
        ["Message d'origine"] = Phrase.Original,
        ["Message original"] = Phrase.Original,
        ["Ursprüngliche Nachricht"] = Phrase.Original,
        ["Mensagem original"] = Phrase.Original,
        ["Messaggio originale"] = Phrase.Original,
        ["Oorspronkelijk bericht"] = Phrase.Original,
        ["原始邮件"] = Phrase.Original,
        ["原始郵件"] = Phrase.Original,
        ["Begin forwarded message"] = Phrase.AppleForward,
        ["Inicio del mensaje reenviado"] = Phrase.AppleForward,
        ["Début du message réexpédié"] = Phrase.AppleForward,
        ["Anfang der weitergeleiteten Nachricht"] = Phrase.AppleForward,
        ["Início da mensagem reencaminhada"] = Phrase.AppleForward,
        ["Inizio messaggio inoltrato"] = Phrase.AppleForward,
    };

    private static readonly Dictionary<string, Phrase>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup =
        Phrases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The kind of segment a separator line opens, or null. Outlook's "-----Original Message-----" heads a reply
    /// (everything below is quoted); Thunderbird's "-------- Original Message --------" (eight dashes and spaces)
    /// heads an inline forward, as do Gmail's "---------- Forwarded message ---------" and Apple Mail's
    /// "Begin forwarded message:".
    /// </summary>
    internal static SegmentKind? Separator(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 4 || trimmed.Length > 80)
        {
            return null;
        }
        var dashes = 0;
        while (dashes < trimmed.Length && trimmed[dashes] is '-' or '_' or '=')
        {
            dashes++;
        }
        var core = trimmed.Trim("-_=* \u00A0").TrimEnd(":：").TrimEnd(" \u00A0");
        if (core.IsEmpty || !PhraseLookup.TryGetValue(core, out var phrase))
        {
            return null;
        }
        switch (phrase)
        {
            case Phrase.AppleForward:
                return trimmed[^1] is ':' or '：' ? SegmentKind.Forward : null;
            case Phrase.Forwarded:
                return dashes >= 2 ? SegmentKind.Forward : null;
            default:
                if (dashes < 2)
                {
                    return null;
                }
                var spaced = dashes < trimmed.Length && trimmed[dashes] == ' ';
                return spaced && dashes == 8 ? SegmentKind.Forward : SegmentKind.Quote;
        }
    }

    // ---- Header blocks ------------------------------------------------------------------------------------

    private enum Key : byte
    {
        None,
        From,
        Date,
        To,
        Subject,
        Other,
    }

    private static readonly Dictionary<string, Key> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["From"] = Key.From, ["De"] = Key.From, ["Von"] = Key.From, ["Da"] = Key.From, ["Van"] = Key.From,
        ["发件人"] = Key.From, ["寄件者"] = Key.From, ["Remitente"] = Key.From,
        ["Sent"] = Key.Date, ["Date"] = Key.Date, ["Enviado el"] = Key.Date, ["Enviado"] = Key.Date,
        ["Enviada em"] = Key.Date, ["Enviado em"] = Key.Date, ["Fecha"] = Key.Date, ["Gesendet"] = Key.Date,
        ["Datum"] = Key.Date, ["Data"] = Key.Date, ["Inviato"] = Key.Date, ["Envoyé"] = Key.Date,
        ["Envoyé le"] = Key.Date, ["Verzonden"] = Key.Date, ["发送时间"] = Key.Date, ["日期"] = Key.Date,
        ["时间"] = Key.Date, ["寄件日期"] = Key.Date,
        ["To"] = Key.To, ["Para"] = Key.To, ["An"] = Key.To, ["À"] = Key.To, ["A"] = Key.To, ["Aan"] = Key.To,
        ["Destinataire"] = Key.To, ["收件人"] = Key.To, ["收件者"] = Key.To,
        ["Subject"] = Key.Subject, ["Asunto"] = Key.Subject, ["Betreff"] = Key.Subject, ["Objet"] = Key.Subject,
        ["Assunto"] = Key.Subject, ["Oggetto"] = Key.Subject, ["Onderwerp"] = Key.Subject, ["主题"] = Key.Subject,
        ["主旨"] = Key.Subject,
        ["Cc"] = Key.Other, ["Bcc"] = Key.Other, ["Cco"] = Key.Other, ["Reply-To"] = Key.Other,
        ["Responder a"] = Key.Other, ["Sender"] = Key.Other, ["Importance"] = Key.Other,
        ["Importancia"] = Key.Other, ["Kopie"] = Key.Other, ["抄送"] = Key.Other, ["Attachments"] = Key.Other,
        ["Datos adjuntos"] = Key.Other, ["Anexos"] = Key.Other, ["Allegati"] = Key.Other, ["Anhänge"] = Key.Other,
        ["Pièces jointes"] = Key.Other,
    };

    private static readonly Dictionary<string, Key>.AlternateLookup<ReadOnlySpan<char>> KeyLookup =
        Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The header name a line starts with ("From:", "*De:*", "Asunto :"), or <see cref="Key.None"/>.</summary>
    private static Key KeyOf(ReadOnlySpan<char> line)
    {
        line = line.TrimStart("* \u00A0");
        var colon = line.IndexOfAny(':', '：');
        if (colon <= 0 || colon > 24)
        {
            return Key.None;
        }
        var name = line[..colon].TrimEnd("* \u00A0");
        return KeyLookup.TryGetValue(name, out var key) ? key : Key.None;
    }

    /// <summary>
    /// Whether a header block ("From: … / Date: … / Subject: … / To: …") starts at <paramref name="start"/>.
    /// After a separator line two headers are enough (or a lone From:). Without one, as Outlook writes replies,
    /// the block must open with From and hold a date and a recipient or subject, three lines at least, so that
    /// ordinary prose with a colon does not start a quote.
    /// </summary>
    private static bool HeaderBlock(Lines lines, int start, bool outlookShape, out int end)
    {
        end = start;
        if (start >= lines.Count)
        {
            return false;
        }
        var first = KeyOf(lines[start]);
        if (first == Key.None || (outlookShape && first != Key.From))
        {
            return false;
        }
        var count = 0;
        bool from = false, date = false, toOrSubject = false;
        var j = start;
        while (j < lines.Count && j - start < 30)
        {
            var line = lines[j];
            var key = KeyOf(line);
            if (key != Key.None)
            {
                count++;
                from |= key == Key.From;
                date |= key == Key.Date;
                toOrSubject |= key is Key.To or Key.Subject;
                j++;
            }
            else if (count > 0 && line.Length > 0 && line[0] is ' ' or '\t' && !line.IsWhiteSpace())
            {
                j++; // a folded continuation of a long To: or Cc:
            }
            else
            {
                break;
            }
        }
        end = j;
        return outlookShape
            ? count >= 3 && from && date && toOrSubject
            : count >= 2 || from;
    }

    // ---- "On … wrote:" ------------------------------------------------------------------------------------

    private static readonly string[] AttributionOpeners = ["On ", "El ", "Le ", "Am ", "Em ", "Il ", "Op ", "Den ", "W dniu "];

    private static readonly string[] AttributionVerbs =
        ["wrote", "escribió", "escribio", "a écrit", "escreveu", "ha scritto", "schreef", "skrev", "napisał", "schrieb"];

    /// <summary>How many lines (1 or 2) the attribution at <paramref name="i"/> takes, or 0 when there is none there.</summary>
    private static int Attribution(Lines lines, int i, out bool opens)
    {
        opens = false;
        var line = lines[i].Trim();
        if (line.Length == 0 || line.Length > MaxAttributionLength)
        {
            return 0;
        }
        opens = Opens(line) || line.EndsWith("写道：", StringComparison.Ordinal) || line.EndsWith("写道:", StringComparison.Ordinal);
        if (EndsAsAttribution(line, opens))
        {
            return 1;
        }
        if (opens && i + 1 < lines.Count)
        {
            // Clients wrap a long "On Mon, 1 Jan 2024 at 10:00, Jane Doe <jane@example.org>\nwrote:" over two lines.
            var next = lines[i + 1].Trim();
            if (next.Length > 0 && line.Length + next.Length < MaxAttributionLength && EndsAsAttribution(next, true)
                && KeyOf(next) == Key.None)
            {
                return 2;
            }
        }
        return 0;
    }

    private static bool Opens(ReadOnlySpan<char> line)
    {
        foreach (var opener in AttributionOpeners)
        {
            if (line.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsAsAttribution(ReadOnlySpan<char> line, bool opens)
    {
        if (line.Length < 2 || line[^1] is not (':' or '：'))
        {
            return false;
        }
        var head = line[..^1].TrimEnd(" \u00A0");
        if (head.EndsWith("写道", StringComparison.Ordinal) || head.EndsWith("寫道", StringComparison.Ordinal))
        {
            return true; // Chinese Gmail: "Name <a@b> 于2024年1月1日 10:00写道："
        }
        if (!opens)
        {
            // "Jane Doe <jane@example.org> wrote:" without "On …" counts only when quoted lines follow; the caller checks.
            return head.EndsWith("wrote", StringComparison.OrdinalIgnoreCase) && line.Length < 200;
        }
        foreach (var verb in AttributionVerbs)
        {
            if (head.EndsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        // German puts the name after the verb: "Am 01.02.2024 um 10:00 schrieb Max Muster <max@example.de>:".
        return line.StartsWith("Am ", StringComparison.Ordinal) && head.Contains(" schrieb ", StringComparison.Ordinal);
    }

    // ---- Plumbing -----------------------------------------------------------------------------------------

    /// <summary>The text's lines as spans, without their line ends.</summary>
    private readonly struct Lines
    {
        private readonly string _text;
        private readonly List<(int Start, int Length)> _ranges;

        public Lines(string text)
        {
            _text = text;
            _ranges = new List<(int, int)>();
            var start = 0;
            while (start <= text.Length)
            {
                var nl = text.AsSpan(start).IndexOf('\n');
                var end = nl < 0 ? text.Length : start + nl;
                var length = end - start;
                if (length > 0 && text[end - 1] == '\r')
                {
                    length--;
                }
                _ranges.Add((start, length));
                if (nl < 0)
                {
                    break;
                }
                start = end + 1;
            }
        }

        public int Count => _ranges.Count;

        public (int Start, int Length) Range(int i) => _ranges[i];

        public ReadOnlySpan<char> this[int i] => _text.AsSpan(_ranges[i].Start, _ranges[i].Length);

        public string Join(int start, int end, string separator)
        {
            var sb = new StringBuilder();
            for (var j = start; j < end; j++)
            {
                if (j > start)
                {
                    sb.Append(separator);
                }
                sb.Append(this[j].Trim());
            }
            return sb.ToString();
        }
    }

    /// <summary>Accumulates segments; empty ones (no text and no attribution) are dropped.</summary>
    private sealed class Builder
    {
        private readonly List<Segment> _segments = new();
        private readonly StringBuilder _text = new();
        private SegmentKind _kind = SegmentKind.Body;
        private string? _attribution;

        public SegmentKind Kind => _kind;

        public void Start(SegmentKind kind, string? attribution)
        {
            Flush();
            _kind = kind;
            _attribution = attribution;
        }

        public void Append(ReadOnlySpan<char> line)
        {
            if (_text.Length == 0 && line.IsWhiteSpace())
            {
                return;
            }
            _text.Append(line.TrimEnd()).Append('\n');
        }

        public IReadOnlyList<Segment> Finish()
        {
            Flush();
            return _segments;
        }

        private void Flush()
        {
            var end = _text.Length;
            while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }
            if (end > 0 || _attribution is not null)
            {
                _segments.Add(new Segment(_kind, _text.ToString(0, end), _attribution));
            }
            _text.Clear();
            _attribution = null;
        }
    }
}
