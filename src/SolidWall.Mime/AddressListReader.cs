using System.Globalization;

namespace SolidWall.Mime;

/// <summary>
/// The address-list grammar (RFC 5322 sections 3.4 and 4.4) over the tokens of <see cref="AddressTokenizer"/>.
/// It reads the way mail clients do: a missing comma starts a new address, words before a bare addr-spec are
/// its display name, a missing '&gt;' or ';' is supplied, and a trailing comment names a bare addr-spec.
/// Strings are made only for the final display names, local parts and domains.
/// </summary>
internal ref struct AddressListReader
{
    private readonly ReadOnlySpan<byte> _raw;
    private readonly ReadOnlySpan<AddressToken> _t;
    private readonly Span<byte> _scratch;
    private readonly DefectSink? _defects;
    private readonly long _offset;
    private readonly List<MailboxAddress> _result;

    public AddressListReader(ReadOnlySpan<byte> raw, ReadOnlySpan<AddressToken> tokens, Span<byte> scratch,
        DefectSink? defects, long offset, List<MailboxAddress> result)
    {
        _raw = raw;
        _t = tokens;
        _scratch = scratch;
        _defects = defects;
        _offset = offset;
        _result = result;
    }

    /// <summary>Reads list elements from token <paramref name="i"/>; inside a group, up to and including its ';'.</summary>
    public int ReadList(int i, string? group)
    {
        var unseparated = false;
        while (true)
        {
            i = Skip(i);
            if (i >= _t.Length)
            {
                if (group != null)
                {
                    Defect("address-group-unterminated", $"group '{group}' has no closing ';'", _raw.Length);
                }
                return i;
            }
            switch (_t[i].Kind)
            {
                case AddressTokenKind.Semicolon:
                    if (group != null)
                    {
                        return i + 1;
                    }
                    // Obsolete lists and some clients separate addresses with ';'.
                    Defect("address-semicolon-separator", "';' used between addresses", _t[i].Start);
                    i++;
                    unseparated = false;
                    continue;
                case AddressTokenKind.Comma:
                    // Empty list elements (obs-addr-list, section 4.4) are allowed and skipped.
                    i++;
                    unseparated = false;
                    continue;
                case AddressTokenKind.RAngle:
                    Defect("address-invalid", "stray '>'", _t[i].Start);
                    i++;
                    continue;
            }
            var next = ReadAddress(i, group, unseparated);
            i = next > i ? next : i + 1;
            unseparated = true;
        }
    }

    private int ReadAddress(int i, string? group, bool unseparated)
    {
        // The leading phrase: words, dots (obs-phrase) and comments up to the first special.
        var j = i;
        while (j < _t.Length && _t[j].Kind is AddressTokenKind.Atom or AddressTokenKind.Quoted
                   or AddressTokenKind.Dot or AddressTokenKind.DomainLiteral or AddressTokenKind.Comment)
        {
            j++;
        }
        var stop = j < _t.Length ? _t[j].Kind : AddressTokenKind.Comma;
        switch (stop)
        {
            case AddressTokenKind.Colon when group == null:
                {
                    var name = DecodePhrase(i, j) ?? "";
                    return ReadList(j + 1, name);
                }
            case AddressTokenKind.Colon:
                Defect("address-invalid", "a group inside a group", _t[j].Start);
                return j + 1;
            case AddressTokenKind.LAngle:
                {
                    var display = DecodePhrase(i, j);
                    return ReadAngleAddr(j + 1, display, group, unseparated);
                }
            case AddressTokenKind.At:
                return ReadAddrSpec(i, j, group, unseparated);
            default:
                ReadPhraseOnly(i, j, group, unseparated);
                return j;
        }
    }

    /// <summary>An element with no '@' and no '&lt;': a bare local name such as "user", or garbage.</summary>
    private void ReadPhraseOnly(int i, int j, string? group, bool unseparated)
    {
        var first = Skip(i);
        if (first >= j)
        {
            return;
        }
        var chain = ChainStart(i, j);
        if (unseparated)
        {
            Defect("address-trailing-garbage", "text after an address", _t[first].Start);
            return;
        }
        if (chain != first || _t[first].Kind == AddressTokenKind.DomainLiteral)
        {
            Defect("address-invalid", "words without an address", _t[first].Start);
            return;
        }
        var local = BuildLocal(first, j);
        if (local.Length == 0)
        {
            Defect("address-invalid", "an empty quoted string where an address should be", _t[first].Start);
            return;
        }
        Defect("address-no-domain", $"'{local}' has no domain", _t[first].Start);
        _result.Add(new MailboxAddress(null, local, "", group));
    }

    /// <summary>addr-spec without angle brackets; words before its local part become the display name.</summary>
    private int ReadAddrSpec(int i, int at, string? group, bool unseparated)
    {
        var chain = ChainStart(i, at);
        string? display = null;
        var first = Skip(i);
        if (first < chain)
        {
            display = DecodePhrase(i, chain);
            Defect("address-missing-angle", "display name without '<' '>' around the address", _t[first].Start);
        }
        var local = BuildLocal(chain, at);
        var end = ReadDomain(at + 1, out var domain);
        var after = Skip(end);
        if (after < _t.Length && _t[after].Kind == AddressTokenKind.LAngle)
        {
            // foo@bar.example <foo@bar.example>: an unquoted address used as the display name.
            Defect("address-display-name-unquoted", "an address is the unquoted display name", _t[Skip(i)].Start);
            return ReadAngleAddr(after + 1, DecodePhrase(i, end), group, unseparated);
        }
        if (display == null)
        {
            // joe@x (Joe Q. Public): the old form where the comment is the name.
            for (var k = end; k < _t.Length && _t[k].Kind == AddressTokenKind.Comment; k++)
            {
                display ??= DecodeComment(_t[k]);
            }
        }
        Add(display, local, domain, group, unseparated, _t[chain < at ? chain : at].Start);
        return end;
    }

    /// <summary>After '&lt;': optional obs-route, addr-spec, then '&gt;' (supplied when missing).</summary>
    private int ReadAngleAddr(int j, string? display, string? group, bool unseparated)
    {
        var open = j - 1;
        j = Skip(j);
        if (j < _t.Length && _t[j].Kind is AddressTokenKind.At or AddressTokenKind.Comma)
        {
            // obs-route: <@a.example,@b.example:user@c.example>; the route is dropped (section 4.4).
            var k = j;
            while (k < _t.Length && _t[k].Kind is AddressTokenKind.At or AddressTokenKind.Comma or AddressTokenKind.Atom
                       or AddressTokenKind.Dot or AddressTokenKind.DomainLiteral or AddressTokenKind.Comment)
            {
                k++;
            }
            if (k < _t.Length && _t[k].Kind == AddressTokenKind.Colon)
            {
                j = Skip(k + 1);
            }
        }
        else if (j + 1 < _t.Length && _t[j].Kind == AddressTokenKind.Atom && _t[j + 1].Kind == AddressTokenKind.Colon)
        {
            // <mailto:joe@x.example>: a URI scheme where the address should be.
            Defect("address-invalid", "a URI scheme inside '<' '>'", _t[j].Start);
            j = Skip(j + 2);
        }
        var s = j;
        while (j < _t.Length && _t[j].Kind is AddressTokenKind.Atom or AddressTokenKind.Quoted or AddressTokenKind.Dot
                   or AddressTokenKind.Comment)
        {
            j++;
        }
        var local = Skip(s) < j ? BuildLocal(s, j) : "";
        var domain = "";
        var hasAt = j < _t.Length && _t[j].Kind == AddressTokenKind.At;
        if (hasAt)
        {
            j = ReadDomain(j + 1, out domain);
        }
        j = Skip(j);
        if (j < _t.Length && _t[j].Kind == AddressTokenKind.RAngle)
        {
            j++;
        }
        else if (j >= _t.Length || _t[j].Kind is AddressTokenKind.Comma or AddressTokenKind.Semicolon)
        {
            Defect("address-angle-unterminated", "'<' without '>'", _t[open].Start);
        }
        else
        {
            Defect("address-invalid", "unexpected text inside '<' '>'", _t[j].Start);
            while (j < _t.Length && _t[j].Kind is not (AddressTokenKind.RAngle or AddressTokenKind.Comma or AddressTokenKind.Semicolon))
            {
                j++;
            }
            if (j < _t.Length && _t[j].Kind == AddressTokenKind.RAngle)
            {
                j++;
            }
        }
        if (local.Length == 0 && domain.Length == 0)
        {
            // <> is the null reverse-path; a display name alone is no mailbox either.
            if (display != null)
            {
                Defect("address-invalid", $"'{display}' has an empty address", _t[open].Start);
            }
            return j;
        }
        if (!hasAt)
        {
            Defect("address-no-domain", $"'{local}' has no domain", _t[open].Start);
        }
        Add(display, local, domain, group, unseparated, _t[open].Start);
        return j;
    }

    private void Add(string? display, string local, string domain, string? group, bool unseparated, int position)
    {
        if (local.Length == 0)
        {
            Defect("address-invalid", $"empty local part before '@{domain}'", position);
            return;
        }
        if (unseparated)
        {
            Defect("address-missing-comma", "addresses not separated by ','", position);
        }
        _result.Add(new MailboxAddress(string.IsNullOrEmpty(display) ? null : display, local, domain, group));
    }

    /// <summary>
    /// Reads a domain after '@' (dot-atom, obs-domain with CFWS around the dots, or a domain literal) and returns
    /// the index after its last token, so that a trailing comment stays visible to the caller.
    /// </summary>
    private int ReadDomain(int j, out string domain)
    {
        var k = Skip(j);
        if (k < _t.Length && _t[k].Kind == AddressTokenKind.DomainLiteral)
        {
            var n = 0;
            _scratch[n++] = (byte)'[';
            foreach (var b in _raw[_t[k].Start.._t[k].End])
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    _scratch[n++] = b;
                }
            }
            _scratch[n++] = (byte)']';
            domain = HeaderText.Unfold(_scratch[..n]);
            return k + 1;
        }
        var len = 0;
        var end = j;
        var expectWord = true;
        for (; k < _t.Length; k++)
        {
            var tok = _t[k];
            if (tok.Kind == AddressTokenKind.Comment)
            {
                continue;
            }
            if (tok.Kind == AddressTokenKind.Atom && expectWord)
            {
                _raw[tok.Start..tok.End].CopyTo(_scratch[len..]);
                len += tok.End - tok.Start;
                expectWord = false;
            }
            else if (tok.Kind == AddressTokenKind.Dot)
            {
                _scratch[len++] = (byte)'.';
                expectWord = true;
            }
            else
            {
                break;
            }
            end = k + 1;
        }
        var bytes = _scratch[..len].Trim((byte)'.');
        if (bytes.IsEmpty)
        {
            domain = "";
            Defect("address-no-domain", "nothing after '@'", j < _t.Length ? _t[j].Start : _raw.Length);
            return end;
        }
        domain = HeaderText.Unfold(bytes);
        if (domain.Contains("xn--", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                domain = new IdnMapping().GetUnicode(domain);
            }
            catch (ArgumentException)
            {
                Defect("address-idn-invalid", $"'{domain}' is not valid punycode", _t[Math.Min(j, _t.Length - 1)].Start);
            }
        }
        return end;
    }

    /// <summary>
    /// Where the local part ending at <paramref name="end"/> begins: words joined by dots (with optional CFWS,
    /// obs-local-part) or touching each other. Two words with white space and no dot between them end the chain.
    /// </summary>
    private int ChainStart(int start, int end)
    {
        var chain = end;
        var nextIsWord = false;
        for (var k = end - 1; k >= start; k--)
        {
            var tok = _t[k];
            if (tok.Kind == AddressTokenKind.Comment)
            {
                continue;
            }
            if (tok.Kind == AddressTokenKind.Dot)
            {
                nextIsWord = false;
                chain = k;
                continue;
            }
            if (nextIsWord && _t[chain].SpaceBefore)
            {
                break;
            }
            nextIsWord = true;
            chain = k;
        }
        return chain;
    }

    private string BuildLocal(int start, int end)
    {
        var n = 0;
        var words = 0;
        for (var k = start; k < end; k++)
        {
            var tok = _t[k];
            if (tok.IsWord && words == 1 && tok.SpaceBefore)
            {
                // <Undisclosed Recipients@x>: the words keep one space between them, as the sender meant.
                Defect("address-local-part-spaces", "white space inside a local part", tok.Start);
                _scratch[n++] = (byte)' ';
                words = 0;
            }
            switch (tok.Kind)
            {
                case AddressTokenKind.Atom:
                    _raw[tok.Start..tok.End].CopyTo(_scratch[n..]);
                    n += tok.End - tok.Start;
                    break;
                case AddressTokenKind.Quoted:
                    n = AddressTokenizer.AppendUnescaped(_raw[tok.Start..tok.End], _scratch, n);
                    break;
                case AddressTokenKind.DomainLiteral:
                    // [ufa]@example.com, seen in spam: kept as written rather than lost.
                    _scratch[n++] = (byte)'[';
                    _raw[tok.Start..tok.End].CopyTo(_scratch[n..]);
                    n += tok.End - tok.Start;
                    _scratch[n++] = (byte)']';
                    break;
                case AddressTokenKind.Dot:
                    _scratch[n++] = (byte)'.';
                    words = 0;
                    continue;
                default:
                    continue;
            }
            words = 1;
        }
        return HeaderText.Unfold(_scratch[..n]);
    }

    /// <summary>A phrase's words with one space wherever the source had white space or a comment, then RFC 2047 decoding.</summary>
    private string? DecodePhrase(int start, int end)
    {
        var n = 0;
        for (var k = start; k < end; k++)
        {
            var tok = _t[k];
            if (tok.Kind == AddressTokenKind.Comment)
            {
                continue;
            }
            if (n > 0 && tok.SpaceBefore)
            {
                _scratch[n++] = (byte)' ';
            }
            switch (tok.Kind)
            {
                case AddressTokenKind.Quoted:
                    n = AddressTokenizer.AppendUnescaped(_raw[tok.Start..tok.End], _scratch, n);
                    break;
                case AddressTokenKind.DomainLiteral:
                    _scratch[n++] = (byte)'[';
                    _raw[tok.Start..tok.End].CopyTo(_scratch[n..]);
                    n += tok.End - tok.Start;
                    _scratch[n++] = (byte)']';
                    break;
                default:
                    _raw[tok.Start..tok.End].CopyTo(_scratch[n..]);
                    n += tok.End - tok.Start;
                    break;
            }
        }
        if (n == 0)
        {
            return null;
        }
        var text = HeaderText.Decode(_scratch[..n], _defects, _offset >= 0 ? _offset + _t[start].Start : -1);
        return text.Length == 0 ? null : text;
    }

    private string? DecodeComment(AddressToken comment)
    {
        var n = AddressTokenizer.AppendUnescaped(_raw[comment.Start..comment.End], _scratch, 0);
        if (n == 0)
        {
            return null;
        }
        var text = HeaderText.Decode(_scratch[..n]);
        return text.Length == 0 ? null : text;
    }

    private readonly int Skip(int i)
    {
        while (i < _t.Length && _t[i].Kind == AddressTokenKind.Comment)
        {
            i++;
        }
        return i;
    }

    private readonly void Defect(string kind, string detail, int position) =>
        _defects?.Add(kind, detail, AddressTokenizer.At(_offset, position));
}
