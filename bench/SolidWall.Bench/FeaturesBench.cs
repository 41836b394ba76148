using System.Text;
using SolidWall.Core.Detection.Model;

namespace SolidWall.Bench;

/// <summary>
/// <c>features OUT [DEMO_DIR] [CORPORA_DIR] [DISTRICT_DIR]</c> (see <see cref="IdentityCheckInputs"/>): writes, for every training message and every item of
/// the demo archive, the text model's view of it (each token's text and hash, the vector's buckets, the bit pattern
/// of each value and the term each feature names), so that a change to the tokenizer or the extractor can be shown
/// to change nothing: run it before and after and compare the files byte for byte.
/// </summary>
internal static class FeaturesBench
{
    public static int Run(string[] args)
    {
        if (IdentityCheckInputs.Load("features", args) is not { } inputs)
        {
            return 2;
        }

        var (training, items) = (inputs.Training, inputs.DemoItems);
        var extractor = new FeatureExtractor();
        using var output = new BinaryWriter(File.Create(inputs.Output), new UTF8Encoding(false));
        var features = 0L;
        foreach (var message in training.Concat(items))
        {
            var x = extractor.Extract(message.Subject, message.Text, message.Segments);
            var tokens = extractor.Tokens;
            output.Write(tokens.Count);
            for (var t = 0; t < tokens.Count; t++)
            {
                output.Write(tokens.TextString(t));
                output.Write(tokens.Hash(t));
                output.Write(tokens.BreakBefore(t));
            }

            output.Write(x.TokenCount);
            output.Write(x.Count);
            for (var k = 0; k < x.Count; k++)
            {
                output.Write(x.Buckets[k]);
                output.Write(BitConverter.SingleToInt32Bits(x.Values[k]));
                output.Write(extractor.Term(x.Origins[k], x.Buckets[k]));
            }

            features += x.Count;
        }

        Console.WriteLine($"features: {training.Length + items.Length} messages, {features} features written to {inputs.Output}");
        return 0;
    }
}
