using SolidWall.Core.Text;
using SolidWall.Mime;

namespace SolidWall.Core.Detection;

/// <summary>
/// Everything the signals of one message share, built once: the lower-cased subject and text, the links, the
/// sender and what the registry, the directory and the policy say about it. Signals never lower-case on their own.
/// </summary>
internal sealed class DetectionContext
{
    private static readonly TextField NoSubject = new("subject", "", "", 0);
    private bool? _mayMentionCampaign;
    private bool? _senderIsInside;
    private int? _ownWordsEnd;

    public DetectionContext(Message message, Registry registry, InstitutionDirectory directory, Policy policy)
    {
        Message = message;
        Registry = registry;
        Directory = directory;
        Policy = policy;
        // Signals read past what the institution's mail system wrote (a gateway's warning and tag, a confidentiality notice).
        Subject = string.IsNullOrEmpty(message.Subject) ? NoSubject : new TextField("subject", message.Subject, scan: MailBoilerplate.BlankSubject(message.Subject));
        Text = new TextField("text", message.Text ?? "", scan: MailBoilerplate.Blank(message.Text ?? ""));
        Fields = Subject.Length == 0 ? [Text] : [Subject, Text];
        Links = message.Links;
        Sender = message.From.Count > 0 ? message.From[0] : null;
    }

    private DetectionContext(DetectionContext parent, TextField segment, IReadOnlyList<string> links)
    {
        Message = parent.Message;
        Registry = parent.Registry;
        Directory = parent.Directory;
        Policy = parent.Policy;
        Subject = NoSubject;
        Text = segment;
        Fields = [segment];
        Links = links;
        Sender = null;
        IsSegment = true;
    }

    /// <summary>
    /// Gives the subject's and the text's lower-cased copies back to the pool (<see cref="TextField.Release"/>): the
    /// context, and every segment context made from it, must not be read after this.
    /// </summary>
    public void Release()
    {
        if (!ReferenceEquals(Subject, NoSubject))
        {
            Subject.Release();
        }

        Text.Release();
    }

    public Message Message { get; }

    public Registry Registry { get; }

    public InstitutionDirectory Directory { get; }

    public Policy Policy { get; }

    public TextField Subject { get; }

    public TextField Text { get; }

    /// <summary>The fields phrase signals scan: the subject (when there is one) and the text.</summary>
    public TextField[] Fields { get; }

    public IReadOnlyList<string> Links { get; }

    /// <summary>The first From address; null for a segment, whose sender is not the message's.</summary>
    public MailboxAddress? Sender { get; }

    /// <summary>False when the message holds no campaign word at all (computed once, on first use).</summary>
    public bool MayMentionCampaign => _mayMentionCampaign ??= CampaignTerms.MayBeMentioned(this);

    /// <summary>
    /// True when the sender writes from inside the institution: the directory knows them, or their domain is a
    /// recipient's domain or one above or below it (computed once, on first use; false for a segment).
    /// </summary>
    public bool SenderIsInside => _senderIsInside ??= Sender is not null && WritesFromInside(Message, Directory);

    /// <summary>
    /// The words of an inside sender's display name, and of her colleagues' she writes to, that are also a registered
    /// candidate's (Registry.ModelNames, <see cref="Model.WorldNames.InsideNameWords"/>): "yolanda" for Yolanda Ferrer
    /// writing to her colleagues while Yolanda Pierce runs, "priya" for colleague Priya Mbeki's sign-off quoted in a
    /// reply to her. Standing alone in the message they are those people, not the candidate. Null when none.
    /// </summary>
    public string[]? InsideNameWords => _insideNameWords.Known ? _insideNameWords.Words
        : (_insideNameWords = (true, Sender is null || Registry.ModelNames.IsEmpty ? null : Registry.ModelNames.InsideNameWords(Message, SenderIsInside))).Words;

    private (bool Known, string[]? Words) _insideNameWords;

    /// <summary><see cref="SenderIsInside"/> for a whole message (its first From address), as training reads its rows.</summary>
    internal static bool WritesFromInside(Message message, InstitutionDirectory directory)
    {
        if (message.From.Count == 0)
        {
            return false;
        }

        var sender = message.From[0];
        if (directory.RoleOf(sender.Address) != InstitutionRole.External)
        {
            return true;
        }

        var domain = sender.AsciiDomain;
        return SharesDomain(domain, message.To) || SharesDomain(domain, message.Cc);
    }

    private static bool SharesDomain(string domain, IReadOnlyList<MailboxAddress> recipients)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            if (Domains.SameOrNested(domain, recipients[i].AsciiDomain))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the author's own words end in <see cref="Text"/>: the start of the first quoted line ("&gt; …"), forward
    /// or reply separator, attribution or header block of a quoted or forwarded segment; the text's length when the
    /// message quotes nothing (computed once, on first use; the whole text for a segment).
    /// </summary>
    public int OwnWordsEnd => _ownWordsEnd ??= IsSegment ? Text.Length : FindOwnWordsEnd(Message.Segments, Text.Original);

