using System.Buffers;

namespace SolidWall.Mime;

/// <summary>
/// Reads address lists (RFC 5322 section 3.4, with the obsolete syntax of section 4.4, RFC 6532 UTF-8 and IDN
/// domains): mailboxes, groups, comments, quoted local parts, and the malformed lists clients send.
/// </summary>
public static class AddressParser
{
    /// <summary>
    /// Parses a raw (possibly folded) address-list value. Never throws: broken parts are reported on
    /// <paramref name="defects"/> with their byte position (<paramref name="offset"/> is where the value starts
    /// in the message, or -1), and every mailbox that can be recovered is returned. Empty groups yield nothing.
    /// </summary>
    public static IReadOnlyList<MailboxAddress> ParseList(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        var result = new List<MailboxAddress>();
        if (raw.IsEmpty)
        {
            return result;
        }
        var tokens = ArrayPool<AddressToken>.Shared.Rent(raw.Length + 1);
        var scratch = ArrayPool<byte>.Shared.Rent(raw.Length + 2);
        try
        {
            var count = AddressTokenizer.Tokenize(raw, tokens, defects, offset);
            var reader = new AddressListReader(raw, tokens.AsSpan(0, count), scratch, defects, offset, result);
            reader.ReadList(0, null);
        }
        finally
        {
            ArrayPool<AddressToken>.Shared.Return(tokens);
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return result;
    }

    /// <summary>Parses a single mailbox field such as Sender; the first mailbox of the list, or null.</summary>
    public static MailboxAddress? ParseMailbox(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        var list = ParseList(raw, defects, offset);
        return list.Count > 0 ? list[0] : null;
    }
}
