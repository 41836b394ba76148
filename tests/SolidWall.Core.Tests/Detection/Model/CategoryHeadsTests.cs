using SolidWall.Core.Detection.Model;

namespace SolidWall.Core.Tests.Detection.Model;

/// <summary>
/// The category heads' raw scores are added four heads at a time (<see cref="TextModel.CategoryRaw"/>); they must be
/// the very doubles the plain loop gives, head by head and feature by feature, on the corpus's messages. The words
/// counted twice (in campaign context, above a quote) come last in a vector and no category head reads them.
/// </summary>
public sealed class CategoryHeadsTests
{
    [Fact]
    public void VectorSumsAreThePlainLoopsDoubles()
    {
        var model = TextModel.LoadEmbedded();
        var extractor = new FeatureExtractor();
        var examples = TrainingData.LoadPolitical(Path.Combine(TestPaths.Corpora(), TrainingData.PoliticalFile));
        Span<double> fast = stackalloc double[TextModel.HeadCount - 1];
        var nonZero = 0;
        var withContext = 0;
        foreach (var example in examples)
        {
            var x = extractor.Extract(example.Subject, example.Text);
            model.CategoryRaw(x, fast);
            withContext += x.ContextFrom < x.Count ? 1 : 0;
            for (var h = 1; h < TextModel.HeadCount; h++)
            {
                var plain = model.Biases[h];
                for (var k = 0; k < x.ContextFrom; k++)
                {
                    plain += model.Weight(x.Buckets[k], h) * (double)x.Values[k];
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(plain), BitConverter.DoubleToInt64Bits(fast[h - 1]));
                nonZero += plain != model.Biases[h] ? 1 : 0;
            }
        }

        Assert.True(nonZero > 5000, $"only {nonZero} head scores moved from the bias");
        Assert.True(withContext > examples.Count / 2, $"only {withContext} of {examples.Count} campaign messages have words in campaign context");
    }
}
