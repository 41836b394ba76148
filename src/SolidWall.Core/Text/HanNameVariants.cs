namespace SolidWall.Core.Text;

/// <summary>
/// The other ways Chinese writes a transliterated foreign name. A sound has several characters: a woman's name is
/// usually written with the ones that carry the woman radical (纳 and 娜 for "na", 利, 莉 and 丽 for "li", 亚 and 娅 for
/// "ya"), Hong Kong and Taiwan write the traditional forms (納, 麗, 亞, 維, 爾, 羅), and "-nathy" is 纳西 or 内西. A registry
/// lists one spelling, "普丽娅·纳塔拉詹", and a parent writes "娜塔拉詹女士": the registry's names are read in every
/// spelling these groups give (<see cref="Of"/>), where each character of a group stands for the sound. Only whole
/// names are matched, three characters or more, so a common character in a group ("内", "利") never matches alone.
/// </summary>
internal static class HanNameVariants
{
    /// <summary>The most spellings one name is read in; past it, the first ones in order.</summary>
    public const int MaxSpellings = 256;

    // Each group: the characters that write one sound in transliterated names, simplified, woman-radical and traditional.
    private static readonly string[] Groups =
    [
        "纳娜納内內", "利莉丽麗俐", "尼妮", "亚娅亞婭雅", "林琳", "迪蒂", "戴黛", "沙莎", "斯丝絲", "路露卢盧",
        "罗萝羅蘿", "雷蕾", "夫芙", "西茜", "廷婷", "瓦娃", "维薇維", "珊姗", "尔爾", "兰蘭", "伦倫", "马馬瑪玛",
        "达達", "约約", "汉漢", "贝貝", "杰傑", "库庫", "奥奧", "汤湯", "乔喬", "顿頓", "兹茲", "齐齊", "温溫", "诺諾",
        "凯凱", "莱萊", "华華", "里裡", "韦韋",
    ];

    private static readonly Dictionary<char, string> GroupOf = BuildGroups();

    private static Dictionary<char, string> BuildGroups()
    {
        var map = new Dictionary<char, string>();
        foreach (var group in Groups)
        {
            foreach (var c in group)
            {
                map.TryAdd(c, group);
            }
        }

        return map;
    }

    /// <summary>
    /// <paramref name="name"/> first, then its other spellings; a name of fewer than three characters, or one with no
    /// character of a group, only as written.
    /// </summary>
    public static IEnumerable<string> Of(string name)
    {
        yield return name;
        if (name.Length < 3 || !name.Any(GroupOf.ContainsKey))
        {
            yield break;
        }

        var spellings = new List<string> { name };
        for (var i = 0; i < name.Length && spellings.Count < MaxSpellings; i++)
        {
            if (!GroupOf.TryGetValue(name[i], out var group) || group.Length < 2)
            {
                continue;
            }

            var count = spellings.Count;
            for (var s = 0; s < count; s++)
            {
                foreach (var c in group)
                {
                    if (c != name[i] && spellings.Count < MaxSpellings)
                    {
                        var chars = spellings[s].ToCharArray();
                        chars[i] = c;
                        spellings.Add(new string(chars));
                    }
                }
            }
        }

        for (var s = 1; s < spellings.Count; s++)
        {
            yield return spellings[s];
        }
    }
}
