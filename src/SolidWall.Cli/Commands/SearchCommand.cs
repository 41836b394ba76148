using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SolidWall.Storage;

namespace SolidWall.Cli.Commands;

/// <summary>
/// <c>solidwall search</c>: full-text search over a case (SQLite FTS5: words, "phrases", OR, NOT, prefix*) with
/// sender, recipient, date and verdict filters. Exit 0 with hits, 1 with none, 2 on usage errors.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The case database made by 'solidwall scan'", Required = true };
        var from = new Option<string?>("--from") { Description = "Sender address, or a domain (covers subdomains)" };
        var to = new Option<string?>("--to") { Description = "Recipient address (To, Cc or Bcc), or a domain" };
        var since = new Option<string?>("--since") { Description = "Only messages dated on or after this day (YYYY-MM-DD) or time (ISO 8601)" };
        var until = new Option<string?>("--until") { Description = "Only messages dated before the end of this day (YYYY-MM-DD) or before this time" };
        var verdict = new Option<string?>("--verdict") { Description = "electioneering or allowed" };
        verdict.AcceptOnlyFromAmong("electioneering", "allowed");
        var limit = new Option<int>("--limit") { Description = "At most this many hits", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "One JSON object per hit, one per line" };
        var query = new Argument<string[]>("QUERY") { Description = "Words to find (FTS5 syntax); none lists messages by the filters, newest first", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("search", "Search a case's messages by words, sender, recipient, date and verdict");
        foreach (var option in new Option[] { db, from, to, since, until, verdict, limit, json })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(query);
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(db),
            string.Join(' ', parseResult.GetValue(query) ?? []),
            parseResult.GetValue(from),
            parseResult.GetValue(to),
            parseResult.GetValue(since),
            parseResult.GetValue(until),
            parseResult.GetValue(verdict),
            parseResult.GetValue(limit),
            parseResult.GetValue(json),
            Console.Out,
            Console.Error));
        return command;
    }

    internal static int Run(string db, string text, string? from, string? to, string? since, string? until, string? verdict, int limit, bool json, TextWriter output, TextWriter errors)
    {
        if (!TryDate(since, endOfDay: false, out var sinceAt) || !TryDate(until, endOfDay: true, out var untilAt))
        {
            errors.WriteLine($"solidwall search: '{(TryDate(since, false, out _) ? until : since)}' is not a date; use YYYY-MM-DD or an ISO 8601 time");
            return ExitCodes.Usage;
        }

        using var store = CaseStores.Open(db, "search", errors, mustExist: true);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = store.Search(new SearchQuery { Text = text, From = from, To = to, Since = sinceAt, Until = untilAt, Verdict = verdict, Limit = Math.Max(1, limit) });
        }
        catch (CaseStoreException ex)
        {
            errors.WriteLine("solidwall search: " + ex.Message);
            return ExitCodes.Usage;
        }

        foreach (var hit in hits)
        {
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(hit, Core.Detection.Verdict.JsonOptions));
                continue;
            }

            var date = hit.Date?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "(no date)";
            output.WriteLine($"{date}  {hit.From}  \"{hit.Subject}\"  {hit.Verdict} {hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}  {hit.Copies} cop{(hit.Copies == 1 ? "y" : "ies")}");
            output.WriteLine($"    {hit.Source}@{hit.Offset}  sha256 {hit.Sha256}");
            if (hit.Snippet.Length > 0)
            {
                output.WriteLine("    " + hit.Snippet.ReplaceLineEndings(" "));
            }
        }

        if (!json)
        {
            output.WriteLine($"{hits.Count} hit(s){(hits.Count == limit ? " (the limit; use --limit for more)" : "")}.");
        }

        return hits.Count > 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static bool TryDate(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = endOfDay ? start.AddDays(1) : start;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            value = at;
            return true;
        }

        return false;
    }
}
