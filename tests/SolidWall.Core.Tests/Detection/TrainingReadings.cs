using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;
using SolidWall.Core.Tests.Detection.Model;

namespace SolidWall.Core.Tests.Detection;

/// <summary>
/// The shipped detector as the tests that read every training message run it: with the district set's registry, with
/// none, or with no text model at all (the signals alone).
/// </summary>
internal static class TrainingReadings
{
    public const string DistrictRegistry = "district registry";
    public const string NoRegistry = "no registry";
    public const string NoTextModel = "no text model";

    public static TheoryData<string> WithTheModel() => [DistrictRegistry, NoRegistry];

    public static Detector Detector(string reading)
    {
        var registry = reading == DistrictRegistry ? Registry.Load(Path.Combine(TestPaths.District(), "registry.yaml")) : Registry.Empty;
        return reading == NoTextModel ? new Detector(registry: registry) : new Detector(registry: registry, model: TextModel.LoadEmbedded());
    }

    /// <summary>The corpora's and the district set's rows, as `solidwall train` reads them.</summary>
    public static List<TrainingExample> Examples() => TrainingData.Load(TestPaths.Corpora(), TestPaths.District());
}
