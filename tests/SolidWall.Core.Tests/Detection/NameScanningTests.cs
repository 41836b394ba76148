using System.Text;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The registry's names are found in a text by vectorised searches that pass over the letters of a word without looking
/// at each, and a word is looked up only when its first two letters and its length are a name's. Both must find exactly
/// what the plain reading finds, character by character and word by word (<see cref="WorldNames.FindOneByOne"/>,
/// <see cref="Registry.FindNameOneByOne"/>): on the district set and on texts built to put names beside every kind of
/// character that joins a word or parts one.
/// </summary>
public sealed class NameScanningTests
{
    private static readonly Registry District = Registry.Load(Path.Combine(Model.TestPaths.District(), "registry.yaml"));

    // Characters on either side of a name: marks that part words, ones that join them ('-', '_', '@', digits, an
    // accented letter, a Cyrillic letter), ones that make it part of an address or a link ('.', '/'), blanks of other
    // scripts, letters of scripts without spaces, and a surrogate pair.
    private static readonly string[] Edges =
    [
        " ", " ", " ", "  ", "\n", "\t", "\u00a0", ",", ".", ". ", "/", "-", "_", "@", "'", "’", "—", "(", ")", "\"", ":", ";",
        "é", "ñ", "Ł", "ж", "1", "٣", "大", "家", "م", "😀", "ǅ", "K", "x", "E", ".com", ".5",
    ];

    private static readonly string[] Fillers =
    [
        "the", "vote", "for", "Saturday", "Señora", "maestra", "Pani", "über", "Привіт", "колеги", "大家好", "مرحبا", "thầy",
        "Dana-Marie", "ortizz", "Da", "D", "re", "www", "https", "example", "o'neil", "ÉCOLE", "ΣΟΦΙΑ",
    ];

    [Fact]
    public void The_models_name_mask_finds_what_the_plain_reading_finds_on_every_district_row()
    {
        var names = District.ModelNames;
        var rows = TrainingData.LoadDistrict(Model.TestPaths.District());
        var withNames = 0;
        foreach (var row in rows)
        {
            // The message as written: the row's own subject and text are the model's view, names already masked.
            foreach (var text in new[] { row.Message!.Subject ?? "", row.Message.Text })
            {
                var plain = names.FindOneByOne(text);
                Assert.Equal(plain, names.Find(text));
                withNames += plain is null ? 0 : 1;
            }
        }

        // Not vacuous: most rows name a candidate somewhere.
        Assert.True(withNames > 1_000, $"{withNames} fields name a candidate");
    }

    [Fact]
    public void The_models_name_mask_finds_what_the_plain_reading_finds_beside_every_kind_of_character()
    {
        var names = District.ModelNames;
        var forms = NameForms();
        var random = new Random(20261129);
        var found = 0;
        for (var n = 0; n < 5_000; n++)
        {
            var text = Build(random, forms);
            var plain = names.FindOneByOne(text);
            var fast = names.Find(text);
            Assert.True(Same(plain, fast), $"text {n}: \"{text}\" plain {Show(plain)}, vectorised {Show(fast)}");
            found += plain?.Count ?? 0;
        }

        Assert.True(found > 5_000, $"{found} names found");
    }

