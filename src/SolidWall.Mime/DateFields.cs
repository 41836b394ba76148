namespace SolidWall.Mime;

/// <summary>
/// The parts of a date found by their shape in the tokens of <see cref="DateTokenizer"/>, then checked and
/// turned into an instant. Kept apart from <see cref="DateParser"/> so each rule has one place.
/// </summary>
internal struct DateFields
{
    private int _day;
    private int _month;
    private int _year;
    private int _yearDigits;
    private int _hour;
    private int _minute;
    private int _second;
    private int _zoneMinutes;
    private bool _hasTime;
    private bool _hasNumericZone;
    private bool _hasNamedZone;
    private bool _namedZoneIsLetter;
    private int _zoneWordEnd;
    private int _namedZoneMinutes;
    private int _ampm; // 0 none, 1 am, 2 pm
    private bool _hasNumericDate;
    private int _garbage;
    private bool _secondClamped;

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public bool Read(ReadOnlySpan<byte> raw, ReadOnlySpan<DateToken> t, out string problem)
    {
        problem = "";
        _day = _month = _year = _zoneWordEnd = -1;
        Span<int> free = stackalloc int[8];
        Span<int> freeDigits = stackalloc int[8];
        var freeCount = 0;
        var timeEnd = -1;
        for (var k = 0; k < t.Length; k++)
        {
            var tok = t[k];
            switch (tok.Kind)
            {
                case DateTokenKind.Number:
                    {
                        if (tok.Value < 0)
                        {
                            _garbage++;
                            break;
                        }
                        if (!_hasTime && TryTime(t, k, out var used))
                        {
                            k += used - 1;
                            timeEnd = k + 1;
                            break;
                        }
                        if (k == timeEnd && tok.Length == 4 && !_hasNumericZone && (freeCount >= 2 || _hasNumericDate) && tok.SpaceBefore)
                        {
                            // "23:37:59 0530": the sign was lost, the zone is still where a zone goes.
                            var sign = new DateToken(DateTokenKind.Plus, tok.Start, tok.Start, 0, true);
                            ReadOnlySpan<DateToken> pair = [sign, tok];
                            TryZone(pair, 0, out _);
                            break;
                        }
                        if (!_hasNumericDate && TryNumericDate(t, k, out used))
                        {
                            k += used - 1;
                            break;
                        }
                        if (freeCount < free.Length)
                        {
                            free[freeCount] = tok.Value;
                            freeDigits[freeCount++] = tok.Length;
                        }
                        else
                        {
                            _garbage++;
                        }
                        break;
                    }
                case DateTokenKind.Plus:
                case DateTokenKind.Minus:
                    {
                        // '-' also separates date parts (21-Sep-2002); it is a zone sign only after the time.
                        var isZone = _hasTime && !_hasNumericZone && k + 1 < t.Length && t[k + 1].Kind == DateTokenKind.Number
                            && !t[k + 1].SpaceBefore && (k == timeEnd || k == _zoneWordEnd || tok.SpaceBefore || tok.Kind == DateTokenKind.Plus);
                        if (isZone && TryZone(t, k, out var used))
                        {
                            k += used - 1;
                        }
                        else if (tok.Kind == DateTokenKind.Plus)
                        {
                            _garbage++;
                        }
                        break;
                    }
                case DateTokenKind.Word:
                    k += ReadWord(raw, t, k);
                    break;
                case DateTokenKind.Other:
                    _garbage++;
                    break;
            }
        }
        if (!_hasTime)
        {
            problem = "no time";
            return false;
        }
        if (!_hasNumericDate)
        {
            if (_month < 0)
            {
                problem = "no month";
                return false;
            }
            if (!AssignDayAndYear(free[..freeCount], freeDigits[..freeCount]))
            {
                problem = "no day or year";
                return false;
            }
        }
        else if (freeCount > 0)
        {
            _garbage += freeCount;
        }
        return true;
    }

    /// <summary>
    /// With the month named, the two free numbers are day and year: a number of three or more digits, or over 31,
    /// is the year; otherwise the first is the day (RFC 5322 order, and asctime's year comes after the time).
    /// </summary>
    private bool AssignDayAndYear(ReadOnlySpan<int> free, ReadOnlySpan<int> digits)
    {
        if (free.Length < 2)
        {
            return false;
        }
        var yearIndex = -1;
        for (var i = 0; i < free.Length && yearIndex < 0; i++)
        {
            if (digits[i] >= 3 || free[i] > 31)
            {
                yearIndex = i;
            }
        }
        var dayIndex = yearIndex == 0 ? 1 : 0;
        if (yearIndex < 0)
        {
            yearIndex = 1;
        }
        _day = free[dayIndex];
        _year = free[yearIndex];
        _yearDigits = digits[yearIndex];
        _garbage += free.Length - 2;
        return true;
    }

