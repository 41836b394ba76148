using SolidWall.Core.Analysis;
using SolidWall.Core.Detection;

namespace SolidWall.Storage.Tests;

/// <summary>The versions a case keeps of how its rows were made: its fingerprints' normalisation, its verdicts' reading of the registry.</summary>
public sealed class CaseFingerprintsTests
{
    public static TheoryData<string> Keys => [CaseFingerprints.Key, CaseRegistryReading.Key];

    private static int? Read(string key, ICaseStore store) => key == CaseFingerprints.Key ? CaseFingerprints.Read(store) : CaseRegistryReading.Read(store);

    [Theory]
    [MemberData(nameof(Keys))]
    public void An_empty_case_has_no_version_a_case_with_messages_and_none_is_version_1_and_a_recorded_one_is_read_back(string key)
    {
        using var path = new TempCase();
        using var store = path.Open();
        Assert.Null(Read(key, store));

        var message = Sample.Message("one");
        store.Add([Sample.Item(message, "/export/a.mbox", 0)], [message], []);
        Assert.Equal(1, Read(key, store));

        if (key == CaseFingerprints.Key)
        {
            CaseFingerprints.Record(store);
            Assert.Equal(Fingerprinter.NormalisationVersion, Read(key, store));
        }
        else
        {
            CaseRegistryReading.Record(store);
            Assert.Equal(Detector.RegistryReading, Read(key, store));
        }

        Assert.Equal((key == CaseFingerprints.Key ? Fingerprinter.NormalisationVersion : Detector.RegistryReading).ToString(System.Globalization.CultureInfo.InvariantCulture), store.GetSetting(key));
    }

    [Theory]
    [InlineData("case.fingerprints", "two")]
    [InlineData("case.fingerprints", "-1")]
    [InlineData("case.fingerprints", "")]
    [InlineData("case.registry_reading", "complete")]
    [InlineData("case.registry_reading", "-2")]
    public void A_setting_that_is_not_a_version_is_named_as_damage(string key, string value)
    {
        using var path = new TempCase();
        using var store = path.Open();
        store.SetSetting(key, value);
        var error = Assert.Throws<CaseStoreException>(() => Read(key, store));
        Assert.Contains($"{key} is '{value}', not a version number", error.Message, StringComparison.Ordinal);
    }
}
