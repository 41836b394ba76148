using System.Text;

namespace SolidWall.Core.Text;

/// <summary>
/// Undoes format=flowed (RFC 3676): soft line breaks joined back into paragraphs, space-stuffing removed, quote
/// depth kept as "&gt;" marks. Without this, every 72-column soft break in Thunderbird or Apple Mail text would
/// be a hard line break, and the same paragraph would read differently in two copies of one message.
/// </summary>
internal static class FlowedText
{
    public static string Unflow(string text, bool delSp)
    {
        var sb = new StringBuilder(text.Length);
        var previousFlowed = false;
        var previousDepth = -1;
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text.AsSpan(start).IndexOf('\n');
            var end = nl < 0 ? text.Length : start + nl;
            var line = text.AsSpan(start, end - start);
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            // RFC 3676 section 4.5: the quote depth is the count of leading '>'; a space after them is stuffing.
            var depth = 0;
            while (depth < line.Length && line[depth] == '>')
            {
                depth++;
            }
            var content = line[depth..];
            if (content.Length > 0 && content[0] == ' ')
            {
                content = content[1..];
            }
            // Section 4.3: the signature separator "-- " is never flowed.
            var flowed = content.Length > 0 && content[^1] == ' ' && !content.SequenceEqual("-- ");
            if (flowed && delSp)
            {
                content = content[..^1];
            }

            if (previousFlowed && depth == previousDepth)
            {
                sb.Append(content);
            }
            else
            {
                if (previousDepth >= 0)
                {
                    sb.Append('\n');
                }
                if (depth > 0)
                {
                    sb.Append('>', depth).Append(' ');
                }
                sb.Append(content);
            }
            previousFlowed = flowed;
            previousDepth = depth;
            if (nl < 0)
            {
                break;
            }
            start = end + 1;
        }
        return sb.ToString();
    }
}
