using System.Text;

namespace SolidWall.Core.Demo;

internal enum DemoRole
{
    Teacher,
    Principal,
    CentralOffice,
    Student,
    External,
}

internal sealed record DemoPerson(string First, string Last, string Address, DemoRole Role, string? School)
{
    public string Name => First + " " + Last;

    public string Mailbox => $"{Name} <{Address}>";

    public bool IsInstitutional => Role is not DemoRole.External;
}

/// <summary>What the generator knows about a message: the truth that SolidWall's figures are tested against.</summary>
internal sealed record DemoTruth(bool Electioneering, string Kind, string? Campaign = null, string? BlastId = null, string? Variant = null);

internal sealed record DemoAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One message as the generator sends it; every recipient mailbox that is exported gets a copy.</summary>
internal sealed class DemoMail
{
    public required string MessageId { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required string From { get; init; }

    public required string FromAddress { get; init; }

    public IReadOnlyList<DemoPerson> To { get; init; } = [];

    public IReadOnlyList<DemoPerson> Cc { get; init; } = [];

    /// <summary>Recipients who get a copy without appearing in To or Cc.</summary>
    public IReadOnlyList<DemoPerson> Bcc { get; init; } = [];

    public string? ToHeaderOverride { get; init; }

    public required string Subject { get; init; }

    public required string Text { get; init; }

    public string? Html { get; init; }

    public IReadOnlyList<DemoAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// When set, the message is S/MIME enveloped data (RFC 8551): its whole content is these bytes, as
    /// <c>application/pkcs7-mime; smime-type=enveloped-data</c>, and <see cref="Text"/> is what only the recipient reads.
    /// </summary>
    public byte[]? Enveloped { get; init; }

    public string? InReplyTo { get; init; }

    public required DemoTruth Truth { get; init; }

    public IEnumerable<DemoPerson> AllRecipients => To.Concat(Cc).Concat(Bcc);

    /// <summary>Who has an exported copy: filled in as the archive is written, so the ground truth counts only what the archive evidences.</summary>
    public HashSet<string> ExportedCopies { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the sender's own copy (the only one that shows Bcc) was exported.</summary>
    public bool SenderCopyExported { get; set; }

    /// <summary>
    /// The recipients an investigator can see in the exported copies: To and Cc of any exported copy, Bcc from the
    /// sender's own copy, and any recipient whose own copy was exported.
    /// </summary>
    public IEnumerable<DemoPerson> VisibleRecipients =>
        ExportedCopies.Count == 0 && !SenderCopyExported
            ? []
            : AllRecipients.Where(r => To.Contains(r) || Cc.Contains(r) || SenderCopyExported || ExportedCopies.Contains(r.Address)).Distinct();

    /// <summary>Mailbox copies exported, the sender's own included.</summary>
    public int CopiesExported => ExportedCopies.Count + (SenderCopyExported ? 1 : 0);

    /// <summary>Writes the message as RFC 5322 / MIME bytes, the way a modern client would, with CRLF line ends.</summary>
    public byte[] Render(string? gmailLabels, bool senderCopy = false)
    {
        var sb = new StringBuilder(2048);
        if (gmailLabels is not null)
        {
            sb.Append("X-Gmail-Labels: ").Append(gmailLabels).Append("\r\n");
        }
        sb.Append("Message-ID: <").Append(MessageId).Append(">\r\n");
        sb.Append("Date: ").Append(Date.ToString("ddd, dd MMM yyyy HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture))
            .Append(Date.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal)).Append("\r\n");
        sb.Append("From: ").Append(EncodePhraseAddress(From)).Append("\r\n");
        var to = ToHeaderOverride ?? string.Join(",\r\n ", To.Select(p => EncodePhraseAddress(p.Mailbox)));
        if (to.Length > 0)
        {
            sb.Append("To: ").Append(to).Append("\r\n");
        }
        if (Cc.Count > 0)
        {
            sb.Append("Cc: ").Append(string.Join(",\r\n ", Cc.Select(p => EncodePhraseAddress(p.Mailbox)))).Append("\r\n");
        }
        // Only the sender's own copy keeps Bcc, as Gmail and Vault do: recipients never see it.
        if (Bcc.Count > 0 && senderCopy)
        {
            sb.Append("Bcc: ").Append(string.Join(",\r\n ", Bcc.Select(p => EncodePhraseAddress(p.Mailbox)))).Append("\r\n");
        }
        sb.Append("Subject: ").Append(EncodeWord(FromOutside ? DemoTexts.GatewayTag + Subject : Subject)).Append("\r\n");
        if (InReplyTo is not null)
        {
            sb.Append("In-Reply-To: <").Append(InReplyTo).Append(">\r\nReferences: <").Append(InReplyTo).Append(">\r\n");
        }
        sb.Append("MIME-Version: 1.0\r\n");

        var boundaryBase = "=_sw" + StableHash(MessageId).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        if (Enveloped is not null)
        {
            sb.Append("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\r\n");
            sb.Append("Content-Disposition: attachment; filename=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            AppendBase64(sb, Enveloped);
        }
        else if (Attachments.Count > 0)
        {
            var outer = boundaryBase + "_m";
            sb.Append("Content-Type: multipart/mixed; boundary=\"").Append(outer).Append("\"\r\n\r\n");
            sb.Append("This is a multi-part message in MIME format.\r\n");
            sb.Append("--").Append(outer).Append("\r\n");
            AppendBody(sb, boundaryBase);
            foreach (var a in Attachments)
            {
                sb.Append("\r\n--").Append(outer).Append("\r\n");
                sb.Append("Content-Type: ").Append(a.ContentType).Append("; name=\"").Append(a.FileName).Append("\"\r\n");
                sb.Append("Content-Disposition: attachment; filename=\"").Append(a.FileName).Append("\"\r\n");
                sb.Append("Content-Transfer-Encoding: base64\r\n\r\n");
                AppendBase64(sb, a.Content);
            }
            sb.Append("\r\n--").Append(outer).Append("--\r\n");
        }
        else
        {
            AppendBody(sb, boundaryBase);
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Whether the mail comes from outside the district, through its gateway, which puts its warning above the text and
    /// the HTML and its tag before the subject of every copy (<see cref="DemoTexts.GatewayWarning"/>).
    /// </summary>
    public bool FromOutside
    {
        get
        {
            var domain = FromAddress[(FromAddress.LastIndexOf('@') + 1)..];
            return !domain.Equals(DemoPeople.StaffDomain, StringComparison.OrdinalIgnoreCase)
                && !domain.EndsWith("." + DemoPeople.StaffDomain, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// Whether the mail comes from the district's staff, whose mail system puts its confidentiality notice below the
    /// text and the HTML of every message they send (<see cref="DemoTexts.StaffNotice"/>); students' mail has none.
    /// </summary>
    public bool FromStaff => FromAddress.EndsWith("@" + DemoPeople.StaffDomain, StringComparison.OrdinalIgnoreCase);

    private void AppendBody(StringBuilder sb, string boundaryBase)
    {
        var text = FromOutside ? DemoTexts.GatewayWarning + "\n\n" + Text : Text;
        if (FromStaff)
        {
            text = text.TrimEnd() + "\n\n" + DemoTexts.StaffNotice + "\n";
        }

        if (Html is null)
        {
            AppendTextPart(sb, "text/plain", text);
            return;
        }
        var html = Html;
        if (FromOutside)
        {
            var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase) is var b and >= 0 ? html.IndexOf('>', b) + 1 : 0;
            html = html.Insert(body, "<table><tr><td>" + System.Net.WebUtility.HtmlEncode(DemoTexts.GatewayWarning) + "</td></tr></table>");
        }

        if (FromStaff)
        {
            var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase) is var e and >= 0 ? e : html.Length;
            html = html.Insert(end, "<p style=\"font-size:8pt\">" + System.Net.WebUtility.HtmlEncode(DemoTexts.StaffNotice) + "</p>");
        }
        var alt = boundaryBase + "_a";
        sb.Append("Content-Type: multipart/alternative; boundary=\"").Append(alt).Append("\"\r\n\r\n");
        sb.Append("--").Append(alt).Append("\r\n");
        AppendTextPart(sb, "text/plain", text);
        sb.Append("\r\n--").Append(alt).Append("\r\n");
        sb.Append("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        AppendBase64(sb, Encoding.UTF8.GetBytes(html));
        sb.Append("\r\n--").Append(alt).Append("--\r\n");
    }

    private static void AppendTextPart(StringBuilder sb, string type, string text)
    {
        var ascii = text.All(c => c < 128);
        sb.Append("Content-Type: ").Append(type).Append(ascii ? "; charset=us-ascii\r\n" : "; charset=utf-8\r\n");
        sb.Append("Content-Transfer-Encoding: ").Append(ascii ? "7bit" : "quoted-printable").Append("\r\n\r\n");
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        sb.Append(ascii ? normalized : QuotedPrintable(normalized));
        if (!normalized.EndsWith("\r\n", StringComparison.Ordinal))
        {
            sb.Append("\r\n");
        }
    }

    private static void AppendBase64(StringBuilder sb, byte[] content)
    {
        var b64 = Convert.ToBase64String(content);
        for (var i = 0; i < b64.Length; i += 76)
        {
            sb.Append(b64, i, Math.Min(76, b64.Length - i)).Append("\r\n");
        }
    }

    private static string QuotedPrintable(string text)
    {
        var sb = new StringBuilder(text.Length + 64);
        foreach (var line in text.Split("\r\n"))
        {
            var lineLength = 0;
            foreach (var b in Encoding.UTF8.GetBytes(line))
            {
                var piece = b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString() : "=" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
                if (lineLength + piece.Length > 75)
                {
                    sb.Append("=\r\n");
                    lineLength = 0;
                }
                sb.Append(piece);
                lineLength += piece.Length;
            }
            sb.Append("\r\n");
        }
        return sb.ToString(0, sb.Length - 2);
    }

    /// <summary>FNV-1a, because string.GetHashCode changes from run to run and the archive must be reproducible.</summary>
    private static uint StableHash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }
        return h;
    }

    private static string EncodeWord(string text) =>
        text.All(c => c < 128) ? text : "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";

    private static string EncodePhraseAddress(string mailbox)
    {
        var lt = mailbox.LastIndexOf('<');
        if (lt <= 0)
        {
            return mailbox;
        }
        var name = mailbox[..lt].Trim();
        var addr = mailbox[lt..];
        if (name.All(c => c < 128))
        {
            return name.IndexOfAny([',', '.', '"', '(', ')']) >= 0 ? $"\"{name.Replace("\"", "", StringComparison.Ordinal)}\" {addr}" : $"{name} {addr}";
        }
        return EncodeWord(name) + " " + addr;
    }
}
