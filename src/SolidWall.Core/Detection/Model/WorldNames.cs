using System.Text;
using System.Text.RegularExpressions;

namespace SolidWall.Core.Detection.Model;

/// <summary>
/// The candidates' names of the district set's fictional world (data/district/names.txt), cut out of the subject and
/// text the text model trains on so that it learns what a message asks rather than whom it names. Not inside an
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

    /// <summary>Reads <paramref name="dir"/>/names.txt; <see cref="None"/> when there is no such file.</summary>
    public static WorldNames Load(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            return None;
        }

        var names = new List<string>();
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            names.Add(Regex.Escape(line));
            var folded = Fold(line);
            if (!folded.Equals(line, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(Regex.Escape(folded));
            }
        }

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

    /// <summary>The name as the tokenizer folds it ("Tomás" → "tomas"), so that mail written without accents is matched too.</summary>
    private static string Fold(string s) => string.Create(s.Length, s, static (span, name) =>
    {
        for (var i = 0; i < name.Length; i++)
        {
            span[i] = TextFolding.Fold(name[i]);
        }
    });
}