    /// <summary>h:m[:s[.frac]] or h.m[.s]; returns the number of tokens used.</summary>
    private bool TryTime(ReadOnlySpan<DateToken> t, int k, out int used)
    {
        used = 0;
        if (k + 2 >= t.Length || t[k + 2].Kind != DateTokenKind.Number)
        {
            return false;
        }
        var sep = t[k + 1].Kind;
        // obs-time allows CFWS around ':' (RFC 5322 A.6.3: "09(comment):   55  :  06"); a '.' must touch its digits.
        var spaced = t[k + 1].SpaceBefore || t[k + 2].SpaceBefore;
        if (spaced && sep != DateTokenKind.Colon)
        {
            return false;
        }
        if (sep == DateTokenKind.Dot)
        {
            // 21.09.2002 is a date; 10.00.00 and 10.00 are times.
            var third = k + 4 < t.Length && t[k + 3].Kind == DateTokenKind.Dot && t[k + 4].Kind == DateTokenKind.Number
                && !t[k + 3].SpaceBefore && !t[k + 4].SpaceBefore;
            if ((third && t[k + 4].Length >= 4) || t[k].Value > 23 || t[k + 2].Length != 2)
            {
                return false;
            }
        }
        else if (sep != DateTokenKind.Colon)
        {
            return false;
        }
        _hour = t[k].Value;
        _minute = t[k + 2].Value;
        _second = 0;
        used = 3;
        if (k + 4 < t.Length && t[k + 3].Kind == sep && t[k + 4].Kind == DateTokenKind.Number
            && (sep == DateTokenKind.Colon || !t[k + 3].SpaceBefore))
        {
            _second = t[k + 4].Value;
            used = 5;
            // Fractional seconds (ISO 8601) are read and ignored.
            if (k + 6 < t.Length && t[k + 5].Kind is DateTokenKind.Dot or DateTokenKind.Comma
                && t[k + 6].Kind == DateTokenKind.Number && !t[k + 5].SpaceBefore && !t[k + 6].SpaceBefore)
            {
                used = 7;
            }
        }
        _hasTime = true;
        return true;
    }

    /// <summary>a/b/c, a-b-c or a.b.c with no month name: 2002-09-21, 21.09.2002, 09/21/2002.</summary>
    private bool TryNumericDate(ReadOnlySpan<DateToken> t, int k, out int used)
    {
        used = 0;
        if (k + 4 >= t.Length)
        {
            return false;
        }
        var sep = t[k + 1].Kind;
        if (sep is not (DateTokenKind.Slash or DateTokenKind.Minus or DateTokenKind.Dot) || t[k + 3].Kind != sep
            || t[k + 2].Kind != DateTokenKind.Number || t[k + 4].Kind != DateTokenKind.Number
            || t[k + 1].SpaceBefore || t[k + 2].SpaceBefore || t[k + 3].SpaceBefore || t[k + 4].SpaceBefore
            || t[k + 2].Value < 0 || t[k + 4].Value < 0)
        {
            return false;
        }
        int a = t[k].Value, b = t[k + 2].Value, c = t[k + 4].Value;
        if (t[k].Length == 4)
        {
            (_year, _yearDigits, _month, _day) = (a, 4, b, c);
        }
        else if (a > 12 || sep == DateTokenKind.Dot)
        {
            (_day, _month, _year, _yearDigits) = (a, b, c, t[k + 4].Length);
        }
        else
        {
            // The US order is the usual one where the first number could be either.
            (_month, _day, _year, _yearDigits) = (a, b, c, t[k + 4].Length);
        }
        _hasNumericDate = true;
        used = 5;
        return true;
    }

    /// <summary>+hhmm, -hh:mm, +hh; returns the number of tokens used.</summary>
    private bool TryZone(ReadOnlySpan<DateToken> t, int k, out int used)
    {
        used = 0;
        var num = t[k + 1];
        int hours, minutes;
        if (num.Length == 4 || num.Length == 3)
        {
            hours = num.Value / 100;
            minutes = num.Value % 100;
            used = 2;
        }
        else if (num.Length <= 2)
        {
            hours = num.Value;
            minutes = 0;
            used = 2;
            if (k + 3 < t.Length && t[k + 2].Kind == DateTokenKind.Colon && t[k + 3].Kind == DateTokenKind.Number
                && t[k + 3].Length == 2 && !t[k + 2].SpaceBefore)
            {
                minutes = t[k + 3].Value;
                used = 4;
            }
        }
        else
        {
            return false;
        }
        if (minutes > 59)
        {
            return false;
        }
        var total = hours * 60 + minutes;
        _zoneMinutes = t[k].Kind == DateTokenKind.Minus ? -total : total;
        _hasNumericZone = true;
        return true;
    }

