using System.Text.RegularExpressions;
using SolidWall.Core.Detection;

namespace SolidWall.Core.Tests.Detection;

public sealed class LazyRegexTests
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    [Fact]
    public void Is_built_on_first_use_and_kept()
    {
        var lazy = new LazyRegex("\\bvote\\s+(?:yes|no)\\b", Options);
        Assert.Equal("\\bvote\\s+(?:yes|no)\\b", lazy.Pattern);
        Assert.Equal("\\bvote\\s+(?:yes|no)\\b", lazy.ToString());
        Assert.False(lazy.IsBuilt);

        // A PhrasePattern reads its stops from the source without building it.
        var pattern = new PhrasePattern(lazy, ["vote"]);
        Assert.False(lazy.IsBuilt);

        Assert.True(lazy.IsMatch("please vote yes on Tuesday"));
        Assert.True(lazy.IsBuilt);
        Assert.Same(lazy.Value, pattern.Regex);
        Assert.Equal(Options, lazy.Value.Options);
        Assert.Equal(["vote no"], lazy.Matches("vote no, not vote maybe").Select(m => m.Value));
    }

    [Fact]
    public void Threads_that_race_to_build_it_share_one()
    {
        var lazy = new LazyRegex("\\b(?:chip\\s+in|donate)\\b", Options);
        var seen = new Regex[16];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => seen[i] = lazy.Value);
        Assert.All(seen, r => Assert.Same(lazy.Value, r));
    }
}
