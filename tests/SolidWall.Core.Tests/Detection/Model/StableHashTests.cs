using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The hash indexes the model file's weights, so it must never change: the expected values were computed
/// independently (Python: FNV-1a 32 over the UTF-16LE bytes of the text).
/// </summary>
public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 723832900u)]
    [InlineData("vote", 1237969341u)]
    [InlineData("host:secure.actblue.com", 1080606729u)]
    public void Fnv1aOverUtf16(string text, uint expected) => Assert.Equal(expected, StableHash.Of(text));

    [Fact]
    public void MixIsMurmur3Finaliser()
    {
        // fmix32(1) from the MurmurHash3 reference implementation.
        Assert.Equal(0x514E28B7u, StableHash.Mix(1));
        Assert.Equal(0u, StableHash.Mix(0));
    }

    [Fact]
    public void PairsAreOrdered() =>
        Assert.NotEqual(StableHash.Pair(StableHash.Of("vote"), StableHash.Of("for")), StableHash.Pair(StableHash.Of("for"), StableHash.Of("vote")));

    [Fact]
    public void SameTextSameHashWhateverTheString()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<string>(s =>
        {
            s ??= "";
            var copy = new string(s.AsSpan());
            return StableHash.Of(copy) == StableHash.Of(s) && StableHash.Of(s + "x") != StableHash.Of(s + "y");
        }));
    }
}
