using System.Buffers;

namespace SolidWall.Mime.Decoding;

/// <summary>A growable char buffer on pooled arrays, so decoding a header costs one string allocation.</summary>
internal ref struct CharBuilder
{
    private char[] _buf;
    private int _len;

    public CharBuilder(int capacity)
    {
        _buf = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        _len = 0;
    }

    public readonly int Length => _len;

    public readonly ReadOnlySpan<char> Written => _buf.AsSpan(0, _len);

    public Span<char> GetSpan(int sizeHint)
    {
        if (_buf.Length - _len < sizeHint)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buf.Length * 2, _len + sizeHint));
            _buf.AsSpan(0, _len).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buf);
            _buf = bigger;
        }
        return _buf.AsSpan(_len);
    }

    public void Advance(int count) => _len += count;

    public void Append(char c)
    {
        GetSpan(1)[0] = c;
        _len++;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        chars.CopyTo(GetSpan(chars.Length));
        _len += chars.Length;
    }

    public readonly string Build() => new(_buf, 0, _len);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buf);
        _buf = [];
        _len = 0;
    }
}
