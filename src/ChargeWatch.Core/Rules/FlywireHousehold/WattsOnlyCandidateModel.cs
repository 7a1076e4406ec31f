namespace ChargeWatch.Core.Rules.FlywireHousehold;

/// <summary>
/// The candidate model for meters that report <c>w</c> alone, with neither pf nor volts and amps:
/// trained like <see cref="CandidateModel"/>, on nights of such meters
/// (<c>bench/ChargeWatch.FlywireEvaluation/train-watts-only-model.sh</c>). Without reactive power
/// only a taper or a floor's track can find a charger, and the paths alone took too many other
/// falls for one (docs/flywire.md, item 120).
/// </summary>
internal static partial class WattsOnlyCandidateModel
{
    // Built in the static constructor, which runs after every field initializer of the generated part.
    private static readonly TreeEnsemble Ensemble;

    static WattsOnlyCandidateModel() => Ensemble = new TreeEnsemble(Bias, Roots, Features, Thresholds, Lefts, Rights);

    public static bool IsTrained => !Ensemble.IsEmpty;

    public static int HighestFeature => Ensemble.HighestFeature;

    public static double Probability(ReadOnlySpan<double> features) => Ensemble.Probability(features);
}
