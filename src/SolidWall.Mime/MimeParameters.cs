namespace SolidWall.Mime;

/// <summary>
/// Reads a structured MIME header value: a leading token (such as "text/plain" or "attachment") followed by
/// ";"-separated parameters, with RFC 2231 continuations and charsets, and the RFC 2047 encoded words that
/// real clients put in file names.
/// </summary>
public static class MimeParameters
{
    /// <summary>Returns the leading value; <paramref name="parameters"/> gets names compared case-insensitively.</summary>
    public static string Parse(ReadOnlySpan<byte> raw, out IReadOnlyDictionary<string, string> parameters, DefectSink? defects = null, long offset = -1)
    {
        // Placeholder until the full RFC 2231 reader lands: split on ';' and '='.
        var text = HeaderText.Unfold(raw);
        var dict = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pieces = text.Split(';');
        foreach (var piece in pieces.Skip(1))
        {
            var eq = piece.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var name = piece[..eq].Trim();
            var v = piece[(eq + 1)..].Trim().Trim('"');
            dict.TryAdd(name, v);
        }
        parameters = dict;
        return pieces[0].Trim();
    }
}
