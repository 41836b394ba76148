using System.Text;

namespace SolidWall.Core.Detection;

/// <summary>Who an address belongs to, as the institution sees it.</summary>
public enum InstitutionRole
{
    External,
    Staff,
    Principal,
    Student,

    /// <summary>An official channel of the institution (its communications office, say), named in the roster as <c>office</c>.</summary>
    Office,
}

/// <summary>One row of the roster CSV.</summary>
public sealed record RosterEntry(string Address, InstitutionRole Role, string? School);

/// <summary>
/// Who is staff, principal or student: from domain rules (<c>--staff-domain</c>, <c>--student-domain</c>; a rule
/// covers its subdomains, the longest rule wins) and an optional roster CSV (<c>address,role,school</c>) whose rows
/// win over the rules. Everyone else is external.
/// </summary>
public sealed class InstitutionDirectory
{
    private static readonly string[] RoleNames = ["staff", "principal", "student", "office", "external"];

    private readonly Dictionary<string, InstitutionRole> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RosterEntry> _roster;

    public InstitutionDirectory(IEnumerable<string>? staffDomains = null, IEnumerable<string>? studentDomains = null, IEnumerable<RosterEntry>? roster = null)
    {
        foreach (var domain in staffDomains ?? [])
        {
            _domains[Clean(domain)] = InstitutionRole.Staff;
        }

        foreach (var domain in studentDomains ?? [])
        {
            _domains[Clean(domain)] = InstitutionRole.Student;
        }

        _roster = new Dictionary<string, RosterEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in roster ?? [])
        {
            _roster[entry.Address] = entry;
        }
    }

    public static InstitutionDirectory Empty { get; } = new();

    public int RosterCount => _roster.Count;

    public static InstitutionDirectory Load(IEnumerable<string>? staffDomains, IEnumerable<string>? studentDomains, string? rosterCsvPath) =>
        new(staffDomains, studentDomains, rosterCsvPath is null ? null : ParseRoster(File.ReadAllText(rosterCsvPath), rosterCsvPath));

    public InstitutionRole RoleOf(string address)
    {
        if (_roster.TryGetValue(address, out var entry))
        {
            return entry.Role;
        }

        var at = address.LastIndexOf('@');
        var domain = at < 0 ? address : address[(at + 1)..];
        while (domain.Length > 0)
        {
            if (_domains.TryGetValue(domain, out var role))
            {
                return role;
            }

            var dot = domain.IndexOf('.', StringComparison.Ordinal);
            domain = dot < 0 ? "" : domain[(dot + 1)..];
        }

        return InstitutionRole.External;
    }

    public RosterEntry? Find(string address) => _roster.GetValueOrDefault(address);

    /// <summary>
    /// Reads a roster: one row per address, <c>address,role[,school]</c>, an optional header row starting with
    /// <c>address</c>, RFC 4180 quoting. A wrong row is refused with its line and column.
    /// </summary>
    public static IReadOnlyList<RosterEntry> ParseRoster(string csv, string file)
    {
        var result = new List<RosterEntry>();
        var line = 0;
        foreach (var (row, rowLine, columns) in ReadRows(csv, file))
        {
            line = rowLine;
            if (row.Count == 1 && row[0].Trim().Length == 0)
            {
                continue;
            }

            if (result.Count == 0 && row[0].Trim().Equals("address", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (row.Count < 2 || row.Count > 3)
            {
                throw new ConfigurationException(file, line, 1, $"expected 2 or 3 fields (address,role,school), found {row.Count}");
            }

            var address = row[0].Trim();
            var at = address.LastIndexOf('@');
            if (at <= 0 || at == address.Length - 1 || address.Contains(' ', StringComparison.Ordinal))
            {
                throw new ConfigurationException(file, line, columns[0], $"'{address}' is not an email address");
            }

            var roleText = row[1].Trim().ToLowerInvariant();
            var role = roleText switch
            {
                "staff" or "teacher" => InstitutionRole.Staff,
                "principal" => InstitutionRole.Principal,
                "student" => InstitutionRole.Student,
                "office" => InstitutionRole.Office,
                "external" => InstitutionRole.External,
                _ => throw new ConfigurationException(file, line, columns[1], $"unknown role '{row[1].Trim()}'; known roles: {string.Join(", ", RoleNames)}"),
            };
            var school = row.Count == 3 && row[2].Trim().Length > 0 ? row[2].Trim() : null;
            result.Add(new RosterEntry(address[..at] + "@" + address[(at + 1)..].ToLowerInvariant(), role, school));
        }

        return result;
    }

    // Yields each record with the line it starts on and the 1-based column where each field starts.
    private static IEnumerable<(List<string> Row, int Line, List<int> Columns)> ReadRows(string csv, string file)
    {
        var line = 1;
        var column = 1;
        var i = 0;
        while (i < csv.Length)
        {
            var row = new List<string>();
            var columns = new List<int>();
            var rowLine = line;
            while (true)
            {
                columns.Add(column);
                var field = new StringBuilder();
                if (i < csv.Length && csv[i] == '"')
                {
                    var openLine = line;
                    var openColumn = column;
                    i++;
                    column++;
                    while (true)
                    {
                        if (i >= csv.Length)
                        {
                            throw new ConfigurationException(file, openLine, openColumn, "quoted field is not closed; end it with \"");
                        }

                        var c = csv[i++];
                        column++;
                        if (c == '"')
                        {
                            if (i < csv.Length && csv[i] == '"')
                            {
                                field.Append('"');
                                i++;
                                column++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n')
                        {
                            line++;
                            column = 1;
                        }

                        field.Append(c);
                    }

                    if (i < csv.Length && csv[i] is not (',' or '\r' or '\n'))
                    {
                        throw new ConfigurationException(file, line, column, "unexpected text after a closing quote; double a quote inside a quoted field (\"\")");
                    }
                }
                else
                {
                    while (i < csv.Length && csv[i] is not (',' or '\r' or '\n'))
                    {
                        field.Append(csv[i++]);
                        column++;
                    }
                }

                row.Add(field.ToString());
                if (i < csv.Length && csv[i] == ',')
                {
                    i++;
                    column++;
                    continue;
                }

                if (i < csv.Length && csv[i] == '\r')
                {
                    i++;
                }

                if (i < csv.Length && csv[i] == '\n')
                {
                    i++;
                }

                line++;
                column = 1;
                break;
            }

            yield return (row, rowLine, columns);
        }
    }

    private static string Clean(string domain) => domain.Trim().TrimStart('@', '.').ToLowerInvariant();
}
