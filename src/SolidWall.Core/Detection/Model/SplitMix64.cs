namespace SolidWall.Core.Detection.Model;

/// <summary>Sebastiano Vigna's SplitMix64: a tiny, fixed generator (System.Random's algorithm may change between releases).</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Below(ulong bound) => Next() % bound;
}
