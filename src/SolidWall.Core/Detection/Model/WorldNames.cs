using System.Text;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The candidates' names of the district set's fictional world (data/district/names.txt), or of a registry, masked in
/// the subject and text the text model reads: each becomes one placeholder word (<see cref="Placeholder"/>), so that
/// the model learns that a registered candidate is named, never which one, and what the message asks around the
/// name. In training, the world's names; when classifying, the registry's candidates (<see cref="Registry.ModelNames"/>),
/// so the model reads the same word in both; without a registry, names stay as written, words the model never learned. Not inside an
/// address or a link ("reelect-dana-ortiz.example" stays whole: a campaign's site is content). Letters of scripts
/// without case or spaces between words (Chinese, Arabic: Unicode's "other letters") are no part of a Latin name, so
/// "为Kowalczyk女士" loses the name too, and a name written in such a script is cut wherever it stands.
/// </summary>
internal sealed class WorldNames
{
    public const string FileName = "names.txt";

    private readonly Regex? _pattern;

    private WorldNames(Regex? pattern) => _pattern = pattern;

    public static WorldNames None { get; } = new(null);

    /// <summary>The word a masked name becomes: a word no mail uses, so that only masking makes it.</summary>
    public const string Placeholder = "registeredcandidate";

    public bool IsEmpty => _pattern is null;

    /// <summary>A mask for these names (each name a word or a run of words), their accent-folded spellings too.</summary>
    public static WorldNames Of(IEnumerable<string> names)
    {
        var list = new List<string>();
        foreach (var name in names)
        {
            var line = name.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            list.Add(Regex.Escape(line));
            var folded = Fold(line);
            if (!folded.Equals(line, StringComparison.OrdinalIgnoreCase))
            {
                list.Add(Regex.Escape(folded));
            }
        }

        return Build(list);
    }

    /// <summary>Reads <paramref name="dir"/>/names.txt; <see cref="None"/> when there is no such file.</summary>
    public static WorldNames Load(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            return None;
        }

        return Of(File.ReadLines(path, Encoding.UTF8).Select(raw => raw.Split('#', 2)[0]));
    }

    private static WorldNames Build(List<string> names)
    {
        if (names.Count == 0)
        {
            return None;
        }

        var alternation = string.Join('|', names.Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length));
        return new WorldNames(new Regex(
            $"(?<![\\-\\p{{L}}\\p{{N}}.@/_-[\\p{{Lo}}]])(?:{alternation})(?![\\-\\p{{L}}\\p{{N}}_@-[\\p{{Lo}}]]|\\.[\\p{{L}}\\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));
    }

    /// <summary><paramref name="text"/> without the names (each replaced by one space).</summary>
    public string? Remove(string? text) => text is null || _pattern is null ? text : _pattern.Replace(text, " ");

    /// <summary><paramref name="text"/> with each name replaced by <see cref="Placeholder"/>; the same string when none is there.</summary>
    public string? Mask(string? text) => text is null || _pattern is null ? text : _pattern.Replace(text, PaddedPlaceholder);

    // Spaced, so that "Kurt's" gives the placeholder and "'s", not one word "registeredcandidate's".
    private const string PaddedPlaceholder = " " + Placeholder + " ";

    /// <summary>Where the first name is in <paramref name="text"/>, or (-1, 0).</summary>
    public (int Index, int Length) First(string text) =>
        _pattern?.Match(text) is { Success: true } m ? (m.Index, m.Length) : (-1, 0);

    /// <summary>The segments with the names masked in their text and attribution (the same list when nothing changes).</summary>
    public IReadOnlyList<Segment> Mask(IReadOnlyList<Segment> segments)
    {
        if (_pattern is null)
        {
            return segments;
        }

        Segment[]? masked = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var g = segments[i];
            var text = Mask(g.Text)!;
            var attribution = Mask(g.Attribution);
            if (!ReferenceEquals(text, g.Text) || !ReferenceEquals(attribution, g.Attribution))
            {
                masked ??= [.. segments];
                masked[i] = g with { Text = text, Attribution = attribution };
            }
        }

        return masked ?? segments;
    }

    /// <summary>The name as the tokenizer folds it ("Tomás" → "tomas"), so that mail written without accents is matched too.</summary>
    private static string Fold(string s) => string.Create(s.Length, s, static (span, name) =>
    {
        for (var i = 0; i < name.Length; i++)
        {
            span[i] = TextFolding.Fold(name[i]);
        }
    });
}
