namespace SolidWall.Core.Detection.Model;

/// <summary>
/// A message as the model sees it: sorted distinct buckets with their values (sublinear term frequency,
/// L2-normalised), and for each bucket the first token (or word pair, or stem) that fell into it, so that an explanation
/// can name the words. The arrays may be longer than <see cref="Count"/> (an extractor's reused buffers).
/// </summary>
internal sealed class FeatureVector
{
    public FeatureVector(int[] buckets, float[] values, int[] origins, int count, int tokenCount)
    {
        TokenCount = tokenCount;
        Buckets = buckets;
        Values = values;
        Origins = origins;
        Count = count;
    }

    public int[] Buckets { get; }

    public float[] Values { get; }

    /// <summary>Token index × 4, plus 1 when the feature is the pair (token − 1, token), plus 2 when it is the token's stem.</summary>
    public int[] Origins { get; }

    public int Count { get; }

    /// <summary>How many tokens the message had (the evidence behind the vector).</summary>
    public int TokenCount { get; }

    /// <summary>
    /// The message's postscript read on its own (<see cref="Model.Postscript"/>), when it has one: kept beside the
    /// training rows' vectors so that held-out scores are what <see cref="TextModel.Score(string?, string, int)"/>
    /// gives.
    /// </summary>
    public FeatureVector? Postscript { get; set; }

    /// <summary>
    /// The row as read without a registry, when that differs (a district row: its candidates' names cut, not masked):
    /// trained on beside the masked view, and what the combination's no-registry view is fitted on.
    /// </summary>
    public FeatureVector? Plain { get; set; }

    /// <summary>A copy that owns exact-size arrays without the origins (for keeping many in memory while training).</summary>
    public FeatureVector Compact() => new(Buckets[..Count], Values[..Count], Array.Empty<int>(), Count, TokenCount) { Postscript = Postscript, Plain = Plain };
}
