namespace SolidWall.Mime;

/// <summary>
/// Reads address lists (RFC 5322 section 3.4, with the obsolete syntax of section 4.4, RFC 6532 UTF-8 and IDN
/// domains): mailboxes, groups, comments, quoted local parts, and the malformed lists clients send.
/// </summary>
public static class AddressParser
{
    public static IReadOnlyList<MailboxAddress> ParseList(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        // Placeholder until the full parser lands: finds addr-specs only.
        var text = HeaderText.Unfold(raw);
        var list = new List<MailboxAddress>();
        foreach (var piece in text.Split(','))
        {
            var p = piece.Trim();
            var lt = p.IndexOf('<');
            var gt = p.IndexOf('>');
            var spec = lt >= 0 && gt > lt ? p[(lt + 1)..gt] : p;
            var at = spec.LastIndexOf('@');
            if (at > 0)
            {
                list.Add(new MailboxAddress(lt > 0 ? p[..lt].Trim().Trim('"') : null, spec[..at].Trim(), spec[(at + 1)..].Trim()));
            }
        }
        return list;
    }
}
