namespace SolidWall.Core.Analysis;

/// <summary>
/// Chooses how a signature is cut into bands for locality-sensitive hashing. Two signatures of Jaccard s share at
/// least one of b bands of r rows with probability 1 − (1 − s^r)^b, an S-curve whose midpoint is near (1/b)^(1/r).
/// The choice is the largest r (fewest false candidates) for which a pair exactly at the threshold is still found
/// with probability at least <see cref="RecallAtThreshold"/>; b = ⌊hashes / r⌋, so a few slots may be left out of
/// every band when r does not divide the signature length (they still count when candidates are verified).
/// </summary>
internal static class LshBanding
{
    public const double RecallAtThreshold = 0.95;

    public static (int Bands, int Rows) Choose(int hashes, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes, 1);
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the similarity threshold must be in (0, 1]");
        }

        for (var rows = hashes; rows > 1; rows--)
        {
            var bands = hashes / rows;
            if (CandidateProbability(threshold, bands, rows) >= RecallAtThreshold)
            {
                return (bands, rows);
            }
        }

        return (hashes, 1);
    }

    /// <summary>The probability that two signatures of Jaccard <paramref name="similarity"/> share a band.</summary>
    public static double CandidateProbability(double similarity, int bands, int rows) =>
        1 - Math.Pow(1 - Math.Pow(similarity, rows), bands);
}
