namespace SolidWall.Mime;

/// <summary>Reads msg-id lists (Message-ID, In-Reply-To, References; RFC 5322 section 3.6.4) leniently.</summary>
public static class MessageIds
{
    /// <summary>The ids without angle brackets, in order.</summary>
    public static IReadOnlyList<string> ParseList(ReadOnlySpan<byte> raw)
    {
        var text = HeaderText.Unfold(raw);
        var ids = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }
            var gt = text.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }
            var id = text[(lt + 1)..gt].Trim();
            if (id.Length > 0)
            {
                ids.Add(id);
            }
            i = gt + 1;
        }
        if (ids.Count == 0)
        {
            var bare = text.Trim();
            if (bare.Length > 0 && !bare.Contains(' ', StringComparison.Ordinal))
            {
                ids.Add(bare);
            }
        }
        return ids;
    }
}
