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
        && (a.Equals(b, StringComparison.OrdinalIgnoreCase) || IsSubdomain(a, b) || IsSubdomain(b, a));

    // "students.district.example" under "district.example": the parent's labels, after a dot. No string is built: the
    // detector asks it of every recipient of every message.
    private static bool IsSubdomain(string child, string parent) =>
        child.Length > parent.Length && child[child.Length - parent.Length - 1] == '.'
        && child.AsSpan(child.Length - parent.Length).Equals(parent, StringComparison.OrdinalIgnoreCase);
}
