using System.Text;
using System.Text.Json;
using SolidWall.Mime;
using SolidWall.Mime.Sources;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Loads the labelled training sources in a fixed order: the political fundraising CSV (electioneering,
/// fundraising), the SpamAssassin ham and spam folders (allowed; parsed with SolidWall's own MIME reader and
/// normaliser) and the district-style JSONL set (both labels, with categories). Rows that are not raw mail are
/// composed into mail first (<see cref="TrainingMail"/>), so every row goes through the parser and normaliser that
/// classification uses. mime-torture is never used for training.
/// </summary>
public static class TrainingData
{
    public const string PoliticalFile = "political/fundraising-2024.csv";

    /// <summary>The ham and spam folders under the corpora folder, in the order they are read.</summary>
    public static readonly IReadOnlyList<string> HamSpamFolders = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];

    /// <summary>How many hash buckets the model has.</summary>
    public const int Buckets = FeatureExtractor.Buckets;

    /// <summary>Where the repository keeps the model file, relative to the repository root.</summary>
    public const string ModelPath = "src/SolidWall.Core/Detection/Model/model.bin";

    /// <summary>Where the repository keeps the shipped policy, whose fitted block `solidwall train` rewrites.</summary>
    public const string PolicyPath = "src/SolidWall.Core/Detection/default-policy.yaml";

    /// <summary>
    /// The repository root (the folder holding SolidWall.slnx) at or above <paramref name="start"/>, or null.
    /// The corpora are its sibling ../shared/corpora and the district set its data/district.
    /// </summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Everything: political, ham/spam, then the district set (when <paramref name="districtDir"/> exists).</summary>
    public static List<TrainingExample> Load(string corporaDir, string? districtDir, Action<string>? problems = null)
    {
        var all = new List<TrainingExample>();
        all.AddRange(LoadPolitical(Path.Combine(corporaDir, PoliticalFile)));
        foreach (var folder in HamSpamFolders)
        {
            var dir = Path.Combine(corporaDir, "ham-spam", folder);
            if (System.IO.Directory.Exists(dir))
            {
                all.AddRange(LoadMessageFolder(dir, folder, problems));
            }
        }

        if (districtDir is not null && System.IO.Directory.Exists(districtDir))
        {
            all.AddRange(LoadDistrict(districtDir));
        }

        return all;
    }

    /// <summary>The political CSV: columns committee,name,email,subject,date,…,body,party,disclaimer; only subject and body are read.</summary>
    public static List<TrainingExample> LoadPolitical(string csvPath)
    {
        var rows = CsvReader.Parse(File.ReadAllText(csvPath, Encoding.UTF8));
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        var subject = Array.IndexOf(header, "subject");
        var body = Array.IndexOf(header, "body");
        if (subject < 0 || body < 0)
        {
            throw new InvalidDataException($"{csvPath}: the header row has no 'subject' or 'body' column");
        }

        var list = new List<TrainingExample>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length <= Math.Max(subject, body))
            {
                continue;
            }

            var id = $"political:{r + 1}";
            list.Add(TrainingExample.From(TrainingMail.Compose(id, null, [], row[subject], row[body]), id, "political", true, ["fundraising"], categoriesKnown: false));
        }

        return list;
    }

    /// <summary>A folder of raw messages, all labelled allowed.</summary>
    public static List<TrainingExample> LoadMessageFolder(string dir, string sourceName, Action<string>? problems = null) =>
        LoadMessages(MessageSources.Open(dir), problems,
            (raw, message) => TrainingExample.From(message, $"{sourceName}/{Path.GetFileName(raw.Source)}", sourceName, false, [], categoriesKnown: true));

    /// <summary>
    /// Mail an investigator labelled, from any source SolidWall reads (folders of .eml files, mbox files, Maildirs): every
    /// message in <paramref name="paths"/> electioneering or allowed as <paramref name="electioneering"/> says, without
    /// categories. Rows are named by their file and offset, in that order, and read as the detector reads mail; an item
    /// that is not mail is reported and left out.
    /// </summary>
    public static List<TrainingExample> LoadLabelled(IReadOnlyList<string> paths, bool electioneering, Action<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var label = electioneering ? "electioneering" : "allowed";
        return LoadMessages(MessageSources.OpenAll(paths), problems,
            (raw, message) => TrainingExample.From(message, $"{TrainingExample.LabelledSource}/{label}:{raw.Source}:{raw.Offset}", TrainingExample.LabelledSource, electioneering, [], categoriesKnown: false));
    }

    // Every message of a source as a row, in file and offset order, parsed and normalised in parallel as classification
    // reads mail; an item that cannot be read is reported and left out.
    private static List<TrainingExample> LoadMessages(IMessageSource source, Action<string>? problems, Func<RawMessage, Message, TrainingExample> row)
    {
        var raws = source.Read(p => problems?.Invoke(p.ToString())).ToList();
        raws.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source) is var c && c != 0 ? c : a.Offset.CompareTo(b.Offset));
        var list = new TrainingExample?[raws.Count];
        Parallel.For(0, raws.Count, i =>
        {
            var raw = raws[i];
            try
            {
                list[i] = row(raw, TrainingMail.Normalize(raw));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems?.Invoke($"{raw.Source}@{raw.Offset}: {ex.Message}");
            }
        });
        return [.. list.OfType<TrainingExample>()];
    }

    /// <summary>
    /// The ordinary-mail check set (data/ordinary/*.jsonl, files in name order): the everyday mail of the district
    /// world, all of it allowed and never trained on, which <c>eval</c> reads with each fold's detector to count how much
    /// of it would be flagged. Composed into mail as the district rows are, names as written (no mask: the detector
    /// reads a message as it comes). A row labelled anything but allowed is refused, with the file and line.
    /// </summary>
    public static List<OrdinaryMessage> LoadOrdinary(string dir)
    {
        var list = new List<OrdinaryMessage>();
        foreach (var (file, lineNumber, root) in JsonlRows(dir))
        {
            var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            if (string.IsNullOrEmpty(id))
            {
                throw new InvalidDataException($"{file}:{lineNumber}: a row without an id");
            }

            if (root.TryGetProperty("label", out var label) && label.GetString() != "allowed")
            {
                throw new InvalidDataException($"{file}:{lineNumber}: row {id} is labelled '{label.GetString()}'; the ordinary-mail set holds allowed mail only");
            }

            var row = MailRow(root);
            var message = TrainingMail.Compose("ordinary:" + id, row.From, row.To, row.Subject, row.Body, row.Html);
            var kind = root.TryGetProperty("kind", out var kindElement) ? kindElement.GetString() : null;
            list.Add(new OrdinaryMessage("ordinary:" + id, string.IsNullOrEmpty(kind) ? "ordinary" : kind, root.TryGetProperty("language", out var language) ? language.GetString() : null, message));
        }

        return list;
    }

    // The rows of a folder's JSONL files, files in name order, blank lines skipped; each row is read before the next is parsed.
    private static IEnumerable<(string File, int Line, JsonElement Row)> JsonlRows(string dir)
    {
        foreach (var file in System.IO.Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file, Encoding.UTF8))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                yield return (file, lineNumber, doc.RootElement);
            }
        }
    }

    // A row's mail fields, as TrainingMail.Compose takes them.
    private static (string? From, string[] To, string? Subject, string Body, string? Html) MailRow(JsonElement root) => (
        root.TryGetProperty("from", out var from) ? from.GetString() : null,
        root.TryGetProperty("to", out var to) ? to.EnumerateArray().Select(t => t.GetString() ?? "").Where(t => t.Length > 0).ToArray() : [],
        root.TryGetProperty("subject", out var subject) ? subject.GetString() : null,
        root.GetProperty("body").GetString() ?? "",
        root.TryGetProperty("html", out var html) ? html.GetString() : null);

    /// <summary>The folder of the ordinary-mail check set in the repository, relative to its root.</summary>
    public const string OrdinaryFolder = "data/ordinary";

    /// <summary>The district world's registry, next to its rows: the campaigns and committees its messages are about.</summary>
    public const string WorldRegistryFile = "registry.yaml";

    /// <summary>The district-style set: data/district/*.jsonl, files in name order, rows in file order.</summary>
    public static List<TrainingExample> LoadDistrict(string dir)
    {
        var list = new List<TrainingExample>();
        var names = WorldNames.Load(dir);
        var registryPath = Path.Combine(dir, WorldRegistryFile);
        var world = File.Exists(registryPath) ? Registry.Load(registryPath) : null;
        foreach (var (file, lineNumber, root) in JsonlRows(dir))
        {
            var id = root.GetProperty("id").GetString() ?? throw new InvalidDataException($"{file}:{lineNumber}: no id");
            var label = root.GetProperty("label").GetString();
            var categories = root.TryGetProperty("categories", out var cats)
                ? cats.EnumerateArray().Select(c => c.GetString() ?? "").Where(c => c.Length > 0).ToArray()
                : [];
            var row = MailRow(root);
            var message = TrainingMail.Compose("district:" + id, row.From, row.To, row.Subject, row.Body, row.Html);
            var example = TrainingExample.From(message, "district:" + id, TrainingExample.DistrictSource, label == "electioneering", categories, categoriesKnown: true);
            // A member of staff's own name, or a colleague's she writes to, is not a candidate's, as the detector reads it (DetectionContext.InsideNameWords).
            var own = names.InsideNameWords(message, DetectionContext.WritesFromInside(message, InstitutionDirectory.Empty));
            list.Add(example with
            {
                Kind = root.TryGetProperty("kind", out var kind) ? kind.GetString() : null,
                Language = root.TryGetProperty("language", out var language) ? language.GetString() : null,
                Row = row,
                World = world,
                Subject = names.Mask(example.Subject, own),
                Text = names.Mask(example.Text, own)!,
                ModelSegments = names.Mask(message.Segments, own),
                Plain = (names.Remove(example.Subject), names.Remove(example.Text)!, message.Segments.Select(g => g with { Text = names.Remove(g.Text)!, Attribution = names.Remove(g.Attribution) }).ToArray()),
            });
        }

        return list;
    }
}
