using SolidWall.Core.Demo;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The shipped detector on a small demo archive, an independent check (nothing of the demo generator is in the
/// training data): every campaign message is flagged, whether sent by the campaign's domain or from webmail, and
/// none of the official, union, coursework or look-alike mail is. Relays and sign-ups are left to thread analysis.
/// </summary>
public sealed class DemoArchiveDetectionTests
{
    [Theory]
    [InlineData(true)] // as `solidwall demo` runs it, with the registry the generator writes
    [InlineData(false)] // and with none: most campaigns an investigator meets are in no list
    public void CampaignMailIsFlaggedAndLookAlikesAreNot(bool withRegistry)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"solidwall-demo-{Guid.NewGuid():N}");
        try
        {
            var report = DemoArchiveCheck.Run(dir, new DemoOptions { TeachersPerSchool = 4, StudentsPerSchool = 12, Weeks = 4 },
                registry => new Detector(registry: withRegistry ? registry : null, model: TextModel.LoadEmbedded()));
            Assert.Equal(report.Items, report.Classified);
            foreach (var kind in new[] { "campaign", "campaign-webmail" })
            {
                var m = report.ByKind[kind];
                Assert.True(m.Support > 0, kind);
                Assert.Equal(0, m.FalseNegatives);
            }

            foreach (var kind in new[] { "official-bulletin", "look-alike", "union", "coursework" })
            {
                var m = report.ByKind[kind];
                Assert.True(m.TrueNegatives > 0, kind);
                Assert.True(m.FalsePositives == 0, $"{kind}: {string.Join("; ", report.Errors.Where(e => e.Contains(kind, StringComparison.Ordinal)))}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
