namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// Gradient-boosted regression trees over <see cref="CandidateFeatures"/>, trained on the candidates
/// of simulated nights apart from the tuning, validation and held-out ones
/// (<c>bench/ChargeWatch.FlywireEvaluation/train-candidate-model.sh</c>): the probability that a
/// candidate the paths found is a charger. The generated arrays are laid out once for the walk
/// (<see cref="TreeEnsemble"/>); a question allocates nothing. Two more models, trained the same way,
/// judge the meters this one never saw: those slower than <see cref="SlowMeterMinutes"/>
/// (<c>SlowMeterCandidateModel</c>, <c>train-slow-meter-model.sh</c>) and those that report <c>w</c>
/// alone (<c>WattsOnlyCandidateModel</c>, <c>train-watts-only-model.sh</c>; docs/flywire.md, items
/// 119 and 120).
/// </summary>
internal static partial class CandidateModel
{
    /// <summary>
    /// Meters that report less often than this (minutes between readings; the evaluation's meters
    /// report every 0.5, 1 or 2 min) are judged by the slow meters' model.
    /// </summary>
    public const double SlowMeterMinutes = 2.4;

    public static bool IsTrained => !Ensemble.IsEmpty;

    public static bool IsWattsOnlyTrained => !WattsOnlyCandidateModel.Ensemble.IsEmpty;

    /// <summary>The highest feature index any of the trees split on (−1 untrained): must be one the detector gives.</summary>
    public static int HighestFeature =>
        Math.Max(Ensemble.HighestFeature, Math.Max(SlowMeterCandidateModel.Ensemble.HighestFeature, WattsOnlyCandidateModel.Ensemble.HighestFeature));

    /// <summary>For a meter that gives reactive power (pf, or volts and amps).</summary>
    public static double Probability(ReadOnlySpan<double> features) =>
        features[CandidateFeatures.IntervalMinutes] > SlowMeterMinutes && !SlowMeterCandidateModel.Ensemble.IsEmpty
            ? SlowMeterCandidateModel.Ensemble.Probability(features)
            : Ensemble.Probability(features);

    /// <summary>For a meter that reports <c>w</c> alone.</summary>
    public static double WattsOnlyProbability(ReadOnlySpan<double> features) => WattsOnlyCandidateModel.Ensemble.Probability(features);
}
