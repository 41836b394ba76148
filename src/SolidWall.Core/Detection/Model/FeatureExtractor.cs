namespace SolidWall.Core.Detection.Model;

/// <summary>
/// Hashes a message's words and word pairs into <see cref="Buckets"/> buckets (the hashing trick), weights each
/// by 1 + ln(count) and scales the vector to unit length, so that long and short messages score alike.
/// Only the subject and the text are read: never headers, addresses or dates, which differ by the era and
/// format of the training corpora rather than by what a message asks for.
/// </summary>
internal sealed class FeatureExtractor
{
    public const int BucketBits = 18;
    public const int Buckets = 1 << BucketBits;
    private const int Mask = Buckets - 1;

    private readonly TokenBuffer _tokens = new();
    private int[] _keys = new int[1024];
    private int[] _origins = new int[1024];

    public TokenBuffer Tokens => _tokens;

    /// <summary>Tokenizes subject then text (no word pair across them) and builds the vector.</summary>
    public FeatureVector Extract(string? subject, string text)
    {
        _tokens.Clear();
        if (!string.IsNullOrEmpty(subject))
        {
            Tokenizer.Tokenize(subject, _tokens);
            _tokens.Break();
        }

        Tokenizer.Tokenize(text, _tokens);
        return Vectorize();
    }

    private FeatureVector Vectorize()
    {
        var n = _tokens.Count;
        var need = n * 2;
        if (_keys.Length < need)
        {
            _keys = new int[need];
            _origins = new int[need];
        }

        var m = 0;
        for (var t = 0; t < n; t++)
        {
            var h = _tokens.Hash(t);
            _keys[m] = (int)(StableHash.Mix(h) & Mask);
            _origins[m++] = t * 2;
            if (!_tokens.BreakBefore(t))
            {
                _keys[m] = (int)(StableHash.Pair(_tokens.Hash(t - 1), h) & Mask);
                _origins[m++] = (t * 2) + 1;
            }
        }

        Array.Sort(_keys, _origins, 0, m);
        var buckets = new int[m];
        var values = new float[m];
        var origins = new int[m];
        var count = 0;
        double norm = 0;
        for (var i = 0; i < m;)
        {
            var j = i;
            var origin = _origins[i];
            while (j < m && _keys[j] == _keys[i])
            {
                origin = Math.Min(origin, _origins[j]);
                j++;
            }

            var v = 1.0 + Math.Log(j - i);
            buckets[count] = _keys[i];
            values[count] = (float)v;
            origins[count] = origin;
            norm += v * v;
            count++;
            i = j;
        }

        if (count > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(norm));
            for (var i = 0; i < count; i++)
            {
                values[i] *= scale;
            }
        }

        return new FeatureVector(buckets, values, origins, count);
    }

    /// <summary>The words behind a feature, from the tokens of the message just extracted.</summary>
    public string Term(int origin)
    {
        var t = origin >> 1;
        return (origin & 1) == 0 ? _tokens.TextString(t) : string.Concat(_tokens.Text(t - 1), " ", _tokens.Text(t));
    }
}
