namespace SolidWall.Mime;

/// <summary>
/// One mailbox from an address header. Members of a group (RFC 5322 section 3.4) carry the group's name.
/// <see cref="LocalPart"/> is the semantic value (quotes and escapes removed, CFWS around obsolete dots dropped);
/// the domain is in Unicode form and <see cref="AsciiDomain"/> gives its IDNA (punycode) form.
/// </summary>
public sealed record MailboxAddress(string? DisplayName, string LocalPart, string Domain, string? Group = null)
{
    /// <summary>
    /// local-part@domain, the domain lower-cased, as the rest of SolidWall compares addresses. A local part that
    /// is not a dot-atom (spaces, specials, empty labels) is quoted again so that the result is a valid addr-spec.
    /// </summary>
    public string Address
    {
        get
        {
            var local = FormatLocalPart(LocalPart);
            return Domain.Length == 0 ? local : local + "@" + Domain.ToLowerInvariant();
        }
    }

    // One IdnMapping per thread: its instance methods are not documented as safe to share, and a new one per address was
    // most of what asking for a domain cost.
    [ThreadStatic]
    private static System.Globalization.IdnMapping? t_idn;

    public string AsciiDomain
    {
        get
        {
            if (Domain.Length == 0)
            {
                return "";
            }
            if (Domain[0] == '[')
            {
                return Domain;
            }
            if (System.Text.Ascii.IsValid(Domain))
            {
                // Already ASCII: IDNA only lower-cases it, or refuses it and the catch below lower-cases it
                // (Ascii_domains_are_what_idna_gives). Most mail; the mapping's call was most of this property's cost.
                return Domain.ToLowerInvariant();
            }
            try
            {
                return (t_idn ??= new System.Globalization.IdnMapping()).GetAscii(Domain).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return Domain.ToLowerInvariant();
            }
        }
    }

    /// <summary>Formats as an RFC 5322 mailbox: <c>"Display \"Name\"" &lt;local@domain&gt;</c>, or the bare address.</summary>
    public override string ToString()
    {
        if (string.IsNullOrEmpty(DisplayName))
        {
            return Address;
        }
        return "\"" + EscapeQuoted(DisplayName) + "\" <" + Address + ">";
    }

    /// <summary>Quotes a local part unless it is a dot-atom (RFC 5322 section 3.4.1); UTF-8 counts as atext (RFC 6532).</summary>
    internal static string FormatLocalPart(string local)
    {
        return IsDotAtom(local) ? local : "\"" + EscapeQuoted(local) + "\"";
    }

    private static bool IsDotAtom(string s)
    {
        if (s.Length == 0 || s[0] == '.' || s[^1] == '.')
        {
            return false;
        }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.')
            {
                if (s[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (c < 0x80 && !AddressTokenizer.IsAtext((byte)c))
            {
                return false;
            }
        }
        return true;
    }

    private static string EscapeQuoted(string s)
    {
        if (s.AsSpan().IndexOfAny('"', '\\') < 0)
        {
            return s;
        }
        var sb = new System.Text.StringBuilder(s.Length + 4);
        foreach (var c in s)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
