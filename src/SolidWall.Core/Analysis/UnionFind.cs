namespace SolidWall.Core.Analysis;

/// <summary>Disjoint sets over 0..n−1 with path halving and union by index (the smaller index becomes the root), so that results do not depend on timing.</summary>
internal sealed class UnionFind
{
    private readonly int[] parent;

    public UnionFind(int count)
    {
        parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of a and b; returns the new root.</summary>
    public int Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return ra;
        }

        if (ra < rb)
        {
            parent[rb] = ra;
            return ra;
        }

        parent[ra] = rb;
        return rb;
    }
}
