using System.Text;

namespace SolidWall.Mime.Tests;

/// <summary>Shared helpers: bytes from strings, legacy encoders, and the corpora folder next to the repo.</summary>
internal static class TestData
{
    static TestData() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static Encoding Legacy(int codePage) => Encoding.GetEncoding(codePage);

    /// <summary>The shared corpora folder: walk up to the folder holding SolidWall.slnx, then ../shared/corpora.</summary>
    public static string? CorporaRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SolidWall.slnx")))
        {
            dir = dir.Parent;
        }
        if (dir?.Parent is null)
        {
            return null;
        }
        var root = Path.Combine(dir.Parent.FullName, "shared", "corpora");
        return Directory.Exists(root) ? root : null;
    }
}
