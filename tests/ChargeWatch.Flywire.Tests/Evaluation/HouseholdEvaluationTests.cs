using ChargeWatch.Core.Rules.FlywireHousehold;
using ChargeWatch.FlywireEvaluation;

namespace ChargeWatch.Flywire.Tests.Evaluation;

/// <summary>
/// The evaluation harness on a reduced held-out set. The regression floors sit a little under the
/// measured numbers (docs/flywire.md) so a change that makes detection worse fails CI; the issue's
/// targets are asserted separately and are not met yet.
/// </summary>
public sealed class HouseholdEvaluationTests
{
    private const long HeldOutSeed = 500_000;

    // 400 nights (150 until round eight, where 3 charges moved recall by 0.05): run once for both tests.
    private static readonly Lazy<RuleScore> ReducedHeldOutSet = new(() => HouseholdEvaluation.Run(HeldOutSeed, 400));

    [Fact]
    public void Run_ReducedHeldOutSet_StaysAboveRegressionFloors()
    {
        var score = ReducedHeldOutSet.Value;

        Assert.True(score.Positives >= 150, $"positives {score.Positives}");
        Assert.True(score.Recall >= 0.83, $"recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.92, $"precision {score.Precision:0.000}");
        Assert.True(score.MicrosecondsPerReading <= 20, $"{score.MicrosecondsPerReading:0.00} µs per reading (debug build)");
    }

    /// <summary>
    /// The targets (recall and precision ≥ 0.95, ≤ 1 false alert per 100 nights) are not met;
    /// this asserts what is achieved on this set (measured after round eight: recall 0.860, precision
    /// 0.938, 2.75 false alerts per 100 nights; `-- report 400`, see docs/flywire.md — on 2,000
    /// held-out nights the same detector measures 0.843 / 0.943 / 2.55) so that progress raises the
    /// bar instead of hiding behind a skipped test.
    /// </summary>
    [Fact]
    public void Run_ReducedHeldOutSet_FalseAlertsStayBelowMeasuredLevel()
    {
        var score = ReducedHeldOutSet.Value;

        Assert.True(score.FalseAlertsPer100 <= 3.25, $"false alerts per 100 nights {score.FalseAlertsPer100:0.00}");
        Assert.True(score.Precision >= 0.925, $"precision {score.Precision:0.000}");
    }

    [Fact]
    public void Run_ByMeter_SplitsEveryNightIntoOneKindAndCoversAllFour()
    {
        var byMeter = new Dictionary<string, RuleScore>();

        var score = HouseholdEvaluation.Run(HeldOutSeed, 48, byMeter: byMeter);

        // Sampling meters are drawn apart from pf, so both kinds of meter report pf in some nights.
        Assert.Equal(
            ["household, no pf, averaging", "household, no pf, sampling", "household, pf, averaging", "household, pf, sampling"],
            byMeter.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(score.Cases, byMeter.Values.Sum(s => s.Cases));
        Assert.Equal(score.Positives, byMeter.Values.Sum(s => s.Positives));
        Assert.Equal(score.Detected, byMeter.Values.Sum(s => s.Detected));
        Assert.Equal(score.FalseAlerts, byMeter.Values.Sum(s => s.FalseAlerts));
    }

    /// <summary>
    /// A meter without pf that reports volts and amps is judged on the pf they imply, so the charger is
    /// found on its plateau; with that off, only its taper tells. The score counts both from the taper.
    /// </summary>
    [Fact]
    public void Run_PowerFactorFromVoltsAndAmps_FindsChargersWithoutPfBeforeTheirTaper()
    {
        const string kind = "household, no pf, averaging";
        var fromVoltsAndAmps = new Dictionary<string, RuleScore>();
        var taperOnly = new Dictionary<string, RuleScore>();

        HouseholdEvaluation.Run(HeldOutSeed, 48, byMeter: fromVoltsAndAmps);
        HouseholdEvaluation.Run(HeldOutSeed, 48, new HouseholdSignatureOptions { PowerFactorFromVoltsAndAmps = false }, byMeter: taperOnly);

        Assert.True(fromVoltsAndAmps[kind].DelayPercentile(0.5) < 0, $"median delay {fromVoltsAndAmps[kind].DelayPercentile(0.5):0.0} min");
        Assert.True(taperOnly[kind].DelayPercentile(0.5) > 0, $"taper-only median delay {taperOnly[kind].DelayPercentile(0.5):0.0} min");
    }
}
