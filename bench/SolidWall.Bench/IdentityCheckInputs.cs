using SolidWall.Core;
using SolidWall.Core.Detection.Model;
using SolidWall.Mime.Sources;

namespace SolidWall.Bench;

/// <summary>
/// What the identity-check benches (<c>verdicts</c>, <c>features</c>) read: every training message and every item of
/// the demo archive, from <c>OUT [DEMO_DIR] [CORPORA_DIR] [DISTRICT_DIR]</c>. The demo archive is generated under
/// DEMO_DIR when it is not there yet, so both benches always see the same messages.
/// </summary>
internal sealed record IdentityCheckInputs(string Output, string DemoDirectory, Message[] Training, Message[] DemoItems)
{
    /// <summary>The inputs, or null (usage printed) when <paramref name="args"/> names no output file.</summary>
    public static IdentityCheckInputs? Load(string name, string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine($"usage: {name} OUT [DEMO_DIR] [CORPORA_DIR] [DISTRICT_DIR]");
            return null;
        }

        var root = TrainingData.FindRepositoryRoot(Environment.CurrentDirectory) ?? TrainingData.FindRepositoryRoot(AppContext.BaseDirectory);
        var demo = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "solidwall-bench-demo");
        var corpora = args.Length > 2 ? args[2] : Path.GetFullPath(Path.Combine(root ?? ".", "..", "shared", "corpora"));
        var district = args.Length > 3 ? args[3] : Path.Combine(root ?? ".", "data", "district");
        if (!File.Exists(Path.Combine(demo, "ground-truth.json")))
        {
            new SolidWall.Core.Demo.DistrictArchiveGenerator(new SolidWall.Core.Demo.DemoOptions()).Generate(demo);
        }

        var training = TrainingData.Load(corpora, district).Select(e => e.AsMessage()).ToArray();
        var items = MessageSources.Open(Path.Combine(demo, "archive")).Read(_ => { }).Select(TrainingMail.Normalize).ToArray();
        return new IdentityCheckInputs(args[0], demo, training, items);
    }
}
