namespace SolidWall.Mime;

/// <summary>
/// Reads the Date field in every form mail clients write: RFC 5322 (and 822/2822 with obsolete zones), missing
/// day names, two- and three-digit years, ISO 8601, asctime, and the broken variants spam carries. Nonsense
/// is a defect, never an exception.
/// </summary>
public static class DateParser
{
    public static DateTimeOffset? Parse(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        // Placeholder until the full parser lands.
        var text = HeaderText.Unfold(raw).Trim();
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AllowWhiteSpaces, out var d))
        {
            return d;
        }
        defects?.Add("date-invalid", $"'{text}' is not a date", offset);
        return null;
    }
}
