using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// An ensemble of regression trees (the compiled candidate model), laid out for the walk. The model
/// comes as scikit-learn's flat arrays: a node with feature −1 is a leaf holding its value in
/// <c>thresholds</c>; elsewhere a value at or below the threshold goes left, and a missing one (NaN)
/// right, as there.
/// </summary>
/// <remarks>
/// A question first puts each value among the thresholds its feature is split at (its bin: how many
/// of them lie below it; a missing value past them all), so that a split compares two bytes: value
/// at or below threshold k ⇔ bin ≤ k. A node is then one int (feature, threshold's rank, distance to
/// its two adjacent children), the 75,000 nodes fit in a core's cache, and a leaf leads back to itself
/// (distance 0, compared on a slot that always goes left). So every tree is walked the same number of
/// steps without asking whether it has reached its leaf, eight trees side by side: their chains of
/// loads overlap and no step waits on a mispredicted branch (docs/performance.md, "Binned
/// thresholds, eight trees at a time"). The leaves are added in the trees' order, so a probability
/// is the same double as a walk of the flat arrays.
/// </remarks>
internal sealed class TreeEnsemble
{
    private const int Lanes = 8;
    private const int MaxRanks = byte.MaxValue; // ranks 0–254; bin 255 is past every threshold
    private const int MaxDistance = short.MaxValue;
    private readonly double _bias;
    private readonly int[] _roots;
    private readonly int[] _nodes;
    private readonly double[] _leafValues;
    private readonly double[][] _cuts;
    private readonly int _depth;

    public TreeEnsemble(
        double bias, ReadOnlySpan<int> roots, ReadOnlySpan<int> features, ReadOnlySpan<double> thresholds,
        ReadOnlySpan<int> lefts, ReadOnlySpan<int> rights)
    {
        _bias = bias;
        HighestFeature = -1;
        foreach (var feature in features)
        {
            HighestFeature = int.Max(HighestFeature, feature);
        }
        // The slot a leaf compares (bin 0, so at or below any rank) is one past the highest feature.
        if (HighestFeature + 1 > byte.MaxValue)
        {
            throw new ArgumentException($"a node packs a feature below {byte.MaxValue}");
        }
        _cuts = Cuts(features, thresholds, HighestFeature);
        _roots = new int[roots.Length];
        _nodes = new int[features.Length];
        _leafValues = new double[features.Length];
        var leafSlot = HighestFeature + 1;
        var placed = 0;
        var queue = new Queue<(int From, int To, int Depth)>();
        for (var tree = 0; tree < roots.Length; tree++)
        {
            _roots[tree] = placed;
            queue.Enqueue((roots[tree], placed++, 0));
            while (queue.TryDequeue(out var node))
            {
                if (features[node.From] < 0)
                {
                    _nodes[node.To] = Pack(leafSlot, MaxRanks, 0);
                    _leafValues[node.To] = thresholds[node.From];
                    _depth = int.Max(_depth, node.Depth);
                    continue;
                }
                var distance = placed - node.To;
                if (distance > MaxDistance)
                {
                    throw new ArgumentException($"a node packs a distance to its children up to {MaxDistance}");
                }
                var feature = features[node.From];
                _nodes[node.To] = Pack(feature, Array.BinarySearch(_cuts[feature], thresholds[node.From]), distance);
                queue.Enqueue((lefts[node.From], placed++, node.Depth + 1));
                queue.Enqueue((rights[node.From], placed++, node.Depth + 1));
            }
        }
    }

    public bool IsEmpty => _roots.Length == 0;

    /// <summary>The highest feature index the trees split on (−1 for no tree).</summary>
    public int HighestFeature { get; }

    /// <summary>The logistic of the bias plus every tree's leaf for <paramref name="x"/>.</summary>
    public double Probability(ReadOnlySpan<double> x)
    {
        if (x.Length <= HighestFeature)
        {
            throw new ArgumentException($"the trees split on feature {HighestFeature}; {x.Length} given", nameof(x));
        }
        Span<byte> bins = stackalloc byte[HighestFeature + 2];
        for (var feature = 0; feature <= HighestFeature; feature++)
        {
            bins[feature] = Bin(_cuts[feature], x[feature]);
        }
        bins[^1] = 0;
        // Every child the constructor placed is inside the array (it wrote each one there), and no node
        // reads a bin past the leaf slot, which `bins` holds: so the walk reads without bounds checks.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var bin = ref MemoryMarshal.GetReference(bins);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leafValues);
        var sum = _bias;
        var tree = 0;
        for (; tree + Lanes <= _roots.Length; tree += Lanes)
        {
            var (a, b, c, d) = (_roots[tree], _roots[tree + 1], _roots[tree + 2], _roots[tree + 3]);
            var (e, f, g, h) = (_roots[tree + 4], _roots[tree + 5], _roots[tree + 6], _roots[tree + 7]);
            for (var step = 0; step < _depth; step++)
            {
                a = Step(ref nodes, ref bin, a);
                b = Step(ref nodes, ref bin, b);
                c = Step(ref nodes, ref bin, c);
                d = Step(ref nodes, ref bin, d);
                e = Step(ref nodes, ref bin, e);
                f = Step(ref nodes, ref bin, f);
                g = Step(ref nodes, ref bin, g);
                h = Step(ref nodes, ref bin, h);
            }
            sum += Unsafe.Add(ref leaves, a);
            sum += Unsafe.Add(ref leaves, b);
            sum += Unsafe.Add(ref leaves, c);
            sum += Unsafe.Add(ref leaves, d);
            sum += Unsafe.Add(ref leaves, e);
            sum += Unsafe.Add(ref leaves, f);
            sum += Unsafe.Add(ref leaves, g);
            sum += Unsafe.Add(ref leaves, h);
        }
        for (; tree < _roots.Length; tree++)
        {
            var a = _roots[tree];
            for (var step = 0; step < _depth; step++)
            {
                a = Step(ref nodes, ref bin, a);
            }
            sum += Unsafe.Add(ref leaves, a);
        }
        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>Where a node leads: its left child, the right one beside it, or (a leaf) itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref int nodes, ref byte bins, int place)
    {
        var node = Unsafe.Add(ref nodes, place);
        var goesRight = Unsafe.Add(ref bins, node & 0xFF) > ((node >> 8) & 0xFF) ? 1 : 0;
        return place + (node >> 16) + goesRight;
    }

    private static int Pack(int feature, int rank, int distance) => (distance << 16) | (rank << 8) | feature;

    /// <summary>How many of a feature's thresholds lie below <paramref name="value"/>; a missing value is past them all.</summary>
    private static byte Bin(double[] cuts, double value)
    {
        if (double.IsNaN(value))
        {
            return MaxRanks;
        }
        var (low, high) = (0, cuts.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cuts[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return (byte)low;
    }

    /// <summary>Each feature's distinct thresholds, in order (at most 255: a rank must fit a byte below the missing bin).</summary>
    private static double[][] Cuts(ReadOnlySpan<int> features, ReadOnlySpan<double> thresholds, int highestFeature)
    {
        var sets = new SortedSet<double>[highestFeature + 1];
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i] >= 0)
            {
                (sets[features[i]] ??= []).Add(thresholds[i]);
            }
        }
        var cuts = new double[highestFeature + 1][];
        for (var feature = 0; feature <= highestFeature; feature++)
        {
            cuts[feature] = sets[feature] is { } set ? [.. set] : [];
            if (cuts[feature].Length > MaxRanks)
            {
                throw new ArgumentException($"feature {feature} is split at {cuts[feature].Length} thresholds; a node packs at most {MaxRanks}");
            }
        }
        return cuts;
    }
}
