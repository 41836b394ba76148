namespace SolidWall.Core.Detection.Model;

/// <summary>
/// A message as the model sees it: sorted distinct buckets with their values (sublinear term frequency,
/// L2-normalised), and for each bucket the first token (or word pair, or stem) that fell into it, so that an explanation
/// can name the words. The arrays may be longer than <see cref="Count"/> (an extractor's reused buffers).
/// </summary>
internal sealed class FeatureVector
{
    public FeatureVector(int[] buckets, float[] values, int[] origins, int count, int tokenCount, int contextFrom = -1)
    {
        TokenCount = tokenCount;
        ContextFrom = contextFrom < 0 ? count : contextFrom;
        Buckets = buckets;
        Values = values;
        Origins = origins;
        Count = count;
    }

    public int[] Buckets { get; }

    public float[] Values { get; }

    /// <summary>
    /// Token index × 8, plus 1 when the feature is the pair (token − 1, token), 2 the token's stem, 3 the token quoted,
    /// 4 negated, 5 in campaign context, 6 an own word above a quote, 7 the concept of the token or of the pair ending at
    /// it (<see cref="FeatureExtractor.Term"/>).
    /// </summary>
    public int[] Origins { get; }

    public int Count { get; }

    /// <summary>
    /// Where the words counted in campaign context, or as own words above a quote, start (<see cref="FeatureExtractor"/>);
    /// <see cref="Count"/> when there are none. They come last, and only the electioneering head reads them: the category heads say which kind
    /// of campaign work a message asks for, not whether it is campaign work, and skipping them keeps scoring fast.
    /// </summary>
    public int ContextFrom { get; }

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
    public FeatureVector Compact() => new(Buckets[..Count], Values[..Count], Array.Empty<int>(), Count, TokenCount, ContextFrom) { Postscript = Postscript, Plain = Plain };
}
