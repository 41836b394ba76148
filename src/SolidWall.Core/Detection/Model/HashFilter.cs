namespace SolidWall.Core.Detection.Model;

/// <summary>
/// A small set of token hashes asked about for every token of every message (negations, campaign words): a bitmap of
/// 4,096 bits in front of the set turns away almost every other token with one read, where a bit per hash modulo 64
/// would let through most tokens once the set holds more than a few dozen words.
/// </summary>
internal sealed class HashFilter
{
    private const int Bits = 4096;

    private readonly ulong[] _bitmap = new ulong[Bits / 64];
    private readonly HashSet<uint> _set;

    public HashFilter(IEnumerable<uint> hashes)
    {
        _set = [.. hashes];
        foreach (var h in _set)
        {
            _bitmap[(h >> 6) & ((Bits / 64) - 1)] |= 1UL << (int)(h & 63);
        }
    }

    public bool Contains(uint h) => ((_bitmap[(h >> 6) & ((Bits / 64) - 1)] >> (int)(h & 63)) & 1) != 0 && _set.Contains(h);
}
