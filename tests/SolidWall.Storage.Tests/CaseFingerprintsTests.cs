using SolidWall.Core.Analysis;

namespace SolidWall.Storage.Tests;

public sealed class CaseFingerprintsTests
{
    [Fact]
    public void An_empty_case_has_no_version_a_case_with_messages_and_none_is_version_1_and_a_recorded_one_is_read_back()
    {
        using var path = new TempCase();
        using var store = path.Open();
        Assert.Null(CaseFingerprints.Read(store));

        var message = Sample.Message("one");
        store.Add([Sample.Item(message, "/export/a.mbox", 0)], [message], []);
        Assert.Equal(1, CaseFingerprints.Read(store));

        CaseFingerprints.Record(store);
        Assert.Equal(Fingerprinter.NormalisationVersion, CaseFingerprints.Read(store));
        Assert.Equal("2", store.GetSetting(CaseFingerprints.Key));
    }

    [Theory]
    [InlineData("two")]
    [InlineData("-1")]
    [InlineData("")]
    public void A_setting_that_is_not_a_version_is_named_as_damage(string value)
    {
        using var path = new TempCase();
        using var store = path.Open();
        store.SetSetting(CaseFingerprints.Key, value);
        var error = Assert.Throws<CaseStoreException>(() => CaseFingerprints.Read(store));
        Assert.Contains($"case.fingerprints is '{value}', not a version number", error.Message, StringComparison.Ordinal);
    }
}
