namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Gradient-boosted regression trees over <see cref="CandidateFeatures"/>, trained on the candidates
/// of simulated nights apart from the tuning, validation and held-out ones
/// (<c>bench/ChargeWatch.FlywireEvaluation/train-candidate-model.sh</c>): the probability that a
/// candidate the paths found is a charger. Flat arrays (<see cref="TreeEnsemble"/>), no allocation.
/// </summary>
internal static partial class CandidateModel
{
    public static bool IsTrained => Roots.Length > 0;

    /// <summary>The highest feature index the trees split on (−1 untrained): must be one the detector gives.</summary>
    public static int HighestFeature => Features.Length == 0 ? -1 : Features.Max();

    public static double Probability(ReadOnlySpan<double> features) =>
        TreeEnsemble.Probability(features, Bias, Roots, Features, Thresholds, Lefts, Rights);
}
