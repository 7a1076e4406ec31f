namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// An ensemble of regression trees (the compiled candidate model), laid out for the walk. The model
/// comes as scikit-learn's flat arrays: a node with feature −1 is a leaf holding its value in
/// <c>thresholds</c>; elsewhere a value at or below the threshold goes left, and a missing one (NaN)
/// right, as there. Here each node is one 16-byte record and its two children sit side by side, so a
/// step of the walk reads one record where it read four arrays (docs/performance.md, "The household
/// detector after round thirteen").
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
        var nodes = _nodes;
        var sum = _bias;
        foreach (var root in _roots)
        {
            var node = nodes[root];
            while (node.Feature >= 0)
            {
                node = x[node.Feature] <= node.Threshold ? nodes[node.Left] : nodes[node.Left + 1];
            }
            sum += node.Threshold;
        }
        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>A split (its feature, threshold and the left of its two adjacent children) or a leaf (feature −1, its value).</summary>
    private readonly record struct Node(double Threshold, int Feature, int Left);
}