    [Fact]
    public void A_names_word_characters_are_numbers_and_letters_of_scripts_with_spaces_on_every_character()
    {
        // Blocks reads one category where the definition asks three questions; the same answer for every UTF-16 unit.
        for (var i = 0x80; i <= 0xFFFF; i++)
        {
            var c = (char)i;
            var definition = char.IsNumber(c) || (char.IsLetter(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.OtherLetter);
            Assert.True(definition == WorldNames.Blocks(c), $"U+{i:X4}");
        }

        Assert.True(WorldNames.Blocks('é') && WorldNames.Blocks('ж') && WorldNames.Blocks('٣') && !WorldNames.Blocks('大') && !WorldNames.Blocks('م') && !WorldNames.Blocks('’'));
    }

    [Fact]
    public void A_name_in_any_mix_of_cases_is_masked()
    {
        var names = District.ModelNames;
        var random = new Random(7);
        foreach (var form in NameForms().Where(f => f.Length > 1))
        {
            var mixed = new string([.. form.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
            Assert.Equal(names.FindOneByOne($"x {mixed} y"), names.Find($"x {mixed} y"));
        }

        // "ortiz-keller" is one word, and someone else's name.
        Assert.Equal([(3, 4), (13, 4)], names.Find("Hi DANA, and dana ortiz-keller"));
    }

    [Fact]
    public void Registered_names_are_found_where_the_plain_reading_finds_them()
    {
        var forms = District.Entries.SelectMany(e => e.Names).Select(n => n.ToLowerInvariant()).ToArray();
        var random = new Random(11);
        var hits = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var text = InvariantLower.Of(Build(random, forms));
            var plain = AllNamesOneByOne(District, text);
            Assert.Equal(plain, District.AllNames(text));
            hits += plain.Length;
        }

        Assert.True(hits > 3_000, $"{hits} names found");
        foreach (var row in TrainingData.LoadDistrict(Model.TestPaths.District()))
        {
            var text = InvariantLower.Of(row.Message!.Text);
            Assert.Equal(AllNamesOneByOne(District, text), District.AllNames(text));
        }
    }

    [Fact]
    public void A_registered_name_that_starts_with_a_mark_is_found_after_a_mark_too()
    {
        var registry = Registry.Parse(
            "committees:\n  - id: si\n    name: \"¡Sí a la 1!\"\n  - id: ortiz\n    name: Friends of Dana Ortiz\n", "registry.yaml");
        var text = InvariantLower.Of("Firmen: ¡¡Sí a la 1! y (¡sí a la 1!) con friends of dana ortiz.");
        var found = registry.AllNames(text);
        Assert.Equal(AllNamesOneByOne(registry, text), found);
        Assert.Equal(3, found.Length);
    }

    [Fact]
    public void Word_bits_mark_the_runs_the_plain_reading_finds()
    {
        var random = new Random(3);
        var alphabet = "aZ09-_@ .,'/é大\u00a0Жм٣😀";
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var bits = WordBits.Rent(text.Length);
            WordBits.Mark<RegistryLetters>(text, bits);
            var runs = new List<(int, int)>();
            for (var at = WordBits.NextStart(bits, 0, text.Length); at >= 0;)
            {
                var end = WordBits.RunEnd(bits, at, text.Length);
                runs.Add((at, end));
                at = WordBits.NextStart(bits, end, text.Length);
            }

            WordBits.Return(bits);
            var plain = new List<(int, int)>();
            for (var i = 0; i < text.Length;)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                plain.Add((start, i));
            }

            Assert.Equal(plain, runs);
        }
    }

    private readonly struct RegistryLetters : IWordCharacters
    {
        public static bool AsciiJoiners => false;

        public static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c);
    }

    private static RegistryNameHit[] AllNamesOneByOne(Registry registry, string lower)
    {
        var hits = new List<RegistryNameHit>();
        for (var from = 0; ;)
        {
            var (index, length, entry) = registry.FindNameOneByOne(lower, from);
            if (entry is null)
            {
                return [.. hits];
            }

            hits.Add(new RegistryNameHit(index, length, entry));
            from = index + length;
        }
    }

    // Every word of every candidate's and committee's name, as written, accent-folded, upper-cased and declined.
    private static string[] NameForms()
    {
        var words = District.Entries.SelectMany(e => e.Names).SelectMany(n => n.Split([' ', '·'], StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var forms = new List<string>();
        foreach (var w in words)
        {
            forms.Add(w);
            forms.Add(w.ToUpperInvariant());
            forms.Add(w.ToLowerInvariant());
            forms.Add(Unaccented(w));
            forms.Add(w + "a");
            forms.Add(w + "owi");
            forms.Add(w + "ę");
            forms.Add(w + "ою");
            forms.Add(w[..^1]);
        }

        return [.. forms.Distinct()];
    }

    private static string Build(Random random, string[] forms)
    {
        var sb = new StringBuilder();
        var parts = random.Next(1, 12);
        for (var p = 0; p < parts; p++)
        {
            sb.Append(Edges[random.Next(Edges.Length)]);
            sb.Append(random.Next(3) == 0 ? Fillers[random.Next(Fillers.Length)] : forms[random.Next(forms.Length)]);
            if (random.Next(4) == 0)
            {
                sb.Append(Edges[random.Next(Edges.Length)]);
            }
        }

        // Now and then a long run, so that the vectorised searches run over whole vectors.
        if (random.Next(5) == 0)
        {
            sb.Insert(random.Next(sb.Length), random.Next(2) == 0 ? new string('a', random.Next(20, 90)) : new string(' ', random.Next(20, 90)));
        }

        return sb.ToString();
    }

    private static string Unaccented(string s) =>
        new([.. s.Normalize(NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);

    private static bool Same(List<(int Index, int Length)>? a, List<(int Index, int Length)>? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.SequenceEqual(b));

    private static string Show(List<(int Index, int Length)>? found) => found is null ? "none" : string.Join(", ", found);
}
