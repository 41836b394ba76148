using System.Text;

namespace SolidWall.Bench;

/// <summary>
/// Generated mail text for the near-duplicate benchmarks, deterministic from a seed: words made of syllables with a
/// Zipf-like frequency, unique messages of 150–450 words (some ending in one of a few shared newsletter footers),
/// and blast templates of 300–600 words whose copies get a per-recipient greeting, a tracking token in their link, and for half of
/// them one to three words changed.
/// </summary>
internal sealed class SyntheticMail
{
    private static readonly string[] Syllables =
    [
        "ba", "be", "bi", "bo", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "ga", "go", "ha", "he", "la", "le", "li",
        "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe", "po", "ra", "re", "ri", "ro", "sa", "se", "si", "so",
        "ta", "te", "ti", "to", "va", "ve", "vi", "za", "st", "tr", "an", "en", "in", "on", "un", "ar", "er", "or",
    ];

    private static readonly string[] Names = ["Maria", "Mr. Lopez", "Ana", "Dr. Chen", "Jamal", "Ms. Novak", "Luis", "Sra. Pérez", "Keisha", "Tom"];

    private static readonly string[] Greetings = ["Hi {0},", "Dear {0},", "Hello {0}!", "Hola {0}:", "Good morning {0},"];

    private readonly string[] words;
    private readonly string[] footers;

    public SyntheticMail(int seed, int vocabulary = 20_000)
    {
        var random = new Random(seed);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < vocabulary)
        {
            var length = 1 + random.Next(4);
            var sb = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                sb.Append(Syllables[random.Next(Syllables.Length)]);
            }

            set.Add(sb.ToString());
        }

        words = [.. set];
        footers = [.. Enumerable.Range(0, 5).Select(i => Words(new Random(seed + 1 + i), 40))];
    }

    /// <summary>A text of one unique message.</summary>
    public string Unique(int id)
    {
        var random = new Random(id * 7919 + 17);
        var text = Words(random, 150 + random.Next(300));
        return random.Next(5) == 0 ? text + "\n\n" + footers[random.Next(footers.Length)] : text;
    }

    /// <summary>The template of a blast: its words and its link, before personalisation.</summary>
    /// <remarks>300–600 words, so that three changed words (nine shingles) keep a copy's Jaccard to its template
    /// above 0.94, well clear of the threshold and of the estimate's noise (±0.03 at that similarity).</remarks>
    public string Template(int blast) => Words(new Random((blast * 104_729) + 3), 300 + new Random(blast).Next(300));

    /// <summary>One recipient's copy of a blast template.</summary>
    public string Copy(string template, int blast, int copy)
    {
        var random = new Random((blast * 1_000_003) + copy);
        var greeting = string.Format(System.Globalization.CultureInfo.InvariantCulture, Greetings[random.Next(Greetings.Length)], Names[random.Next(Names.Length)]);
        var body = template;
        if (random.Next(2) == 0)
        {
            var parts = template.Split(' ');
            var edits = 1 + random.Next(3);
            for (var i = 0; i < edits; i++)
            {
                parts[random.Next(parts.Length)] = words[random.Next(words.Length)];
            }

            body = string.Join(' ', parts);
        }

        return $"{greeting}\n\n{body}\n\nDonate: https://secure.example.org/blast{blast}/give?t={random.NextInt64():x}&refcode=em{copy}\n";
    }

    private string Words(Random random, int count)
    {
        var sb = new StringBuilder(count * 7);
        for (var i = 0; i < count; i++)
        {
            // Zipf-like: the square of a uniform variable favours the first words of the list.
            var u = random.NextDouble();
            sb.Append(words[(int)(u * u * words.Length)]);
            sb.Append(i % 15 == 14 ? ".\n" : " ");
        }

        return sb.ToString();
    }
}
