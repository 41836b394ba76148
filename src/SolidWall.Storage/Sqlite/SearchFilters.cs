using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SolidWall.Storage.Sqlite;

/// <summary>
/// The SQL conditions for a search's filters (each starting with " AND ", over the alias <c>m</c> of messages), with
/// their values bound as parameters. An address matches itself; a domain matches addresses at it and at its
/// subdomains ("example.org" matches "a@example.org" and "a@mail.example.org", not "a@badexample.org").
/// </summary>
internal static class SearchFilters
{
    public static string Build(SearchQuery query, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder();
        if (Normalise(query.From) is { } from)
        {
            sql.Append(" AND ").Append(AddressMatch("m.from_address", "from", from, parameters));
        }

        if (Normalise(query.To) is { } to)
        {
            var match = AddressMatch("r.value", "to", to, parameters);
            sql.Append(CultureInfo.InvariantCulture, $"""
                 AND EXISTS (SELECT 1 FROM (SELECT value FROM json_each(m.to_addresses)
                                            UNION ALL SELECT value FROM json_each(m.cc_addresses)
                                            UNION ALL SELECT value FROM json_each(m.bcc_addresses)) r
                             WHERE {match})
                """);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND m.date >= $since");
            parameters.AddWithValue("$since", DateCodec.ToUtcText(since));
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND m.date < $until");
            parameters.AddWithValue("$until", DateCodec.ToUtcText(until));
        }

        if (query.Verdict is { } verdict)
        {
            var electioneering = verdict.Trim().ToLowerInvariant() switch
            {
                "electioneering" => 1,
                "allowed" => 0,
                _ => throw new CaseStoreException($"verdict filter \"{verdict}\" is not a verdict; use electioneering or allowed"),
            };
            sql.Append(CultureInfo.InvariantCulture, $" AND m.electioneering = {electioneering}");
        }

        return sql.ToString();
    }

    private static string? Normalise(string? value)
    {
        var trimmed = value?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static string AddressMatch(string column, string name, string value, SqliteParameterCollection parameters)
    {
        var domain = value.StartsWith('@') ? value[1..] : value;
        if (domain.Contains('@', StringComparison.Ordinal))
        {
            parameters.AddWithValue($"${name}", domain);
            return $"{column} = ${name}";
        }

        parameters.AddWithValue($"${name}_at", "%@" + EscapeLike(domain));
        parameters.AddWithValue($"${name}_sub", "%." + EscapeLike(domain));
        return $"({column} LIKE ${name}_at ESCAPE '\\' OR {column} LIKE ${name}_sub ESCAPE '\\')";
    }

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
