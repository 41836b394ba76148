namespace SolidWall.Core.Detection;

/// <summary>How two mail domains relate, for signals that ask whether a sender writes from inside an institution.</summary>
internal static class Domains
{
    /// <summary>
    /// The same domain, or one a subdomain of the other (students.district.example and district.example), any case;
    /// false when either is empty.
    /// </summary>
    public static bool SameOrNested(string a, string b) =>
        a.Length > 0 && b.Length > 0
        && (a.Equals(b, StringComparison.OrdinalIgnoreCase)
            || a.EndsWith("." + b, StringComparison.OrdinalIgnoreCase)
            || b.EndsWith("." + a, StringComparison.OrdinalIgnoreCase));
}
