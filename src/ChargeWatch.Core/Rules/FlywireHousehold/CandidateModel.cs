namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Gradient-boosted regression trees over <see cref="CandidateFeatures"/>, trained on the candidates
/// of simulated nights apart from the tuning, validation and held-out ones
/// (<c>bench/ChargeWatch.FlywireEvaluation/train-candidate-model.sh</c>): the probability that a
/// candidate the paths found is a charger. The generated arrays are laid out once for the walk
/// (<see cref="TreeEnsemble"/>); a question allocates nothing.
/// </summary>
internal static partial class CandidateModel
{
    /// <summary>
    /// Meters that report less often than this (minutes between readings; the evaluation's meters
    /// report every 0.5, 1 or 2 min) are judged by <see cref="SlowMeterCandidateModel"/>.
    /// </summary>
    public const double SlowMeterMinutes = 2.4;

    // Built in the static constructor, which runs after every field initializer of the generated part.
    private static readonly TreeEnsemble Ensemble;

    static CandidateModel() => Ensemble = new TreeEnsemble(Bias, Roots, Features, Thresholds, Lefts, Rights);

    public static bool IsTrained => !Ensemble.IsEmpty;

    /// <summary>The highest feature index the trees split on (−1 untrained): must be one the detector gives.</summary>
    public static int HighestFeature => Math.Max(Ensemble.HighestFeature, SlowMeterCandidateModel.HighestFeature);

    public static double Probability(ReadOnlySpan<double> features) =>
        features[CandidateFeatures.IntervalMinutes] > SlowMeterMinutes && SlowMeterCandidateModel.IsTrained
            ? SlowMeterCandidateModel.Probability(features)
            : Ensemble.Probability(features);
}
