namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The walk of a flat ensemble of regression trees (the compiled candidate model): a node with
/// feature −1 is a leaf holding its value in <c>thresholds</c>; elsewhere a value at or below the
/// threshold goes left — as scikit-learn's trees, which the model is exported from, read it.
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
