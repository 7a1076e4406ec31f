using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// An ensemble of regression trees (the compiled candidate model), laid out for the walk. The model
/// comes as scikit-learn's flat arrays: a node with feature −1 is a leaf holding its value in
/// <c>thresholds</c>; elsewhere a value at or below the threshold goes left, and a missing one (NaN)
/// right, as there. Here each node is one 12-byte record and its two children sit side by side, so a
/// step of the walk reads one record where it read four arrays (docs/performance.md, "The household
/// detector after round thirteen" and "The trees' walk on a slower machine").
/// </summary>
internal sealed class TreeEnsemble
{
    private readonly double _bias;
    private readonly int[] _roots;
    private readonly Node[] _nodes;

    public TreeEnsemble(
        double bias, ReadOnlySpan<int> roots, ReadOnlySpan<int> features, ReadOnlySpan<double> thresholds,
        ReadOnlySpan<int> lefts, ReadOnlySpan<int> rights)
    {
        _bias = bias;
        _roots = new int[roots.Length];
        _nodes = new Node[features.Length];
        var placed = 0;
        var queue = new Queue<(int From, int To)>();
        for (var tree = 0; tree < roots.Length; tree++)
        {
            _roots[tree] = placed;
            queue.Enqueue((roots[tree], placed++));
            while (queue.TryDequeue(out var node))
            {
                if (features[node.From] < 0)
                {
                    _nodes[node.To] = new Node(thresholds[node.From], -1, -1);
                    continue;
                }
                if (features[node.From] >= Node.MaxFeatures || placed >= Node.MaxNodes)
                {
                    throw new ArgumentException($"a node packs a feature below {Node.MaxFeatures} and a child below {Node.MaxNodes}");
                }
                _nodes[node.To] = new Node(thresholds[node.From], features[node.From], placed);
                queue.Enqueue((lefts[node.From], placed++));
                queue.Enqueue((rights[node.From], placed++));
            }
        }
        HighestFeature = -1;
        foreach (var feature in features)
        {
            HighestFeature = int.Max(HighestFeature, feature);
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
        // Every child the constructor placed is inside the array (it wrote each one there, checked),
        // and no split reads past HighestFeature, which the check above holds x to: so the walk,
        // most of a question's cost, reads without bounds checks.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var values = ref MemoryMarshal.GetReference(x);
        var sum = _bias;
        foreach (var root in _roots)
        {
            var node = Unsafe.Add(ref nodes, root);
            while (node.IsSplit)
            {
                var left = node.Left;
                node = Unsafe.Add(ref values, node.Feature) <= node.Threshold ? Unsafe.Add(ref nodes, left) : Unsafe.Add(ref nodes, left + 1);
            }
            sum += node.Threshold;
        }
        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>
    /// A split (its threshold, feature and the left of its two adjacent children, packed in one int:
    /// 12 bytes a node) or a leaf (its value, and −1).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct Node(double threshold, int feature, int left)
    {
        private const int FeatureBits = 8;
        public const int MaxFeatures = 1 << FeatureBits;
        public const int MaxNodes = (int.MaxValue >> FeatureBits) - 1;
        private readonly int _featureAndLeft = feature < 0 ? -1 : (left << FeatureBits) | feature;

        public double Threshold { get; } = threshold;

        public bool IsSplit => _featureAndLeft >= 0;

        public int Feature => _featureAndLeft & ((1 << FeatureBits) - 1);

        public int Left => _featureAndLeft >> FeatureBits;
    }
}
