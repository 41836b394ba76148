using System.Buffers;
using System.Globalization;
using System.Text;

namespace SolidWall.Mime.Decoding;

/// <summary>
/// Joins parameter values per RFC 2231: continuations (section 3, <c>name*0</c>, <c>name*1</c>), charset and
/// language (section 4, <c>name*=utf-8'en'%E2%82%AC</c>) and the mix of both (section 4.1). The sections'
/// bytes are joined before charset decoding, so a character split across sections survives.
/// </summary>
internal static class Rfc2231
{
    /// <summary>A parameter as written: base name, section number (-1 when none), whether it is percent-encoded, and its value's place in the value buffer.</summary>
    internal readonly record struct RawParameter(string Name, int Section, bool Extended, int Start, int Length)
    {
        public static RawParameter Create(ReadOnlySpan<byte> name, int start, int length)
        {
            var extended = false;
            if (name.Length > 1 && name[^1] == (byte)'*')
            {
                extended = true;
                name = name[..^1];
            }
            var section = -1;
            var star = name.LastIndexOf((byte)'*');
            if (star > 0 && star < name.Length - 1 && name.Length - star - 1 <= 3
                && !name[(star + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                section = int.Parse(MimeParameters.Latin1(name[(star + 1)..]), CultureInfo.InvariantCulture);
                name = name[..star];
            }
            return new RawParameter(SharedName(name), section, extended, start, length);
        }

        // The names nearly every message uses come back as shared strings instead of new ones.
        private static string SharedName(ReadOnlySpan<byte> name) =>
            Ascii.EqualsIgnoreCase(name, "charset"u8) ? "charset"
            : Ascii.EqualsIgnoreCase(name, "boundary"u8) ? "boundary"
            : Ascii.EqualsIgnoreCase(name, "name"u8) ? "name"
            : Ascii.EqualsIgnoreCase(name, "filename"u8) ? "filename"
            : Ascii.EqualsIgnoreCase(name, "format"u8) ? "format"
            : HeaderText.Unfold(name);
    }

    public static void Assemble(List<RawParameter> list, byte[] values, Dictionary<string, string> result, DefectSink? defects, long offset)
    {
        // Names set from an RFC 2231 form, which win over a plain parameter of the same name.
        HashSet<string>? extendedNames = null;
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var value = values.AsSpan(p.Start, p.Length);
            if (p.Section < 0 && !p.Extended)
            {
                if (result.ContainsKey(p.Name))
                {
                    if (extendedNames?.Contains(p.Name) != true)
                    {
                        defects?.Add("parameter-duplicate", $"parameter '{p.Name}' given twice; the first is kept", offset);
                    }
                    continue;
                }
                result[p.Name] = MimeParameters.DecodeValueBytes(value, p.Name, defects, offset);
                continue;
            }
            if (extendedNames?.Contains(p.Name) == true)
            {
                // Later sections of a name already assembled, or a repeated RFC 2231 parameter.
                continue;
            }
            (extendedNames ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(p.Name);
            result[p.Name] = p.Section < 0
                ? DecodeExtended(value, defects, offset)
                : JoinSections(list, i, values, defects, offset);
        }
    }

    private static string JoinSections(List<RawParameter> list, int first, byte[] values, DefectSink? defects, long offset)
    {
        var name = list[first].Name;
        var sections = new List<RawParameter>();
        var total = 0;
        for (var i = first; i < list.Count; i++)
        {
            var p = list[i];
            if (p.Section >= 0 && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && !sections.Exists(q => q.Section == p.Section))
            {
                sections.Add(p);
                total += p.Length;
            }
        }
        sections.Sort(static (a, b) => a.Section.CompareTo(b.Section));
        if (sections[0].Section != 0 || sections[^1].Section != sections.Count - 1)
        {
            defects?.Add("parameter-continuation-gap", $"RFC 2231 sections of '{name}' are not numbered 0..n; joined as found", offset);
        }
        var anyExtended = sections.Exists(static q => q.Extended);
        var joined = ArrayPool<byte>.Shared.Rent(total + 1);
        try
        {
            var n = 0;
            ReadOnlySpan<byte> charset = [];
            for (var k = 0; k < sections.Count; k++)
            {
                var q = sections[k];
                ReadOnlySpan<byte> v = values.AsSpan(q.Start, q.Length);
                if (q.Extended)
                {
                    if (k == 0)
                    {
                        v = SplitCharset(v, out charset);
                    }
                    n += PercentDecode(v, joined.AsSpan(n));
                }
                else
                {
                    v.CopyTo(joined.AsSpan(n));
                    n += v.Length;
                }
            }
            var bytes = joined.AsSpan(0, n);
            if (!anyExtended)
            {
                // Plain continuations: clients sometimes spread an RFC 2047 word across them.
                return MimeParameters.DecodeValueBytes(bytes, name, defects, offset);
            }
            return DecodeWithCharset(bytes, charset, defects, offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    private static string DecodeExtended(ReadOnlySpan<byte> value, DefectSink? defects, long offset)
    {
        var rest = SplitCharset(value, out var charset);
        var buf = ArrayPool<byte>.Shared.Rent(rest.Length + 1);
        try
        {
            var n = PercentDecode(rest, buf);
            return DecodeWithCharset(buf.AsSpan(0, n), charset, defects, offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    // "charset'language'value": without both quotes the whole is the value and the charset is unknown.
    private static ReadOnlySpan<byte> SplitCharset(ReadOnlySpan<byte> v, out ReadOnlySpan<byte> charset)
    {
        charset = [];
        var q1 = v.IndexOf((byte)'\'');
        if (q1 < 0)
        {
            return v;
        }
        var q2 = v[(q1 + 1)..].IndexOf((byte)'\'');
        if (q2 < 0)
        {
            return v;
        }
        charset = v[..q1];
        return v[(q1 + q2 + 2)..];
    }

    private static int PercentDecode(ReadOnlySpan<byte> src, Span<byte> dest)
    {
        var w = 0;
        for (var i = 0; i < src.Length; i++)
        {
            var b = src[i];
            if (b == (byte)'%' && i + 2 < src.Length && QuotedPrintable.IsHex(src[i + 1]) && QuotedPrintable.IsHex(src[i + 2]))
            {
                dest[w++] = (byte)((QuotedPrintable.Hex(src[i + 1]) << 4) | QuotedPrintable.Hex(src[i + 2]));
                i += 2;
            }
            else
            {
                dest[w++] = b;
            }
        }
        return w;
    }

    private static string DecodeWithCharset(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> charset, DefectSink? defects, long offset)
    {
        if (charset.IsEmpty)
        {
            return Charsets.Guess(bytes);
        }
        var info = Charsets.Resolve(charset);
        if (info is null)
        {
            defects?.Add("charset-unknown", $"RFC 2231 charset '{MimeParameters.Latin1(charset)}' is not known; decoded by guessing", offset);
            return Charsets.Guess(bytes);
        }
        return Charsets.Decode(bytes, info, defects, offset);
    }
}
