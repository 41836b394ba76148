using SolidWall.Core.Detection;

namespace SolidWall.Storage.Tests;

public sealed class CaseRegistryReadingTests
{
    [Fact]
    public void An_empty_case_has_no_reading_a_case_with_messages_and_none_is_reading_1_and_a_recorded_one_is_read_back()
    {
        using var path = new TempCase();
        using var store = path.Open();
        Assert.Null(CaseRegistryReading.Read(store));

        var message = Sample.Message("one");
        store.Add([Sample.Item(message, "/export/a.mbox", 0)], [message], []);
        Assert.Equal(1, CaseRegistryReading.Read(store));

        CaseRegistryReading.Record(store);
        Assert.Equal(Detector.RegistryReading, CaseRegistryReading.Read(store));
        Assert.Equal("2", store.GetSetting(CaseRegistryReading.Key));
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("-2")]
    [InlineData("")]
    public void A_setting_that_is_not_a_reading_is_named_as_damage(string value)
    {
        using var path = new TempCase();
        using var store = path.Open();
        store.SetSetting(CaseRegistryReading.Key, value);
        var error = Assert.Throws<CaseStoreException>(() => CaseRegistryReading.Read(store));
        Assert.Contains($"case.registry_reading is '{value}', not a version number", error.Message, StringComparison.Ordinal);
    }
}
