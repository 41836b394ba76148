using System.Diagnostics;
using System.Text;

namespace SolidWall.Mime.Tests;

/// <summary>
/// Header values built to make a naive parser quadratic (each unclosed bracket, quote or comment rescanning the
/// rest) must still be read in linear time. 256 KiB is MimeLimits.Default.MaxHeaderBytes.
/// </summary>
public sealed class HostileHeaderTests
{
    private const int Size = 256 * 1024;

    private static byte[] Repeat(string unit) =>
        Encoding.ASCII.GetBytes(new StringBuilder().Insert(0, unit, Size / unit.Length).ToString());

    [Theory]
    [InlineData("<,")]
    [InlineData("<@a")]
    [InlineData("(@")]
    [InlineData("\"<")]
    [InlineData("[")]
    [InlineData("a ")]
    [InlineData("a@b,")]
    [InlineData("G:")]
    public void Address_lists_are_linear(string unit)
    {
        var value = Repeat(unit);
        var watch = Stopwatch.StartNew();
        AddressParser.ParseList(value, new DefectSink(), 0);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{unit}: {watch.Elapsed}");
    }

    [Theory]
    [InlineData("<a ")]
    [InlineData("<")]
    [InlineData("(")]
    [InlineData("\"")]
    public void Message_id_lists_are_linear(string unit)
    {
        var value = Repeat(unit).Concat(">"u8.ToArray()).ToArray();
        var watch = Stopwatch.StartNew();
        MessageIds.ParseList(value, new DefectSink(), 0);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{unit}: {watch.Elapsed}");
    }

    [Theory]
    [InlineData("1 ")]
    [InlineData("(")]
    [InlineData(" ")]
    public void Dates_are_linear(string unit)
    {
        var value = Repeat(unit);
        var watch = Stopwatch.StartNew();
        Assert.Null(DateParser.Parse(value, new DefectSink(), 0));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{unit}: {watch.Elapsed}");
    }
}
