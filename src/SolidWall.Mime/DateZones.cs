namespace SolidWall.Mime;

/// <summary>
/// Zone names seen in Date fields. RFC 5322 section 4.3 gives UT, GMT and the US zones; its military letters
/// are to be read as -0000 because RFC 822 had their signs backwards. The rest are the abbreviations clients
/// write in place of an offset (their common meaning; a named zone only counts when there is no numeric one).
/// </summary>
internal static class DateZones
{
    public static bool TryGet(ReadOnlySpan<char> lower, out int minutes)
    {
        minutes = lower switch
        {
            "ut" or "utc" or "gmt" or "z" or "wet" => 0,
            "est" => -300,
            "edt" => -240,
            "cst" => -360,
            "cdt" => -300,
            "mst" => -420,
            "mdt" => -360,
            "pst" => -480,
            "pdt" => -420,
            "ast" => -240,
            "adt" => -180,
            "akst" => -540,
            "akdt" => -480,
            "hst" => -600,
            "bst" or "cet" or "met" or "west" => 60,
            "cest" or "mest" or "eet" => 120,
            "eest" or "msk" => 180,
            "ist" => 330,
            "hkt" or "sgt" or "awst" => 480,
            "jst" or "kst" => 540,
            "aest" => 600,
            "aedt" => 660,
            "nzst" => 720,
            "nzdt" => 780,
            _ => int.MinValue,
        };
        if (minutes != int.MinValue)
        {
            return true;
        }
        if (lower.Length == 1 && lower[0] is >= 'a' and <= 'z' and not 'j')
        {
            minutes = 0;
            return true;
        }
        return false;
    }
}
