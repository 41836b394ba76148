using System.Diagnostics;
using System.Globalization;
using System.Text;
using SolidWall.Core;
using SolidWall.Core.Detection;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Bench;

/// <summary>
/// <c>verdicts OUT [DEMO_DIR] [CORPORA_DIR] [DISTRICT_DIR]</c>: writes, for every training message and every item of
/// the demo archive, the verdict as JSON and what each signal alone says about it, so that a change to how signals
/// match can be shown to change nothing: run it before and after and compare the files byte for byte. The training
/// messages are classified twice, with an empty registry and with the demo's (which makes every campaign check look
/// for registered names); the demo items with the demo's registry and directory. The demo archive is generated under
/// DEMO_DIR when it is not there yet.
/// </summary>
internal static class VerdictsBench
{
    public static int Run(string[] args)
    {
        if (IdentityCheckInputs.Load("verdicts", args) is not { } inputs)
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var model = TextModel.LoadEmbedded();
        var demo = inputs.DemoDirectory;
        var (training, items) = (inputs.Training, inputs.DemoItems);
        var registry = Registry.Load(Path.Combine(demo, "registry.yaml"));
        var directory = InstitutionDirectory.Load([SolidWall.Core.Demo.DemoDistrict.StaffDomain], [SolidWall.Core.Demo.DemoDistrict.StudentDomain], Path.Combine(demo, "directory.csv"));

        using var output = new StreamWriter(inputs.Output, append: false, new UTF8Encoding(false));
        Write(output, "training, empty registry", training, new Detector(model: model), Registry.Empty, InstitutionDirectory.Empty);
        Write(output, "training, demo registry", training, new Detector(registry: registry, directory: directory, model: model), registry, directory);
        Write(output, "demo archive", items, new Detector(registry: registry, directory: directory, model: model), registry, directory);
        Console.WriteLine($"verdicts: {2 * training.Length + items.Length} classifications written to {inputs.Output} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static void Write(StreamWriter output, string title, Message[] messages, Detector detector, Registry registry, InstitutionDirectory directory)
    {
        output.WriteLine($"# {title}: {messages.Length} messages");
        var line = new StringBuilder();
        foreach (var message in messages)
        {
            output.WriteLine(detector.Classify(message).ToJson());

            // Every signal on its own, counter-signals included: the detector runs those only after a positive one.
            var context = new DetectionContext(message, registry, directory, Policy.Default);
            foreach (var signal in SignalCatalog.All)
            {
                if (signal.Evaluate(context) is not { } hit)
                {
                    continue;
                }

                line.Clear().Append("  ").Append(signal.Name).Append(" [").AppendJoin(',', hit.Categories).Append(']');
                foreach (var e in hit.Evidence)
                {
                    line.Append(CultureInfo.InvariantCulture, $" | {e}");
                }

                output.WriteLine(line.ToString());
            }
        }
    }
}
