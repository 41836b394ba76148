namespace SolidWall.Mime;

/// <summary>
/// Reads the Date field in every form mail clients write: RFC 5322 (and 822/2822 with obsolete zones), missing
/// day names, two- and three-digit years, ISO 8601, asctime, and the broken variants spam carries. Nonsense
/// is a defect, never an exception.
/// </summary>
/// <remarks>
/// The value is tokenized and each token is recognised by its shape (h:m:s is a time, a month name is the month,
/// +hhmm after the time is the zone), so the parts may come in any order the clients use. Years follow RFC 5322
/// section 4.3: 00–49 are 20xx, 50–99 are 19xx, and three digits are 1900 + n (the Y2K bug: "102" is 2002).
/// </remarks>
public static class DateParser
{
    public static DateTimeOffset? Parse(ReadOnlySpan<byte> raw, DefectSink? defects = null, long offset = -1)
    {
        Span<DateToken> tokens = stackalloc DateToken[DateTokenizer.MaxTokens];
        var count = DateTokenizer.Tokenize(raw, tokens);
        if (count < 0)
        {
            return Fail(raw, "too many parts", defects, offset);
        }
        var fields = new DateFields();
        if (!fields.Read(raw, tokens[..count], out var problem))
        {
            return Fail(raw, problem, defects, offset);
        }
        return fields.Build(raw, defects, offset);
    }

    internal static DateTimeOffset? Fail(ReadOnlySpan<byte> raw, string problem, DefectSink? defects, long offset)
    {
        if (defects != null)
        {
            var shown = raw.Length > 80 ? raw[..80] : raw;
            defects.Add("date-invalid", $"'{HeaderText.Unfold(shown).Trim()}': {problem}", offset);
        }
        return null;
    }
}
