namespace SolidWall.Core.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
