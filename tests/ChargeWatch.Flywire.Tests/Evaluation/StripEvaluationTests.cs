using ChargeWatch.FlywireEvaluation;

namespace ChargeWatch.Flywire.Tests.Evaluation;

public sealed class StripEvaluationTests
{
    [Fact]
    public void Run_HeldOutShedNights_MeetsRecallAndPrecisionFloors()
    {
        // A reduced held-out set (the full one: `report 600 --shed`); the targets as floors.
        var score = StripEvaluation.Run(500_000, 60);

        Assert.True(score.Positives >= 25, $"only {score.Positives} strips");
        Assert.True(score.Recall >= 0.98, $"recall {score.Recall:0.000}");
        Assert.True(score.Precision >= 0.98, $"precision {score.Precision:0.000}");
        Assert.True(score.DelayPercentile(0.95) <= StripEvaluation.LateAfter.TotalMinutes, $"p95 delay {score.DelayPercentile(0.95):0.0} min");
    }
}
