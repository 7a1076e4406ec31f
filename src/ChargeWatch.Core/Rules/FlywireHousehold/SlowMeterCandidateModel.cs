namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The candidate model for meters that report every 2.4 min or less often, up to the contract's
/// 5 min (<see cref="CandidateModel.SlowMeterMinutes"/>): trained like <see cref="CandidateModel"/>,
/// on nights of such meters (<c>bench/ChargeWatch.FlywireEvaluation/train-slow-meter-model.sh</c>).
/// At those intervals a refrigerator's run spans readings that the other model, which never saw
/// them, takes for a charger's step (docs/flywire.md, item 119).
/// </summary>
internal static partial class SlowMeterCandidateModel
{
    // Built in the static constructor, which runs after every field initializer of the generated part.
    private static readonly TreeEnsemble Ensemble;

    static SlowMeterCandidateModel() => Ensemble = new TreeEnsemble(Bias, Roots, Features, Thresholds, Lefts, Rights);

    public static bool IsTrained => !Ensemble.IsEmpty;

    public static int HighestFeature => Ensemble.HighestFeature;

    public static double Probability(ReadOnlySpan<double> features) => Ensemble.Probability(features);
}
