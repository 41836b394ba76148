using System.Reflection;
using System.Text.RegularExpressions;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The words every match of a pattern holds, read from its source (<see cref="RequiredLiterals"/>), let a field of other
/// scripts skip a pattern it cannot match. A word the derivation names that some match lacks would lose that match, so
/// every pattern of the detector is held to its words on the district set's texts in its ten languages.
/// </summary>
public sealed class RequiredLiteralsTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("abc|de", "abc de")]
    [InlineData("пожертв\\w*|задонат\\w*", "пожертв задонат")]
    [InlineData("(?:про)?голосуйте\\s+за", "голосуйте")]
    [InlineData("投.{0,4}一票|投给", "一票 投给")]
    [InlineData("(?:ال)?سؤال\\s+(?:رقم\\s+)?[\\d١-٩]{1,2}", "سؤال")]
    [InlineData("ab+cd", "ab")]
    [InlineData("x(?:foo|bar)y", "foo bar")]
    [InlineData("a\\.b", "a.b")]
    [InlineData("chữ\\s+ký|kiến\\s+nghị", "chữ kiến")]
    [InlineData("(?<name>abc)d", "abc")]
    [InlineData("ab{2}c", "ab")]
    [InlineData("a{x", "a{x")]
    [InlineData("(?:ab)+c", "ab")]
    [InlineData("a\\(b", "a(b")]
    [InlineData("[]a]bc", "bc")]
    [InlineData("[^.\\n]{1,80}?xyz", "xyz")]
    [InlineData("x{1,80}?yz", "yz")]
    [InlineData("\\bfoo\\b", "foo")]
    [InlineData("(?:a|b)c", "c")]
    [InlineData("ab*c", "a")] // "a" or "c": equally long, the first
    public void Names_the_words_every_match_must_hold(string pattern, string expected) =>
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), RequiredLiterals.Derive(pattern, RegexOptions.None)!.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("abc|\\w+")] // an alternative with no literal
    [InlineData("abc|")] // the empty alternative
    [InlineData("(?:abc)?")] // optional
    [InlineData("(?i:abc)")] // inline options
    [InlineData("(?i)abc")]
    [InlineData("[abc]+")]
    [InlineData("(?=abc)")] // a look-ahead matches nothing
    [InlineData("(abc")] // unbalanced
    public void Names_none_where_the_source_does_not_say(string pattern) => Assert.Null(RequiredLiterals.Derive(pattern, RegexOptions.None));

    [Fact]
    public void A_case_insensitive_pattern_names_none() => Assert.Null(RequiredLiterals.Derive("abc", RegexOptions.IgnoreCase));

    [Fact]
    public void A_field_without_the_pairs_of_any_word_cannot_match()
    {
        var regex = new Regex("пожертв\\w*|捐款");
        Assert.False(RequiredLiterals.Of(regex).MayMatch(Field("шановні батьки, нагадуємо про екскурсію")));
        Assert.True(RequiredLiterals.Of(regex).MayMatch(Field("просимо пожертвувати")));
        Assert.True(RequiredLiterals.Of(regex).MayMatch(Field("请捐款")));
        // A one-character word: its character anywhere.
        var one = new Regex("票\\d");
        Assert.True(RequiredLiterals.Of(one).MayMatch(Field("投票1")));
        Assert.False(RequiredLiterals.Of(one).MayMatch(Field("作业1")));
    }

    [Fact]
    public void Every_match_of_every_detector_pattern_holds_one_of_its_required_words()
    {
        var texts = Model.TestPaths.DistrictTextsLowerCased().ToList();

        var patterns = DetectorPatterns().Select(p => (p.Name, p.Regex, Words: RequiredLiterals.Derive(p.Regex.ToString(), p.Regex.Options))).Where(p => p.Words is not null).ToList();
        // The other scripts' patterns, which the words gate, are among them.
        Assert.Contains(patterns, p => p.Name.Contains("OtherScriptsTrigger", StringComparison.Ordinal));
        Assert.True(patterns.Count > 30, $"only {patterns.Count} patterns with required words");
        var matches = 0;
        var lost = new List<string>();
        foreach (var text in texts)
        {
            foreach (var (name, regex, words) in patterns)
            {
                foreach (var match in regex.EnumerateMatches(text))
                {
                    matches++;
                    var value = text.Substring(match.Index, match.Length);
                    if (!words!.Any(w => value.Contains(w, StringComparison.Ordinal)) && lost.Count < 20)
                    {
                        lost.Add($"{name}: '{value}'");
                    }
                }
            }
        }

        Assert.True(matches > 10_000, $"only {matches} matches");
        Assert.Empty(lost);
    }

    private static TextField Field(string text) => new("text", text);

    // Every Regex the detector's assembly keeps in a static field (built there, or on first use: LazyRegex) or builds in a static property.
    private static IEnumerable<(string Name, Regex Regex)> DetectorPatterns()
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var type in typeof(Detector).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("SolidWall.Core.Detection", StringComparison.Ordinal) == true && !t.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(statics).Where(f => f.FieldType == typeof(Regex)))
            {
                if (field.GetValue(null) is Regex regex)
                {
                    yield return ($"{type.Name}.{field.Name}", regex);
                }
            }

            foreach (var field in type.GetFields(statics).Where(f => f.FieldType == typeof(LazyRegex)))
            {
                if (field.GetValue(null) is LazyRegex lazy)
                {
                    yield return ($"{type.Name}.{field.Name}", lazy.Value);
                }
            }

            foreach (var property in type.GetProperties(statics).Where(p => p.PropertyType == typeof(Regex) && p.GetIndexParameters().Length == 0))
            {
                if (property.GetValue(null) is Regex regex)
                {
                    yield return ($"{type.Name}.{property.Name}", regex);
                }
            }
        }
    }
}
