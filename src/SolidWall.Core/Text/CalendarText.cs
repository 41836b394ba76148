using System.Globalization;
using System.Text;

namespace SolidWall.Core.Text;

/// <summary>
/// The words of an iCalendar object (RFC 5545, a text/calendar part: a meeting request, an invitation) as a reader sees
/// them: for each event or to-do its title, when, where, who organises it and its description, in the words the sender
/// wrote. A campaign's invitation to a canvass kickoff sent as a meeting request may carry its ask only there, with a
/// text/plain alternative that is empty or missing. Lenient: a line that is not a property is skipped, a value that
/// cannot be read is given as written. Never throws.
/// </summary>
public static class CalendarText
{
    /// <summary>Calendars larger than this are read from their first this many characters.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>At most this many events or to-dos are read from one calendar (a published calendar can hold thousands).</summary>
    public const int MaxComponents = 50;

    /// <summary>The text of <paramref name="calendar"/>'s events and to-dos, blank lines between them; "" when it holds none.</summary>
    public static string Convert(string calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var source = calendar.Length > MaxLength ? calendar[..MaxLength] : calendar;
        var output = new StringBuilder();
        Component? current = null;
        var depth = 0;
        var components = 0;
        foreach (var line in Unfold(source))
        {
            if (!TryProperty(line, out var name, out var parameters, out var value))
            {
                continue;
            }

            if (name == "BEGIN")
            {
                var kind = value.Trim().ToUpperInvariant();
                if (current is null && kind is "VEVENT" or "VTODO")
                {
                    current = new Component();
                    depth = 0;
                }
                else if (current is not null)
                {
                    depth++; // an alarm or another component inside the event: its properties are not the event's
                }

                continue;
            }

            if (name == "END")
            {
                if (current is null)
                {
                    continue;
                }

                if (depth > 0)
                {
                    depth--;
                    continue;
                }

                current.AppendTo(output);
                current = null;
                if (++components == MaxComponents)
                {
                    break; // the rest of a published calendar is not read
                }

                continue;
            }

            if (current is null || depth > 0)
            {
                continue;
            }

            switch (name)
            {
                case "SUMMARY":
                    current.Summary ??= Unescape(value);
                    break;
                case "LOCATION":
                    current.Location ??= Unescape(value);
                    break;
                case "DESCRIPTION":
                    current.Description ??= Unescape(value);
                    break;
                case "DTSTART":
                    current.Start ??= When(value, parameters);
                    break;
                case "DTEND":
                    current.End ??= When(value, parameters);
                    break;
                case "DUE":
                    current.Due ??= When(value, parameters);
                    break;
                case "ORGANIZER":
                    current.Organizer ??= Person(value, parameters);
                    break;
                case "URL":
                    current.Url ??= value.Trim();
                    break;
            }
        }

        // A calendar cut short (or written without its END lines) still gives the event it began.
        if (current is not null)
        {
            current.AppendTo(output);
        }

        return output.ToString().TrimEnd();
    }

    private sealed class Component
    {
        public string? Summary;
        public string? Location;
        public string? Description;
        public string? Start;
        public string? End;
        public string? Due;
        public string? Organizer;
        public string? Url;

        public void AppendTo(StringBuilder output)
        {
            // Each event's lines end in a line break; a blank line between events.
            var before = output.Length;
            if (before > 0)
            {
                output.Append('\n');
            }

            var mark = output.Length;
            Line(output, null, Summary);
            Line(output, "When: ", Start is null ? null : End is null ? Start : Start + " – " + End);
            Line(output, "Due: ", Due);
            Line(output, "Where: ", Location);
            Line(output, "Organizer: ", Organizer);
            Line(output, null, Url);
            if (!string.IsNullOrWhiteSpace(Description))
            {
                if (output.Length > mark)
                {
                    output.Append('\n'); // a paragraph of its own, below the event's lines
                }

                output.Append(Description.Trim()).Append('\n');
            }

            if (output.Length == mark)
            {
                output.Length = before; // an event with nothing to read
            }
        }

        private static void Line(StringBuilder output, string? label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                output.Append(label).Append(value.Trim()).Append('\n');
            }
        }
    }

    // Content lines (RFC 5545 section 3.1): a line break followed by a space or a tab continues the line before.
    private static IEnumerable<string> Unfold(string text)
    {
        var line = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var end = text.IndexOf('\n', at);
            var next = end < 0 ? text.Length : end + 1;
            var raw = text[at..(end < 0 ? text.Length : end)].TrimEnd('\r');
            if (raw.Length > 0 && raw[0] is ' ' or '\t' && line.Length > 0)
            {
                line.Append(raw, 1, raw.Length - 1);
            }
            else
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                }

                line.Clear().Append(raw);
            }

            at = next;
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    // NAME;PARAM=value;PARAM="quoted:value":VALUE. The name is upper-cased; parameters are kept as written.
    private static bool TryProperty(string line, out string name, out string parameters, out string value)
    {
        name = parameters = value = "";
        var inQuotes = false;
        var nameEnd = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == ';' && nameEnd < 0)
            {
                nameEnd = i;
            }
            else if (!inQuotes && c == ':')
            {
                name = line[..(nameEnd < 0 ? i : nameEnd)].Trim().ToUpperInvariant();
                parameters = nameEnd < 0 ? "" : line[(nameEnd + 1)..i];
                value = line[(i + 1)..];
                return name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');
            }
        }

        return false;
    }

    // TEXT values escape a backslash, a semicolon, a comma and a line break (RFC 5545 section 3.3.11).
    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                sb.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    // 20230114T100000Z, 20230114T100000 with TZID=America/Chicago, 20230114 (a whole day): read as a date and a time,
    // with the zone named as the calendar names it; anything else as written.
    private static string When(string value, string parameters)
    {
        var v = value.Trim();
        var zone = Parameter(parameters, "TZID");
        if (DateTime.TryParseExact(v, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            var text = at.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
            return v.EndsWith('Z') ? text + " UTC" : zone is null ? text : $"{text} ({zone})";
        }

        return DateTime.TryParseExact(v, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)
            : v;
    }

    // ORGANIZER;CN="Kelsey Branham":mailto:kelsey@reelect-ortiz.example → Kelsey Branham <kelsey@reelect-ortiz.example>
    private static string Person(string value, string parameters)
    {
        var address = value.Trim();
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            address = address[7..];
        }

        var name = Parameter(parameters, "CN");
        return string.IsNullOrWhiteSpace(name) ? address : $"{name} <{address}>";
    }

    private static string? Parameter(string parameters, string wanted)
    {
        foreach (var part in SplitParameters(parameters))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    private static IEnumerable<string> SplitParameters(string parameters)
    {
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (parameters[i] == ';' && !inQuotes)
            {
                yield return parameters[start..i];
                start = i + 1;
            }
        }

        yield return parameters[start..];
    }
}