    /// <summary>
    /// Whether the character at <paramref name="index"/> of <see cref="Text"/> is the author's own words: before
    /// anything quoted or forwarded (<see cref="OwnWordsEnd"/>), or on a line of the author's below or between the
    /// lines a reply quotes ("&gt; Can I get two?" and the answer under it), as the text model reads the message's
    /// <see cref="SegmentKind.Body"/> segments. A forwarded or quoted part that runs to the end (under a separator, a
    /// header block, or an attribution with no quote marks) holds no own words.
    /// </summary>
    public bool InOwnWords(int index)
    {
        if (index < OwnWordsEnd)
        {
            return true;
        }

        if (index >= Text.Length)
        {
            return false;
        }

        foreach (var (start, end) in _ownWordSpans ??= SegmentSplitter.OwnWordSpans(Text.Original))
        {
            if (index < start)
            {
                return false;
            }

            if (index < end)
            {
                return true;
            }
        }

        return false;
    }

    private List<(int Start, int End)>? _ownWordSpans;

    internal static int FindOwnWordsEnd(IReadOnlyList<Segment> segments, string text)
    {
        Segment? first = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            // An attached file's text is not in the text (SegmentKind.Attachment).
            if (segment.Kind is not (SegmentKind.Body or SegmentKind.Attachment) && (segment.Text.Length > 0 || segment.Attribution is not null))
            {
                first = segment;
                break;
            }
        }

        if (first is null)
        {
            return text.Length;
        }

        var end = text.Length;
        if (FirstLine(first.Attribution) is { Length: > 0 } attribution && text.AsSpan().IndexOf(attribution, StringComparison.Ordinal) is var a and >= 0)
        {
            end = a;
        }

        if (FirstLine(first.Text) is { Length: > 0 } opening && text.AsSpan().IndexOf(opening, StringComparison.Ordinal) is var o and >= 0)
        {
            end = Math.Min(end, o);
        }

        // A quote mark or a separator line before that: the quote starts there.
        for (var start = 0; start < end;)
        {
            var newline = text.IndexOf('\n', start);
            var line = text.AsSpan(start, (newline < 0 ? text.Length : newline) - start);
            if (SegmentSplitter.QuoteLevel(line) > 0 || SegmentSplitter.Separator(line) is not null)
            {
                return start;
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return end;
    }

    /// <summary>The first line of <paramref name="text"/>, trimmed (empty for none), without copying the rest as a split would.</summary>
    private static ReadOnlySpan<char> FirstLine(string? text)
    {
        if (text is null)
        {
            return default;
        }

        var newline = text.IndexOf('\n');
        return (newline < 0 ? text.AsSpan() : text.AsSpan(0, newline)).Trim();
    }

    /// <summary>
    /// The registered names in <paramref name="field"/>, in order: searched for once per field and kept, since every
    /// signal that asks whether a campaign is named near its phrase asks about the same names.
    /// </summary>
    public RegistryNameHit[] NamesIn(TextField field) => field.RegistryNames ??= Registry.AllNames(field.Lower);

    /// <summary>Whether a registered name lies in <paramref name="field"/> between <paramref name="start"/> and <paramref name="end"/>, in part or whole.</summary>
    public bool NamesAnyIn(TextField field, int start, int end)
    {
        if (Registry.Entries.Count == 0)
        {
            return false;
        }

        foreach (var hit in NamesIn(field))
        {
            if (hit.Index >= end)
            {
                return false;
            }

            if (hit.Index + hit.Length > start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where registered candidates' name parts stand alone, found once for the three signals that read them (<see cref="Signals.RegisteredCandidateNamed"/>).</summary>
    internal List<(TextField Field, int At, int Length, CandidateNamePart Part)>? CandidateParts { get; set; }

    /// <summary>True when this context is one forwarded or quoted segment read on its own.</summary>
    public bool IsSegment { get; }

    /// <summary>
    /// True once a signal of positive weight has fired on this message. The detector runs the positive signals
    /// before the counter-signals, so a counter-signal can ask whether a rule, not only the model's reading of the
    /// text, found campaign work (<see cref="Signals.NoCampaignContext"/>).
    /// </summary>
    public bool PositiveSignalFired { get; set; }

    /// <summary>
    /// A context over one segment of the message, for signals that ask whether forwarded or quoted text is itself
    /// electioneering. Offsets stay offsets in <see cref="Message.Text"/> when the segment is found there.
    /// </summary>
    public DetectionContext ForSegment(Segment segment)
    {
        // An attached file's text is never part of the message's text: not looked for there.
        var at = segment.Kind == SegmentKind.Attachment ? -1 : Text.Original.IndexOf(segment.Text, StringComparison.Ordinal);
        // A segment found in the text reuses the text's lower-cased copy (the same characters, lower-cased one by
        // one) and the words the text's scan found inside it; unless it holds a surrogate, whose pair lower-cases
        // as one code point: then it is lower-cased and scanned on its own.
        // A forward's own banner or notice is blanked as the segment's, as the model reads it.
        var scan = MailBoilerplate.Blank(segment.Text);
        var field = at < 0 || segment.Text.Length == 0 ? new TextField(segment.Kind == SegmentKind.Attachment ? "attachment" : "segment", segment.Text, scan: scan)
            : !ReferenceEquals(scan, segment.Text) || segment.Text.AsSpan().ContainsAnyInRange('\ud800', '\udfff') ? new TextField("text", segment.Text, at, scan)
            : new TextField("text", segment.Text, Text.Lower.Slice(at, segment.Text.Length), at, Text.Hits.Part(at, segment.Text.Length));
        var links = new List<string>();
        foreach (var link in Links)
        {
            if (segment.Text.Contains(link, StringComparison.Ordinal))
            {
                links.Add(link);
            }
        }

        return new DetectionContext(this, field, links);
    }
}
