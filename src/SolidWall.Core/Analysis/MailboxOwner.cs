using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Analysis;

/// <summary>
/// Whose mailbox an item came from, the way exports say it: a Google Vault mbox named after its custodian
/// (<c>maria.lopez@district.example.mbox</c>), a folder named after its user (a Maildir export
/// <c>maildir/communications@district.example/cur/…</c>), or else the <c>Delivered-To</c> / <c>X-Original-To</c>
/// header the receiving server added. Thread-safe; the path answer is cached per source.
/// </summary>
internal sealed partial class MailboxOwner
{
    private static readonly string[] MailboxFileExtensions = [".mbox", ".mbx", ".mbs", ".pst"];
    private static readonly byte[][] DeliveryHeaders = [Encoding.ASCII.GetBytes("delivered-to:"), Encoding.ASCII.GetBytes("x-original-to:")];
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly ConcurrentDictionary<string, string?> _byPath = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    /// <summary>The custodian, lower-cased, or null when neither the path nor the headers say.</summary>
    public string? Of(string source, ReadOnlySpan<byte> rawMessage)
    {
        var fromPath = _byPath.GetOrAdd(source, FromPath);
        return fromPath ?? FromHeaders(rawMessage);
    }

    /// <summary>The nearest path component that is an address: the file (an mbox or PST named after its custodian) or a folder above it.</summary>
    public static string? FromPath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            var part = parts[i];
            if (i == parts.Length - 1)
            {
                // A message file may be named after its Message-ID; only mailbox files name a custodian.
                var extension = MailboxFileExtensions.FirstOrDefault(e => part.EndsWith(e, StringComparison.OrdinalIgnoreCase));
                if (extension is null)
                {
                    continue;
                }

                part = part[..^extension.Length];
            }

            if (Address().IsMatch(part))
            {
                return part.ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>The first Delivered-To or X-Original-To address in the header block, lower-cased.</summary>
    public static string? FromHeaders(ReadOnlySpan<byte> raw)
    {
        var header = raw[..Math.Min(raw.Length, MaxHeaderBytes)];
        var lineStart = 0;
        while (lineStart < header.Length)
        {
            var length = header[lineStart..].IndexOf((byte)'\n');
            var line = length < 0 ? header[lineStart..] : header[lineStart..(lineStart + length)];
            if (line.Length == 0 || (line.Length == 1 && line[0] == '\r'))
            {
                return null; // end of the header block
            }

            foreach (var name in DeliveryHeaders)
            {
                if (line.Length > name.Length && Ascii.EqualsIgnoreCase(line[..name.Length], name))
                {
                    var value = Encoding.ASCII.GetString(line[name.Length..]).Trim().Trim('<', '>').Trim();
                    if (Address().IsMatch(value))
                    {
                        return value.ToLowerInvariant();
                    }
                }
            }

            if (length < 0)
            {
                break;
            }

            lineStart += length + 1;
        }

        return null;
    }
}
