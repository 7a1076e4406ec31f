namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The walk of a flat ensemble of regression trees, shared by the detector's compiled model and the
/// harness's trainer so that both read a tree the same way: a node with feature −1 is a leaf holding
/// its value in <c>thresholds</c>; elsewhere a value at or below the threshold goes left.
/// </summary>
internal static class TreeEnsemble
{
    /// <summary>The logistic of the bias plus every tree's leaf for <paramref name="x"/>.</summary>
    public static double Probability(
        ReadOnlySpan<double> x, double bias, ReadOnlySpan<int> roots, ReadOnlySpan<int> features,
        ReadOnlySpan<double> thresholds, ReadOnlySpan<int> lefts, ReadOnlySpan<int> rights)
    {
        var sum = bias;
        foreach (var root in roots)
        {
            var node = root;
            while (features[node] >= 0)
            {
                node = x[features[node]] <= thresholds[node] ? lefts[node] : rights[node];
            }
            sum += thresholds[node];
        }
        return 1 / (1 + Math.Exp(-sum));
    }
}