    /// <summary>Reads the word at <paramref name="k"/>; returns how many tokens after it were used too.</summary>
    private int ReadWord(ReadOnlySpan<byte> raw, ReadOnlySpan<DateToken> t, int k)
    {
        var word = raw[t[k].Start..t[k].End];
        Span<char> lower = stackalloc char[12];
        if (word.Length > lower.Length)
        {
            _garbage++;
            return 0;
        }
        for (var i = 0; i < word.Length; i++)
        {
            lower[i] = (char)(word[i] | 0x20);
        }
        var w = lower[..word.Length];
        // ISO 8601's 'T' between date and time.
        if (w is "t" && k + 1 < t.Length && t[k + 1].Kind == DateTokenKind.Number && !t[k + 1].SpaceBefore)
        {
            return 0;
        }
        // "10:00 a.m.": read before the single letters are taken for military zones.
        if (w is "a" or "p" && k + 2 < t.Length && t[k + 1].Kind == DateTokenKind.Dot && t[k + 2].Kind == DateTokenKind.Word
            && t[k + 2].Length == 1 && (raw[t[k + 2].Start] | 0x20) == 'm')
        {
            _ampm = w[0] == 'a' ? 1 : 2;
            return k + 3 < t.Length && t[k + 3].Kind == DateTokenKind.Dot ? 3 : 2;
        }
        if (w.Length >= 3)
        {
            for (var m = 0; m < Months.Length; m++)
            {
                if (Months[m].AsSpan().StartsWith(w))
                {
                    if (_month < 0)
                    {
                        _month = m + 1;
                    }
                    else
                    {
                        _garbage++;
                    }
                    return 0;
                }
            }
            foreach (var d in Days)
            {
                if (d.AsSpan().StartsWith(w))
                {
                    return 0;
                }
            }
        }
        if (w is "am" or "pm")
        {
            _ampm = w[0] == 'a' ? 1 : 2;
            return 0;
        }
        if (DateZones.TryGet(w, out var zone))
        {
            // GMT-0700: the offset that follows a zone name is the zone.
            _zoneWordEnd = k + 1;
            // The first zone name counts, but a stray single letter gives way to a real name.
            if (!_hasNamedZone || (_namedZoneIsLetter && w.Length > 1))
            {
                _hasNamedZone = true;
                _namedZoneIsLetter = w.Length == 1;
                _namedZoneMinutes = zone;
            }
            return 0;
        }
        _garbage++;
        return 0;
    }

    public DateTimeOffset? Build(ReadOnlySpan<byte> raw, DefectSink? defects, long offset)
    {
        var year = _year;
        if (_yearDigits <= 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        else if (_yearDigits == 3 || (_yearDigits == 4 && year is >= 100 and < 1000))
        {
            // "102" or "0102": years since 1900 printed as they are, the Y2K bug in old mailers and spam tools.
            year += 1900;
            defects?.Add("date-year-three-digits", $"year '{_year}' read as {year}", offset);
        }
        var hour = _hour;
        if (_ampm != 0 && hour >= 1 && hour <= 12)
        {
            hour = _ampm == 2 ? hour % 12 + 12 : hour % 12;
        }
        var second = _second;
        if (second == 60)
        {
            // A leap second cannot be represented; the second before it is close enough for mail.
            second = 59;
            _secondClamped = true;
        }
        // Years 1 and 9999 are refused so that no zone offset can move the instant outside DateTimeOffset's range.
        if (year < 2 || year > 9998 || _month < 1 || _month > 12 || _day < 1 || _day > DateTime.DaysInMonth(year, _month))
        {
            return DateParser.Fail(raw, "day, month or year out of range", defects, offset);
        }
        if (hour is < 0 or > 23 || _minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return DateParser.Fail(raw, "time out of range", defects, offset);
        }
        var zone = 0;
        if (_hasNumericZone)
        {
            zone = _zoneMinutes;
        }
        else if (_hasNamedZone)
        {
            zone = _namedZoneMinutes;
        }
        else
        {
            defects?.Add("date-no-zone", "no time zone; -0000 assumed", offset);
        }
        var local = new DateTime(year, _month, _day, hour, _minute, second, DateTimeKind.Unspecified);
        if (Math.Abs(zone) > 14 * 60)
        {
            // Offsets like -1900 are nonsense but name an instant (Python's email.utils agrees); DateTimeOffset cannot
            // hold them, so the instant is kept in UTC. A day or more is no offset at all.
            if (Math.Abs(zone) >= 24 * 60)
            {
                defects?.Add("date-zone-invalid", $"zone offset of {zone} minutes; -0000 assumed", offset);
                zone = 0;
            }
            else
            {
                defects?.Add("date-zone-invalid", $"zone offset of {zone} minutes; the instant is given in UTC", offset);
                local = local.AddMinutes(-zone);
                zone = 0;
            }
        }
        if (_garbage > 0)
        {
            defects?.Add("date-garbage", "text in the date that was not understood", offset);
        }
        if (_secondClamped)
        {
            defects?.Add("date-leap-second", "second 60 read as 59", offset);
        }
        return new DateTimeOffset(local, TimeSpan.FromMinutes(zone));
    }
}
