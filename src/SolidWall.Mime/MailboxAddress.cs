namespace SolidWall.Mime;

/// <summary>
/// One mailbox from an address header. Members of a group (RFC 5322 section 3.4) carry the group's name.
/// The domain is in Unicode form; <see cref="AsciiDomain"/> gives its IDNA (punycode) form.
/// </summary>
public sealed record MailboxAddress(string? DisplayName, string LocalPart, string Domain, string? Group = null)
{
    /// <summary>local-part@domain, the domain lower-cased, as the rest of SolidWall compares addresses.</summary>
    public string Address => Domain.Length == 0 ? LocalPart : LocalPart + "@" + Domain.ToLowerInvariant();

    public string AsciiDomain
    {
        get
        {
            try
            {
                return Domain.Length == 0 ? "" : new System.Globalization.IdnMapping().GetAscii(Domain).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return Domain.ToLowerInvariant();
            }
        }
    }

    public override string ToString() => string.IsNullOrEmpty(DisplayName) ? Address : $"\"{DisplayName}\" <{Address}>";
}
