using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Text;

namespace SolidWall.Core.Tests;

/// <summary>A registered name in Chinese is read in the other spellings a transliterated name takes.</summary>
public sealed class HanNameVariantsTests
{
    [Fact]
    public void A_name_is_read_with_its_woman_radical_and_traditional_spellings()
    {
        var spellings = HanNameVariants.Of("纳塔拉詹").ToList();
        Assert.Equal("纳塔拉詹", spellings[0]);
        Assert.Contains("娜塔拉詹", spellings);
        Assert.Contains("納塔拉詹", spellings);
        Assert.Equal(spellings.Count, spellings.Distinct().Count());
        Assert.Contains("阿伯内西", HanNameVariants.Of("阿伯纳西"));
        Assert.Contains("托馬斯", HanNameVariants.Of("托马斯"));
        Assert.Contains("普麗婭", HanNameVariants.Of("普丽娅"));
    }

    [Fact]
    public void Short_names_other_scripts_and_names_without_a_variant_are_read_as_written()
    {
        Assert.Equal(["安娜"], HanNameVariants.Of("安娜")); // two characters: a part of other words too
        Assert.Equal(["Natarajan"], HanNameVariants.Of("Natarajan"));
        Assert.Equal(["何志伟"], HanNameVariants.Of("何志伟"));
    }

    [Fact]
    public void A_long_name_is_read_in_at_most_the_cap_of_spellings()
    {
        var spellings = HanNameVariants.Of("纳利亚维罗纳利亚维罗").ToList();
        Assert.Equal(HanNameVariants.MaxSpellings, spellings.Count);
        Assert.Equal("纳利亚维罗纳利亚维罗", spellings[0]);
    }

    [Fact]
    public void The_registry_finds_and_the_model_masks_a_candidate_written_another_way()
    {
        var registry = Registry.Parse(
            """
            campaigns:
              - id: natarajan
                name: Priya for Schools
                candidate: Priya Natarajan
                candidate_names: [普丽娅·纳塔拉詹]
                office: Board of Education, District 7
            """,
            "registry.yaml");
        const string text = "请把卡片带回家交给爸爸妈妈，告诉他们娜塔拉詹女士是好人。";
        Assert.Equal(text.IndexOf("娜塔拉詹", StringComparison.Ordinal), registry.ModelNames.First(text).Index);
        Assert.Contains("registeredcandidate", registry.ModelNames.Mask(text), StringComparison.Ordinal);

        var hit = SolidWall.Core.Tests.Detection.Mail.Run("RegisteredCandidateNamed", SolidWall.Core.Tests.Detection.Mail.Of(text, "带回家"), registry);
        Assert.NotNull(hit);
        SolidWall.Core.Tests.Detection.Mail.AssertEvidenceAt(hit, text, "娜塔拉詹");

        // Written in the registry's own spelling or in no variant of it, as before.
        Assert.Equal(0, registry.ModelNames.First("纳塔拉詹女士").Index);
        Assert.Equal(-1, registry.ModelNames.First("塔拉女士").Index);
        Assert.Equal(0, WorldNames.Of(["纳塔拉詹"]).First("内塔拉詹").Index); // the district set's names, as training masks them
    }
}
