using ChargeWatch.FlywireEvaluation;

namespace ChargeWatch.Flywire.Tests.Evaluation;

public sealed class TapEvaluationTests
{
    [Fact]
    public void Run_HeldOutShedNights_MeetsRecallAndPrecisionFloors()
    {
        // A reduced held-out set (the full one: `report 600 --shed`); the targets as floors.
        var score = TapEvaluation.Run(500_000, 60, log: null, out var near);

        Assert.True(score.Positives >= 20, $"only {score.Positives} taps above the contract line");
        Assert.True(score.NegativeCases >= 25, $"only {score.NegativeCases} nights without a tap");
        Assert.True(score.Recall >= 0.98, $"recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.98, $"precision {score.Precision:0.000}");
        Assert.InRange(score.DelayPercentile(0.5), 5.0, 8.0);
        Assert.True(near.Cases > 0, "no near-threshold taps drawn");
    }
}
