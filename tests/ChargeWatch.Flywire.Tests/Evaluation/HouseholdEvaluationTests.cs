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

    [Fact]
    public void Run_ReducedHeldOutSet_StaysAboveRegressionFloors()
    {
        var score = HouseholdEvaluation.Run(HeldOutSeed, 150);

        Assert.True(score.Positives >= 40, $"positives {score.Positives}");
        Assert.True(score.Recall >= 0.83, $"recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.91, $"precision {score.Precision:0.000}");
        Assert.True(score.MicrosecondsPerReading <= 20, $"{score.MicrosecondsPerReading:0.00} µs per reading (debug build)");
    }

    /// <summary>
    /// The targets (recall and precision ≥ 0.95, ≤ 1 false alert per 100 nights) are not met;
    /// this asserts what is achieved on this set (measured after round six: recall 0.848, precision
    /// 0.924, 3.33 false alerts per 100 nights; `-- report 150`, see docs/flywire.md) so that progress
    /// raises the bar instead of hiding behind a skipped test.
    /// </summary>
    [Fact]
    public void Run_ReducedHeldOutSet_FalseAlertsStayBelowMeasuredLevel()
    {
        var score = HouseholdEvaluation.Run(HeldOutSeed, 150);

        Assert.True(score.FalseAlertsPer100 <= 4, $"false alerts per 100 nights {score.FalseAlertsPer100:0.00}");
        Assert.True(score.Precision >= 0.91, $"precision {score.Precision:0.000}");
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
    /// --derive-pf gives a meter without pf the power factor its volts and amps imply, so the pf path
    /// finds the charger on its plateau; the score still counts the delay from the taper.
    /// </summary>
    [Fact]
    public void Run_DerivePowerFactor_FindsChargersWithoutPfBeforeTheirTaper()
    {
        const string kind = "household, no pf, averaging";
        var plain = new Dictionary<string, RuleScore>();
        var derived = new Dictionary<string, RuleScore>();

        HouseholdEvaluation.Run(HeldOutSeed, 48, byMeter: plain);
        HouseholdEvaluation.Run(HeldOutSeed, 48, byMeter: derived, derivePowerFactor: true);

        Assert.True(plain[kind].DelayPercentile(0.5) > 0, $"plain median delay {plain[kind].DelayPercentile(0.5):0.0} min");
        Assert.True(derived[kind].DelayPercentile(0.5) < 0, $"derived median delay {derived[kind].DelayPercentile(0.5):0.0} min");
    }
}
