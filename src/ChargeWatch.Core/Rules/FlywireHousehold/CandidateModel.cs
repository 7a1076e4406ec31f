namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Gradient-boosted regression trees over <see cref="CandidateFeatures"/>, trained by the evaluation
/// harness (<c>train</c>) on seeds apart from the tuning, validation and held-out ones: the
/// probability that a candidate the paths found is a charger. Flat arrays, no allocation; a node
/// with feature −1 is a leaf holding its value in <see cref="Thresholds"/>.
/// </summary>
internal static partial class CandidateModel
{
    public static bool IsTrained => Roots.Length > 0;

    /// <summary>The highest feature index the trees split on (−1 untrained): must be one the detector gives.</summary>
    public static int HighestFeature => Features.Length == 0 ? -1 : Features.Max();

    public static double Probability(ReadOnlySpan<double> features)
    {
        var sum = Bias;
        foreach (var root in Roots)
        {
            var node = root;
            while (Features[node] >= 0)
            {
                node = features[Features[node]] <= Thresholds[node] ? Lefts[node] : Rights[node];
            }
            sum += Thresholds[node];
        }
        return 1 / (1 + Math.Exp(-sum));
    }
}
